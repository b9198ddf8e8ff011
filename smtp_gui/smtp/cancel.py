"""A cancellation flag that another thread can raise while an operation runs."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """Raised inside the engine when the operation's ``CancelToken`` was cancelled."""


class CancelToken:
    """Set from any thread with ``cancel()``; the engine checks it between and during steps.

    Besides the flag, a token runs callbacks on ``cancel()``: the engine
    registers one that wakes its ``select`` call at once, so a cancelled
    operation does not wait for a timeout.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        """Ask the running operation to stop as soon as it can (within half a second)."""
        with self._lock:
            self._event.set()
            callbacks = list(self._callbacks)
        for callback in callbacks:
            callback()

    @property
    def cancelled(self) -> bool:
        """True once ``cancel()`` has been called."""
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds; return True if cancelled meanwhile."""
        return self._event.wait(timeout)

    def raise_if_cancelled(self) -> None:
        """Raise ``Cancelled`` if ``cancel()`` has been called."""
        if self._event.is_set():
            raise Cancelled("the operation was cancelled")

    def add_callback(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` (from the cancelling thread) on ``cancel()``; at once if already cancelled."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return
        callback()

    def remove_callback(self, callback: Callable[[], None]) -> None:
        """Stop running ``callback`` on ``cancel()``; a callback not registered is ignored."""
        with self._lock:
            if callback in self._callbacks:
                self._callbacks.remove(callback)
