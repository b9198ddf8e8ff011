"""Measure start-up, check overhead, responsiveness, memory and the executable; print one table.

    python -m benchmarks            # full run: targets judged, exit status 1 on a miss
    python -m benchmarks --quick    # smoke run: few repetitions, targets not judged

Every figure compares the program with a baseline measured in the same run,
interleaved, as median [min-max]. The benchmarks start their own SMTP
servers on 127.0.0.1 and send nothing anywhere else.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import checks, executable, memory, responsiveness, startup
from benchmarks.local_server import running_server
from benchmarks.stats import MISS, Row, format_table, skipped_row


@dataclass(frozen=True)
class Repetitions:
    """How many times each measurement runs."""

    start_up: int
    imports: int
    in_process: int
    cold: int
    responsiveness: int
    memory: int


FULL = Repetitions(start_up=15, imports=5, in_process=50, cold=15, responsiveness=5, memory=5)
QUICK = Repetitions(start_up=2, imports=1, in_process=5, cold=2, responsiveness=1, memory=1)

# Product modules each section needs; a section whose module is not there yet is skipped.
REQUIRES = {
    "1": "smtp_gui.ui.application",
    "2": "smtp_gui.smtp",
    "3": "smtp_gui.ui.application",
    "4": "smtp_gui.ui.application",
}


def run_all(repetitions: Repetitions, build_folder: Path, folder: Path) -> list[Row]:
    """Run every section in order and collect the table's rows."""
    rows: list[Row] = []
    with running_server() as server:
        rows += run_section(
            "1", "start to first paint", lambda: startup.measure_start_up(repetitions.start_up, server, folder)
        )
        rows += run_section("1", "import time", lambda: startup.measure_imports(repetitions.imports, folder))
        rows += run_section(
            "2", "check and send in process", lambda: checks.measure_in_process(repetitions.in_process, server)
        )
        rows += run_section("2", "cold process check", lambda: checks.measure_cold(repetitions.cold, server, folder))
        rows += run_section(
            "4", "peak memory", lambda: memory.measure_memory(repetitions.memory, server, folder)
        )

    with running_server(delay=responsiveness.REPLY_DELAY_S) as slow_server:
        rows += run_section(
            "3",
            "responsiveness",
            lambda: responsiveness.measure_responsiveness(repetitions.responsiveness, slow_server, folder),
        )

    rows += run_section(
        "5", "executable", lambda: executable.measure_executable(repetitions.start_up, build_folder, folder)
    )
    # Rows of one section stay in the order they were measured (sorted() is stable).
    return sorted(rows, key=lambda row: row.section)


def run_section(section: str, title: str, measure: Callable[[], list[Row]]) -> list[Row]:
    """Run one measurement; a missing product module or a failure becomes a row saying so."""
    required = REQUIRES.get(section)
    if required is not None and not _importable(required):
        return [skipped_row(section, title, f"{required} not available")]
    try:
        return measure()
    except Exception as error:  # noqa: BLE001 (one failing measurement must not hide the others)
        traceback.print_exc(file=sys.stderr)
        # The table keeps one line per row: the error's last line, which names the cause.
        lines = str(error).strip().splitlines() or [""]
        reason = f"FAILED: {type(error).__name__}: {lines[-1].strip()}"
        return [skipped_row(section, title, reason[:160])]


def _load_average() -> str:
    """Return the 1-minute load average, or "n/a" where the system does not report one."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except (AttributeError, OSError):
        return "n/a"


def _importable(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: few repetitions, targets shown but not judged"
    )
    parser.add_argument(
        "--build",
        type=Path,
        default=executable.BUILD_FOLDER,
        metavar="FOLDER",
        help="one-folder PyInstaller build to measure (default: dist/SMTPConfig)",
    )
    args = parser.parse_args(argv)
    repetitions = QUICK if args.quick else FULL

    started = time.monotonic()
    load_before = _load_average()
    with tempfile.TemporaryDirectory(prefix="smtp-gui-bench-") as folder:
        rows = run_all(repetitions, args.build.resolve(), Path(folder))

    print(format_table(rows, assert_targets=not args.quick))
    mode = "quick (targets not judged)" if args.quick else "full"
    print(
        f"\n{mode} run, {time.monotonic() - started:.0f} s; Python {sys.version.split()[0]} on {sys.platform}, "
        f"{os.cpu_count()} CPUs, load average {load_before} before and {_load_average()} after"
    )

    failed = any(row.figure.startswith("FAILED") for row in rows)
    missed = any(row.result(not args.quick) == MISS for row in rows)
    return 1 if failed or missed else 0


if __name__ == "__main__":
    sys.exit(main())
