"""The form's rules: port follows security, the auth toggle, warnings while typing, errors on SALVA."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from smtp_gui.settings import Security
from smtp_gui.ui.window import MainWindow
from tests.ui.conftest import DialogRecorder, fill_form

OBJECT_NAMES = (
    "serverEdit", "senderEdit", "securityCombo", "portSpin", "authCheck", "usernameEdit", "passwordEdit",
    "saveButton", "testRecipientEdit", "sendTestButton", "reportsCheck", "reportsRecipientEdit", "timeoutSpin",
    "caFileEdit", "cancelButton",
)


def test_controls_have_stable_object_names(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()

    for name in OBJECT_NAMES:
        assert window.findChild(object, name) is not None, name


@pytest.mark.parametrize(
    ("start", "start_port", "security", "expected"),
    [
        (Security.NONE, 25, Security.SSL, 465),
        (Security.NONE, 25, Security.STARTTLS, 587),
        (Security.SSL, 465, Security.STARTTLS, 587),
        (Security.STARTTLS, 587, Security.NONE, 25),
        (Security.NONE, 2525, Security.SSL, 2525),
        (Security.SSL, 2525, Security.STARTTLS, 2525),
    ],
)
def test_port_follows_security(make_window: Callable[..., MainWindow], start: Security, start_port: int,
                               security: Security, expected: int) -> None:
    window = make_window()
    fill_form(window, security=start, port=start_port)

    fill_form(window, security=security)

    assert window.form.port_spin.value() == expected


def test_security_combo_offers_three_choices(make_window: Callable[..., MainWindow]) -> None:
    combo = make_window().form.security_combo

    assert [combo.itemData(i) for i in range(combo.count())] == ["ssl", "starttls", "none"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["SSL", "STARTTLS", "None"]


def test_auth_toggle_shows_credentials(make_window: Callable[..., MainWindow]) -> None:
    form = make_window().form

    assert not form.username_edit.isVisible()
    assert not form.password_edit.isVisible()

    form.auth_check.click()

    assert form.username_edit.isVisible()
    assert form.password_edit.isVisible()


def test_auth_toggle_off_keeps_hidden_values(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    fill_form(window, auth=True, username="tecnico@example.test", password="segreto")

    window.form.auth_check.click()
    window.form.auth_check.click()

    assert window.form.username_edit.text() == "tecnico@example.test"
    assert window.form.password_edit.text() == "segreto"


def test_password_toggle_shows_typed_text(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    fill_form(window, auth=True, password="segreto")
    edit = window.form.password_edit

    assert edit.echoMode() == edit.EchoMode.Password
    edit.visibility_action.trigger()
    assert edit.echoMode() == edit.EchoMode.Normal
    edit.visibility_action.trigger()
    assert edit.echoMode() == edit.EchoMode.Password


def test_password_toggle_works_from_keyboard(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = make_window()
    fill_form(window, auth=True, password="segreto")
    edit = window.form.password_edit
    button = edit.visibility_button
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)

    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert button.hasFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)

    assert edit.echoMode() == edit.EchoMode.Normal
    assert button.accessibleName() == "Hide the password"
    assert button.toolTip() == "Hide the password"


def test_reports_address_enabled_with_reports(make_window: Callable[..., MainWindow]) -> None:
    form = make_window().form

    assert not form.reports_recipient_edit.isEnabled()
    form.reports_check.click()
    assert form.reports_recipient_edit.isEnabled()


def test_warning_appears_while_typing(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = make_window()
    fill_form(window, security=Security.STARTTLS, auth=True, username="tecnico@example.test")
    assert window.form.message_text("sender") == ""

    qtbot.keyClicks(window.form.sender_edit, "altro@example.test")

    assert "tecnico@example.test" in window.form.message_text("sender")


def test_warning_for_no_security_beside_combo(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()

    fill_form(window, security=Security.NONE)

    assert "clear text" in window.form.message_text("security")


def test_errors_hidden_until_save(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()

    assert window.form.message_text("server") == ""
    assert window.form.message_text("sender") == ""


def test_save_shows_errors_and_focuses_first(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                             dialogs: DialogRecorder) -> None:
    window = make_window()
    window.activateWindow()
    fill_form(window, server="smtp.example.test", sender="not an address", auth=True)

    window.form.save_button.click()

    assert window.form.message_text("server") == ""
    assert window.form.message_text("sender") != ""
    assert window.form.message_text("username") != ""
    assert window.form.message_text("password") != ""
    qtbot.waitUntil(lambda: window.form.sender_edit.hasFocus())
    assert not window.worker.busy
    assert dialogs.seen == []


def test_error_clears_once_field_fixed(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.form.save_button.click()
    assert window.form.message_text("server") != ""

    fill_form(window, server="smtp.example.test")

    assert window.form.message_text("server") == ""


def test_enter_in_server_field_saves(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = make_window()

    qtbot.keyClick(window.form.server_edit, Qt.Key.Key_Return)

    assert window.form.message_text("server") != ""


def test_advanced_section_starts_collapsed(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()

    assert not window.form.timeout_spin.isVisible()
    window.form.advanced.toggle.click()
    assert window.form.timeout_spin.isVisible()
    assert window.form.ca_file_edit.isVisible()


def test_ca_file_error_opens_advanced(make_window: Callable[..., MainWindow], tmp_path) -> None:
    window = make_window()
    fill_form(window, server="smtp.example.test", sender="a@example.test", ca_file=str(tmp_path / "missing.pem"))

    window.form.save_button.click()

    assert window.form.ca_file_edit.isVisible()
    assert "missing.pem" in window.form.message_text("ca_file")


def test_tab_order_follows_reading_order(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = make_window()
    form = window.form
    fill_form(window, auth=True, reports_enabled=True)
    form.advanced.expand()
    expected = [
        form.server_edit, form.sender_edit, form.security_combo, form.port_spin, form.auth_check,
        form.username_edit, form.password_edit, form.password_edit.visibility_button, form.save_button,
        form.test_recipient_edit, form.send_test_button, form.reports_check, form.reports_recipient_edit,
        form.advanced.toggle, form.timeout_spin, form.ca_file_edit, form.browse_button,
        # Round to the first field again, with no invisible stop (the scroll area) in between.
        form.server_edit,
    ]
    window.activateWindow()
    form.server_edit.setFocus()
    qtbot.waitUntil(form.server_edit.hasFocus)

    visited = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())

    assert [_owner(widget, expected) for widget in visited] == expected


def _owner(widget: QWidget, candidates: list[QWidget]) -> QWidget | None:
    """Return the candidate that is ``widget`` or contains it (a spin box's inner line edit)."""
    while widget is not None and widget not in candidates:
        widget = widget.parentWidget()
    return widget


def test_no_password_note_without_stored_password(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()

    fill_form(window, auth=True)

    assert not window.form.password_note.isVisible()
    assert window.form.password_edit.placeholderText() == "no password stored"


def test_window_fits_small_laptop_screen(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    # 1366x768 at 125 % scaling leaves 1093x614 logical pixels; keep 40 for the taskbar.
    window = make_window()
    fill_form(window, server="smtp.example.test", sender="tecnico@example.test", security=Security.NONE,
              auth=True, username="tecnico@example.test", password="segreto", reports_enabled=True,
              reports_recipient="assistenza@example.test")
    window.form.advanced.expand()
    window.resize(1093, 574)
    qtbot.wait(50)

    viewport = window.scroll_area.viewport()

    assert window.form.heightForWidth(viewport.width()) <= viewport.height()


def test_messages_never_clipped(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = make_window()
    fill_form(window, security=Security.NONE, auth=True, username="tecnico@example.test",
              sender="altro@example.test", reports_enabled=True, ca_file="/missing/ca.pem")
    window.resize(800, 300)
    window.form.save_button.click()
    qtbot.wait(50)

    labels = [label for label in window.form.findChildren(QLabel) if label.wordWrap() and label.isVisible()]

    assert labels
    for label in labels:
        assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_progress_strip_grows_window(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = make_window()
    fill_form(window, auth=True)
    qtbot.wait(50)
    scroll_bar = window.scroll_area.verticalScrollBar()
    assert not scroll_bar.isVisible()
    height = window.height()

    window.progress.begin("Saving")
    qtbot.waitUntil(lambda: window.height() > height)
    qtbot.wait(50)

    assert not scroll_bar.isVisible()
    window.progress.end()
