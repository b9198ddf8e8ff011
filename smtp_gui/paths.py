"""Locations of the bundled resources, from source, installed or frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the folder with icons and translation catalogues.

    A PyInstaller build unpacks it under ``sys._MEIPASS/resources``. An
    installed package maps the repository's ``resources/`` folder to the
    ``smtp_gui.resources`` package, and a plain checkout has it next to the package.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"

    try:
        from smtp_gui import resources
    except ImportError:
        return Path(__file__).resolve().parent.parent / "resources"
    return Path(resources.__file__).resolve().parent


def translations_dir() -> Path:
    """Return the folder with the ``.ts`` sources and compiled ``.qm`` catalogues."""
    return resources_dir() / "i18n"
