"""app.main sends each command line to the command line or to the window."""

from __future__ import annotations

import subprocess
import sys

import pytest

from smtp_gui import app


@pytest.mark.parametrize(
    "arguments",
    [
        ["chek"],  # a mistyped command gets a usage error, not the window
        ["--lang", "it", "shwo"],
        ["-platform", "offscreen", "check"],
        ["--version"],
    ],
)
def test_words_go_to_command_line(arguments: list[str]) -> None:
    assert app._wants_command_line(arguments)


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["--lang", "it"],
        ["--config-dir", "check"],  # a folder that happens to be named like a command
        ["-platform", "offscreen"],  # Qt's own option with its value
        ["-style", "fusion", "--lang", "en"],
    ],
)
def test_window_arguments_open_window(arguments: list[str]) -> None:
    assert not app._wants_command_line(arguments)


def test_mistyped_command_is_usage_error() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "smtp_gui", "--lang", "en", "chek"],
        capture_output=True, text=True, timeout=60, check=False,
    )

    assert completed.returncode == 2
    assert "chek" in completed.stderr
    assert "Traceback" not in completed.stderr
