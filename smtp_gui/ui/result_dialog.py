"""The popup that reports an operation: outcome, diagnosis and hint, details, copy and fix buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from smtp_gui.ui.report import Report

# The result code ``exec`` returns when the user chose the offered fix.
FIX_CHOSEN = 2


class ResultDialog(QDialog):
    """Shows a ``Report``. ``exec`` returns ``FIX_CHOSEN`` when the fix button was clicked."""

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultDialog")
        self.setWindowTitle(report.title)
        self.report = report

        icon = QLabel(self)
        pixmap = QStyle.StandardPixmap.SP_MessageBoxInformation if report.ok else QStyle.StandardPixmap.SP_MessageBoxWarning
        icon.setPixmap(self.style().standardIcon(pixmap).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(report.headline, self)
        self.headline.setObjectName("headlineLabel")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.body = QLabel("\n\n".join(p for p in report.paragraphs if p), self)
        self.body.setObjectName("bodyLabel")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QPlainTextEdit(report.details, self)
        self.details.setObjectName("detailsText")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setVisible(False)

        self.buttons = self._build_buttons(report)
        self._lay_out(icon)

    def _build_buttons(self, report: Report) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)

        self.details_button = QPushButton(self.tr("Show &details"), self)
        self.details_button.setObjectName("detailsButton")
        self.details_button.setCheckable(True)
        self.details_button.setToolTip(self.tr("Show the server's dialogue, with passwords masked."))
        self.details_button.toggled.connect(self._on_details_toggled)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip(self.tr("Copy the outcome and the details, to paste them into a support request."))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        for button in (self.details_button, self.copy_button):
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.details_button.setVisible(bool(report.details))

        self.fix_button = None
        if report.fix is not None:
            self.fix_button = QPushButton(report.fix.label, self)
            self.fix_button.setObjectName("fixButton")
            self.fix_button.setToolTip(self.tr("Change the form this way; then save or send again."))
            self.fix_button.setAutoDefault(False)
            self.fix_button.clicked.connect(lambda: self.done(FIX_CHOSEN))
            buttons.addButton(self.fix_button, QDialogButtonBox.ButtonRole.ActionRole)
        return buttons

    def _lay_out(self, icon: QLabel) -> None:
        text = QVBoxLayout()
        text.addWidget(self.headline)
        text.addWidget(self.body)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def copy_text(self) -> str:
        """Return what the copy button puts on the clipboard."""
        parts = [self.report.headline, *[p for p in self.report.paragraphs if p]]
        if self.report.details:
            parts.append(self.report.details)
        return "\n\n".join(parts)

    @Slot(bool)
    def _on_details_toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Hide &details") if shown else self.tr("Show &details"))
        self.adjustSize()

    @Slot()
    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.copy_text())
