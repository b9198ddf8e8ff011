"""The settings model: the fields of the appliance's SMTP page, their defaults and rules.

Plain data with no Qt and no I/O, so the engine, the store, the command line
and the window share one value.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field


class Security(str, enum.Enum):
    """The "Tipo di connessione sicura" choices."""

    SSL = "ssl"  # implicit TLS from the first byte
    STARTTLS = "starttls"  # plain text, upgraded by the STARTTLS command
    NONE = "none"  # "Nessuno": no encryption at all


DEFAULT_PORTS: dict[Security, int] = {
    Security.SSL: 465,
    Security.STARTTLS: 587,
    Security.NONE: 25,
}

DEFAULT_TIMEOUT = 15
MIN_TIMEOUT = 1
MAX_TIMEOUT = 120


@dataclass(frozen=True)
class Settings:
    """One complete set of SMTP settings.

    ``password`` is carried only in memory, between the keyring and the
    engine; it is excluded from ``repr`` and never serialised by the store.
    An empty password with ``auth`` on means "keep the stored one".
    """

    server: str = ""
    sender: str = ""
    port: int = DEFAULT_PORTS[Security.NONE]
    security: Security = Security.NONE
    auth: bool = False
    username: str = ""
    password: str = field(default="", repr=False)
    reports_enabled: bool = False
    reports_recipient: str = ""
    timeout: int = DEFAULT_TIMEOUT
    ca_file: str = ""

    def replace(self, **changes: object) -> Settings:
        """Return a copy with ``changes`` applied."""
        return dataclasses.replace(self, **changes)


def port_for_security(port: int, new_security: Security) -> int:
    """Return the port to show after the security type changes to ``new_security``.

    A standard port (25, 465, 587) moves to the new type's default; a custom
    port, such as 2525, stays as the user typed it.
    """
    if port in DEFAULT_PORTS.values():
        return DEFAULT_PORTS[new_security]
    return port


def wire_host(server: str) -> str:
    """Return ``server`` as it goes on the wire: IDNA for names, bare IPv6 without brackets.

    Raises:
        UnicodeError: the name cannot be encoded with IDNA.
    """
    host = server.strip()
    if host.startswith("[") and host.endswith("]"):
        return host[1:-1]
    if ":" in host:
        return host  # an IPv6 literal without brackets
    if host.isascii():
        return host.lower()
    return host.encode("idna").decode("ascii")
