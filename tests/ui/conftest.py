"""Fixtures for the window tests: a window on a temporary config folder, with dialogs recorded, not shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from smtp_gui.settings import Security, Settings
from smtp_gui.store import Store
from smtp_gui.ui.jobs import Engine, default_engine
from smtp_gui.ui.result_dialog import ResultDialog
from smtp_gui.ui.window import MainWindow

# Generous bound for one operation against a local server on a loaded CI machine.
OPERATION_TIMEOUT_MS = 15_000


# Qt's offscreen platform cannot pass a window's size limits on to a window manager
# and says so whenever a layout changes them; real platforms do not print it.
OFFSCREEN_SIZE_HINT_WARNING = "This plugin does not support propagateSizeHints()"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Let the window tests ignore the offscreen platform's size-hint warning, and only that one."""
    for item in items:
        if "tests/ui/" in item.nodeid:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINT_WARNING))


@dataclass
class SeenDialog:
    """What a dialog showed when the window opened it."""

    name: str
    title: str
    text: str  # headline and paragraphs, or the message box's text and informative text
    details: str = ""
    copy_text: str = ""
    fix_label: str = ""


@dataclass
class DialogRecorder:
    """Stands in for ``exec_dialog``: records each dialog and returns a prepared answer.

    ``answers`` are used first to last; after them, ``default`` is returned.
    ``act``, when set, runs with the live dialog before the answer (to click in it).
    """

    answers: list[int] = field(default_factory=list)
    default: int = QDialog.DialogCode.Rejected.value
    act: Callable[[QDialog], None] | None = None
    seen: list[SeenDialog] = field(default_factory=list)

    def __call__(self, dialog: QDialog) -> int:
        self.seen.append(_describe(dialog))
        if self.act is not None:
            self.act(dialog)
        return self.answers.pop(0) if self.answers else self.default

    def named(self, name: str) -> list[SeenDialog]:
        """Return the dialogs with object name ``name``."""
        return [dialog for dialog in self.seen if dialog.name == name]


def _describe(dialog: QDialog) -> SeenDialog:
    if isinstance(dialog, ResultDialog):
        return SeenDialog(
            name=dialog.objectName(),
            title=dialog.windowTitle(),
            text=dialog.headline.text() + "\n" + dialog.body.text(),
            details=dialog.details.toPlainText(),
            copy_text=dialog.copy_text(),
            fix_label=dialog.fix_button.text() if dialog.fix_button is not None else "",
        )
    if isinstance(dialog, QMessageBox):
        return SeenDialog(dialog.objectName(), dialog.windowTitle(), dialog.text() + "\n" + dialog.informativeText())
    return SeenDialog(dialog.objectName(), dialog.windowTitle(), "")


@pytest.fixture
def dialogs() -> DialogRecorder:
    """The recorder every window of the test opens its dialogs through."""
    return DialogRecorder()


@pytest.fixture
def config_dir(isolated_user_folders: Path) -> Path:
    """The test's config folder (the one ``SMTP_GUI_CONFIG_DIR`` points at)."""
    return isolated_user_folders


@pytest.fixture
def make_window(qtbot: QtBot, dialogs: DialogRecorder, config_dir: Path) -> Callable[..., MainWindow]:
    """Return a function that opens a window on the test's config folder.

    Before pytest-qt closes and deletes the window at teardown, its operation
    is cancelled and its outcome delivered, and unsaved changes are
    discarded, so no thread outlives the test or its window.
    """

    windows: list[MainWindow] = []  # pytest-qt keeps only weak references

    def finish(window: MainWindow) -> None:
        assert window.worker.wait_idle(OPERATION_TIMEOUT_MS), "a background job did not end"
        wait_idle(qtbot, window)
        dialogs.answers.clear()
        dialogs.default = QMessageBox.StandardButton.Discard.value

    def make(store: Store | None = None, engine: Engine | None = None, show: bool = True) -> MainWindow:
        window = MainWindow(store or Store(config_dir), engine or default_engine(), run_dialog=dialogs)
        qtbot.addWidget(window, before_close_func=finish)
        windows.append(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        wait_idle(qtbot, window)
        return window

    return make


def wait_idle(qtbot: QtBot, window: MainWindow, timeout_ms: int = OPERATION_TIMEOUT_MS) -> None:
    """Let the event loop run until the window's background job has delivered its outcome."""
    qtbot.waitUntil(lambda: window.idle, timeout=timeout_ms)


def fill_form(window: MainWindow, **values: object) -> None:
    """Set form fields through their widgets, as a user would, in the order given."""
    form = window.form
    setters = {
        "server": form.server_edit.setText,
        "sender": form.sender_edit.setText,
        "username": form.username_edit.setText,
        "password": form.password_edit.setText,
        "reports_recipient": form.reports_recipient_edit.setText,
        "ca_file": form.ca_file_edit.setText,
        "recipient": form.test_recipient_edit.setText,
        "port": form.port_spin.setValue,
        "timeout": form.timeout_spin.setValue,
        "auth": form.auth_check.setChecked,
        "reports_enabled": form.reports_check.setChecked,
        "security": lambda security: form.security_combo.setCurrentIndex(form.security_combo.findData(Security(security).value)),
    }
    for name, value in values.items():
        setters[name](value)


def fill_settings(window: MainWindow, settings: Settings) -> None:
    """Type every field of ``settings`` into the form (security before port, which it would move)."""
    fill_form(
        window,
        server=settings.server,
        sender=settings.sender,
        security=settings.security,
        port=settings.port,
        auth=settings.auth,
        username=settings.username,
        password=settings.password,
        reports_enabled=settings.reports_enabled,
        reports_recipient=settings.reports_recipient,
        timeout=settings.timeout,
        ca_file=settings.ca_file,
    )


def files_containing(folder: Path, secret: str) -> list[Path]:
    """Return every file under ``folder`` whose bytes contain ``secret`` (UTF-8)."""
    needle = secret.encode("utf-8")
    return [path for path in folder.rglob("*") if path.is_file() and needle in path.read_bytes()]
