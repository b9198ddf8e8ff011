"""The one place where the window runs a modal dialog, so tests can replace it.

Every modal the window opens (result popup, questions, messages, the file
chooser) goes through a ``DialogRunner``: a function that runs the dialog and
returns its result code. The window takes one as a constructor argument;
tests pass a function that records the dialog and returns a chosen answer
instead of blocking on ``exec()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

DialogRunner = Callable[[QDialog], int]


def exec_dialog(dialog: QDialog) -> int:
    """Run ``dialog`` modally and return its result (a ``QMessageBox.StandardButton`` value for message boxes)."""
    return dialog.exec()
