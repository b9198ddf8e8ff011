"""A cancellation flag that another thread can raise while an operation runs."""

from __future__ import annotations

import threading


class CancelToken:
    """Set from any thread with ``cancel()``; the engine checks it between and during steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the running operation to stop as soon as it can (within half a second)."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once ``cancel()`` has been called."""
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds; return True if cancelled meanwhile."""
        return self._event.wait(timeout)
