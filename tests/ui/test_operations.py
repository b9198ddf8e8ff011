"""While the network works the window stays responsive, Cancel stops the work, closing leaves no thread."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from smtp_gui.settings import Security, Settings
from smtp_gui.smtp.cancel import CancelToken
from smtp_gui.smtp.result import Result
from smtp_gui.ui.jobs import Engine, default_engine
from smtp_gui.ui.window import MainWindow
from tests.support import scripted
from tests.support.servers import RECIPIENT, SENDER
from tests.ui.conftest import DialogRecorder, fill_form, wait_idle

# The engine promises to stop within 0.5 s of a cancel; the slack covers a loaded CI machine.
CANCEL_BOUND_S = 0.5
CI_SLACK_S = 1.0


def _fill_for(window: MainWindow, server, timeout: int = 60) -> None:
    fill_form(window, server=server.host, sender=SENDER, security=Security.NONE, port=server.port,
              timeout=timeout, recipient=RECIPIENT)


def test_event_loop_runs_while_server_stalls(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                             scripted_server) -> None:
    server = scripted_server(scripted.no_greeting())
    window = make_window()
    _fill_for(window, server)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)

    window.form.send_test_button.click()
    qtbot.wait(1200)

    timer.stop()
    assert window.worker.busy
    assert len(ticks) >= 10
    assert "1 s" in window.progress.label.text()
    assert window.progress.isVisible()


def test_buttons_disabled_during_operation(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                           scripted_server) -> None:
    server = scripted_server(scripted.no_greeting())
    window = make_window()
    _fill_for(window, server)

    window.form.send_test_button.click()

    assert not window.form.save_button.isEnabled()
    assert not window.form.send_test_button.isEnabled()
    window.progress.cancel_button.click()
    wait_idle(qtbot, window)
    assert window.form.save_button.isEnabled()
    assert window.form.send_test_button.isEnabled()


def test_cancel_ends_stalled_send(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                  dialogs: DialogRecorder, scripted_server) -> None:
    server = scripted_server(scripted.no_greeting())
    window = make_window()
    _fill_for(window, server)
    window.form.send_test_button.click()
    qtbot.wait(300)
    assert window.worker.busy

    started = time.monotonic()
    window.progress.cancel_button.click()
    wait_idle(qtbot, window)
    elapsed = time.monotonic() - started

    assert elapsed < CANCEL_BOUND_S + CI_SLACK_S
    assert not window.progress.isVisible()
    assert dialogs.seen == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_escape_cancels_operation(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                  scripted_server) -> None:
    server = scripted_server(scripted.no_greeting())
    window = make_window()
    _fill_for(window, server)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.form.test_recipient_edit, Qt.Key.Key_Return)
    assert window.worker.busy

    qtbot.keyClick(window.form.test_recipient_edit, Qt.Key.Key_Escape)
    wait_idle(qtbot, window, timeout_ms=int((CANCEL_BOUND_S + CI_SLACK_S) * 1000))

    assert "cancelled" in window.statusBar().currentMessage()


def test_cancel_during_save_still_reports_saved(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                                dialogs: DialogRecorder, scripted_server, config_dir) -> None:
    server = scripted_server(scripted.no_greeting())
    window = make_window()
    _fill_for(window, server)
    window.form.save_button.click()
    qtbot.wait(300)

    window.progress.cancel_button.click()
    wait_idle(qtbot, window)

    (popup,) = dialogs.named("resultDialog")
    assert "Settings saved. The connection check was cancelled." in popup.text
    assert (config_dir / "settings.json").exists()


def test_close_during_operation_leaves_no_thread(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                                 dialogs: DialogRecorder, scripted_server) -> None:
    server = scripted_server(scripted.no_greeting())
    window = make_window()
    _fill_for(window, server)
    dialogs.default = QMessageBox.StandardButton.Discard.value
    window.form.send_test_button.click()
    qtbot.wait(200)

    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=(CANCEL_BOUND_S + CI_SLACK_S) * 1000)

    assert not window.worker.busy
    assert all(thread.isFinished() for thread in window.findChildren(QThread))
    assert dialogs.named("resultDialog") == []


def test_job_exception_reported_not_raised(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                           dialogs: DialogRecorder, caplog: pytest.LogCaptureFixture) -> None:
    def broken_send(settings: Settings, recipient: str, *, cancel: CancelToken | None = None) -> Result:
        raise RuntimeError("engine bug")

    window = make_window(engine=Engine(check=default_engine().check, send_test=broken_send))
    fill_form(window, server="smtp.example.test", sender=SENDER, recipient=RECIPIENT)

    window.form.send_test_button.click()
    wait_idle(qtbot, window)

    (popup,) = dialogs.named("resultDialog")
    assert "unexpected error" in popup.text
    assert "engine bug" in popup.details
    assert any("background job failed" in record.getMessage() for record in caplog.records)
