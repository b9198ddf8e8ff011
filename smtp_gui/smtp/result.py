"""The result of an engine operation: outcome, diagnosis, TLS facts and masked transcript."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field


class Step(str, enum.Enum):
    """The stage of the SMTP dialogue an operation reached or failed at."""

    INPUT = "input"  # the settings were rejected before connecting
    CONNECT = "connect"
    GREETING = "greeting"
    EHLO = "ehlo"
    TLS = "tls"
    AUTH = "auth"
    SENDER = "sender"
    RECIPIENT = "recipient"
    DATA = "data"
    QUIT = "quit"
    DONE = "done"


@dataclass(frozen=True)
class Diagnosis:
    """One failure or warning: a stable ``code`` and text in the chosen language."""

    code: str
    message: str
    hint: str = ""


@dataclass(frozen=True)
class Reply:
    """An SMTP reply: the basic code, the enhanced status code if any, the text decoded for display."""

    code: int
    enhanced: str = ""
    text: str = ""


@dataclass(frozen=True)
class Certificate:
    """A summary of the server's TLS certificate."""

    subject: str
    names: tuple[str, ...]
    issuer: str
    not_after: str  # ISO 8601, UTC
    sha256: str  # colon-separated upper-case hex


@dataclass(frozen=True)
class Result:
    """The outcome of ``check`` or ``send_test``.

    ``ok`` means the server accepted every command; for a test send that is
    "accepted by the server", not "delivered". ``step`` is the last step
    reached on success, or the step that failed. The transcript has every
    credential masked.
    """

    ok: bool
    step: Step
    diagnosis: Diagnosis | None = None
    tls_version: str = ""
    cipher: str = ""
    certificate: Certificate | None = None
    reply: Reply | None = None
    authenticated: bool = False
    queue_id: str = ""
    elapsed_s: float = 0.0
    warnings: tuple[Diagnosis, ...] = ()
    transcript: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        """Return the result as plain JSON-ready data, with the keys the command line prints."""
        data = asdict(self)
        data["step"] = self.step.value
        data["elapsed_s"] = round(self.elapsed_s, 3)
        data["warnings"] = [asdict(warning) for warning in self.warnings]
        data["transcript"] = list(self.transcript)
        if self.certificate is not None:
            data["certificate"]["names"] = list(self.certificate.names)
        return data
