"""The pinned PySide6 keeps Python's None, True and False alive.

PySide6-Essentials 6.12.0 on Python 3.11 dropped one reference to the
returned None or bool on every call such as ``QLabel.setText``; after a few
thousand calls the interpreter aborted with "none_dealloc". A typing session
makes that many calls within minutes, so the pin must never move to such a build.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

CALLS = 2000


@pytest.mark.parametrize("singleton", [None, True, False], ids=repr)
def test_qt_calls_keep_singleton_references(qapp: QApplication, singleton: object) -> None:
    label, button = QLabel(), QPushButton()
    before = sys.getrefcount(singleton)

    for index in range(CALLS):
        label.setText(str(index))
        button.setEnabled(index % 2 == 0)
        label.isVisible()
        qapp.processEvents()

    # Other code may take or drop a few references meanwhile; a leak loses one per call.
    assert sys.getrefcount(singleton) - before > -CALLS // 10
