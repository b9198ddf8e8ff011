"""Child process that drives a window through a check and measures how it behaves meanwhile.

Run as a script by the responsiveness and memory sections:

    python benchmarks/window_driver.py program check    # press SALVA, wait for the result popup
    python benchmarks/window_driver.py program cancel   # press SALVA, then Annulla mid-dialogue
    python benchmarks/window_driver.py bare idle        # the bare window, idle as long as a check

The program's settings (a local server, STARTTLS, authentication) are stored
in the configuration folder beforehand, so SALVA saves them again and checks
the connection, exactly as a technician's press does. A 5 ms timer on the GUI
thread records every tick; the max gap between ticks is how long the
window could not react. The probe prints one JSON line and exits.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget

TICK_MS = 5
# How long after SALVA the cancel run presses Annulla: inside the dialogue, when the
# delaying server is in the middle of its replies.
CANCEL_AFTER_S = 0.6
# The bare window stays idle this long, about as long as the program's check takes.
IDLE_S = float(os.environ.get("SMTP_BENCH_IDLE_S", "1.5"))
GIVE_UP_S = 30.0

SAVE_NAMES = ("saveButton",)
CANCEL_NAMES = ("cancelButton",)
SAVE_LABELS = ("SALVA", "&SALVA", "Salva", "&Salva", "SAVE", "&SAVE", "Save", "&Save")
CANCEL_LABELS = ("Annulla", "&Annulla", "Cancel", "&Cancel")

_original_exec = QApplication.exec


def peak_rss_kib() -> int:
    """Peak resident memory of this process in KiB (``ru_maxrss`` is in bytes on macOS, KiB elsewhere)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


class TickRecorder(QObject):
    """A precise 5 ms timer on the GUI thread that keeps the time of every tick."""

    def __init__(self) -> None:
        super().__init__()
        self.ticks: list[float] = []
        self.listeners: list = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.ticks.append(time.monotonic())
        self._timer.start()

    def max_gap_ms(self, since: float, until: float) -> float:
        inside = [tick for tick in self.ticks if since <= tick <= until] + [until]
        return max((later - earlier) * 1000 for earlier, later in zip(inside, inside[1:]))

    def _tick(self) -> None:
        now = time.monotonic()
        self.ticks.append(now)
        for listener in list(self.listeners):
            listener(now)


def finish(report: dict) -> None:
    """Print ``report`` with the peak memory and leave at once (no close prompts, no saving)."""
    report["max_rss_kib"] = peak_rss_kib()
    print(json.dumps(report), flush=True)
    os._exit(0 if "error" not in report else 3)


def find_button(window: QWidget, names: tuple[str, ...], labels: tuple[str, ...]) -> QAbstractButton | None:
    """Return the button in ``window`` with one of the object ``names``, else one with a text in ``labels``.

    Hidden buttons count too: Annulla exists, hidden, before a check starts.
    """
    buttons = window.findChildren(QAbstractButton)
    for button in buttons:
        if button.objectName() in names:
            return button
    for button in buttons:
        if button.text() in labels:
            return button
    return None


def open_dialog(main_window: QWidget) -> QDialog | None:
    """Return a visible dialog other than the main window (the result popup), or None."""
    for widget in QApplication.topLevelWidgets():
        if widget is not main_window and isinstance(widget, QDialog) and widget.isVisible():
            return widget
    return None


