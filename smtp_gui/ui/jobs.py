"""The blocking work behind the window's buttons, run on the worker thread.

Plain functions of the store, the engine and a ``CancelToken``: no widgets,
so each outcome is a value the window can show.
"""

from __future__ import annotations

from collections.abc import Callable
import dataclasses
from dataclasses import dataclass
from pathlib import Path

from smtp_gui.settings import Settings
from smtp_gui.smtp.cancel import CancelToken
from smtp_gui.smtp.result import Result
from smtp_gui.store import Store, StoreError

CheckFunction = Callable[..., Result]  # check(settings, *, cancel=token) -> Result
SendTestFunction = Callable[..., Result]  # send_test(settings, recipient, *, cancel=token) -> Result


@dataclass(frozen=True)
class Engine:
    """The engine operations the window runs; tests may pass their own."""

    check: CheckFunction
    send_test: SendTestFunction


def default_engine() -> Engine:
    """Return the real engine, imported on first use so the window opens without waiting for it."""
    return Engine(check=_engine_check, send_test=_engine_send_test)


def _engine_check(settings: Settings, *, cancel: CancelToken | None = None) -> Result:
    from smtp_gui import smtp

    return smtp.check(settings, cancel=cancel)


def _engine_send_test(settings: Settings, recipient: str, *, cancel: CancelToken | None = None) -> Result:
    from smtp_gui import smtp

    return smtp.send_test(settings, recipient, cancel=cancel)


@dataclass(frozen=True)
class SaveOutcome:
    """The outcome of SALVA: saved or not, the keyring's problem if any, and the connection check.

    ``saved`` is the stored value (password empty). ``result`` is None when
    nothing was saved or the check was cancelled before it started.
    """

    saved: Settings | None = None
    path: Path | None = None
    store_error: str = ""
    password_error: str = ""
    password_stored: bool = False
    password_lookup_error: str = ""  # the keyring could not be read back, so ``password_stored`` is unknown
    check_requested: bool = True
    result: Result | None = None


@dataclass(frozen=True)
class SendOutcome:
    """The outcome of a test send, with ``store_error`` set when the stored password could not be read."""

    recipient: str
    differs_from_saved: bool
    result: Result | None = None
    store_error: str = ""


@dataclass(frozen=True)
class PasswordLookup:
    """The result of a keyring lookup: whether a password is stored for ``settings``' server and username."""

    settings: Settings
    stored: bool
    error: str = ""


@dataclass
class SaveJob:
    """Store ``settings``, then check the connection with what was stored."""

    store: Store
    engine: Engine
    settings: Settings
    check_after: bool = True

    def __call__(self, token: CancelToken) -> SaveOutcome:
        try:
            saved = self.store.save(self.settings)
        except StoreError as error:
            return SaveOutcome(store_error=error.message)

        stored = self.store.load().settings
        password_stored, lookup_error = self._password_stored(stored)
        outcome = SaveOutcome(
            saved=stored,
            path=saved.path,
            password_error=saved.password_error or "",
            password_stored=password_stored,
            password_lookup_error=lookup_error,
            check_requested=self.check_after,
        )
        if not self.check_after or token.cancelled:
            return outcome

        # A password the keyring refused is still used for this one check, so the
        # popup can tell the connection apart from the keyring problem.
        try:
            settings = self.store.with_password(stored.replace(password=self.settings.password))
        except StoreError as error:
            return dataclasses.replace(outcome, password_error=error.message)
        return dataclasses.replace(outcome, result=self.engine.check(settings, cancel=token))

    def _password_stored(self, stored: Settings) -> tuple[bool, str]:
        if not stored.auth:
            return False, ""
        try:
            return self.store.has_password(stored), ""
        except StoreError as error:
            return False, error.message


@dataclass
class SendJob:
    """Send a test message with the values in the form, the stored password filling an empty one."""

    store: Store
    engine: Engine
    settings: Settings
    recipient: str
    differs_from_saved: bool

    def __call__(self, token: CancelToken) -> SendOutcome:
        try:
            settings = self.store.with_password(self.settings)
        except StoreError as error:
            return SendOutcome(self.recipient, self.differs_from_saved, store_error=error.message)
        result = self.engine.send_test(settings, self.recipient, cancel=token)
        return SendOutcome(self.recipient, self.differs_from_saved, result)


@dataclass
class PasswordLookupJob:
    """Ask the keyring whether a password is stored (it may block on D-Bus or a prompt)."""

    store: Store
    settings: Settings

    def __call__(self, token: CancelToken) -> PasswordLookup:
        try:
            return PasswordLookup(self.settings, self.store.has_password(self.settings))
        except StoreError as error:
            return PasswordLookup(self.settings, False, error.message)
