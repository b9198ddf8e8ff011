"""Logging for the window and the command line: one file per user, never a secret."""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_FILE_NAME = "smtp-gui.log"


def log_dir(config_dir: Path | None = None) -> Path:
    """Return the folder for the log file.

    With a configuration folder chosen by ``--config-dir`` or
    ``SMTP_GUI_CONFIG_DIR`` (portable use, tests) the log goes beside it in
    ``logs/``, so nothing is written under the user's home; otherwise into the
    platform's per-user log folder.
    """
    override = config_dir or os.environ.get("SMTP_GUI_CONFIG_DIR")
    if override:
        return Path(override) / "logs"

    import platformdirs

    return Path(platformdirs.user_log_dir("smtp-gui", appauthor=False))


def configure(*, to_file: bool, verbose: bool = False, config_dir: Path | None = None) -> Path | None:
    """Set up the root logger; return the log file path when ``to_file`` is set.

    The window logs to a rotating file (a windowed Windows program has no
    console); the command line logs warnings to standard error, everything
    with ``verbose``. A log folder that cannot be created leaves file logging
    off rather than stopping the program.
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")

    if not to_file:
        handler = logging.StreamHandler()
        handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
        handler.setFormatter(formatter)
        root.addHandler(handler)
        return None

    # Imported here because it costs about 2 ms and the command line logs to standard error.
    # A plain "import logging.handlers" would make "logging" a local name of this function.
    from logging.handlers import RotatingFileHandler

    folder = log_dir(config_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("cannot open the log file in %s: %s", folder, error)
        return None
    handler.setFormatter(formatter)
    root.addHandler(handler)
    return folder / LOG_FILE_NAME