class CheckDriver:
    """Press SALVA and watch the window until the check's popup appears, or cancel it."""

    def __init__(self, window: QWidget, recorder: TickRecorder, cancel: bool) -> None:
        self.window = window
        self.recorder = recorder
        self.cancel = cancel
        self.pressed = 0.0
        self.cancelled_at = 0.0
        self.save_button: QAbstractButton | None = None
        self.cancel_button: QAbstractButton | None = None

    def begin(self) -> None:
        """Wait until the window is idle (it reads the stored password at start-up), then press SALVA."""
        # Found once: each tick then makes only a few Qt calls, so the probe itself adds little.
        self.save_button = find_button(self.window, SAVE_NAMES, SAVE_LABELS)
        self.cancel_button = find_button(self.window, CANCEL_NAMES, CANCEL_LABELS)
        if self.save_button is None or self.cancel_button is None:
            finish({"error": "no SALVA or no Annulla button found"})
        self.recorder.start()
        self.recorder.listeners.append(self.press_save_when_idle)

    def press_save_when_idle(self, now: float) -> None:
        if now - self.recorder.ticks[0] > GIVE_UP_S:
            finish({"error": f"window not idle within {GIVE_UP_S} s of start-up"})
        if not self.idle():
            return
        self.recorder.listeners.remove(self.press_save_when_idle)
        self.pressed = now  # this tick's time, so the gap the click itself causes counts
        self.save_button.click()
        self.recorder.listeners.append(self.watch)

    def watch(self, now: float) -> None:
        if now - self.pressed > GIVE_UP_S:
            finish({"error": f"no outcome within {GIVE_UP_S} s"})
        if self.cancel and not self.cancelled_at and now - self.pressed >= CANCEL_AFTER_S:
            self.press_cancel()
            return
        if self.cancel and self.cancelled_at and self.idle():
            finish({"cancel_to_idle_ms": (now - self.cancelled_at) * 1000})
        dialog = None if self.cancel else open_dialog(self.window)
        if dialog is not None:
            self.report_check(dialog, now)

    def report_check(self, dialog: QDialog, now: float) -> None:
        """Report the max gap while the check ran, and apart from it the gap that built the popup.

        The popup is first seen at a tick inside its own event loop, so the gap
        that ends at ``now`` is the GUI thread receiving the outcome and
        building and showing the popup, after the check itself finished.
        """
        report = getattr(dialog, "report", None)  # the program's result popup carries its Report
        if report is None or not report.ok:
            headline = report.headline if report is not None else dialog.windowTitle()
            finish({"error": f"the check did not succeed: {headline}"})
        last_tick_before = self.recorder.ticks[-2]
        finish(
            {
                "max_gap_ms": self.recorder.max_gap_ms(self.pressed, last_tick_before),
                "popup_ms": (now - last_tick_before) * 1000,
                "check_s": now - self.pressed,
            }
        )

    def press_cancel(self) -> None:
        if not self.cancel_button.isVisible():
            finish({"error": "no Annulla button visible while the check runs"})
        self.cancelled_at = time.monotonic()
        self.cancel_button.click()

    def idle(self) -> bool:
        """Tell whether the window is idle: SALVA can be pressed again and no Annulla is shown."""
        return self.save_button.isEnabled() and not self.cancel_button.isVisible()


def hooked_exec(*args: object) -> int:
    """Start the driver once the event loop runs, then run the real loop."""
    windows = [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
    if len(windows) != 1:
        finish({"error": f"expected one visible top-level window, found {len(windows)}"})
    recorder = TickRecorder()
    mode = sys.argv[2]
    if mode == "idle":
        QTimer.singleShot(0, lambda: idle_run(recorder))
    else:
        driver = CheckDriver(windows[0], recorder, cancel=mode == "cancel")
        QTimer.singleShot(0, driver.begin)
    return _original_exec(*args)


def idle_run(recorder: TickRecorder) -> None:
    """Let the timer tick for ``IDLE_S`` seconds in an otherwise idle window."""
    recorder.start()
    started = recorder.ticks[0]

    def watch(now: float) -> None:
        if now - started >= IDLE_S:
            finish({"max_gap_ms": recorder.max_gap_ms(started, now)})

    recorder.listeners.append(watch)


def run_bare() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLineEdit())
    window.show()
    return app.exec()


def run_program() -> int:
    from smtp_gui import app

    return app.main([])


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("bare", "program") or argv[1] not in ("check", "cancel", "idle"):
        print(f"usage: {sys.argv[0]} bare|program check|cancel|idle", file=sys.stderr)
        return 2
    QApplication.exec = staticmethod(hooked_exec)  # type: ignore[method-assign]
    return run_bare() if argv[0] == "bare" else run_program()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
