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
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.parsers import expat

from smtp_gui.paths import translations_dir

logger = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("it", "en")
SOURCE_LANGUAGE = "en"

# The catalogue areas of the code below the window (engine, settings model and store,
# command line), which is all a process without Qt can show.
NON_QT_AREAS = ("engine", "settings", "cli")

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


def set_language(language: str, areas: Iterable[str] | None = None) -> None:
    """Choose the language of every later ``translate`` call.

    Args:
        language: one of ``SUPPORTED_LANGUAGES``.
        areas: the catalogue areas to load (``<area>_<language>.ts``), or None
            for all of them. The command line passes ``NON_QT_AREAS`` so it
            does not parse the window's catalogue.

    Raises:
        ValueError: ``language`` is not one of ``SUPPORTED_LANGUAGES``.
    """
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; use one of {SUPPORTED_LANGUAGES}")

    catalogue = {} if language == SOURCE_LANGUAGE else load_catalogue(language, areas)

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


def load_catalogue(language: str, areas: Iterable[str] | None = None) -> dict[tuple[str, str], str]:
    """Read the ``<area>_<language>.ts`` files into a map of (context, source) to translation.

    ``areas`` None reads every area's file. Unfinished, obsolete and empty
    translations are left out, so their English source is shown instead of a
    guess.
    """
    catalogue: dict[tuple[str, str], str] = {}
    folder = translations_dir()
    if areas is None:
        paths = sorted(folder.glob(f"*_{language}.ts"))
    else:
        # A missing area file is skipped, as the glob above skips it.
        paths = [folder / f"{area}_{language}.ts" for area in sorted(areas)]
        paths = [path for path in paths if path.is_file()]
    for path in paths:
        try:
            catalogue.update(_read_ts(path))
        except (OSError, expat.ExpatError) as error:
            logger.warning("cannot read translation catalogue %s: %s", path, error)
    return catalogue


# Translations of these types are not used, so the English source is shown instead.
_SKIPPED_TYPES = ("unfinished", "obsolete", "vanished")


def _read_ts(path: Path) -> dict[tuple[str, str], str]:
    """Read one ``.ts`` file into a map of (context, source) to finished translation.

    The file is parsed with expat directly, because ``xml.etree`` made every
    start of the command line about 2 ms slower (import and parse together).

    Raises:
        OSError: the file cannot be read.
        expat.ExpatError: the file is not well-formed XML.
    """
    reader = _TsReader()
    parser = expat.ParserCreate()
    parser.buffer_text = True  # one text call per run of character data, not one per line or entity
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    parser.Parse(path.read_bytes(), True)
    return reader.catalogue


class _TsReader:
    """Expat handlers that collect each message's source and translation, with its context name.

    Like ``ElementTree``'s ``text``, an element's text is the character data
    before its first child element. Only the first ``name`` of a context and
    the first ``source`` and ``translation`` of a message count, and a
    context's ``name`` must come before its messages, as lupdate writes it.
    """

    # The elements whose text is read, each under its parent.
    _FIELDS = (("context", "name"), ("message", "source"), ("message", "translation"))

    def __init__(self) -> None:
        self.catalogue: dict[tuple[str, str], str] = {}
        self._path: list[str] = []  # names of the open elements, outermost first
        self._field: str | None = None  # the element of _FIELDS being read
        self._field_depth = 0
        self._text_open = False  # False once the field has a child element
        self._parts: list[str] = []
        self._seen: set[str] = set()  # the fields already read in the current context or message
        self._context = ""
        self._source: str | None = None
        self._translation = ""
        self._translation_type: str | None = None

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        parent = self._path[-1] if self._path else ""
        self._path.append(tag)
        if self._field is not None:
            self._text_open = False
            return
        if tag == "context":
            self._context = ""
            self._seen = set()
        elif tag == "message":
            self._source, self._translation, self._translation_type = None, "", None
            self._seen = set()
        elif (parent, tag) in self._FIELDS and tag not in self._seen:
            self._field, self._field_depth, self._text_open = tag, len(self._path), True
            self._parts = []
            if tag == "translation":
                self._translation_type = attributes.get("type")

    def text(self, data: str) -> None:
        if self._text_open:
            self._parts.append(data)

    def end(self, tag: str) -> None:
        field = self._field
        if field is not None and len(self._path) == self._field_depth:
            self._store_field(field, "".join(self._parts))
        elif field is None and tag == "message":
            self._add_message()
        self._path.pop()

    def _store_field(self, field: str, value: str) -> None:
        self._field, self._text_open = None, False
        self._seen.add(field)
        if field == "name":
            self._context = value
        elif field == "source":
            self._source = value
        else:
            self._translation = value

    def _add_message(self) -> None:
        if self._source is None or not self._translation or self._translation_type in _SKIPPED_TYPES:
            return
        self.catalogue[(self._context, self._source)] = self._translation
