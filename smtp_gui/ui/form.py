"""The form: the appliance's SMTP, test and reports panels, plus the advanced section.

``SmtpForm`` builds the widgets, keeps the rules between them (the port
follows the security type, the credentials follow the authentication toggle),
converts between widgets and ``Settings``, and shows the model's problems
beside their fields.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smtp_gui.settings import (
    DEFAULT_TIMEOUT,
    MAX_TIMEOUT,
    MIN_TIMEOUT,
    Problem,
    Security,
    Settings,
    Severity,
    port_for_security,
)
from smtp_gui.ui import texts
from smtp_gui.ui.fields import (
    WARNING_COLOUR,
    CollapsibleSection,
    FieldMessage,
    PasswordEdit,
    PasswordState,
    note_label,
    with_message,
)

# The fields of ``Settings`` that have a message label, in reading order, so the
# first field with an error is the one that gets the focus.
FIELD_ORDER = (
    "server", "sender", "security", "port", "auth", "username", "password",
    "reports_recipient", "timeout", "ca_file",
)


class SmtpForm(QWidget):
    """The editable settings and the buttons that act on them.

    Signals:
        changed(): any field changed.
        save_requested(): SALVA clicked, or Enter pressed in an SMTP field.
        send_requested(): the test send clicked, or Enter pressed in the recipient field.
        browse_requested(): the CA file's browse button clicked.
    """

    changed = Signal()
    save_requested = Signal()
    send_requested = Signal()
    browse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages: dict[str, FieldMessage] = {}
        self._error_fields: set[str] = set()

        self.smtp_group = self._build_smtp_group()
        self.test_group = self._build_test_group()
        self.reports_group = self._build_reports_group()
        self.advanced = self._build_advanced_section()
        self._retranslate()
        self.set_password_state(PasswordState.NOT_STORED)
        self._lay_out()
        self._connect()
        self._set_tab_order()
        self._on_auth_toggled(False)
        self._on_reports_toggled(False)

    # --- building ---------------------------------------------------------------------------

    def _message(self, field: str) -> FieldMessage:
        name = "".join(part.capitalize() if i else part for i, part in enumerate(field.split("_")))
        message = FieldMessage(f"{name}Message", self)
        self._messages[field] = message
        return message

    def _build_smtp_group(self) -> QGroupBox:
        group = QGroupBox(self)
        group.setObjectName("smtpGroup")
        self.server_edit = QLineEdit(objectName="serverEdit")
        self.sender_edit = QLineEdit(objectName="senderEdit")
        self.sender_note = note_label()
        self.security_combo = QComboBox(objectName="securityCombo")
        for security in (Security.SSL, Security.STARTTLS, Security.NONE):
            # QVariant turns a str enum into a plain str, so store the value and convert back.
            self.security_combo.addItem("", security.value)
        self.port_spin = QSpinBox(objectName="portSpin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setGroupSeparatorShown(False)
        self.auth_check = QCheckBox(objectName="authCheck")
        self.username_edit = QLineEdit(objectName="usernameEdit")
        self.password_edit = PasswordEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_note = note_label()
        self.password_note.setObjectName("passwordNote")
        self.save_button = QPushButton(objectName="saveButton")
        self.save_button.setDefault(True)

        form = QFormLayout(group)
        self.server_label = self._row(form, self.server_edit, "server")
        self.sender_label = self._row(form, self.sender_edit, "sender", self.sender_note)
        self.security_label = self._row(form, self.security_combo, "security")
        self.port_label = self._row(form, self.port_spin, "port")
        form.addRow("", with_message(self.auth_check, self._message("auth")))
        self.username_label = self._row(form, self.username_edit, "username")
        password_row = QWidget()
        password_layout = QHBoxLayout(password_row)
        password_layout.setContentsMargins(0, 0, 0, 0)
        password_layout.addWidget(self.password_edit, 1)
        password_layout.addWidget(self.password_edit.visibility_button)
        self.password_label = self._row(form, password_row, "password", self.password_note)
        self.password_label.setBuddy(self.password_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self._smtp_form = form
        return group

    def _row(self, form: QFormLayout, field: QWidget, name: str, note: QLabel | None = None) -> QLabel:
        label = QLabel()
        label.setBuddy(field)
        form.addRow(label, with_message(field, self._message(name), note))
        return label

    def _build_test_group(self) -> QGroupBox:
        group = QGroupBox(self)
        group.setObjectName("testGroup")
        self.test_recipient_edit = QLineEdit(objectName="testRecipientEdit")
        self.test_recipient_message = FieldMessage("testRecipientMessage", self)
        self.send_test_button = QPushButton(objectName="sendTestButton")
        self.test_note = note_label()

        form = QFormLayout(group)
        self.test_recipient_label = QLabel()
        self.test_recipient_label.setBuddy(self.test_recipient_edit)
        form.addRow(self.test_recipient_label, with_message(self.test_recipient_edit, self.test_recipient_message))
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_note, 1)
        buttons.addWidget(self.send_test_button)
        form.addRow(buttons)
        return group

    def _build_reports_group(self) -> QGroupBox:
        group = QGroupBox(self)
        group.setObjectName("reportsGroup")
        self.reports_check = QCheckBox(objectName="reportsCheck")
        self.reports_recipient_edit = QLineEdit(objectName="reportsRecipientEdit")

        form = QFormLayout(group)
        form.addRow(self.reports_check)
        self.reports_recipient_label = self._row(form, self.reports_recipient_edit, "reports_recipient")
        return group

    def _build_advanced_section(self) -> CollapsibleSection:
        content = QWidget(self)
        self.timeout_spin = QSpinBox(objectName="timeoutSpin")
        self.timeout_spin.setRange(MIN_TIMEOUT, MAX_TIMEOUT)
        self.ca_file_edit = QLineEdit(objectName="caFileEdit")
        self.ca_file_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(objectName="browseButton")
        self.browse_button.setAutoDefault(False)

        form = QFormLayout(content)
        form.setContentsMargins(12, 0, 0, 0)
        self.timeout_label = self._row(form, self.timeout_spin, "timeout")
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_file_edit, 1)
        ca_layout.addWidget(self.browse_button)
        self.ca_file_label = self._row(form, ca_row, "ca_file")
        self.ca_file_label.setBuddy(self.ca_file_edit)
        section = CollapsibleSection(content, self)
        section.setObjectName("advancedSection")
        return section

    def _lay_out(self) -> None:
        # Two columns keep the window short enough for a 1366x768 screen at 125 %:
        # the SMTP panel on the left, then the test, reports and advanced parts.
        right = QVBoxLayout()
        right.addWidget(self.test_group)
        right.addWidget(self.reports_group)
        right.addWidget(self.advanced)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.smtp_group)
        left.addStretch(1)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

    def _connect(self) -> None:
        for edit in (self.server_edit, self.sender_edit, self.username_edit, self.password_edit,
                     self.reports_recipient_edit, self.ca_file_edit):
            edit.textChanged.connect(self._on_field_changed)
        for edit in (self.server_edit, self.sender_edit, self.username_edit, self.password_edit):
            edit.returnPressed.connect(self.save_requested)
        self.security_combo.currentIndexChanged.connect(self._on_security_changed)
        self.port_spin.valueChanged.connect(self._on_field_changed)
        self.timeout_spin.valueChanged.connect(self._on_field_changed)
        self.auth_check.toggled.connect(self._on_auth_toggled)
        self.reports_check.toggled.connect(self._on_reports_toggled)
        self.save_button.clicked.connect(self.save_requested)
        self.test_recipient_edit.returnPressed.connect(self.send_requested)
        self.test_recipient_edit.textChanged.connect(lambda: self.test_recipient_message.show_message(None, ""))
        self.send_test_button.clicked.connect(self.send_requested)
        self.browse_button.clicked.connect(self.browse_requested)

    def _set_tab_order(self) -> None:
        order = (
            self.server_edit, self.sender_edit, self.security_combo, self.port_spin, self.auth_check,
            self.username_edit, self.password_edit, self.password_edit.visibility_button, self.save_button, self.test_recipient_edit,
            self.send_test_button, self.reports_check, self.reports_recipient_edit, self.advanced.toggle,
            self.timeout_spin, self.ca_file_edit, self.browse_button,
        )
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _retranslate(self) -> None:
        texts.apply(self)
        self.password_edit.retranslate()

    # --- rules between fields ---------------------------------------------------------------

    @Slot()
    def _on_field_changed(self) -> None:
        self.changed.emit()

    @Slot(int)
    def _on_security_changed(self, index: int) -> None:
        security = Security(self.security_combo.itemData(index))
        self.port_spin.setValue(port_for_security(self.port_spin.value(), security))
        self.changed.emit()

    @Slot(bool)
    def _on_auth_toggled(self, on: bool) -> None:
        # Hiding keeps the values: switching authentication off and on again loses nothing.
        self._smtp_form.setRowVisible(self.username_label, on)
        self._smtp_form.setRowVisible(self.password_label, on)
        self.changed.emit()

    @Slot(bool)
    def _on_reports_toggled(self, on: bool) -> None:
        self.reports_recipient_edit.setEnabled(on)
        self.reports_recipient_label.setEnabled(on)
        self.changed.emit()

    # --- values -----------------------------------------------------------------------------

    def settings(self) -> Settings:
        """Return the values in the form; the password is only what was typed here."""
        return Settings(
            server=self.server_edit.text().strip(),
            sender=self.sender_edit.text().strip(),
            port=self.port_spin.value(),
            security=Security(self.security_combo.currentData()),
            auth=self.auth_check.isChecked(),
            username=self.username_edit.text().strip(),
            password=self.password_edit.text(),
            reports_enabled=self.reports_check.isChecked(),
            reports_recipient=self.reports_recipient_edit.text().strip(),
            timeout=self.timeout_spin.value(),
            ca_file=self.ca_file_edit.text().strip(),
        )

    def load(self, settings: Settings) -> None:
        """Show ``settings`` in the widgets, leaving the password field empty."""
        self.server_edit.setText(settings.server)
        self.sender_edit.setText(settings.sender)
        # Set the port after the security type, which would otherwise move it.
        self.security_combo.setCurrentIndex(self.security_combo.findData(Security(settings.security).value))
        self.port_spin.setValue(settings.port)
        self.auth_check.setChecked(settings.auth)
        self.username_edit.setText(settings.username)
        self.password_edit.clear()
        self.reports_check.setChecked(settings.reports_enabled)
        self.reports_recipient_edit.setText(settings.reports_recipient)
        self.timeout_spin.setValue(settings.timeout)
        self.ca_file_edit.setText(settings.ca_file)
        if settings.timeout != DEFAULT_TIMEOUT or settings.ca_file:
            self.advanced.expand()

    def set_security(self, security: Security, port: int) -> None:
        """Choose ``security`` and then ``port`` (the fix offered for an SSL/STARTTLS mix-up)."""
        self.security_combo.setCurrentIndex(self.security_combo.findData(security.value))
        self.port_spin.setValue(port)

    def set_password_stored(self, stored: bool) -> None:
        """Say in the empty password field whether a password is stored, never what it is."""
        self.set_password_state(PasswordState.STORED if stored else PasswordState.NOT_STORED)

    def set_password_state(self, state: PasswordState, error: str = "") -> None:
        """Show what the keyring holds for the form's account: the placeholder and the note under the field.

        Args:
            state: stored, not stored, or unknown because the keyring could not be read.
            error: the keyring's translated error, shown in the note when ``state`` is UNKNOWN.
        """
        texts.set_password_texts(self, state, error)
        # A keyring error stays in view, coloured as a warning; the stored-password note is grey.
        colour = WARNING_COLOUR if state is PasswordState.UNKNOWN else "palette(placeholder-text)"
        self.password_note.setStyleSheet(f"color: {colour};")
        self.password_note.setVisible(state is not PasswordState.NOT_STORED)

    def set_busy(self, busy: bool) -> None:
        """Disable the buttons that would start a second operation."""
        self.save_button.setEnabled(not busy)
        self.send_test_button.setEnabled(not busy)

    # --- problems ---------------------------------------------------------------------------

    def show_problems(self, problems: list[Problem], *, errors_too: bool = False) -> QWidget | None:
        """Show warnings, and errors for fields that had one at the last SALVA (all of them with ``errors_too``).

        Returns the widget of the first field with an error, for the focus.
        """
        if errors_too:
            self._error_fields = {p.field for p in problems if p.severity is Severity.ERROR}
        visible: dict[str, Problem] = {}
        for problem in problems:
            if problem.severity is Severity.ERROR and problem.field not in self._error_fields:
                continue
            current = visible.get(problem.field)
            if current is None or (current.severity is Severity.WARNING and problem.severity is Severity.ERROR):
                visible[problem.field] = problem
        self._error_fields &= {f for f, p in visible.items() if p.severity is Severity.ERROR}

        for field, message in self._messages.items():
            problem = visible.get(field)
            message.show_message(problem.severity if problem else None, problem.message if problem else "")
        if errors_too and self._error_fields & {"timeout", "ca_file"}:
            self.advanced.expand()
        first = next((f for f in FIELD_ORDER if f in self._error_fields), None)
        return self.field_widget(first) if first else None

    def show_recipient_error(self, text: str) -> None:
        """Show an error under the test recipient."""
        self.test_recipient_message.show_message(Severity.ERROR, text)

    def message_text(self, field: str) -> str:
        """Return the message visible under ``field`` ("" when none)."""
        message = self._messages[field]
        return message.text() if message.severity is not None else ""

    def field_widget(self, field: str) -> QWidget:
        """Return the widget that edits the ``Settings`` field ``field``."""
        widgets = {
            "server": self.server_edit, "sender": self.sender_edit, "security": self.security_combo,
            "port": self.port_spin, "auth": self.auth_check, "username": self.username_edit,
            "password": self.password_edit, "reports_recipient": self.reports_recipient_edit,
            "reports_enabled": self.reports_check, "timeout": self.timeout_spin, "ca_file": self.ca_file_edit,
        }
        return widgets[field]
