"""Persistence: the settings as a JSON file in the config folder, the password in the system keyring.

The file is ``settings.json``, a JSON object with ``"schema": 1`` and one key
per ``Settings`` field except the password. It is written atomically (a
temporary file in the same folder, flushed, fsynced, then renamed over the old
one), and the version it replaces is kept as ``settings.json.bak``. Keys this
version does not know are written back unchanged, so a newer version's
additions survive. A file that cannot be used (not JSON, no or a newer
schema, a value of the wrong type) is renamed to
``settings.broken-<timestamp>.json``, or left in place for read-only callers;
defaults are loaded, and the result gives the reason. A value of the right
type that the model cannot use (a port of 0, say) takes its default and is
reported, with the rest of the file kept.

The password goes to the system keyring through ``smtp_gui.passwords``.
``load`` reads only the file, so the GUI thread may call it. ``save`` and the
password methods may block on the keyring.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from smtp_gui import passwords, saved_values
from smtp_gui.i18n import QT_TRANSLATE_NOOP, translate
from smtp_gui.settings import Security, Settings

logger = logging.getLogger(__name__)

SCHEMA = 1
FILE_NAME = "settings.json"
BACKUP_NAME = "settings.json.bak"
CONFIG_DIR_VARIABLE = "SMTP_GUI_CONFIG_DIR"

_CONTEXT = "Store"
_TEXT_FIELDS = ("server", "sender", "username", "reports_recipient", "ca_file")
_NUMBER_FIELDS = ("port", "timeout")
_SWITCH_FIELDS = ("auth", "reports_enabled")
_KNOWN_KEYS = frozenset({"schema", "security", "password", *_TEXT_FIELDS, *_NUMBER_FIELDS, *_SWITCH_FIELDS})

FOLDER_FAILED = QT_TRANSLATE_NOOP("Store", "The settings folder {path} could not be created: {reason}.")
READ_FAILED = QT_TRANSLATE_NOOP("Store", "The settings file {path} could not be read: {reason}.")
WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Store", "The settings could not be saved to {path}: {reason}. The previously saved settings are unchanged."
)
MOVE_FAILED = QT_TRANSLATE_NOOP(
    "Store", "The settings file {path} is damaged ({problem}) and could not be renamed: {reason}."
)
REASON_DISK_FULL = QT_TRANSLATE_NOOP("Store", "the disk is full")
REASON_READ_ONLY = QT_TRANSLATE_NOOP("Store", "the disk is read-only")
REASON_DENIED = QT_TRANSLATE_NOOP(
    "Store", "access denied (the folder is read-only, or another program has the file open)"
)
REASON_READ_DENIED = QT_TRANSLATE_NOOP("Store", "permission denied: this user may not read the file")
REASON_NO_FOLDER = QT_TRANSLATE_NOOP("Store", "the folder does not exist")
REASON_IO = QT_TRANSLATE_NOOP("Store", "input/output error (the disk or the network share failed)")
REASON_IS_FOLDER = QT_TRANSLATE_NOOP("Store", "it is a folder, not a file")
REASON_OTHER = QT_TRANSLATE_NOOP("Store", "system error {code}")
FOLDER_BLOCKED = QT_TRANSLATE_NOOP(
    "Store",
    "The settings folder {path} could not be created: {blocker} is a file, not a folder. "
    "Rename or remove that file, or use another settings folder.",
)
PROBLEM_NOT_JSON = QT_TRANSLATE_NOOP("Store", "it is not valid JSON (error at line {line}, column {column})")
PROBLEM_NOT_UTF8 = QT_TRANSLATE_NOOP("Store", "it is not UTF-8 text")
PROBLEM_NOT_OBJECT = QT_TRANSLATE_NOOP("Store", "the file does not contain a JSON object")
PROBLEM_NO_SCHEMA = QT_TRANSLATE_NOOP("Store", "the schema version is missing")
PROBLEM_NEWER = QT_TRANSLATE_NOOP(
    "Store", "written by a newer version of the program (schema {schema}; this version reads schema 1)"
)
PROBLEM_NOT_TEXT = QT_TRANSLATE_NOOP("Store", "the value of “{key}” is not text in quotes")
PROBLEM_NOT_INTEGER = QT_TRANSLATE_NOOP("Store", "the value of “{key}” is not a whole number")
PROBLEM_NOT_SWITCH = QT_TRANSLATE_NOOP("Store", "the value of “{key}” is not true or false")


class StoreError(Exception):
    """A failure to read or write the settings; ``message`` is translated and names the cause and the path."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class LoadResult:
    """The outcome of ``Store.load``."""

    settings: Settings  # its password is always ""
    path: Path  # the settings file
    broken_path: Path | None = None  # where an unusable file was moved; None when not moved
    # Translated: why the file could not be used. Set with broken_path None when ``load(move_broken=False)``
    # found an unusable file and left it in place.
    broken_reason: str | None = None
    # Translated messages, one per value of the right type that the model cannot use, such as a port of 0.
    # Each such value was replaced by its default. The file itself was not changed.
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class SaveResult:
    """The outcome of ``Store.save``: the file was written, the password may not have been."""

    path: Path
    password_error: str | None = None  # translated: the keyring is missing or refused; the rest was saved
    broken_path: Path | None = None  # an unusable file found on save was moved here


