"""Output of the command line: the readable report, the JSON object, and the saved settings.

Every text is translated at the moment it is formatted, so ``--lang`` and the
system language apply. The server's own reply always sits next to the
diagnosis, because the technician may need to quote it to the mail provider.
"""

from __future__ import annotations

from pathlib import Path

from smtp_gui.i18n import QT_TRANSLATE_NOOP, language, translate
from smtp_gui.settings import Security, Settings

# typing.TYPE_CHECKING without importing typing, which costs about 2 ms of every start
# (python -X importtime). mypy treats any name TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from smtp_gui.settings import Problem
    from smtp_gui.smtp.result import Certificate, Diagnosis, Reply, Result

CONTEXT = "CliReport"
INDENT = "  "

SECURITY_LABELS = {
    Security.SSL: QT_TRANSLATE_NOOP("CliReport", "SSL"),
    Security.STARTTLS: QT_TRANSLATE_NOOP("CliReport", "STARTTLS"),
    Security.NONE: QT_TRANSLATE_NOOP("CliReport", "None"),
}

CHECK_OK = QT_TRANSLATE_NOOP("CliReport", "Connection check succeeded: {server}, port {port}, security {security}.")
CHECK_FAILED = QT_TRANSLATE_NOOP("CliReport", "Connection check failed: {server}, port {port}, security {security}.")
SEND_OK = QT_TRANSLATE_NOOP(
    "CliReport",
    "Test message to {recipient} accepted by the server, not yet delivered: {server}, port {port}, security {security}.",
)
SEND_FAILED = QT_TRANSLATE_NOOP(
    "CliReport", "Test message to {recipient} not sent: {server}, port {port}, security {security}."
)
STEP_FAILED = QT_TRANSLATE_NOOP("CliReport", "Failed at:")
PROBLEM = QT_TRANSLATE_NOOP("CliReport", "Problem:")
HINT = QT_TRANSLATE_NOOP("CliReport", "What to try:")
SERVER_REPLY = QT_TRANSLATE_NOOP("CliReport", "Last server reply:")
NO_REPLY = QT_TRANSLATE_NOOP("CliReport", "(no reply)")
TLS = QT_TRANSLATE_NOOP("CliReport", "TLS:")
TLS_NOT_USED = QT_TRANSLATE_NOOP("CliReport", "not used, the connection is not encrypted")
CERTIFICATE = QT_TRANSLATE_NOOP("CliReport", "Certificate:")
CERTIFICATE_SUBJECT = QT_TRANSLATE_NOOP("CliReport", "subject:")
CERTIFICATE_NAMES = QT_TRANSLATE_NOOP("CliReport", "valid for:")
CERTIFICATE_ISSUER = QT_TRANSLATE_NOOP("CliReport", "issuer:")
CERTIFICATE_EXPIRES = QT_TRANSLATE_NOOP("CliReport", "expires:")
CERTIFICATE_FINGERPRINT = QT_TRANSLATE_NOOP("CliReport", "SHA-256:")
AUTHENTICATED = QT_TRANSLATE_NOOP("CliReport", "Authentication:")
AUTHENTICATED_AS = QT_TRANSLATE_NOOP("CliReport", "logged in as {username}")
NOT_AUTHENTICATED = QT_TRANSLATE_NOOP("CliReport", "not used")
QUEUE_ID = QT_TRANSLATE_NOOP("CliReport", "Queue id:")
QUEUE_ID_VALUE = QT_TRANSLATE_NOOP("CliReport", "{queue_id} (accepted by the server, not yet delivered)")
QUEUE_ID_NONE = QT_TRANSLATE_NOOP("CliReport", "none given by the server (accepted, not yet delivered)")
ELAPSED = QT_TRANSLATE_NOOP("CliReport", "Elapsed:")
SECONDS = QT_TRANSLATE_NOOP("CliReport", "{seconds} s")
WARNINGS = QT_TRANSLATE_NOOP("CliReport", "Warnings:")
TRANSCRIPT = QT_TRANSLATE_NOOP("CliReport", "Transcript (passwords masked):")
TRANSCRIPT_EMPTY = QT_TRANSLATE_NOOP("CliReport", "(empty: no connection was made)")
CANCELLED_MESSAGE = QT_TRANSLATE_NOOP("CliReport", "The operation was cancelled.")
SAVED_SETTING = QT_TRANSLATE_NOOP("CliReport", "saved setting {label}")

