"""The strip shown while an operation runs: what is happening, seconds elapsed, and Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

REFRESH_MS = 200


class ProgressPanel(QWidget):
    """A busy bar with a label counting seconds and the Cancel button (Escape).

    Signals:
        cancel_requested(): the user clicked Cancel or pressed Escape.
    """

    cancel_requested = Signal()

    def __init__(self, elapsed_s: Callable[[], float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self._elapsed_s = elapsed_s
        self._activity = ""
        self._cancelling = False

        self.label = QLabel(self)
        self.label.setObjectName("progressLabel")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # no known length: a busy indicator
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Cancel))
        self.cancel_button.setToolTip(self.tr("Stop the operation (Esc)."))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self.hide()

    def begin(self, activity: str) -> None:
        """Show the panel for ``activity`` (e.g. "Checking the connection") and start counting."""
        self._activity = activity
        self._cancelling = False
        self.cancel_button.setEnabled(True)
        self._refresh()
        self.show()
        self._timer.start()

    def end(self) -> None:
        """Hide the panel."""
        self._timer.stop()
        self.hide()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self._cancelling = True
        self.cancel_button.setEnabled(False)
        self._refresh()
        self.cancel_requested.emit()

    @Slot()
    def _refresh(self) -> None:
        seconds = int(self._elapsed_s())
        if self._cancelling:
            text = self.tr("Cancelling…")
        else:
            text = self.tr("{activity}… {seconds} s").format(activity=self._activity, seconds=seconds)
        self.label.setText(text)
