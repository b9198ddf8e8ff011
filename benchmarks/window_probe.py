"""Child process that opens a window and reports when it first painted.

Run as a script, never imported by the benchmark process itself:

    python benchmarks/window_probe.py bare      # a bare PySide6 window with one line edit
    python benchmarks/window_probe.py program   # the program's main window, through smtp_gui.app

It prints one JSON line: ``painted`` (``time.monotonic()`` just after the main
window's first paint, comparable with the parent's clock because both read
the system-wide monotonic clock) and ``max_rss_kib`` (peak resident memory so
far), then exits without tearing anything down.

The hook sits in ``QApplication.exec``: it installs an event filter on the
visible top-level window, and the first Paint event schedules a zero-delay
timer, which fires once the whole window has painted and been flushed.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

_original_exec = QApplication.exec


def peak_rss_kib() -> int:
    """Peak resident memory of this process in KiB (``ru_maxrss`` is in bytes on macOS, KiB elsewhere)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


class FirstPaintHook(QObject):
    """Report the first paint of the watched window once, then end the process."""

    def __init__(self) -> None:
        super().__init__()
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, report_and_exit)
        return False


def report_and_exit() -> None:
    """Print the paint time and peak memory, then leave at once (no close prompts, no saving)."""
    painted = time.monotonic()
    max_rss_kib = peak_rss_kib()
    print(json.dumps({"painted": painted, "max_rss_kib": max_rss_kib}), flush=True)
    os._exit(0)


def hooked_exec(*args: object) -> int:
    """Watch the visible top-level window, then run the real event loop."""
    windows = [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
    if len(windows) != 1:
        print(json.dumps({"error": f"expected one visible top-level window, found {len(windows)}"}), flush=True)
        os._exit(2)
    hook = FirstPaintHook()
    windows[0].installEventFilter(hook)
    return _original_exec(*args)


def run_bare() -> int:
    """Open the baseline: the smallest real window, one line edit in a layout."""
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("Baseline")
    layout = QVBoxLayout(window)
    layout.addWidget(QLineEdit())
    window.show()
    return app.exec()


def run_program() -> int:
    """Start the program the way ``smtp-gui`` with no arguments starts it."""
    from smtp_gui import app

    return app.main([])


def main(argv: list[str]) -> int:
    QApplication.exec = staticmethod(hooked_exec)  # type: ignore[method-assign]
    if argv == ["bare"]:
        return run_bare()
    if argv == ["program"]:
        return run_program()
    print(f"usage: {sys.argv[0]} bare|program", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
