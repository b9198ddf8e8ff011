"""The result popup on its own: details, copy, fix button, Escape."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from smtp_gui.settings import Security, Settings
from smtp_gui.smtp.result import Diagnosis, Result, Step
from smtp_gui.ui.report import Fix, Report, fix_for
from smtp_gui.ui.result_dialog import FIX_CHOSEN, ResultDialog
from smtp_gui.ui.window import MainWindow
from tests.ui.conftest import DialogRecorder, fill_settings, wait_idle

REPORT = Report(ok=False, title="Save settings", headline="Settings saved, but the connection failed.",
                paragraphs=("Failed at: connection to the server.",), details="C: EHLO [127.0.0.1]\nS: 250 ok")


def _mismatch(security: Security, port: int) -> tuple[Result, Settings]:
    result = Result(ok=False, step=Step.GREETING, diagnosis=Diagnosis("tls_mode_mismatch", "mismatch", "hint"))
    return result, Settings(server="smtp.example.test", security=security, port=port)


def test_details_hidden_until_asked(qtbot: QtBot) -> None:
    dialog = ResultDialog(REPORT)
    qtbot.addWidget(dialog)
    dialog.show()

    assert not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible()
    assert dialog.details.toPlainText() == REPORT.details


def test_copy_button_copies_outcome_and_details(qtbot: QtBot) -> None:
    dialog = ResultDialog(REPORT)
    qtbot.addWidget(dialog)

    dialog.copy_button.click()

    copied = QGuiApplication.clipboard().text()
    assert REPORT.headline in copied
    assert "S: 250 ok" in copied


def test_escape_closes_dialog(qtbot: QtBot) -> None:
    dialog = ResultDialog(REPORT)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_fix_button_returns_fix_code(qtbot: QtBot) -> None:
    fix = Fix(Security.STARTTLS, 587, "Use STARTTLS on port 587")
    dialog = ResultDialog(Report(ok=False, title="t", headline="h", fix=fix))
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.fix_button.click()

    assert dialog.result() == FIX_CHOSEN


def test_no_fix_button_without_fix(qtbot: QtBot) -> None:
    dialog = ResultDialog(REPORT)
    qtbot.addWidget(dialog)

    assert dialog.fix_button is None


def test_fix_keeps_port_and_swaps_security() -> None:
    cases = [
        (Security.SSL, 587, Security.STARTTLS),
        (Security.STARTTLS, 465, Security.SSL),
        (Security.NONE, 465, Security.SSL),
    ]
    for security, port, expected in cases:
        fix = fix_for(*_mismatch(security, port))

        assert fix is not None
        assert (fix.security, fix.port) == (expected, port)


def test_starttls_on_ssl_port_offers_ssl(make_window: Callable[..., MainWindow], qtbot: QtBot,
                                         dialogs: DialogRecorder, smtp_server) -> None:
    server = smtp_server(security="ssl", auth=True)
    window = make_window()
    # One second of silence before the engine probes the port for TLS.
    fill_settings(window, server.settings(security=Security.STARTTLS, timeout=1))
    dialogs.answers = [FIX_CHOSEN]

    window.form.save_button.click()
    wait_idle(qtbot, window)

    (popup,) = dialogs.named("resultDialog")
    assert popup.fix_label == f"Use SSL on port {server.port}"
    assert window.form.settings().security is Security.SSL
    assert window.form.port_spin.value() == server.port


def test_dialog_height_fits_text(qtbot: QtBot) -> None:
    report = Report(ok=False, title="Save settings", headline="Settings saved.",
                    paragraphs=("The password was not saved: no system keyring is available.",))
    dialog = ResultDialog(report)
    qtbot.addWidget(dialog)

    dialog.show()
    qtbot.waitExposed(dialog)

    # Any height beyond what the text needs would sit as a gap above the buttons.
    assert dialog.height() == dialog.heightForWidth(dialog.width())
    assert not dialog.body.isHidden()


def test_dialog_hides_empty_body(qtbot: QtBot) -> None:
    dialog = ResultDialog(Report(ok=True, title="Save settings", headline="Settings saved."))
    qtbot.addWidget(dialog)

    dialog.show()

    assert dialog.body.isHidden()


def test_dialog_wide_enough_for_buttons(qtbot: QtBot) -> None:
    fix = Fix(Security.STARTTLS, 465, "Use STARTTLS on port 465")
    dialog = ResultDialog(Report(ok=False, title="t", headline="h", details="C: QUIT", fix=fix))
    qtbot.addWidget(dialog)

    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.width() >= dialog.buttons.sizeHint().width()
