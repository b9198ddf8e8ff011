"""Run one blocking job (network, keyring, disk) at a time on a thread of its own.

The GUI thread only starts a job and later receives its outcome through a
queued signal; it never waits on the job.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from smtp_gui.smtp.cancel import CancelToken

logger = logging.getLogger(__name__)

Job = Callable[[CancelToken], Any]


class JobFailed:
    """The outcome of a job that raised: the exception, so the window can report it instead of crashing."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


class _JobThread(QThread):
    """A thread that runs one job and emits what it returned, or a ``JobFailed``."""

    completed = Signal(object)

    def __init__(self, job: Job, token: CancelToken, parent: QObject) -> None:
        super().__init__(parent)
        self._job = job
        self._token = token

    def run(self) -> None:
        try:
            outcome = self._job(self._token)
        except Exception as error:  # noqa: BLE001 - the thread boundary: report, never lose the error
            logger.exception("background job failed")
            outcome = JobFailed(error)
        self.completed.emit(outcome)


class Worker(QObject):
    """Runs jobs one at a time off the GUI thread, each with its own ``CancelToken``.

    Signals:
        busy_changed(bool): a job started (True) or its outcome was delivered (False).
        finished(object): the job's return value, or a ``JobFailed``; emitted on the GUI thread.
    """

    busy_changed = Signal(bool)
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _JobThread | None = None
        self._token: CancelToken | None = None
        self._started_at = 0.0

    @property
    def busy(self) -> bool:
        """True from ``start`` until ``finished`` has been emitted."""
        return self._thread is not None

    @property
    def cancelling(self) -> bool:
        """True once the running job has been asked to stop."""
        return self._token is not None and self._token.cancelled

    def elapsed_s(self) -> float:
        """Return the seconds since the running job started (0 when idle)."""
        return time.monotonic() - self._started_at if self.busy else 0.0

    def start(self, job: Job) -> None:
        """Run ``job(token)`` on a new thread.

        Raises:
            RuntimeError: a job is already running.
        """
        if self._thread is not None:
            raise RuntimeError("a background job is already running")

        self._token = CancelToken()
        self._thread = _JobThread(job, self._token, self)
        self._thread.completed.connect(self._on_completed)
        self._started_at = time.monotonic()
        self._thread.start()
        self.busy_changed.emit(True)

    def cancel(self) -> None:
        """Ask the running job to stop; the engine returns within half a second."""
        if self._token is not None:
            self._token.cancel()

    def wait_idle(self, timeout_ms: int) -> bool:
        """Cancel and wait up to ``timeout_ms`` for the thread to end (shutdown only); return True if it ended."""
        thread = self._thread
        if thread is None:
            return True
        self.cancel()
        return thread.wait(timeout_ms)

    @Slot(object)
    def _on_completed(self, outcome: object) -> None:
        thread = self._thread
        self._thread = None
        self._token = None
        if thread is not None:
            thread.wait()  # run() has returned once completed is emitted, so this ends at once
            thread.deleteLater()
        self.busy_changed.emit(False)
        self.finished.emit(outcome)