FIELD_LABELS = {
    "server": QT_TRANSLATE_NOOP("CliReport", "Server"),
    "sender": QT_TRANSLATE_NOOP("CliReport", "Sender address (Indirizzo E-mail)"),
    "port": QT_TRANSLATE_NOOP("CliReport", "Port"),
    "security": QT_TRANSLATE_NOOP("CliReport", "Security"),
    "auth": QT_TRANSLATE_NOOP("CliReport", "Authentication"),
    "username": QT_TRANSLATE_NOOP("CliReport", "User name"),
    "password": QT_TRANSLATE_NOOP("CliReport", "Password"),
    "reports_enabled": QT_TRANSLATE_NOOP("CliReport", "Problem reports (Segnalazioni)"),
    "reports_recipient": QT_TRANSLATE_NOOP("CliReport", "Problem reports recipient"),
    "timeout": QT_TRANSLATE_NOOP("CliReport", "Timeout"),
    "ca_file": QT_TRANSLATE_NOOP("CliReport", "Extra CA file"),
    "recipient": QT_TRANSLATE_NOOP("CliReport", "Recipient"),
}
# The option that sets each field, named in validation errors.
FIELD_OPTIONS = {
    "server": "--server",
    "sender": "--sender",
    "port": "--port",
    "security": "--security",
    "auth": "--user",
    "username": "--user",
    "password": "--password-stdin",
    "timeout": "--timeout",
    "ca_file": "--cafile",
    "recipient": "--to",
}
SETTINGS_FILE = QT_TRANSLATE_NOOP("CliReport", "Settings file:")
ON = QT_TRANSLATE_NOOP("CliReport", "on")
OFF = QT_TRANSLATE_NOOP("CliReport", "off")
EMPTY = QT_TRANSLATE_NOOP("CliReport", "(empty)")
PASSWORD_SET = QT_TRANSLATE_NOOP("CliReport", "set")
PASSWORD_NOT_SET = QT_TRANSLATE_NOOP("CliReport", "not set")
PASSWORD_UNKNOWN = QT_TRANSLATE_NOOP("CliReport", "unknown: {error}")


def _(text: str) -> str:
    return translate(CONTEXT, text)


def format_result(
    result: Result, settings: Settings, command: str, recipient: str | None, warnings: tuple[str, ...]
) -> str:
    """Return the readable report of ``result``: outcome, diagnosis, TLS facts, warnings, transcript."""
    from smtp_gui.smtp.diagnosis import step_name  # loaded by the operation that made ``result`` anyway

    lines = [_headline(result, settings, command, recipient)]
    # A success reaches the last step, so only a failure names its step.
    if not result.ok:
        lines.append(_label(STEP_FAILED, step_name(result.step)))

    if result.diagnosis is not None:
        lines.append(_label(PROBLEM, f"{result.diagnosis.message} [{result.diagnosis.code}]"))
        if result.diagnosis.hint:
            lines.append(_label(HINT, result.diagnosis.hint))
    lines.append(_label(SERVER_REPLY, format_reply(result.reply)))

    lines.append(_label(TLS, f"{result.tls_version}, {result.cipher}" if result.tls_version else _(TLS_NOT_USED)))
    if result.certificate is not None:
        lines += _certificate_lines(result.certificate)
    authenticated = _(AUTHENTICATED_AS).format(username=settings.username) if result.authenticated else _(NOT_AUTHENTICATED)
    lines.append(_label(AUTHENTICATED, authenticated))
    if command == "send-test" and result.ok:
        queue = _(QUEUE_ID_VALUE).format(queue_id=result.queue_id) if result.queue_id else _(QUEUE_ID_NONE)
        lines.append(_label(QUEUE_ID, queue))
    lines.append(_label(ELAPSED, _(SECONDS).format(seconds=_decimal(result.elapsed_s))))

    all_warnings = [_diagnosis_text(warning) for warning in result.warnings] + list(warnings)
    if all_warnings:
        lines.append(_(WARNINGS))
        lines += [f"{INDENT}- {warning}" for warning in all_warnings]

    lines.append(_(TRANSCRIPT))
    lines += [INDENT + line for line in result.transcript] or [INDENT + _(TRANSCRIPT_EMPTY)]
    return "\n".join(lines)


def _headline(result: Result, settings: Settings, command: str, recipient: str | None) -> str:
    if command == "send-test":
        template = SEND_OK if result.ok else SEND_FAILED
    else:
        template = CHECK_OK if result.ok else CHECK_FAILED
    return _(template).format(
        server=settings.server, port=settings.port, security=security_label(settings.security), recipient=recipient
    )


def format_reply(reply: Reply | None) -> str:
    """Return the server's reply as the server wrote it: code, enhanced code, text.

    The lines of a multi-line reply after the first are indented under it.
    """
    if reply is None:
        return _(NO_REPLY)
    text = " ".join(part for part in (str(reply.code), reply.enhanced, reply.text) if part)
    return text.replace("\n", "\n" + INDENT * 2)


