"""The popup that reports an operation: outcome, diagnosis and hint, details, copy and fix buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent
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
MIN_WIDTH = 520


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
        # An empty label would still take a line of height under the headline.
        self.body.setVisible(bool(self.body.text()))

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

        self.details_button = QPushButton(self.tr("Show the commands exchanged with the &server"), self)
        self.details_button.setObjectName("detailsButton")
        self.details_button.setCheckable(True)
        self.details_button.setToolTip(self.tr("Show each command sent to the server and its reply, with passwords masked."))
        self.details_button.toggled.connect(self._on_details_toggled)
        # As wide as its longer text, so the row of buttons keeps its width when the text changes.
        self.details_button.setText(self.tr("Hide the commands exchanged with the &server"))
        hide_width = self.details_button.sizeHint().width()
        self.details_button.setText(self.tr("Show the commands exchanged with the &server"))
        self.details_button.setMinimumWidth(max(hide_width, self.details_button.sizeHint().width()))
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
        margins = layout.contentsMargins()
        # Wide enough for the whole button row, whose texts are longer in Italian.
        self.setMinimumWidth(max(MIN_WIDTH, self.buttons.sizeHint().width() + margins.left() + margins.right()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Make the dialog as tall as its wrapped text needs at its width, with no gap above the buttons.

        Qt sizes a new dialog from the wrapped labels' height at a narrower width,
        which leaves empty space once the dialog is wider.
        """
        if not self.details.isVisible():
            self.resize(self.width(), self.heightForWidth(self.width()))

    def copy_text(self) -> str:
        """Return what the copy button puts on the clipboard."""
        parts = [self.report.headline, *[p for p in self.report.paragraphs if p]]
        if self.report.details:
            parts.append(self.report.details)
        return "\n\n".join(parts)

    @Slot(bool)
    def _on_details_toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)
        if shown:
            self.details_button.setText(self.tr("Hide the commands exchanged with the &server"))
        else:
            self.details_button.setText(self.tr("Show the commands exchanged with the &server"))
        self.adjustSize()
        self._fit_height()

    @Slot()
    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.copy_text())
