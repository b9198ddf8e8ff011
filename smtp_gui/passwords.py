"""The SMTP password in the system keyring, through ``keyring``: store, read, remove.

Each password is stored under the service ``smtp-gui`` and the keyring user
name ``<server>/<user name>``: the server in its wire form (lower case, IDNA,
IPv6 without brackets), which never contains "/", then the user name exactly
as typed. ``keyring`` applies its own configuration (``PYTHON_KEYRING_BACKEND``,
``keyringrc.cfg``), so a user can choose the backend. Calls may block on D-Bus
or an unlock prompt, so the window makes them off the GUI thread. No Qt.
"""

from __future__ import annotations

import logging
from types import ModuleType

from smtp_gui.i18n import QT_TRANSLATE_NOOP, translate
from smtp_gui.settings import Settings, wire_host

logger = logging.getLogger(__name__)

KEYRING_SERVICE = "smtp-gui"

_CONTEXT = "Store"

# Each message is complete on its own: the window and the command line show it without a prefix.
KEYRING_MISSING = QT_TRANSLATE_NOOP(
    "Store",
    "The password was not saved: no system keyring is available. Use Windows Credential Manager, the macOS "
    "Keychain, GNOME Keyring or KWallet, then save again. The other settings were saved.",
)
KEYRING_REFUSED = QT_TRANSLATE_NOOP(
    "Store",
    "The password was not saved because the system keyring ({backend}) refused it: {cause}. Unlock the keyring "
    "and save again. The other settings were saved.",
)
KEYRING_DELETE_FAILED = QT_TRANSLATE_NOOP(
    "Store",
    "The old password could not be removed from the system keyring ({backend}): {cause}. Remove the entry "
    "“{account}” of the service smtp-gui by hand.",
)
KEYRING_READ_FAILED = QT_TRANSLATE_NOOP(
    "Store", "The password could not be read from the system keyring ({backend}): {cause}. Unlock the keyring."
)
KEYRING_UNLOADABLE = QT_TRANSLATE_NOOP(
    "Store", "the keyring backend chosen in PYTHON_KEYRING_BACKEND or keyringrc.cfg cannot be used: {cause}"
)



class PasswordError(Exception):
    """A keyring that exists but cannot be read; ``message`` is translated and names the backend and cause."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def keyring_account(settings: Settings) -> str | None:
    """Return the keyring user name of the settings' account, or None when authentication is off or incomplete."""
    if settings.auth is not True or not settings.username or not settings.server.strip():
        return None
    try:
        host = wire_host(settings.server)
    except UnicodeError:
        host = settings.server.strip().lower()
    return f"{host}/{settings.username}"


def update(previous: Settings, settings: Settings) -> str | None:
    """Store the new password, and remove the entry of an account the settings no longer use.

    Args:
        previous: the settings saved before; their account's entry is removed when
            authentication is now off or the server or user name changed.
        settings: the settings being saved; a non-empty password replaces the stored one.

    Returns:
        A translated message when the keyring is missing or refused the change, else None.
    """
    old_account = keyring_account(previous)
    new_account = keyring_account(settings)

    write_problem = delete_problem = None
    if new_account is not None and settings.password:
        write_problem = _write(new_account, settings.password)
    if old_account is not None and old_account != new_account:
        delete_problem = _delete(old_account)
    return write_problem or delete_problem


def read(settings: Settings) -> str:
    """Return the stored password of the settings' account, or "" when none is stored or no keyring exists.

    Raises:
        PasswordError: the keyring exists but failed (locked, refused, misconfigured).
    """
    account = keyring_account(settings)
    if account is None:
        return ""
    return _read(account)


def _keyring() -> ModuleType:
    # Importing keyring took 0.2 s under ``python -X importtime`` on a busy Linux machine,
    # so it waits until a password is needed and start-up does not pay for it.
    import keyring

    return keyring


def _write(account: str, password: str) -> str | None:
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, account, password)
    except keyring.errors.NoKeyringError as error:
        # keyring names its placeholder backend "fail Keyring": only the log gets that name.
        logger.warning("password for %s not stored: no keyring backend (%s, %s)", account, _backend_name(), error)
        return translate(_CONTEXT, KEYRING_MISSING)
    # Backends raise their own exception types (D-Bus, Windows, macOS errors) besides KeyringError.
    except Exception as error:  # noqa: BLE001
        logger.warning("password for %s not stored: %s: %s", account, type(error).__name__, error)
        return translate(_CONTEXT, KEYRING_REFUSED).format(backend=_backend_name(), cause=_cause(error))
    logger.info("password for %s stored in the keyring", account)
    return None


def _delete(account: str) -> str | None:
    keyring = _keyring()
    try:
        keyring.delete_password(KEYRING_SERVICE, account)
    except keyring.errors.PasswordDeleteError as error:
        if not _is_stored(account):
            return None  # nothing was stored for that account
        logger.warning("password for %s not removed: %s", account, error)
        return translate(_CONTEXT, KEYRING_DELETE_FAILED).format(
            backend=_backend_name(), cause=_cause(error), account=account
        )
    except keyring.errors.NoKeyringError:
        return None  # with no keyring, nothing can have been stored
    except Exception as error:  # noqa: BLE001 - see _write
        logger.warning("password for %s not removed: %s: %s", account, type(error).__name__, error)
        return translate(_CONTEXT, KEYRING_DELETE_FAILED).format(
            backend=_backend_name(), cause=_cause(error), account=account
        )
    logger.info("password for %s removed from the keyring", account)
    return None


def _is_stored(account: str) -> bool:
    try:
        return _read(account) != ""
    except PasswordError:
        return True


def _read(account: str) -> str:
    keyring = _keyring()
    try:
        return keyring.get_password(KEYRING_SERVICE, account) or ""
    except keyring.errors.NoKeyringError:
        return ""
    except Exception as error:  # noqa: BLE001 - see _write
        logger.warning("password for %s not read: %s: %s", account, type(error).__name__, error)
        message = translate(_CONTEXT, KEYRING_READ_FAILED).format(backend=_backend_name(), cause=_cause(error))
        raise PasswordError(message) from error


def _backend_name() -> str:
    try:
        return str(_keyring().get_keyring().name)
    except Exception:  # noqa: BLE001 - the name only decorates a message
        return "?"


def _cause(error: Exception) -> str:
    """Describe a keyring error in one line: its first message line, or its type when it has no message."""
    keyring = _keyring()
    # keyring raises ImportError or RuntimeError when its configuration names a backend it cannot load.
    if isinstance(error, (ImportError, RuntimeError)) and not isinstance(error, keyring.errors.KeyringError):
        return translate(_CONTEXT, KEYRING_UNLOADABLE).format(cause=error)
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
