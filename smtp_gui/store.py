"""Persistence: the settings as a JSON file in the config folder, the password in the system keyring.

The file is ``settings.json``, a JSON object with ``"schema": 1`` and one key
per ``Settings`` field except the password. It is written atomically (a
temporary file in the same folder, flushed, fsynced, then renamed over the old
one), and the version it replaces is kept as ``settings.json.bak``. Keys this
version does not know are written back unchanged, so a newer version's
additions survive. A file that cannot be used is renamed to
``settings.broken-<timestamp>.json``, defaults are loaded, and the result
names the new path and the reason.

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

from smtp_gui import passwords
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
REASON_NO_FOLDER = QT_TRANSLATE_NOOP("Store", "the folder does not exist")
REASON_NOT_FOLDER = QT_TRANSLATE_NOOP("Store", "a file with that name is in the way of the folder")
PROBLEM_NOT_JSON = QT_TRANSLATE_NOOP("Store", "not valid JSON: {detail}")
PROBLEM_NOT_OBJECT = QT_TRANSLATE_NOOP("Store", "the file does not contain a JSON object")
PROBLEM_NO_SCHEMA = QT_TRANSLATE_NOOP("Store", "the schema version is missing")
PROBLEM_NEWER = QT_TRANSLATE_NOOP(
    "Store", "written by a newer version of the program (schema {schema}; this version reads schema 1)"
)
PROBLEM_WRONG_TYPE = QT_TRANSLATE_NOOP("Store", "the value of “{key}” has the wrong type")
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
    broken_path: Path | None = None  # where an unusable file was moved, or None
    broken_reason: str | None = None  # translated: why the moved file could not be used


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

    def load(self) -> LoadResult:
        """Read the settings file; a missing file gives defaults, an unusable one is moved aside.

        Raises:
            StoreError: the file exists but cannot be read, or an unusable file cannot be moved aside.
        """
        content = self._read()
        if content is None:
            return LoadResult(Settings(), self.path)
        try:
            data = _parse(content)
            return LoadResult(_settings_from(data), self.path)
        except _UnusableFile as problem:
            broken_path = self._move_aside(str(problem))
            return LoadResult(Settings(), self.path, broken_path, str(problem))

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
            return content, data, _settings_from(data), None
        except _UnusableFile as problem:
            return None, {}, Settings(), self._move_aside(str(problem))

    def _read(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreError(translate(_CONTEXT, READ_FAILED).format(path=self.path, reason=_reason(error))) from error

    def _create_folder(self) -> None:
        try:
            self.config_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
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


def _reason(error: OSError) -> str:
    """Name the cause of a file error in the user's language."""
    reasons = {
        errno.ENOSPC: REASON_DISK_FULL,
        errno.EDQUOT: REASON_DISK_FULL,
        errno.EROFS: REASON_READ_ONLY,
        errno.EACCES: REASON_DENIED,
        errno.EPERM: REASON_DENIED,
        errno.ENOENT: REASON_NO_FOLDER,
        errno.ENOTDIR: REASON_NOT_FOLDER,
        errno.EEXIST: REASON_NOT_FOLDER,
    }
    reason = reasons.get(error.errno or 0)
    if reason is not None:
        return translate(_CONTEXT, reason)
    return error.strerror or str(error)


def _parse(content: bytes) -> dict[str, Any]:
    """Decode the file and check its schema.

    Raises:
        _UnusableFile: not UTF-8 JSON, not an object, no schema, or a newer schema.
    """
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _UnusableFile(translate(_CONTEXT, PROBLEM_NOT_JSON).format(detail=error)) from error
    if not isinstance(data, dict):
        raise _UnusableFile(translate(_CONTEXT, PROBLEM_NOT_OBJECT))

    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise _UnusableFile(translate(_CONTEXT, PROBLEM_NO_SCHEMA))
    if schema > SCHEMA:
        raise _UnusableFile(translate(_CONTEXT, PROBLEM_NEWER).format(schema=schema))
    return data


def _settings_from(data: dict[str, Any]) -> Settings:
    """Build ``Settings`` from a parsed file; a missing key takes its default.

    Raises:
        _UnusableFile: a known key has a value of the wrong type, or an unknown security type.
    """
    values: dict[str, Any] = {}
    for key in _TEXT_FIELDS:
        values[key] = _typed(data, key, str)
    for key in _NUMBER_FIELDS:
        values[key] = _typed(data, key, int)
    for key in _SWITCH_FIELDS:
        values[key] = _typed(data, key, bool)

    security = _typed(data, "security", str)
    if security is not None:
        try:
            values["security"] = Security(security)
        except ValueError as error:
            raise _UnusableFile(translate(_CONTEXT, PROBLEM_WRONG_TYPE).format(key="security")) from error

    return Settings(**{key: value for key, value in values.items() if value is not None})


def _typed(data: dict[str, Any], key: str, kind: type) -> Any:
    if key not in data:
        return None
    value = data[key]
    # bool is a subclass of int, but true is no port number.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _UnusableFile(translate(_CONTEXT, PROBLEM_WRONG_TYPE).format(key=key))
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
