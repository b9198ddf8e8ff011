"""A strict test run: warnings fail, Qt runs offscreen, user folders point at a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must be set before any Qt import: there is no screen on CI.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

pytest_plugins = ["tests.support.servers", "tests.support.keyrings"]

_USER_FOLDER_VARIABLES = (
    "HOME",
    "USERPROFILE",
    "APPDATA",
    "LOCALAPPDATA",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR",
)


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user folder, and the program's config folder, at a fresh temporary folder.

    Returns the config folder the program will use by default.
    """
    home = tmp_path_factory.mktemp("home")
    for variable in _USER_FOLDER_VARIABLES:
        folder = home / variable.lower()
        folder.mkdir(mode=0o700)
        monkeypatch.setenv(variable, str(folder))

    config_dir = home / "smtp-gui-config"
    monkeypatch.setenv("SMTP_GUI_CONFIG_DIR", str(config_dir))
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    return config_dir


@pytest.fixture(autouse=True)
def english_by_default() -> None:
    """Start each test in English; tests of the Italian text switch language themselves."""
    from smtp_gui import i18n

    i18n.set_translator(None)
    i18n.set_language("en")
