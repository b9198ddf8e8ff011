"""The settings model: the fields of the appliance's SMTP page, their defaults and rules.

Plain data with no Qt, so the engine, the store, the command line and the
window share one value. ``validate`` reports every error and warning at once,
each tied to a field. Its only I/O is a short read of the CA file, when one is
set.
"""

from __future__ import annotations

import dataclasses
import enum
import ssl
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from smtp_gui.addresses import address_error, is_ipv6, is_pec, server_error, to_ascii
from smtp_gui.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "DEFAULT_PORTS", "DEFAULT_TIMEOUT", "MAX_TIMEOUT", "MIN_TIMEOUT", "Problem", "Security", "Settings",
    "Severity", "address_error", "errors", "port_for_security", "server_error", "validate", "warnings",
    "wire_host",
]


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
MIN_PORT = 1
MAX_PORT = 65535


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
    if is_ipv6(host):
        return host
    return to_ascii(host)


def server_address(server: str, port: int) -> str:
    """Return ``server`` and ``port`` as shown together: "mail.example.com:587", "[::1]:25".

    An IPv6 address gets brackets (RFC 3986), because "::1:25" would read as another address.
    """
    host = server.strip()
    if is_ipv6(host):
        host = f"[{host}]"
    return f"{host}:{port}"


class Severity(str, enum.Enum):
    """The weight of a ``Problem``: an error blocks saving and checking, a warning only informs."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding of ``validate``, shown next to its field."""

    field: str  # the name of a Settings field, such as "server" or "reports_recipient"
    severity: Severity
    message: str  # translated, and states what to change


_CONTEXT = "Settings"
# A CA bundle of every public root is about 220 KB, so a larger file is not a CA file.
_MAX_CA_FILE_SIZE = 1024 * 1024

PORT_RANGE = QT_TRANSLATE_NOOP("Settings", "Enter a port number from 1 to 65535.")
TIMEOUT_RANGE = QT_TRANSLATE_NOOP("Settings", "Enter a timeout from 1 to 120 seconds.")
SECURITY_UNKNOWN = QT_TRANSLATE_NOOP("Settings", "Choose the connection security: SSL, STARTTLS or none.")
SWITCH_NOT_BOOLEAN = QT_TRANSLATE_NOOP("Settings", "This option must be either on or off.")
USERNAME_MISSING = QT_TRANSLATE_NOOP("Settings", "Enter the user name, or turn authentication off.")
USERNAME_CONTROL = QT_TRANSLATE_NOOP(
    "Settings", "The user name contains a line break or another control character. Type it again."
)
PASSWORD_MISSING = QT_TRANSLATE_NOOP(
    "Settings", "Enter the password: none is stored for this server and user name."
)
REPORTS_RECIPIENT_MISSING = QT_TRANSLATE_NOOP(
    "Settings", "Enter the address that receives the problem reports, or turn Segnalazioni off."
)
CA_FILE_MISSING = QT_TRANSLATE_NOOP("Settings", "The CA certificate file {path} does not exist. Choose another file.")
CA_FILE_UNREADABLE = QT_TRANSLATE_NOOP(
    "Settings", "The CA certificate file {path} cannot be read ({reason}). Choose another file."
)
CA_FILE_NOT_FILE = QT_TRANSLATE_NOOP(
    "Settings", "{path} is a folder or a device, not a file. Choose the PEM file of the CA certificate."
)
CA_FILE_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Settings", "The file {path} is larger than 1 MB, so it is not a CA certificate. Choose the PEM file of the CA."
)
CA_FILE_NOT_PEM = QT_TRANSLATE_NOOP(
    "Settings",
    "The file {path} holds no PEM certificate (text starting with “-----BEGIN CERTIFICATE-----”). "
    "Export the CA certificate in PEM (Base64) format.",
)
CA_FILE_INVALID = QT_TRANSLATE_NOOP(
    "Settings", "The certificate in {path} is damaged or not a valid PEM certificate. Export it again."
)
WARNING_NO_SECURITY = QT_TRANSLATE_NOOP(
    "Settings",
    "No encryption: mail travels in clear text, and most servers now refuse such connections. "
    "Choose SSL or STARTTLS if the server offers them.",
)
WARNING_AUTH_IN_CLEAR = QT_TRANSLATE_NOOP(
    "Settings",
    "Authentication without encryption sends the password in clear text. Choose SSL or STARTTLS.",
)
WARNING_SENDER_NOT_USERNAME = QT_TRANSLATE_NOOP(
    "Settings",
    "The sender differs from the user name {username}. Many servers reject mail sent as another mailbox: "
    "use {username} as sender unless the server allows it.",
)
WARNING_PEC_SERVER = QT_TRANSLATE_NOOP(
    "Settings",
    "This looks like a certified mail (PEC) server. PEC providers forbid automated sending and PEC mail "
    "is not accepted by ordinary mailboxes. Use an ordinary SMTP server.",
)
WARNING_PEC_RECIPIENT = QT_TRANSLATE_NOOP(
    "Settings",
    "This looks like a certified mail (PEC) address. PEC mailboxes reject mail from ordinary mailboxes, "
    "so the reports may never arrive. Use an ordinary mailbox.",
)


