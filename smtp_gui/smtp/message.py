"""Build the test message: MIME, UTF-8, in the chosen language, naming the settings but never the password."""

from __future__ import annotations

import email.policy
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from smtp_gui import __version__
from smtp_gui.addresses import address_error, to_ascii
from smtp_gui.i18n import QT_TRANSLATE_NOOP, language, translate
from smtp_gui.settings import Security, Settings

_CONTEXT = "TestMessage"

SUBJECT = QT_TRANSLATE_NOOP("TestMessage", "Test message from the TVox SMTP configurator")
INTRODUCTION = QT_TRANSLATE_NOOP(
    "TestMessage",
    "This message was sent by the TVox SMTP configurator to test the outgoing mail settings below.",
)
SERVER_LINE = QT_TRANSLATE_NOOP("TestMessage", "Server: {server}")
PORT_LINE = QT_TRANSLATE_NOOP("TestMessage", "Port: {port}")
SECURITY_LINE = QT_TRANSLATE_NOOP("TestMessage", "Secure connection type: {security}")
AUTH_ON_LINE = QT_TRANSLATE_NOOP("TestMessage", "Authentication: on, username {username}")
AUTH_OFF_LINE = QT_TRANSLATE_NOOP("TestMessage", "Authentication: off")
SENDER_LINE = QT_TRANSLATE_NOOP("TestMessage", "Email address: {sender}")
TIME_LINE = QT_TRANSLATE_NOOP("TestMessage", "Sent at: {time}")
CLOSING = QT_TRANSLATE_NOOP(
    "TestMessage",
    "If you are reading this message, the server accepted it and delivered it. No reply is needed.",
)
SECURITY_NAMES: dict[Security, str] = {
    Security.SSL: QT_TRANSLATE_NOOP("TestMessage", "SSL"),
    Security.STARTTLS: QT_TRANSLATE_NOOP("TestMessage", "STARTTLS"),
    Security.NONE: QT_TRANSLATE_NOOP("TestMessage", "None"),
}


def build_test_message(settings: Settings, recipient: str, now: datetime) -> bytes:
    """Return the test message as bytes with CRLF line endings, ready for DATA before dot-stuffing.

    Args:
        settings: the settings used; the message names server, port, security,
            authentication and sender, and never the password.
        recipient: the single ``To`` address.
        now: the sending time; a naive value is taken as UTC.

    Raises:
        ValueError: the sender or the recipient is not one valid address, so it
            cannot go into a header unchecked.
    """
    sender = _header_address(settings.sender, "sender")
    to = _header_address(recipient, "recipient")
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    local_time = now.astimezone()

    # A non-ASCII local part can only travel in a UTF-8 header (RFC 6532), so only then is SMTPUTF8 used.
    policy = email.policy.SMTP if sender.isascii() and to.isascii() else email.policy.SMTPUTF8
    message = EmailMessage(policy=policy)
    message["From"] = sender
    message["To"] = to
    message["Subject"] = translate(_CONTEXT, SUBJECT)
    message["Date"] = format_datetime(local_time)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to a test
    message["User-Agent"] = f"smtp_gui/{__version__}"
    message.set_content(_body(settings, local_time), charset="utf-8", cte="quoted-printable")
    message["Content-Language"] = language()  # after set_content, which clears the Content-* headers
    return message.as_bytes()


def _header_address(address: str, role: str) -> str:
    """Return ``address`` with an ASCII domain, after checking it is exactly one valid mailbox."""
    if address_error(address):
        raise ValueError(f"the {role} is not a valid address")
    local, _, domain = address.rpartition("@")
    if domain.startswith("["):
        return address
    return f"{local}@{to_ascii(domain)}"


def _body(settings: Settings, local_time: datetime) -> str:
    security = translate(_CONTEXT, SECURITY_NAMES[Security(settings.security)])
    if settings.auth:
        authentication = translate(_CONTEXT, AUTH_ON_LINE).format(username=settings.username)
    else:
        authentication = translate(_CONTEXT, AUTH_OFF_LINE)

    lines = [
        translate(_CONTEXT, INTRODUCTION),
        "",
        translate(_CONTEXT, SERVER_LINE).format(server=settings.server.strip()),
        translate(_CONTEXT, PORT_LINE).format(port=settings.port),
        translate(_CONTEXT, SECURITY_LINE).format(security=security),
        authentication,
        translate(_CONTEXT, SENDER_LINE).format(sender=settings.sender),
        translate(_CONTEXT, TIME_LINE).format(time=local_time.strftime("%Y-%m-%d %H:%M:%S %z")),
        "",
        translate(_CONTEXT, CLOSING),
    ]
    return "\n".join(lines) + "\n"
