"""Section 5, executable: size of the one-folder PyInstaller build and its start-up against the source.

The build is ``dist/SMTPConfig`` as ``build.spec`` makes it
(``pyinstaller build.spec``); without it the section prints a skipped line.
Start-up is the time from process start to exit when the program's own
first-paint hook (``SMTP_GUI_EXIT_AFTER_PAINT=FILE``) ends it right after
the window's first paint, frozen against the same run from source, and the
same for ``--version``.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.processes import run_timed
from benchmarks.environment import REPOSITORY, child_environment, source_program
from benchmarks.stats import Row, interleave, ratio_row, skipped_row

SECTION = "5"
# The program's own hook: with this variable naming a file, the window records its first
# paint there and quits.
EXIT_AFTER_PAINT_VARIABLE = "SMTP_GUI_EXIT_AFTER_PAINT"
BUILD_FOLDER = REPOSITORY / "dist" / "SMTPConfig"
# build.spec makes two programs in one folder: the window (no console on Windows) and the command line.
WINDOW_PROGRAM = "SMTPConfig"
CONSOLE_PROGRAM = "smtp-gui"


def built_program(build_folder: Path, name: str) -> Path | None:
    """Return the executable ``name`` (``.exe`` on Windows) in ``build_folder``, or None when missing."""
    for candidate in (build_folder / name, build_folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    return None


def folder_size_mb(folder: Path) -> float:
    """Return the total size of the files under ``folder``, in MB (10^6 bytes)."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink()) / 1e6


def measure_executable(runs: int, build_folder: Path, folder: Path) -> list[Row]:
    """Measure the size of the build and its start-up against the same program run from source."""
    window_program = built_program(build_folder, WINDOW_PROGRAM)
    console_program = built_program(build_folder, CONSOLE_PROGRAM)
    if window_program is None or console_program is None:
        reason = f"no build at {_shown(build_folder)} (run: pyinstaller build.spec)"
        return [skipped_row(SECTION, "one-folder executable", reason)]

    env = child_environment(folder)
    source = str(source_program())
    record = folder / "first-paint.json"
    paint_env = dict(env, **{EXIT_AFTER_PAINT_VARIABLE: str(record)})

    def first_paint(command: str) -> float:
        record.unlink(missing_ok=True)
        elapsed = run_timed([command], paint_env).wall_ms
        if not record.is_file():
            raise RuntimeError(f"{command} exited without recording its first paint")
        return elapsed

    window = interleave(runs, [lambda: first_paint(str(window_program)), lambda: first_paint(source)])
    frozen_version = [str(console_program), "--version"]
    version = interleave(
        runs, [lambda: run_timed(frozen_version, env).wall_ms, lambda: run_timed([source, "--version"], env).wall_ms]
    )
    size = Row(
        section=SECTION,
        measure=f"size of {_shown(build_folder)}",
        program=f"{folder_size_mb(build_folder):.0f} MB",
        baseline="",
        figure="",
    )
    return [
        size,
        ratio_row(SECTION, "start to first paint and exit (frozen / source)", *window, None),
        ratio_row(SECTION, "smtp-gui --version (frozen / source)", *version, None),
    ]


def _shown(build_folder: Path) -> str:
    """Return ``build_folder`` relative to the repository when inside it, else as given."""
    try:
        return str(build_folder.relative_to(REPOSITORY))
    except ValueError:
        return str(build_folder)
