"""Terminal and log file handling for the command line, kept cheap to import.

Nothing here is translated: the command line's messages live in ``cli``,
``cli_report`` and ``cli_settings``.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, given the terminal width so that argparse does not import ``shutil``.

    argparse builds a formatter for every ``add_argument``, and without a width
    it calls ``shutil.get_terminal_size``. Importing ``shutil`` adds about 2 ms
    to every start (``python -X importtime`` on a 2-core Linux machine), for a
    width that only help and error output use.
    """

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=terminal_width())


def terminal_width() -> int:
    """Return the width ``shutil.get_terminal_size`` would give, less 2 as argparse does."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, OSError, ValueError):
            columns = 80
    return max(columns, 20) - 2


class DeferredLogFile(logging.Handler):
    """A handler that finds, creates and opens the program's log file only when the first record arrives.

    A run that logs nothing then writes no file and does not pay for locating
    the log folder (``platformdirs``). A log that cannot be written is skipped
    silently, because the user already gets the translated line on standard
    error and logging's own error report would print a traceback.
    """

    def __init__(self, config_dir: Path | None) -> None:
        super().__init__(logging.INFO)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self.path: Path | None = None  # set once the file is open
        self._config_dir = config_dir
        self._file: logging.FileHandler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._file is None:
                self._file = self._open_file()
            self._file.emit(record)
        except Exception:  # noqa: BLE001 - see the class docstring
            pass

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()

    def _open_file(self) -> logging.FileHandler:
        from smtp_gui import logging_setup

        path = logging_setup.log_dir(self._config_dir) / logging_setup.LOG_FILE_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.FileHandler(path, encoding="utf-8")
        file_handler.setFormatter(self.formatter)
        self.path = path
        return file_handler


@contextlib.contextmanager
def log_to_file(config_dir: Path | None) -> Iterator[DeferredLogFile]:
    """Send log records to the program's log file while a command runs, never to the terminal.

    The window's rotating handler is not used here because ``logging.handlers``
    costs start-up time on every command; the window rotates the shared file
    when it runs.
    """
    handler = DeferredLogFile(config_dir)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(level)


def replace_unencodable_output() -> None:
    """Print a "?" for characters the terminal's encoding lacks (a Windows code page) instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's final flush raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass
