"""Turn an operation's outcome into the text of the result popup.

A ``Report`` is plain text in the current language: a headline, paragraphs,
the details (masked transcript, certificate) and, where the diagnosis has an
obvious fix, the change to offer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale

from smtp_gui.settings import Security, Settings, server_address
from smtp_gui.smtp.diagnosis import step_name
from smtp_gui.smtp.result import Result
from smtp_gui.ui import texts
from smtp_gui.ui.jobs import SaveOutcome, SendOutcome

# lupdate finds calls named ``translate`` with a literal context and text.
translate = QCoreApplication.translate

TLS_MODE_MISMATCH = "tls_mode_mismatch"


@dataclass(frozen=True)
class Fix:
    """A change of the form that the popup offers as one button."""

    security: Security
    port: int
    label: str


@dataclass(frozen=True)
class Report:
    """The content of one result popup."""

    ok: bool
    title: str
    headline: str
    paragraphs: tuple[str, ...] = ()
    details: str = ""
    fix: Fix | None = None


def save_report(outcome: SaveOutcome) -> Report:
    """Return the popup for SALVA: saved or not, and connected or not."""
    title = translate("Report", "Save settings")
    if outcome.store_error:
        return Report(
            ok=False,
            title=title,
            headline=translate("Report", "The settings were NOT saved."),
            paragraphs=(outcome.store_error, translate("Report", "The values you typed are still in the form.")),
        )

    # The store's message already states that the password was not saved, and why.
    paragraphs = [outcome.password_error] if outcome.password_error else []
    result = outcome.result
    if not outcome.check_requested:
        headline = translate("Report", "Settings saved.")
        return Report(ok=not outcome.password_error, title=title, headline=headline, paragraphs=tuple(paragraphs))
    if result is None or _cancelled(result):
        headline = translate("Report", "Settings saved. The connection check was cancelled.")
        return Report(ok=not outcome.password_error, title=title, headline=headline, paragraphs=tuple(paragraphs))

    assert outcome.saved is not None  # a result exists only after a successful save
    if result.ok:
        headline = translate("Report", "Settings saved and connection to {server} working.").format(
            server=_address(outcome.saved))
        paragraphs[:0] = _success_lines(result)
    else:
        headline = translate("Report", "Settings saved, but the connection to {server} failed.").format(
            server=_address(outcome.saved))
        paragraphs[:0] = _failure_lines(result)
    paragraphs.extend(_warning_lines(result))
    return Report(
        ok=result.ok and not outcome.password_error,
        title=title,
        headline=headline,
        paragraphs=tuple(paragraphs),
        details=details_text(result, outcome.saved),
        fix=fix_for(result, outcome.saved),
    )


def send_report(outcome: SendOutcome, settings: Settings) -> Report:
    """Return the popup for the test send."""
    title = translate("Report", "Test e-mail")
    paragraphs: list[str] = []
    if outcome.differs_from_saved:
        paragraphs.append(translate(
            "Report", "This test used the values in the form, which differ from the saved settings."))
    result = outcome.result
    if result is None:
        return Report(
            ok=False,
            title=title,
            headline=translate("Report", "The test e-mail was not sent."),
            paragraphs=(outcome.store_error, *paragraphs),
        )

    if result.ok:
        headline = translate("Report", "The server accepted the test e-mail for {recipient}.").format(
            recipient=outcome.recipient)
        lines = _success_lines(result)
        accepted = _acceptance_reply(result)
        if accepted:
            lines.append(translate("Report", "Server reply: {reply}").format(reply=accepted))
        if result.queue_id:
            lines.append(translate("Report", "Queue ID: {queue_id}").format(queue_id=result.queue_id))
        lines.append(translate(
            "Report",
            "Accepted does not yet mean delivered: if the e-mail does not arrive within a few "
            "minutes, look in the spam folder too."))
    else:
        headline = translate("Report", "The test e-mail to {recipient} was not sent.").format(
            recipient=outcome.recipient)
        lines = _failure_lines(result)
    return Report(
        ok=result.ok,
        title=title,
        headline=headline,
        paragraphs=(*lines, *paragraphs, *_warning_lines(result)),
        details=details_text(result, settings),
        fix=fix_for(result, settings),
    )


def error_report(error: BaseException) -> Report:
    """Return the popup for an unexpected error in a background job."""
    return Report(
        ok=False,
        title=translate("Report", "Unexpected error"),
        headline=translate("Report", "The operation stopped because of an unexpected error."),
        paragraphs=(translate("Report", "Details are in the log file."),),
        details=f"{type(error).__name__}: {error}",
    )


def fix_for(result: Result, settings: Settings) -> Fix | None:
    """Return the one-button fix for SSL on a plain-text port or the reverse, else None."""
    if result.ok or result.diagnosis is None or result.diagnosis.code != TLS_MODE_MISMATCH:
        return None
    # The port is where the server listens, so keep it and change only how to talk to it.
    security = Security.STARTTLS if settings.security is Security.SSL else Security.SSL
    label = translate("Report", "Use {security} on port {port}").format(
        security=texts.security_names()[security], port=settings.port)
    return Fix(security, settings.port, label)


def _cancelled(result: Result) -> bool:
    return result.diagnosis is not None and result.diagnosis.code == "cancelled"


def _address(settings: Settings) -> str:
    return server_address(settings.server, settings.port)


def _success_lines(result: Result) -> list[str]:
    lines = []
    if result.tls_version:
        lines.append(translate("Report", "Encrypted connection: {tls_version} ({cipher}).").format(
            tls_version=result.tls_version, cipher=result.cipher))
    else:
        lines.append(translate("Report", "The connection is not encrypted."))
    if result.authenticated:
        lines.append(translate("Report", "Authentication accepted."))
    return lines


def _failure_lines(result: Result) -> list[str]:
    lines = [translate("Report", "Failed at: {step}.").format(step=step_name(result.step))]
    if result.diagnosis is not None:
        lines.append(result.diagnosis.message)
        if result.diagnosis.hint:
            lines.append(translate("Report", "What to try: {hint}").format(hint=result.diagnosis.hint))
    if result.reply is not None and result.reply.code >= 400:
        lines.append(translate("Report", "The server said: {reply}").format(reply=_reply_text(result)))
    return lines


def _warning_lines(result: Result) -> list[str]:
    return [translate("Report", "Note: {warning}").format(warning=w.message) for w in result.warnings]


def _acceptance_reply(result: Result) -> str:
    """Return the server's reply to the message itself ("250 ... queued as ..."), or "" if unknown."""
    if result.reply is not None and result.reply.code == 250:
        return _reply_text(result)
    return ""


def _reply_text(result: Result) -> str:
    reply = result.reply
    assert reply is not None
    return " ".join(part for part in (str(reply.code), reply.enhanced, reply.text) if part)


def details_text(result: Result, settings: Settings) -> str:
    """Return the details area: the attempt, the certificate and the masked transcript."""
    lines = [
        translate("Report", "Server: {server}, port {port}, security {security}").format(
            server=settings.server, port=settings.port, security=texts.security_names()[settings.security]),
        _outcome_line(result),
    ]
    if result.tls_version:
        lines.append(f"TLS: {result.tls_version} {result.cipher}")
    certificate = result.certificate
    if certificate is not None:
        lines.append(translate("Report", "Certificate:"))
        lines.append(translate("Report", "  Subject: {subject}").format(subject=certificate.subject))
        lines.append(translate("Report", "  Names: {names}").format(names=", ".join(certificate.names)))
        lines.append(translate("Report", "  Issuer: {issuer}").format(issuer=certificate.issuer))
        lines.append(translate("Report", "  Valid until: {not_after}").format(not_after=certificate.not_after))
        lines.append(f"  SHA-256: {certificate.sha256}")
    lines.append("")
    lines.append(translate("Report", "Transcript (passwords masked):"))
    lines.extend(result.transcript)
    return "\n".join(lines)


def _outcome_line(result: Result) -> str:
    """Return the outcome in words; a failure keeps its diagnosis code in brackets for support."""
    step = step_name(result.step)
    seconds = QLocale().toString(result.elapsed_s, "f", 1)  # "0,3" in Italian
    if result.ok:
        return translate("Report", "Result: succeeded (step: {step}), {seconds} s").format(step=step, seconds=seconds)
    diagnosis = result.diagnosis
    message = diagnosis.message if diagnosis is not None else translate("Report", "no diagnosis")
    code = diagnosis.code if diagnosis is not None else "error"
    return translate("Report", "Result: failed (step: {step}), {seconds} s: {message} [{code}]").format(
        message=message, code=code, step=step, seconds=seconds)
