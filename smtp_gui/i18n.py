"""Language choice and message translation for the layers that do not use Qt.

Every user-visible string is written in English and marked for Qt's
translation system: in the window with ``tr()``, elsewhere with
``QT_TRANSLATE_NOOP(context, text)`` at the definition and ``translate(context,
text)`` where it is shown. ``pyside6-lupdate`` collects both kinds into the
``.ts`` catalogues under ``resources/i18n``.

The command line must start without Qt, so this module reads the ``.ts``
catalogues itself (they are small XML files). The window installs
``QCoreApplication.translate`` with ``set_translator`` so the same strings come
from the compiled ``.qm`` files there.
"""

from __future__ import annotations

import locale
import logging
import os
import sys
import threading
from collections.abc import Callable
from xml.etree import ElementTree

from smtp_gui.paths import translations_dir

logger = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("it", "en")
SOURCE_LANGUAGE = "en"

_lock = threading.Lock()
_language = SOURCE_LANGUAGE
_catalogue: dict[tuple[str, str], str] = {}
_translator: Callable[[str, str], str] | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark ``text`` for extraction by ``pyside6-lupdate`` and return it unchanged."""
    return text


def system_language() -> str:
    """Return "it" when the user's system language is Italian, else "en"."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return _supported(value)

    if sys.platform == "win32":
        return _windows_language()

    try:
        code = locale.getlocale(locale.LC_MESSAGES)[0] or ""
    except (AttributeError, ValueError):
        code = ""
    return _supported(code)


def _windows_language() -> str:
    import ctypes

    language_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()
    # The low 10 bits are the primary language; 0x10 is Italian.
    return "it" if language_id & 0x3FF == 0x10 else "en"


def _supported(code: str) -> str:
    code = code.strip().lower()
    return "it" if code.startswith("it") else "en"


def set_language(language: str) -> None:
    """Choose the language of every later ``translate`` call.

    Raises:
        ValueError: ``language`` is not one of ``SUPPORTED_LANGUAGES``.
    """
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; use one of {SUPPORTED_LANGUAGES}")

    catalogue = {} if language == SOURCE_LANGUAGE else load_catalogue(language)

    global _language, _catalogue
    with _lock:
        _language = language
        _catalogue = catalogue


def language() -> str:
    """Return the language chosen with ``set_language`` ("en" until then)."""
    return _language


def set_translator(translator: Callable[[str, str], str] | None) -> None:
    """Route ``translate`` through ``translator`` (the window passes Qt's), or back to the catalogue."""
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    """Return ``text`` in the chosen language, or unchanged when it has no translation."""
    translator = _translator
    if translator is not None:
        return translator(context, text)
    return _catalogue.get((context, text), text)


def load_catalogue(language: str) -> dict[tuple[str, str], str]:
    """Read every ``*_<language>.ts`` file into a map of (context, source) to translation.

    Unfinished, obsolete and empty translations are left out, so their
    English source is shown instead of a guess.
    """
    catalogue: dict[tuple[str, str], str] = {}
    folder = translations_dir()
    for path in sorted(folder.glob(f"*_{language}.ts")):
        try:
            root = ElementTree.parse(path).getroot()
        except (OSError, ElementTree.ParseError) as error:
            logger.warning("cannot read translation catalogue %s: %s", path, error)
            continue
        for context in root.iter("context"):
            name = context.findtext("name", default="")
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None or not translation.text:
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                catalogue[(name, source)] = translation.text
    return catalogue
