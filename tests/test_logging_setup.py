"""Log destinations for the window and the command line."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from smtp_gui import logging_setup


@pytest.fixture
def restored_root_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_log_dir_follows_config_dir_override(tmp_path: Path) -> None:
    assert logging_setup.log_dir(tmp_path) == tmp_path / "logs"


def test_log_dir_follows_environment(isolated_user_folders: Path) -> None:
    assert logging_setup.log_dir() == isolated_user_folders / "logs"


def test_window_logs_to_file(tmp_path: Path, restored_root_logger: logging.Logger) -> None:
    path = logging_setup.configure(to_file=True, config_dir=tmp_path)
    logging.getLogger("smtp_gui.test").info("window started")
    for handler in restored_root_logger.handlers:
        handler.flush()

    assert path == tmp_path / "logs" / logging_setup.LOG_FILE_NAME
    assert "window started" in path.read_text(encoding="utf-8")


def test_unwritable_log_folder_leaves_file_logging_off(
    tmp_path: Path, restored_root_logger: logging.Logger
) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")

    assert logging_setup.configure(to_file=True, config_dir=blocker) is None


def test_command_line_logs_warnings_to_stderr(
    restored_root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    logging_setup.configure(to_file=False)
    logging.getLogger("smtp_gui.test").info("not shown")
    logging.getLogger("smtp_gui.test").warning("shown")

    err = capsys.readouterr().err
    assert "shown" in err
    assert "not shown" not in err