def _certificate_lines(certificate: Certificate) -> list[str]:
    return [
        _(CERTIFICATE),
        INDENT + _label(CERTIFICATE_SUBJECT, certificate.subject),
        INDENT + _label(CERTIFICATE_NAMES, ", ".join(certificate.names) or _(EMPTY)),
        INDENT + _label(CERTIFICATE_ISSUER, certificate.issuer),
        INDENT + _label(CERTIFICATE_EXPIRES, certificate.not_after),
        INDENT + _label(CERTIFICATE_FINGERPRINT, certificate.sha256),
    ]


def _diagnosis_text(diagnosis: Diagnosis) -> str:
    return f"{diagnosis.message} {diagnosis.hint}".strip()


def _label(label: str, value: str) -> str:
    return f"{_(label)} {value}"


def _decimal(seconds: float) -> str:
    text = f"{seconds:.2f}"
    return text.replace(".", ",") if language() == "it" else text


def security_label(security: Security) -> str:
    """Return the translated name of a security type."""
    return _(SECURITY_LABELS[Security(security)])


def to_json(result: Result, warnings: tuple[str, ...]) -> str:
    """Return ``result`` as one JSON object, with the settings warnings as ``settings_warnings``."""
    import json

    data = result.to_dict()
    data["settings_warnings"] = list(warnings)
    return json.dumps(data, ensure_ascii=False, indent=2)


def cancelled_result() -> Result:
    """Return a ``cancelled`` result for an operation that did not stop in time after Ctrl+C."""
    from smtp_gui.smtp.result import Diagnosis, Result, Step

    return Result(ok=False, step=Step.CONNECT, diagnosis=Diagnosis("cancelled", _(CANCELLED_MESSAGE)))


def invalid_settings_json(
    message: str, problems: list[Problem], saved_fields: frozenset[str] = frozenset()
) -> str:
    """Return the JSON object for settings that failed validation: the shape of a failed result.

    Each problem's ``saved`` is true when the value came from the saved settings, not from an option.
    """
    import json

    data = {
        "ok": False,
        "step": "input",
        "diagnosis": {"code": "invalid_input", "message": message, "hint": ""},
        "problems": [
            {"field": problem.field, "message": problem.message, "saved": problem.field in saved_fields}
            for problem in problems
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def problem_line(problem: Problem, saved: bool = False) -> str:
    """Return one validation problem as "Field (--option): message", or "saved setting Field: message".

    Args:
        saved: the value comes from the saved settings, so naming an option the user did not give would mislead.
    """
    label = _(FIELD_LABELS.get(problem.field, problem.field))
    if saved:
        return _(SAVED_SETTING).format(label=label) + f": {problem.message}"
    option = FIELD_OPTIONS.get(problem.field)
    return f"{label} ({option}): {problem.message}" if option else f"{label}: {problem.message}"


def format_settings(settings: Settings, path: Path, password_state: bool | str) -> str:
    """Return the saved settings for ``show``; the password only as set, not set or unknown."""
    rows = [
        ("server", settings.server or _(EMPTY)),
        ("sender", settings.sender or _(EMPTY)),
        ("security", security_label(settings.security)),
        ("port", str(settings.port)),
        ("auth", _(ON) if settings.auth else _(OFF)),
        ("username", settings.username or _(EMPTY)),
        ("password", _password_text(password_state)),
        ("reports_enabled", _(ON) if settings.reports_enabled else _(OFF)),
        ("reports_recipient", settings.reports_recipient or _(EMPTY)),
        ("timeout", _(SECONDS).format(seconds=settings.timeout)),
        ("ca_file", settings.ca_file or _(EMPTY)),
    ]
    lines = [_label(SETTINGS_FILE, str(path))]
    lines += [f"{_(FIELD_LABELS[name])}: {value}" for name, value in rows]
    return "\n".join(lines)


def _password_text(password_state: bool | str) -> str:
    if isinstance(password_state, str):
        return _(PASSWORD_UNKNOWN).format(error=password_state)
    return _(PASSWORD_SET) if password_state else _(PASSWORD_NOT_SET)


def settings_json(settings: Settings, path: Path, password_state: bool | str) -> str:
    """Return the saved settings for ``show --json``; ``password_set`` is true, false or null (unknown)."""
    import json

    data = {
        "path": str(path),
        "server": settings.server,
        "sender": settings.sender,
        "port": settings.port,
        "security": Security(settings.security).value,
        "auth": settings.auth,
        "username": settings.username,
        "password_set": None if isinstance(password_state, str) else password_state,
        "reports_enabled": settings.reports_enabled,
        "reports_recipient": settings.reports_recipient,
        "timeout": settings.timeout,
        "ca_file": settings.ca_file,
    }
    if isinstance(password_state, str):
        data["password_error"] = password_state
    return json.dumps(data, ensure_ascii=False, indent=2)