def validate(settings: Settings, *, password_stored: bool = False) -> list[Problem]:
    """Check every field and return all errors and warnings, in field order.

    A set ``ca_file`` is read (at most 1 MB), so on a slow network share this
    takes as long as that read.

    Args:
        settings: the values to check; fields of the wrong type give errors, never exceptions.
        password_stored: the keyring has a password for this server and user name, so an
            empty ``settings.password`` is not an error.

    Returns:
        Every problem found; an empty list when the settings are valid and raise no warning.
    """
    problems: list[Problem] = []
    problems += _server_problems(settings.server)
    problems += _text_problems("sender", settings.sender, address_error)
    problems += _number_problems("port", settings.port, MIN_PORT, MAX_PORT, PORT_RANGE)
    problems += _security_problems(settings.security)
    problems += _auth_problems(settings, password_stored)
    problems += _reports_problems(settings.reports_enabled, settings.reports_recipient)
    problems += _number_problems("timeout", settings.timeout, MIN_TIMEOUT, MAX_TIMEOUT, TIMEOUT_RANGE)
    problems += _ca_file_problems(settings.ca_file)
    return problems


def errors(problems: list[Problem]) -> list[Problem]:
    """Return the problems that are errors."""
    return [problem for problem in problems if problem.severity is Severity.ERROR]


def warnings(problems: list[Problem]) -> list[Problem]:
    """Return the problems that are warnings."""
    return [problem for problem in problems if problem.severity is Severity.WARNING]


def _error(field_name: str, message: str) -> Problem:
    return Problem(field_name, Severity.ERROR, message)


def _warning(field_name: str, message: str) -> Problem:
    return Problem(field_name, Severity.WARNING, message)


def _server_problems(server: object) -> list[Problem]:
    problems = _text_problems("server", server, server_error)
    if not problems and is_pec(str(server)):
        problems.append(_warning("server", translate(_CONTEXT, WARNING_PEC_SERVER)))
    return problems


def _text_problems(field_name: str, value: object, check: Callable[[str], str | None]) -> list[Problem]:
    message = check(value) if isinstance(value, str) else check("")
    return [_error(field_name, message)] if message else []


def _number_problems(field_name: str, value: object, low: int, high: int, message: str) -> list[Problem]:
    # bool is an int subclass, but True is no port number.
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return []
    return [_error(field_name, translate(_CONTEXT, message))]


def _security_problems(security: object) -> list[Problem]:
    if security not in tuple(Security):
        return [_error("security", translate(_CONTEXT, SECURITY_UNKNOWN))]
    if Security(security) is Security.NONE:
        return [_warning("security", translate(_CONTEXT, WARNING_NO_SECURITY))]
    return []


