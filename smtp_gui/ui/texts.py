"""The form's labels, notes, placeholders and tooltips, in one place.

Written in English and translated through Qt (context "SmtpForm"); the
Italian labels follow the appliance's own SMTP and Segnalazioni pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from smtp_gui.settings import Security
from smtp_gui.ui.fields import PasswordState

if TYPE_CHECKING:
    from smtp_gui.ui.form import SmtpForm


# lupdate finds calls named ``translate`` with a literal context and text.
translate = QCoreApplication.translate


def security_names() -> dict[Security, str]:
    """Return the combo box's text for each security type."""
    return {
        Security.SSL: translate("SmtpForm", "SSL"),
        Security.STARTTLS: translate("SmtpForm", "STARTTLS"),
        Security.NONE: translate("SmtpForm", "None"),
    }


def apply(form: SmtpForm) -> None:
    """Set every visible text of ``form`` in the current language."""
    _apply_smtp(form)
    _apply_test(form)
    _apply_reports(form)
    _apply_advanced(form)


def _apply_smtp(form: SmtpForm) -> None:
    form.smtp_group.setTitle(translate("SmtpForm", "SMTP"))

    form.server_label.setText(translate("SmtpForm", "&Server"))
    form.server_edit.setPlaceholderText(translate("SmtpForm", "e.g. smtp.example.com"))
    form.server_edit.setToolTip(translate(
        "SmtpForm",
        "Name or IP address of the SMTP server the appliance sends its e-mail through "
        "(no \"smtp://\" and no port here)."))

    form.sender_label.setText(translate("SmtpForm", "&E-mail address"))
    form.sender_edit.setPlaceholderText(translate("SmtpForm", "e.g. tvox@example.com"))
    form.sender_edit.setToolTip(translate(
        "SmtpForm",
        "The sender address of every e-mail the appliance sends. It should be the address "
        "(or an alias) of the account whose credentials are given below."))
    form.sender_note.setText(translate(
        "SmtpForm",
        "Must be a real mailbox on the server: it keeps every e-mail sent and those that could "
        "not be delivered, and its administrator should read it."))

    form.security_label.setText(translate("SmtpForm", "Secure &connection type"))
    for index, name in enumerate(security_names().values()):
        form.security_combo.setItemText(index, name)
    form.security_combo.setToolTip(translate(
        "SmtpForm",
        "SSL: encrypted from the first byte (usually port 465). STARTTLS: starts in clear text "
        "and switches to encryption (usually port 587). None: no encryption (port 25), which "
        "most servers now refuse."))

    form.port_label.setText(translate("SmtpForm", "&Port"))
    form.port_spin.setToolTip(translate(
        "SmtpForm",
        "TCP port the SMTP server listens on. It follows the connection type (465, 587, 25) "
        "unless you typed another one."))

    form.auth_check.setText(translate("SmtpForm", "&Authentication"))
    form.auth_check.setToolTip(translate(
        "SmtpForm",
        "Log in to the server with the mailbox's username and password. Almost every server "
        "requires it."))

    form.username_label.setText(translate("SmtpForm", "&Username"))
    form.username_edit.setPlaceholderText(translate("SmtpForm", "usually the full e-mail address"))
    form.username_edit.setToolTip(translate("SmtpForm", "Username of the mailbox, often the same as the e-mail address."))

    form.password_label.setText(translate("SmtpForm", "Pass&word"))
    form.password_edit.setToolTip(translate(
        "SmtpForm",
        "Password of the mailbox. It is kept in the system's credential store, never in a file."))

    form.save_button.setText(translate("SmtpForm", "SA&VE"))
    form.save_button.setToolTip(translate("SmtpForm", "Save the settings, then check the connection to the server (Enter)."))


def set_password_texts(form: SmtpForm, state: PasswordState, error: str = "") -> None:
    """Announce in the password placeholder and note whether a password is stored, never what it is."""
    if state is PasswordState.STORED:
        form.password_edit.setPlaceholderText(translate("SmtpForm", "stored password"))
        form.password_note.setText(translate("SmtpForm", "A password is stored: leave the field empty to keep it."))
    elif state is PasswordState.UNKNOWN:
        form.password_edit.setPlaceholderText(translate("SmtpForm", "stored password unknown"))
        form.password_note.setText(error)
    elif state is PasswordState.OTHER_ACCOUNT:
        form.password_edit.setPlaceholderText(translate("SmtpForm", "no password stored"))
        form.password_note.setText(translate(
            "SmtpForm", "No password is stored for this server and username: enter it."))
    else:
        form.password_edit.setPlaceholderText(translate("SmtpForm", "no password stored"))
        form.password_note.setText("")


def _apply_test(form: SmtpForm) -> None:
    form.test_group.setTitle(translate("SmtpForm", "SMTP configuration test"))
    form.test_recipient_label.setText(translate("SmtpForm", "&Recipient"))
    form.test_recipient_edit.setPlaceholderText(translate("SmtpForm", "e.g. your own address"))
    form.test_recipient_edit.setToolTip(translate("SmtpForm", "Address that receives the test e-mail (Enter sends it)."))
    form.send_test_button.setText(translate("SmtpForm", "Send &test e-mail"))
    form.send_test_button.setToolTip(translate(
        "SmtpForm",
        "Send a test e-mail with the values in the form, even if they are not saved yet."))
    form.test_note.setText(translate("SmtpForm", "Uses the values in the form."))


def _apply_reports(form: SmtpForm) -> None:
    form.reports_group.setTitle(translate("SmtpForm", "Reports"))
    form.reports_check.setText(translate("SmtpForm", "Enab&le problem reports"))
    form.reports_check.setToolTip(translate(
        "SmtpForm",
        "Send the problem reports of TVox Client by e-mail to the address below."))
    form.reports_recipient_label.setText(translate("SmtpForm", "&Destination address"))
    form.reports_recipient_edit.setPlaceholderText(translate("SmtpForm", "e.g. support@example.com"))
    form.reports_recipient_edit.setToolTip(translate("SmtpForm", "Address that receives the problem reports."))


def _apply_advanced(form: SmtpForm) -> None:
    form.advanced.toggle.setText(translate("SmtpForm", "Adva&nced"))
    form.advanced.toggle.setToolTip(translate("SmtpForm", "Show or hide the timeout and the extra CA certificate."))
    form.timeout_label.setText(translate("SmtpForm", "Ti&meout"))
    form.timeout_spin.setSuffix(translate("SmtpForm", " s"))
    form.timeout_spin.setToolTip(translate(
        "SmtpForm",
        "Seconds to wait for each network step (connection, encryption, each server reply)."))
    form.ca_file_label.setText(translate("SmtpForm", "CA cert&ificate"))
    form.ca_file_edit.setPlaceholderText(translate("SmtpForm", "optional: PEM file of an internal CA"))
    form.ca_file_edit.setToolTip(translate(
        "SmtpForm",
        "PEM file of a certificate authority to trust besides the system's, for a server "
        "with a certificate from the customer's internal CA."))
    form.browse_button.setText(translate("SmtpForm", "&Browse…"))
    form.browse_button.setToolTip(translate("SmtpForm", "Choose the CA certificate file."))
