"""The test send end to end: the message reaches the local server, the popup reports it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from smtp_gui.store import Store
from smtp_gui.ui.window import MainWindow
from tests.support.servers import PASSWORD, RECIPIENT, SENDER, USERNAME
from tests.ui.conftest import DialogRecorder, files_containing, fill_form, fill_settings, wait_idle


def _send(window: MainWindow, qtbot: QtBot, recipient: str = RECIPIENT) -> None:
    fill_form(window, recipient=recipient)
    window.form.send_test_button.click()
    assert window.worker.busy
    wait_idle(qtbot, window)


def test_send_arrives_with_expected_content(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                            smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings())

    _send(window, qtbot)

    (received,) = server.messages
    message = message_from_bytes(received.data, policy=default_policy)
    body = message.get_body(("plain",)).get_content()
    assert received.sender == SENDER
    assert received.recipients == [RECIPIENT]
    assert received.login == USERNAME
    assert received.tls
    assert message["From"] == SENDER
    assert message["To"] == RECIPIENT
    assert str(server.port) in body
    assert PASSWORD not in received.data.decode("utf-8", "replace")


def test_send_leaves_password_nowhere(make_window: Callable[..., MainWindow], qtbot: QtBot, smtp_server,
                                      config_dir: Path, dialogs: DialogRecorder,
                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings())

    _send(window, qtbot)
    window.close()

    (popup,) = dialogs.named("resultDialog")
    assert files_containing(config_dir, PASSWORD) == []
    assert PASSWORD not in popup.text
    assert PASSWORD not in popup.details
    assert all(PASSWORD not in record.getMessage() for record in caplog.records)


def test_send_popup_shows_reply_and_queue_id(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                             dialogs: DialogRecorder, smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings())

    _send(window, qtbot)

    (popup,) = dialogs.named("resultDialog")
    assert f"accepted the test e-mail for {RECIPIENT}" in popup.text
    assert "250" in popup.text
    assert "TEST1234" in popup.text
    assert "spam" in popup.text
    assert PASSWORD not in popup.copy_text


def test_send_says_form_differs_from_saved(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                           dialogs: DialogRecorder, smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings())

    _send(window, qtbot)

    assert "differ from the saved settings" in dialogs.seen[-1].text


def test_send_with_saved_values_has_no_difference_note(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                                       dialogs: DialogRecorder, smtp_server,
                                                       config_dir: Path) -> None:
    server = smtp_server(security="starttls", auth=True)
    Store(config_dir).save(server.settings())
    window = make_window()

    _send(window, qtbot)

    assert "accepted the test e-mail" in dialogs.seen[-1].text
    assert "differ from the saved settings" not in dialogs.seen[-1].text
    assert server.logins == [USERNAME]


def test_send_refused_recipient_popup(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                      dialogs: DialogRecorder, smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True, refuse={"rcpt": "550 5.1.1 User unknown"})
    window = make_window()
    fill_settings(window, server.settings())

    _send(window, qtbot)

    (popup,) = dialogs.named("resultDialog")
    assert f"to {RECIPIENT} was not sent" in popup.text
    assert "550 5.1.1 User unknown" in popup.text
    assert server.messages == []


def test_invalid_recipient_stops_before_sending(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                                dialogs: DialogRecorder, smtp_server) -> None:
    server = smtp_server(security="starttls", auth=True)
    window = make_window()
    fill_settings(window, server.settings())
    fill_form(window, recipient="not an address")

    window.form.send_test_button.click()

    assert not window.worker.busy
    assert window.form.test_recipient_message.isVisibleTo(window)
    assert window.form.test_recipient_message.text() != ""
    assert dialogs.seen == []


def test_empty_recipient_asks_for_address(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = make_window()

    window.form.send_test_button.click()

    assert "Enter the address" in window.form.test_recipient_message.text()
    assert not window.worker.busy
