"""The window in Italian and in English, and no visible string left untranslated in Italian."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from smtp_gui import i18n
from smtp_gui.settings import Security, Settings
from smtp_gui.smtp.result import Certificate, Diagnosis, Result, Step
from smtp_gui.ui.application import install_translations
from smtp_gui.ui.report import Report, details_text
from smtp_gui.ui.result_dialog import ResultDialog
from smtp_gui.ui.window import MainWindow
from tests.ui.conftest import DialogRecorder, fill_form

# Strings that read the same in both languages: protocol names, and the words the
# appliance's own Italian page keeps in English.
SAME_IN_ITALIAN = frozenset({"SMTP", "SSL", "STARTTLS", "&Server", "&Username", "Pass&word", "Ti&meout", " s"})


@pytest.fixture
def use_language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """Return a function that switches the program to a language as ``smtp-gui --lang`` does.

    Every catalogue it installs is removed again at teardown.
    """
    installed: list[QTranslator] = []

    def use(language: str) -> None:
        for translator in installed:
            qapp.removeTranslator(translator)
        installed[:] = install_translations(qapp, language)

    yield use
    for translator in installed:
        qapp.removeTranslator(translator)
    i18n.set_translator(None)
    i18n.set_language("en")


@pytest.fixture
def italian(use_language: Callable[[str], None]) -> None:
    """Run the test in Italian."""
    use_language("it")


def visible_strings(window: MainWindow) -> list[tuple[str, str]]:
    """Return (where, text) for every label, button, tooltip, placeholder, item, title and action text."""
    strings = [("window title", window.windowTitle())]
    widgets: list[QWidget] = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        where = f"{type(widget).__name__} {widget.objectName()}"
        strings.append((f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            strings.append((f"{where} text", widget.text()))
        if isinstance(widget, QLineEdit):
            strings.append((f"{where} placeholder", widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            strings.append((f"{where} title", widget.title()))
        if isinstance(widget, QComboBox):
            strings += [(f"{where} item {i}", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QSpinBox):
            strings += [(f"{where} suffix", widget.suffix()), (f"{where} prefix", widget.prefix())]
    for action in window.findChildren(QAction):
        strings += [(f"action {action.objectName()} text", action.text()),
                    (f"action {action.objectName()} tooltip", action.toolTip())]
    return [(where, text) for where, text in strings if text and not where.split()[1].startswith("qt_")]


def _reveal_everything(window: MainWindow) -> None:
    fill_form(window, auth=True, reports_enabled=True)
    window.form.advanced.expand()


def test_no_visible_string_left_in_english(make_window: Callable[..., MainWindow],
                                           use_language: Callable[[str], None]) -> None:
    english_window = make_window()
    _reveal_everything(english_window)
    english = visible_strings(english_window)
    use_language("it")
    italian_window = make_window()
    _reveal_everything(italian_window)

    italian = visible_strings(italian_window)

    assert [where for where, _ in italian] == [where for where, _ in english]
    untranslated = [
        f"{where}: {text!r}" for (where, text), (_, source) in zip(italian, english)
        if text == source and source not in SAME_IN_ITALIAN
    ]
    assert untranslated == []


def test_italian_screen_follows_appliance(make_window: Callable[..., MainWindow], italian: None) -> None:
    window = make_window()
    form = window.form

    assert window.windowTitle() == "Configurazione SMTP[*]"
    assert form.smtp_group.title() == "SMTP"
    assert form.server_label.text() == "&Server"
    assert form.sender_label.text() == "&Indirizzo E-mail"
    assert form.security_label.text() == "Tipo di &connessione sicura"
    assert [form.security_combo.itemText(i) for i in range(3)] == ["SSL", "STARTTLS", "Nessuno"]
    assert form.port_label.text() == "P&orta"
    assert form.auth_check.text() == "&Autenticazione"
    assert form.save_button.text() == "SA&LVA"
    assert form.test_group.title() == "Test configurazione SMTP"
    assert form.reports_group.title() == "Segnalazioni"
    assert window.progress.cancel_button.text() == "Annulla"


def test_italian_model_warning_beside_field(make_window: Callable[..., MainWindow], italian: None) -> None:
    window = make_window()

    fill_form(window, security=Security.SSL)
    fill_form(window, security=Security.NONE)

    assert window.form.message_text("security") != ""
    assert "clear text" not in window.form.message_text("security")


def test_italian_standard_buttons(make_window: Callable[..., MainWindow], dialogs: DialogRecorder,
                                  italian: None) -> None:
    window = make_window()
    fill_form(window, server="smtp.example.test")
    buttons: list[str] = []

    def read_buttons(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        buttons.extend(button.text() for button in dialog.buttons())

    dialogs.act = read_buttons
    dialogs.answers = [QMessageBox.StandardButton.Cancel.value]
    window.close()

    assert "Annulla" in buttons
    assert "Salva" in buttons


def test_english_screen(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    form = window.form

    assert window.windowTitle() == "SMTP configuration[*]"
    assert form.sender_label.text() == "&E-mail address"
    assert form.save_button.text() == "SA&VE"
    assert form.reports_group.title() == "Reports"
    assert window.progress.cancel_button.text() == "Cancel"


def test_every_field_has_a_tooltip(make_window: Callable[..., MainWindow]) -> None:
    form = make_window().form
    fields = [form.field_widget(name) for name in (
        "server", "sender", "security", "port", "auth", "username", "password", "reports_enabled",
        "reports_recipient", "timeout", "ca_file")]
    fields += [form.test_recipient_edit, form.send_test_button, form.save_button, form.browse_button]

    assert [field.objectName() for field in fields if not field.toolTip()] == []


@pytest.mark.parametrize("language", ["en", "it"])
def test_mnemonics_unique(make_window: Callable[..., MainWindow], use_language: Callable[[str], None],
                          language: str) -> None:
    use_language(language)
    window = make_window()
    _reveal_everything(window)
    widgets = [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]
    texts = [widget.text() for widget in widgets if "&" in widget.text()]

    keys = [text[text.index("&") + 1].lower() for text in texts]

    assert len(keys) == len(set(keys)), sorted(texts)


CERTIFICATE = Certificate(subject="CN=smtp.example.test", names=("smtp.example.test",), issuer="CN=Test CA",
                          not_after="2030-01-01T00:00:00Z", sha256="AB:CD")


def test_italian_details_success_in_words(italian: None) -> None:
    result = Result(ok=True, step=Step.DONE, tls_version="TLSv1.3", cipher="TLS_AES_256_GCM_SHA384",
                    certificate=CERTIFICATE, elapsed_s=0.25)

    details = details_text(result, Settings(server="smtp.example.test"))

    assert "Esito: riuscito (fase: completata)" in details
    for english in ("OK", "done", "subject:", "names:", "issuer:", "not after:"):
        assert english not in details


def test_italian_details_failure_names_diagnosis(italian: None) -> None:
    diagnosis = Diagnosis(code="tls_mode_mismatch", message="Il server non parla SSL su questa porta.")
    result = Result(ok=False, step=Step.TLS, diagnosis=diagnosis)

    details = details_text(result, Settings(server="smtp.example.test"))

    assert "Il server non parla SSL su questa porta. [tls_mode_mismatch]" in details
    assert "(fase: cifratura (TLS))" in details
    assert "al passo tls" not in details


def test_italian_details_toggle_names_commands(italian: None, qtbot) -> None:
    dialog = ResultDialog(Report(ok=True, title="t", headline="h", details="C: QUIT"))
    qtbot.addWidget(dialog)

    assert dialog.details_button.text().replace("&", "") == "Mostra lo scambio di comandi con il server"
