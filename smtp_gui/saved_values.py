"""Values of the right type that the settings model cannot use, found when the settings file is loaded.

The window's widgets would change a port of 0, a timeout of 99999, an unknown
security type or an over-long server without a word: a spin box clamps, a
combo box falls back to its first item. The command line would blame such a
value on an option the user never gave. So the store replaces each one with
the field's default, reports it in a translated message, and leaves the file
as it is. No Qt.
"""

from __future__ import annotations

from typing import Any

from smtp_gui.addresses import MAX_ADDRESS_LENGTH, MAX_NAME_LENGTH
from smtp_gui.i18n import QT_TRANSLATE_NOOP, translate
from smtp_gui.settings import (
    DEFAULT_PORTS, DEFAULT_TIMEOUT, MAX_PORT, MAX_TIMEOUT, MIN_PORT, MIN_TIMEOUT, Security,
)

_CONTEXT = "Store"

# A server name is at most 253 characters plus a final root dot; a bracketed IPv6 literal is shorter.
_MAX_SERVER_LENGTH = MAX_NAME_LENGTH + 1
# QLineEdit's default maxLength in Qt 6: the window would cut a longer value without a word.
_MAX_TEXT_LENGTH = 32767
# A longer unknown security value is cut in the message, which must stay one readable line.
_SHOWN_LENGTH = 40
_MAX_LENGTHS = {
    "server": _MAX_SERVER_LENGTH,
    "sender": MAX_ADDRESS_LENGTH,
    "reports_recipient": MAX_ADDRESS_LENGTH,
    "username": _MAX_TEXT_LENGTH,
    "ca_file": _MAX_TEXT_LENGTH,
}

PORT_INVALID = QT_TRANSLATE_NOOP(
    "Store", "Port {value} in the settings file is not valid: the default value {default} is used."
)
TIMEOUT_INVALID = QT_TRANSLATE_NOOP(
    "Store", "Timeout {value} in the settings file is not valid: the default value of {default} seconds is used."
)
SECURITY_INVALID = QT_TRANSLATE_NOOP(
    "Store", "Connection security “{value}” in the settings file is not valid: the default value {default} is used."
)
TEXT_TOO_LONG = QT_TRANSLATE_NOOP(
    "Store",
    "{field} in the settings file is {length} characters long, more than the maximum of {maximum}: "
    "the field is left empty.",
)
FIELD_LABELS = {
    "server": QT_TRANSLATE_NOOP("Store", "Server"),
    "sender": QT_TRANSLATE_NOOP("Store", "Sender address (Indirizzo E-mail)"),
    "username": QT_TRANSLATE_NOOP("Store", "User name"),
    "reports_recipient": QT_TRANSLATE_NOOP("Store", "Problem reports recipient"),
    "ca_file": QT_TRANSLATE_NOOP("Store", "Extra CA file"),
}
SECURITY_NAMES = {
    Security.SSL: QT_TRANSLATE_NOOP("Store", "SSL"),
    Security.STARTTLS: QT_TRANSLATE_NOOP("Store", "STARTTLS"),
    Security.NONE: QT_TRANSLATE_NOOP("Store", "None"),
}


def _(text: str) -> str:
    return translate(_CONTEXT, text)


def replace_invalid(values: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Replace each value the model cannot use by the field's default, with a message for each.

    Args:
        values: ``Settings`` keyword arguments read from the file, each of the right type;
            ``security`` is still the raw string.

    Returns:
        The values to build ``Settings`` from (``security`` as a ``Security``), and one
        translated message per value that was replaced.
    """
    usable = dict(values)
    problems: list[str] = []

    security_text = usable.pop("security", None)
    security = Security.NONE
    if security_text is not None:
        try:
            security = usable["security"] = Security(security_text)
        except ValueError:
            shown = security_text if len(security_text) <= _SHOWN_LENGTH else security_text[:_SHOWN_LENGTH] + "…"
            problems.append(_(SECURITY_INVALID).format(value=shown, default=_(SECURITY_NAMES[security])))

    port = usable.get("port")
    if port is not None and not MIN_PORT <= port <= MAX_PORT:
        # The default follows the security type, as it does when the type is chosen in the window.
        usable["port"] = DEFAULT_PORTS[security]
        problems.append(_(PORT_INVALID).format(value=port, default=DEFAULT_PORTS[security]))

    timeout = usable.get("timeout")
    if timeout is not None and not MIN_TIMEOUT <= timeout <= MAX_TIMEOUT:
        del usable["timeout"]
        problems.append(_(TIMEOUT_INVALID).format(value=timeout, default=DEFAULT_TIMEOUT))

    for field_name, maximum in _MAX_LENGTHS.items():
        problem = _text_problem(field_name, usable.get(field_name), maximum)
        if problem:
            del usable[field_name]
            problems.append(problem)
    return usable, tuple(problems)


def _text_problem(field_name: str, text: str | None, maximum: int) -> str | None:
    # A control character is kept: the window shows it and validation names the field to fix.
    if text is None or len(text) <= maximum:
        return None
    return _(TEXT_TOO_LONG).format(field=_(FIELD_LABELS[field_name]), length=len(text), maximum=maximum)
