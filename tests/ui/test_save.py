"""SALVA end to end: the popup, the settings file and the keyring, against local SMTP servers."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from smtp_gui.settings import Security
from smtp_gui.passwords import KEYRING_SERVICE, keyring_account
from smtp_gui.store import Store
from smtp_gui.ui.result_dialog import FIX_CHOSEN
from smtp_gui.ui.window import MainWindow
from tests.support.keyrings import FailingKeyring, MemoryKeyring
from tests.support.servers import PASSWORD, USERNAME
from tests.ui.conftest import DialogRecorder, files_containing, fill_form, fill_settings, wait_idle


def _save(window: MainWindow, qtbot: QtBot) -> None:
    window.form.save_button.click()
    assert window.worker.busy
    wait_idle(qtbot, window)


def test_save_success_popup_says_connected(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                           dialogs: DialogRecorder, smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings())

    _save(window, qtbot)

    (popup,) = dialogs.named("resultDialog")
    assert "Settings saved and connection" in popup.text
    assert "TLSv1." in popup.text
    assert "Authentication accepted" in popup.text
    assert server.logins == [USERNAME]


def test_save_writes_file_and_keyring(make_window: Callable[..., MainWindow], qtbot: QtBot, smtp_server,
                                      config_dir: Path, memory_keyring: MemoryKeyring) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings(timeout=7))

    _save(window, qtbot)

    saved = json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["server"] == server.host
    assert saved["port"] == server.port
    assert saved["security"] == "starttls"
    assert saved["username"] == USERNAME
    assert saved["timeout"] == 7
    assert saved["ca_file"] == server.ca_file
    assert memory_keyring.passwords[(KEYRING_SERVICE, keyring_account(server.settings()))] == PASSWORD


def test_saved_password_leaves_the_form(make_window: Callable[..., MainWindow], qtbot: QtBot, smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings())

    _save(window, qtbot)

    assert window.form.password_edit.text() == ""
    assert window.form.password_note.isVisible()
    assert "A password is stored" in window.form.password_note.text()
    assert not window.is_dirty()


def test_password_in_no_file_log_or_popup(make_window: Callable[..., MainWindow], qtbot: QtBot, smtp_server,
                                          config_dir: Path, dialogs: DialogRecorder,
                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings())
    _save(window, qtbot)
    window.close()

    (popup,) = dialogs.named("resultDialog")
    assert files_containing(config_dir, PASSWORD) == []
    assert PASSWORD not in popup.text
    assert PASSWORD not in popup.details
    assert PASSWORD not in popup.copy_text
    assert all(PASSWORD not in record.getMessage() for record in caplog.records)


def test_empty_password_keeps_stored_one(make_window: Callable[..., MainWindow], qtbot: QtBot, smtp_server,
                                         dialogs: DialogRecorder, memory_keyring: MemoryKeyring) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings())
    _save(window, qtbot)

    fill_form(window, timeout=9)
    _save(window, qtbot)

    assert "Settings saved and connection" in dialogs.seen[-1].text
    assert server.logins == [USERNAME, USERNAME]
    assert memory_keyring.passwords[(KEYRING_SERVICE, keyring_account(server.settings()))] == PASSWORD


def test_stored_password_announced_at_start(make_window: Callable[..., MainWindow], config_dir: Path,
                                            smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True)
    Store(config_dir).save(server.settings())

    window = make_window()

    assert window.form.password_edit.text() == ""
    assert window.form.password_note.isVisible()
    assert "A password is stored" in window.form.password_note.text()
    assert window.form.username_edit.text() == USERNAME


def test_unreadable_keyring_shown_at_password(make_window: Callable[..., MainWindow], config_dir: Path,
                                              smtp_server, request: pytest.FixtureRequest) -> None:
    server = smtp_server(security="starttls", auth=True)
    Store(config_dir).save(server.settings())
    request.getfixturevalue("failing_keyring")

    window = make_window()

    note = window.form.password_note
    assert note.isVisible()
    assert "could not be read" in note.text()
    assert FailingKeyring.message in note.text()
    assert "no password stored" not in window.form.password_edit.placeholderText()


def test_unreadable_keyring_does_not_block_save(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                                dialogs: DialogRecorder, config_dir: Path, smtp_server,
                                                request: pytest.FixtureRequest) -> None:
    server = smtp_server(security="starttls", auth=True)
    Store(config_dir).save(server.settings())
    request.getfixturevalue("failing_keyring")
    window = make_window()

    _save(window, qtbot)

    assert window.form.message_text("password") == ""
    (popup,) = dialogs.named("resultDialog")
    assert FailingKeyring.message in popup.text
    assert "could not be read" in window.form.password_note.text()


def test_other_account_has_no_stored_password(make_window: Callable[..., MainWindow], config_dir: Path,
                                              smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True)
    Store(config_dir).save(server.settings())
    window = make_window()
    form = window.form

    fill_form(window, username="altro@example.test")
    assert form.password_note.text() == "No password is stored for this server and username: enter it."
    assert form.password_edit.placeholderText() == "no password stored"
    form.save_button.click()
    assert not window.worker.busy
    assert form.message_text("password") != ""

    fill_form(window, username=USERNAME)
    assert form.password_note.isVisible()
    assert "A password is stored" in form.password_note.text()
    assert form.password_edit.placeholderText() == "stored password"
    assert form.message_text("password") == ""


def test_other_server_has_no_stored_password(make_window: Callable[..., MainWindow], config_dir: Path,
                                             smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True)
    Store(config_dir).save(server.settings())
    window = make_window()

    fill_form(window, server="smtp.altro.test")

    assert "No password is stored" in window.form.password_note.text()
    assert window.form.password_edit.placeholderText() == "no password stored"


def test_save_failure_popup_names_step_and_reply(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                                 dialogs: DialogRecorder, smtp_server, config_dir: Path) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings(password="wrong password"))

    _save(window, qtbot)

    (popup,) = dialogs.named("resultDialog")
    assert "Settings saved, but the connection" in popup.text
    assert "Failed at: login (AUTH)." in popup.text
    assert "535" in popup.text
    assert "AUTH" in popup.details
    assert "wrong password" not in popup.details
    assert (config_dir / "settings.json").exists()


def test_ssl_on_plain_port_offers_starttls(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                           dialogs: DialogRecorder, smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings(security=Security.SSL))
    dialogs.answers = [FIX_CHOSEN]

    _save(window, qtbot)

    (popup,) = dialogs.named("resultDialog")
    assert popup.fix_label == f"Use STARTTLS on port {server.port}"
    assert window.form.settings().security is Security.STARTTLS
    assert window.form.port_spin.value() == server.port


def test_store_error_keeps_typed_values(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                        dialogs: DialogRecorder, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("in the way", encoding="utf-8")
    window = make_window(store=Store(not_a_folder / "config"))
    fill_form(window, server="smtp.example.test", sender="centralino@example.test", auth=True,
              username=USERNAME, password="typed password")

    _save(window, qtbot)

    (popup,) = dialogs.named("resultDialog")
    assert "NOT saved" in popup.text
    assert str(not_a_folder) in popup.text
    assert window.form.server_edit.text() == "smtp.example.test"
    assert window.form.password_edit.text() == "typed password"
    assert window.is_dirty()


def test_keyring_failure_reported_with_check(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                             dialogs: DialogRecorder, smtp_server, failing_keyring) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings())

    _save(window, qtbot)

    (popup,) = dialogs.named("resultDialog")
    # The store's own message, once, with no second prefix of the window's.
    assert popup.text.count("The password was not saved") == 1
    assert "not stored:" not in popup.text
    assert "connection" in popup.text
    assert server.logins == [USERNAME]
    assert window.form.password_edit.text() == PASSWORD
