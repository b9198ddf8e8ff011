"""Refuse settings that must not reach the wire, before any connection is made.

Every value that ends up in an SMTP command or a message header (server,
sender, user name, password, recipient) is checked, so a line break can
never inject a command or a header. The field rules come from
``smtp_gui.settings.validate``; this module adds what only a connection
needs: a password without control characters and a valid recipient.
"""

from __future__ import annotations

import unicodedata

from smtp_gui import settings as settings_model
from smtp_gui.i18n import QT_TRANSLATE_NOOP, translate
from smtp_gui.settings import Settings
from smtp_gui.smtp import diagnosis
from smtp_gui.smtp.result import Diagnosis

_CONTEXT = "Inputs"
PASSWORD_CONTROL = QT_TRANSLATE_NOOP(
    "Inputs",
    "The password contains a line break or another control character, which cannot be sent. Type it again.",
)

# The fields a connection uses; the Segnalazioni fields do not stop a connection check.
_CONNECTION_FIELDS = ("server", "sender", "port", "security", "auth", "username", "password", "timeout", "ca_file")


def check_inputs(settings: Settings, recipient: str | None) -> Diagnosis | None:
    """Return an ``invalid_input`` diagnosis naming the first invalid field, or None when all are valid.

    Args:
        settings: the values to connect with; ``password`` must already hold
            the password when ``auth`` is on.
        recipient: the test recipient, or None for a connection check.
    """
    field, reason = _first_problem(settings, recipient)
    if not field:
        return None
    return diagnosis.make("invalid_input", diagnosis.Context.from_settings(settings), field=field, reason=reason)


def _first_problem(settings: Settings, recipient: str | None) -> tuple[str, str]:
    problems = settings_model.errors(settings_model.validate(settings, password_stored=False))
    for problem in problems:
        if problem.field in _CONNECTION_FIELDS:
            return problem.field, problem.message

    # A password may hold any printable character, because it travels base64-encoded,
    # but a control character such as NUL would split the SASL PLAIN payload.
    if settings.auth and any(unicodedata.category(character) == "Cc" for character in settings.password):
        return "password", translate(_CONTEXT, PASSWORD_CONTROL)

    if recipient is not None:
        reason = settings_model.address_error(recipient)
        if reason:
            return "recipient", reason
    return "", ""
