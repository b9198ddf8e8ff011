"""Small widgets the form is built from: a field with its message, the password edit, a collapsible section."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QIcon, QPainter, QPixmap, QColor, QPen
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from smtp_gui.settings import Severity

ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#8a5a00"


class FieldMessage(QLabel):
    """The error or warning shown under one field; hidden while there is none."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.severity: Severity | None = None
        self.hide()

    def show_message(self, severity: Severity | None, text: str) -> None:
        """Show ``text`` coloured for ``severity``, or hide the label when ``severity`` is None."""
        self.severity = severity
        if severity is None:
            self.clear()
            self.hide()
            return
        colour = ERROR_COLOUR if severity is Severity.ERROR else WARNING_COLOUR
        self.setStyleSheet(f"color: {colour};")
        self.setText(text)
        self.show()


def with_message(field: QWidget, message: FieldMessage, note: QLabel | None = None) -> QWidget:
    """Return a widget stacking ``field``, an optional grey ``note`` and its ``message``."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    if note is not None:
        layout.addWidget(note)
    layout.addWidget(message)
    return box


def note_label(parent: QWidget | None = None) -> QLabel:
    """Return a small grey label for a permanent explanation under a field."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _eye_icon(crossed: bool) -> QIcon:
    """Draw the show/hide password icon, so no image file or icon theme is needed."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#444444"), 2.5))
    painter.drawEllipse(4, 9, 24, 14)
    painter.setBrush(QColor("#444444"))
    painter.drawEllipse(12, 12, 8, 8)
    if crossed:
        painter.drawLine(5, 27, 27, 5)
    painter.end()
    return QIcon(pixmap)


class PasswordState(Enum):
    """The stored-password state for the server and username in the form."""

    STORED = "stored"
    NOT_STORED = "not_stored"
    OTHER_ACCOUNT = "other_account"  # a password is stored, but for the saved server and username
    UNKNOWN = "unknown"  # the keyring could not be read


class PasswordEdit(QLineEdit):
    """A password field with a show/hide button, which the form places beside it.

    The field holds only what the user types in this session: a stored
    password is never read back into it, only announced by the placeholder.
    The button is a separate widget, not an action inside the field, because
    Qt's in-field action buttons never take the keyboard focus.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.visibility_action = QAction(self)
        self.visibility_action.setObjectName("passwordVisibilityAction")
        self.visibility_action.setCheckable(True)
        self.visibility_action.toggled.connect(self._on_visibility_toggled)
        self.visibility_button = QToolButton()
        self.visibility_button.setObjectName("passwordVisibilityButton")
        self.visibility_button.setDefaultAction(self.visibility_action)
        self.visibility_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.visibility_button.setAutoRaise(True)
        self._on_visibility_toggled(False)

    def retranslate(self) -> None:
        """Set the action's texts (called by the form once its translations are in place)."""
        self._on_visibility_toggled(self.visibility_action.isChecked())

    @Slot(bool)
    def _on_visibility_toggled(self, visible: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password)
        self.visibility_action.setIcon(_eye_icon(crossed=visible))
        text = self.tr("Hide the password") if visible else self.tr("Show the password")
        self.visibility_action.setText(text)
        self.visibility_action.setToolTip(text)
        self.visibility_button.setAccessibleName(text)


class CollapsibleSection(QWidget):
    """A header button with an arrow that shows or hides its content; starts collapsed."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("advancedToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._on_toggled)
        self.content = content
        content.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(content)

    def expand(self, expanded: bool = True) -> None:
        """Show (or hide) the content."""
        self.toggle.setChecked(expanded)

    @Slot(bool)
    def _on_toggled(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.content.setVisible(expanded)
