"""Closing: unsaved changes are asked about, the window's size and position are remembered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from smtp_gui.store import Store
from smtp_gui.ui.window import MainWindow
from smtp_gui.settings import Security
from tests.support import scripted
from tests.support.servers import SENDER
from tests.ui.conftest import DialogRecorder, fill_form, wait_idle

SAVE = QMessageBox.StandardButton.Save.value
DISCARD = QMessageBox.StandardButton.Discard.value
CANCEL = QMessageBox.StandardButton.Cancel.value


def _change(window: MainWindow) -> None:
    fill_form(window, server="smtp.example.test", sender=SENDER)


def test_unchanged_form_closes_without_asking(make_window: Callable[..., MainWindow],
                                              dialogs: DialogRecorder) -> None:
    window = make_window()

    window.close()

    assert not window.isVisible()
    assert dialogs.seen == []


def test_unsaved_prompt_cancel_keeps_window(make_window: Callable[..., MainWindow], dialogs: DialogRecorder,
                                           config_dir: Path) -> None:
    window = make_window()
    _change(window)
    dialogs.answers = [CANCEL]

    window.close()

    assert [dialog.name for dialog in dialogs.seen] == ["unsavedBox"]
    assert window.isVisible()
    assert window.form.server_edit.text() == "smtp.example.test"
    assert not (config_dir / "settings.json").exists()


def test_unsaved_prompt_discard_closes(make_window: Callable[..., MainWindow], dialogs: DialogRecorder,
                                       config_dir: Path) -> None:
    window = make_window()
    _change(window)
    dialogs.answers = [DISCARD]

    window.close()

    assert not window.isVisible()
    assert not (config_dir / "settings.json").exists()


def test_unsaved_prompt_save_stores_then_closes(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                                dialogs: DialogRecorder, config_dir: Path) -> None:
    window = make_window()
    _change(window)
    dialogs.answers = [SAVE]

    window.close()
    wait_idle(qtbot, window)

    assert not window.isVisible()
    assert Store(config_dir).load().settings.server == "smtp.example.test"
    assert dialogs.named("resultDialog") == []


def test_unsaved_prompt_save_with_errors_stays(make_window: Callable[..., MainWindow], dialogs: DialogRecorder,
                                               config_dir: Path) -> None:
    window = make_window()
    fill_form(window, server="smtp.example.test", sender="not an address")
    dialogs.answers = [SAVE]

    window.close()

    assert window.isVisible()
    assert window.form.message_text("sender") != ""
    assert not (config_dir / "settings.json").exists()


def test_close_during_save_does_not_ask(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                        dialogs: DialogRecorder, scripted_server, config_dir: Path) -> None:
    server = scripted_server(scripted.no_greeting())
    window = make_window()
    fill_form(window, server=server.host, sender=SENDER, security=Security.NONE, port=server.port)
    window.form.save_button.click()
    qtbot.wait(200)

    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())

    assert dialogs.named("unsavedBox") == []
    assert dialogs.named("resultDialog") == []
    assert Store(config_dir).load().settings.port == server.port


def test_unstorable_password_not_a_change(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                          dialogs: DialogRecorder, no_keyring) -> None:
    window = make_window()
    fill_form(window, server="smtp.example.test", sender=SENDER, auth=True, username="tecnico",
              password="segreto")

    assert window.save(check_after=False)
    wait_idle(qtbot, window)

    (popup,) = dialogs.named("resultDialog")
    assert popup.text.startswith("Settings saved.\n")
    assert popup.text.count("The password was not saved") == 1
    assert window.form.password_edit.text() == "segreto"
    assert not window.is_dirty()
    fill_form(window, password="segreto2")
    assert window.is_dirty()


def test_typed_password_counts_as_change(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()

    fill_form(window, auth=True, password="segreto")
    fill_form(window, auth=False)

    assert window.is_dirty()


def test_geometry_remembered_in_config_folder(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                              config_dir: Path) -> None:
    window = make_window()
    # Within the offscreen platform's 800x600 screen, which restoreGeometry clamps to.
    window.setGeometry(QRect(30, 40, 700, 500))
    qtbot.waitUntil(lambda: window.size().width() == 700)
    window.close()

    reopened = make_window()

    assert (config_dir / "window.ini").exists()
    assert reopened.size() == window.size()
    assert reopened.pos() == window.pos()
