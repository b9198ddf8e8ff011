"""Environment for the benchmark's child processes: offscreen Qt, a private home and config folder.

Every child, program and baseline alike, gets the same variables, so neither
side pays for something the other skips. Nothing a child writes lands in the
real user's folders.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from pathlib import Path

from benchmarks.file_keyring import FILE_VARIABLE

REPOSITORY = Path(__file__).resolve().parent.parent

# The program's own variable naming its configuration folder.
CONFIG_DIR_VARIABLE = "SMTP_GUI_CONFIG_DIR"


def child_environment(folder: Path) -> dict[str, str]:
    """Return ``os.environ`` with Qt offscreen, Italian, and every user folder under ``folder``."""
    env = dict(os.environ)
    home = folder / "home"
    folders = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "APPDATA": home / "AppData" / "Roaming",
        "LOCALAPPDATA": home / "AppData" / "Local",
        CONFIG_DIR_VARIABLE: folder / "config",
    }
    for name, path in folders.items():
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)

    env["QT_QPA_PLATFORM"] = "offscreen"
    # A child that crashes prints the Python stack of every thread, which the failure row then shows.
    env["PYTHONFAULTHANDLER"] = "1"
    # The technicians work in Italian, so the program loads its Italian catalogues as in real use.
    env["LANG"] = "it_IT.UTF-8"
    env.pop("LC_ALL", None)
    env.pop("LANGUAGE", None)
    # Without a desktop session there is no system keyring, so a file-backed one replaces it.
    env["PYTHON_KEYRING_BACKEND"] = "benchmarks.file_keyring.FileKeyring"
    env[FILE_VARIABLE] = str(folder / "keyring.json")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPOSITORY), env.get("PYTHONPATH", "")]))
    env.pop("PYTHONSTARTUP", None)
    # An installed program runs from cached bytecode. Without this, a PYTHONDONTWRITEBYTECODE
    # set on the machine makes every child compile the program's modules from source (about
    # 40 ms for the command line alone), which no user pays. The cache goes under ``folder``,
    # never into the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def source_program() -> Path:
    """Return the path of the ``smtp-gui`` command that ``pip install`` made for this interpreter."""
    name = "smtp-gui.exe" if sys.platform == "win32" else "smtp-gui"
    return Path(sysconfig.get_path("scripts")) / name
