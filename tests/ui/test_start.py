"""Start-up: saved settings shown, a broken settings file reported once, ``run`` with its options."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from smtp_gui.settings import Security, Settings
from smtp_gui.store import Store
from smtp_gui.ui import application
from smtp_gui.ui.window import MainWindow
from tests.ui.conftest import DialogRecorder


def test_saved_settings_fill_the_form(make_window: Callable[..., MainWindow], config_dir: Path) -> None:
    Store(config_dir).save(Settings(server="smtp.example.test", sender="tvox@example.test", port=2525,
                                    security=Security.STARTTLS, reports_enabled=True,
                                    reports_recipient="support@example.test", timeout=30))

    window = make_window()

    assert window.form.settings() == Settings(server="smtp.example.test", sender="tvox@example.test", port=2525,
                                              security=Security.STARTTLS, reports_enabled=True,
                                              reports_recipient="support@example.test", timeout=30)
    assert not window.is_dirty()
    assert window.form.timeout_spin.isVisible()


def test_broken_settings_file_reported_once(make_window: Callable[..., MainWindow], qtbot,
                                            dialogs: DialogRecorder, config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.json").write_text("{not json", encoding="utf-8")

    window = make_window()
    qtbot.waitUntil(lambda: dialogs.named("messageBox") != [])
    window.hide()
    window.show()
    qtbot.wait(50)
    make_window()
    qtbot.wait(50)

    (message,) = dialogs.named("messageBox")
    (moved,) = config_dir.glob("settings.broken-*.json")
    assert str(moved) in message.text
    assert window.form.server_edit.text() == ""


@pytest.fixture
def root_handlers() -> Iterator[None]:
    """Remove the log handlers ``run`` adds to the root logger."""
    before = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def _close_window_later(seen: dict[str, str]) -> None:
    def close() -> None:
        (window,) = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
        seen["title"] = window.windowTitle()
        seen["server_label"] = window.form.server_label.text()
        window.close()

    QTimer.singleShot(300, close)


def test_run_opens_window_in_chosen_language(qapp: QApplication, tmp_path: Path, root_handlers: None) -> None:
    seen: dict[str, str] = {}
    _close_window_later(seen)

    status = application.run(["--config-dir", str(tmp_path), "--lang", "it"])

    assert status == 0
    assert seen["title"] == "Configurazione SMTP[*]"
    assert (tmp_path / "logs" / "smtp-gui.log").exists()
    assert (tmp_path / "window.ini").exists()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"  # translators removed again


def test_run_defaults_to_english_on_english_system(qapp: QApplication, tmp_path: Path, root_handlers: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    seen: dict[str, str] = {}
    _close_window_later(seen)

    application.run(["--config-dir", str(tmp_path)])

    assert seen["title"] == "SMTP configuration[*]"


def test_arguments_parsed_with_qt_options_left_alone(tmp_path: Path) -> None:
    arguments = application.parse_arguments(["-platform", "offscreen", "--config-dir", str(tmp_path), "--lang", "en"])

    assert arguments.config_dir == tmp_path
    assert arguments.lang == "en"


def test_run_rejects_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    status = application.run(["--lang", "fr"])

    assert status == 2
    assert "--lang" in capsys.readouterr().err


def test_unusable_values_reported_and_unsaved(make_window: Callable[..., MainWindow], qtbot,
                                              dialogs: DialogRecorder, config_dir: Path) -> None:
    Store(config_dir).save(Settings(server="smtp.example.test", sender="tvox@example.test"))
    path = config_dir / "settings.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**saved, "port": 0, "timeout": 99999}), encoding="utf-8")

    window = make_window()
    qtbot.waitUntil(lambda: dialogs.named("messageBox") != [])

    (message,) = dialogs.named("messageBox")
    assert str(path) in message.text
    assert message.text.count("• ") == 2
    assert window.form.server_edit.text() == "smtp.example.test"
    assert window.is_dirty()
    assert window.isWindowModified()
    assert window.save(check_after=False)
    qtbot.waitUntil(lambda: window.idle)
    assert not window.is_dirty()
    assert json.loads(path.read_text(encoding="utf-8"))["port"] != 0


def test_no_display_ends_with_message(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for variable in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)

    status = application.run(["--lang", "it"])

    assert status == 1
    assert "nessuno schermo trovato" in capsys.readouterr().err