def _auth_problems(settings: Settings, password_stored: bool) -> list[Problem]:
    if not isinstance(settings.auth, bool):
        return [_error("auth", translate(_CONTEXT, SWITCH_NOT_BOOLEAN))]
    if not settings.auth:
        return []

    problems: list[Problem] = []
    username = settings.username if isinstance(settings.username, str) else ""
    if not username.strip():
        problems.append(_error("username", translate(_CONTEXT, USERNAME_MISSING)))
    elif any(ord(character) < 0x20 or ord(character) == 0x7F for character in username):
        problems.append(_error("username", translate(_CONTEXT, USERNAME_CONTROL)))

    password = settings.password if isinstance(settings.password, str) else ""
    if not password and not password_stored:
        problems.append(_error("password", translate(_CONTEXT, PASSWORD_MISSING)))

    if settings.security in (Security.NONE, Security.NONE.value):
        problems.append(_warning("auth", translate(_CONTEXT, WARNING_AUTH_IN_CLEAR)))
    if _sender_differs(settings.sender, username):
        message = translate(_CONTEXT, WARNING_SENDER_NOT_USERNAME).format(username=username)
        problems.append(_warning("sender", message))
    return problems


def _sender_differs(sender: object, username: str) -> bool:
    """Tell whether the user name is an address and the sender is a different valid address."""
    if not isinstance(sender, str) or address_error(sender) or address_error(username):
        return False
    return sender.casefold() != username.casefold()


def _reports_problems(enabled: object, recipient: object) -> list[Problem]:
    if not isinstance(enabled, bool):
        return [_error("reports_enabled", translate(_CONTEXT, SWITCH_NOT_BOOLEAN))]
    if not enabled:
        return []
    if not isinstance(recipient, str) or not recipient.strip():
        return [_error("reports_recipient", translate(_CONTEXT, REPORTS_RECIPIENT_MISSING))]

    problems = _text_problems("reports_recipient", recipient, address_error)
    if not problems and is_pec(recipient):
        problems.append(_warning("reports_recipient", translate(_CONTEXT, WARNING_PEC_RECIPIENT)))
    return problems


def _ca_file_problems(ca_file: object) -> list[Problem]:
    if not isinstance(ca_file, str):
        return [_error("ca_file", translate(_CONTEXT, CA_FILE_MISSING).format(path=repr(ca_file)))]
    if not ca_file.strip():
        return []
    message = ca_file_error(ca_file.strip())
    return [_error("ca_file", message)] if message else []


def ca_file_error(path_text: str) -> str | None:
    """Check that ``path_text`` names a readable file of PEM certificates that ``ssl`` accepts.

    Returns:
        The translated message saying what to change, or ``None`` when the file is usable.
    """
    path = Path(path_text)
    try:
        # Only a regular file: reading a FIFO or a terminal device could block for ever.
        if not stat.S_ISREG(path.stat().st_mode):
            return translate(_CONTEXT, CA_FILE_NOT_FILE).format(path=path_text)
        with path.open("rb") as file:
            data = file.read(_MAX_CA_FILE_SIZE + 1)
    except FileNotFoundError:
        return translate(_CONTEXT, CA_FILE_MISSING).format(path=path_text)
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return translate(_CONTEXT, CA_FILE_UNREADABLE).format(path=path_text, reason=reason)

    if len(data) > _MAX_CA_FILE_SIZE:
        return translate(_CONTEXT, CA_FILE_TOO_LARGE).format(path=path_text)
    text = data.decode("latin-1")
    if "-----BEGIN CERTIFICATE-----" not in text:
        return translate(_CONTEXT, CA_FILE_NOT_PEM).format(path=path_text)

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        context.load_verify_locations(cadata=text)
    except (ssl.SSLError, ValueError):
        return translate(_CONTEXT, CA_FILE_INVALID).format(path=path_text)
    return None