class _UnusableFile(Exception):
    """The settings file exists but cannot be used; the message is translated."""


def default_config_dir(override: Path | str | None = None) -> Path:
    """Return the config folder: ``override`` (``--config-dir``), else $SMTP_GUI_CONFIG_DIR, else the platform's."""
    if override:
        return Path(override)
    from_environment = os.environ.get(CONFIG_DIR_VARIABLE)
    if from_environment:
        return Path(from_environment)
    return Path(platformdirs.user_config_dir("smtp-gui", appauthor=False))


class Store:
    """The saved settings and password of one config folder."""

    def __init__(self, config_dir: Path | str | None = None) -> None:
        self.config_dir = default_config_dir(config_dir)
        self.path = self.config_dir / FILE_NAME
        self.backup_path = self.config_dir / BACKUP_NAME

    def load(self, move_broken: bool = True) -> LoadResult:
        """Read the settings file; a missing file gives defaults, an unusable one is moved aside.

        Args:
            move_broken: rename an unusable file to ``settings.broken-<timestamp>.json``. With
                False the file is left untouched and only ``broken_reason`` reports it, which
                read-only uses (the command line) need: a file from a newer version must survive.

        Raises:
            StoreError: the file exists but cannot be read, or an unusable file cannot be moved aside.
        """
        content = self._read()
        if content is None:
            return LoadResult(Settings(), self.path)
        try:
            settings, problems = _settings_from(_parse(content))
        except _UnusableFile as problem:
            if not move_broken:
                logger.warning("settings file %s cannot be used (%s); left in place", self.path, problem)
                return LoadResult(Settings(), self.path, None, str(problem))
            broken_path = self._move_aside(str(problem))
            return LoadResult(Settings(), self.path, broken_path, str(problem))
        for message in problems:
            logger.warning("settings file %s: %s", self.path, message)
        return LoadResult(settings, self.path, problems=problems)

    def save(self, settings: Settings) -> SaveResult:
        """Write ``settings`` to the file, then bring the keyring in line with them.

        With authentication on, a non-empty ``settings.password`` replaces the
        stored one and an empty one keeps it. Turning authentication off or
        changing the server or user name removes the old entry.

        Raises:
            StoreError: the file could not be written; the old file and the keyring are unchanged.
            TypeError, ValueError: a field has a value of the wrong type; nothing is written.
        """
        _serialise(settings, {})  # raises on a wrong type before any file is touched
        self._create_folder()
        previous_content, previous_data, previous, broken_path = self._read_previous()

        content = _serialise(settings, previous_data)
        if content != previous_content:
            if previous_content is not None:
                self._write_atomically(self.backup_path, previous_content)
            self._write_atomically(self.path, content)
            logger.info("settings saved to %s", self.path)

        password_error = passwords.update(previous, settings)
        return SaveResult(self.path, password_error, broken_path)

    def password(self, settings: Settings) -> str:
        """Return the stored password for the settings' server and user name, or "" if none is stored.

        With no keyring at all there is no stored password, so this returns "".

        Raises:
            StoreError: the keyring exists but cannot be read (locked, refused, misconfigured).
        """
        try:
            return passwords.read(settings)
        except passwords.PasswordError as error:
            raise StoreError(error.message) from error

    def has_password(self, settings: Settings) -> bool:
        """Tell whether the keyring has a password for the settings' server and user name.

        Raises:
            StoreError: as ``password``.
        """
        return bool(self.password(settings))

    def with_password(self, settings: Settings) -> Settings:
        """Return ``settings`` with the stored password filled in when authentication is on and none was typed.

        Raises:
            StoreError: as ``password``.
        """
        if settings.auth is not True or settings.password:
            return settings
        return settings.replace(password=self.password(settings))

    def _read_previous(self) -> tuple[bytes | None, dict[str, Any], Settings, Path | None]:
        """Read the file a save replaces: its bytes, its JSON, its settings, and where it went if unusable."""
        content = self._read()
        if content is None:
            return None, {}, Settings(), None
        try:
            data = _parse(content)
            return content, data, _settings_from(data)[0], None
        except _UnusableFile as problem:
            return None, {}, Settings(), self._move_aside(str(problem))

    def _read(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except PermissionError as error:
            logger.error("cannot read settings file %s: %s", self.path, error)
            reason = translate(_CONTEXT, REASON_READ_DENIED)
            raise StoreError(translate(_CONTEXT, READ_FAILED).format(path=self.path, reason=reason)) from error
        except OSError as error:
            logger.error("cannot read settings file %s: %s", self.path, error)
            raise StoreError(translate(_CONTEXT, READ_FAILED).format(path=self.path, reason=_reason(error))) from error

    def _create_folder(self) -> None:
        try:
            self.config_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            blocker = _file_in_the_way(self.config_dir)
            if blocker is not None:
                message = translate(_CONTEXT, FOLDER_BLOCKED).format(path=self.config_dir, blocker=blocker)
            else:
                message = translate(_CONTEXT, FOLDER_FAILED).format(path=self.config_dir, reason=_reason(error))
            raise StoreError(message) from error

    def _move_aside(self, problem: str) -> Path:
        """Rename the unusable settings file so nothing overwrites it, and return its new path."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.config_dir / f"settings.broken-{stamp}.json"
        number = 1
        while target.exists():
            number += 1
            target = self.config_dir / f"settings.broken-{stamp}-{number}.json"
        try:
            os.replace(self.path, target)
        except OSError as error:
            message = translate(_CONTEXT, MOVE_FAILED).format(path=self.path, problem=problem, reason=_reason(error))
            raise StoreError(message) from error
        logger.warning("settings file %s could not be used (%s); moved to %s", self.path, problem, target)
        return target

    def _write_atomically(self, target: Path, content: bytes) -> None:
        """Write ``content`` to ``target`` so that a crash leaves either the old file or the new one."""
        try:
            descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=self.config_dir)
        except OSError as error:
            raise self._write_error(error) from error

        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(content)
                file.flush()
                os.fsync(file.fileno())
            # TODO: retry a few times on Windows, where a virus scanner that briefly keeps the new
            # file open makes os.replace fail with "access denied". Not tested on Windows.
            os.replace(temporary, target)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise self._write_error(error) from error

        _sync_folder(self.config_dir)

    def _write_error(self, error: OSError) -> StoreError:
        logger.error("cannot save settings to %s: %s", self.path, error)
        return StoreError(translate(_CONTEXT, WRITE_FAILED).format(path=self.path, reason=_reason(error)))


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of a rename to disk (POSIX), so the new file survives a power cut."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError as error:
        logger.debug("cannot fsync folder %s: %s", folder, error)
    finally:
        os.close(descriptor)


def _file_in_the_way(folder: Path) -> Path | None:
    """Return the nearest of ``folder`` and its parents that exists but is not a folder, or None."""
    for candidate in (folder, *folder.parents):
        try:
            if candidate.exists():
                return None if candidate.is_dir() else candidate
        except OSError:
            return None
    return None


def _reason(error: OSError) -> str:
    """Name the cause of a file error in the user's language."""
    reasons = {
        errno.ENOSPC: REASON_DISK_FULL,
        errno.EDQUOT: REASON_DISK_FULL,
        errno.EROFS: REASON_READ_ONLY,
        errno.EACCES: REASON_DENIED,
        errno.EPERM: REASON_DENIED,
        errno.ENOENT: REASON_NO_FOLDER,
        errno.EISDIR: REASON_IS_FOLDER,
        errno.EIO: REASON_IO,
    }
    reason = reasons.get(error.errno or 0)
    if reason is not None:
        return translate(_CONTEXT, reason)
    # The system's own text is English on most machines, so the user gets the error code and the log the text.
    logger.info("file error without a translated reason: %s", error)
    code = errno.errorcode.get(error.errno or 0, str(error.errno or type(error).__name__))
    return translate(_CONTEXT, REASON_OTHER).format(code=code)


def _parse(content: bytes) -> dict[str, Any]:
    """Decode the file and check its schema.

    Raises:
        _UnusableFile: not UTF-8 JSON, not an object, no schema, or a newer schema.
    """
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        logger.info("settings file is not UTF-8: %s", error)
        raise _UnusableFile(translate(_CONTEXT, PROBLEM_NOT_UTF8)) from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        # Python's message is English, so only the log gets it; the user gets the position.
        logger.info("settings file is not valid JSON: %s", error)
        message = translate(_CONTEXT, PROBLEM_NOT_JSON).format(line=error.lineno, column=error.colno)
        raise _UnusableFile(message) from error
    if not isinstance(data, dict):
        raise _UnusableFile(translate(_CONTEXT, PROBLEM_NOT_OBJECT))

    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise _UnusableFile(translate(_CONTEXT, PROBLEM_NO_SCHEMA))
    if schema > SCHEMA:
        raise _UnusableFile(translate(_CONTEXT, PROBLEM_NEWER).format(schema=schema))
    return data


def _settings_from(data: dict[str, Any]) -> tuple[Settings, tuple[str, ...]]:
    """Build ``Settings`` from a parsed file; a missing key, or a value the model cannot use, takes its default.

    Returns:
        The settings, and one translated message per value replaced by its default.

    Raises:
        _UnusableFile: a known key has a value of the wrong type.
    """
    values: dict[str, Any] = {}
    for key in (*_TEXT_FIELDS, "security"):
        values[key] = _typed(data, key, str, PROBLEM_NOT_TEXT)
    for key in _NUMBER_FIELDS:
        values[key] = _typed(data, key, int, PROBLEM_NOT_INTEGER)
    for key in _SWITCH_FIELDS:
        values[key] = _typed(data, key, bool, PROBLEM_NOT_SWITCH)

    usable, problems = saved_values.replace_invalid({key: value for key, value in values.items() if value is not None})
    return Settings(**usable), problems


def _typed(data: dict[str, Any], key: str, kind: type, problem: str) -> Any:
    if key not in data:
        return None
    value = data[key]
    # bool is a subclass of int, but true is no port number.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _UnusableFile(translate(_CONTEXT, problem).format(key=key))
    return value


def _serialise(settings: Settings, previous: dict[str, Any]) -> bytes:
    """Encode ``settings`` as the file's JSON, keeping the keys of ``previous`` this version does not know."""
    security = Security(settings.security)
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "server": settings.server,
        "sender": settings.sender,
        "port": settings.port,
        "security": security.value,
        "auth": settings.auth,
        "username": settings.username,
        "reports_enabled": settings.reports_enabled,
        "reports_recipient": settings.reports_recipient,
        "timeout": settings.timeout,
        "ca_file": settings.ca_file,
    }
    # "password" is a known key on purpose, so a hand-written one is dropped, never kept.
    data.update({key: value for key, value in previous.items() if key not in _KNOWN_KEYS})

    # A value of the wrong type would make the file unreadable for the next load.
    try:
        _settings_from(data)
    except _UnusableFile as error:
        raise TypeError(f"cannot save settings: {error}") from error
    # ASCII escapes keep any Python string encodable, lone surrogates from a paste included.
    return (json.dumps(data, indent=2) + "\n").encode("ascii")
