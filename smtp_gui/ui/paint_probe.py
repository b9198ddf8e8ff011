"""A hook for automated tests of the built program: report the window's first paint, then quit.

A test cannot see inside a windowed executable (on Windows it has no standard
output), so with ``SMTP_GUI_EXIT_AFTER_PAINT=FILE`` set the program writes a
small JSON record to FILE once the main window has painted, and exits with
status 0. Without the variable nothing is installed.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

logger = logging.getLogger(__name__)

EXIT_AFTER_PAINT_VARIABLE = "SMTP_GUI_EXIT_AFTER_PAINT"


class FirstPaintProbe(QObject):
    """Watch ``window`` for its first paint event, then write the record and quit the event loop."""

    def __init__(self, window: QWidget, record_path: Path) -> None:
        super().__init__(window)
        self._window = window
        self._record_path = record_path
        self._painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            # The filter runs before the window paints; a zero timer fires after it finished.
            QTimer.singleShot(0, self._record_and_quit)
        return False

    def _record_and_quit(self) -> None:
        window = self._window
        title = window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")
        record = {
            "title": title,
            "width": window.width(),
            "height": window.height(),
            "platform": QGuiApplication.platformName(),
        }
        self._record_path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        logger.info("first paint recorded in %s; quitting", self._record_path)
        QCoreApplication.exit(0)


def install_if_requested(window: QWidget) -> FirstPaintProbe | None:
    """Install the probe on ``window`` when ``SMTP_GUI_EXIT_AFTER_PAINT`` names a file."""
    path = os.environ.get(EXIT_AFTER_PAINT_VARIABLE)
    if not path:
        return None
    return FirstPaintProbe(window, Path(path))
