"""Section 1, start-up: process start to first paint, and the import time of the window's modules."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.environment import child_environment
from benchmarks.local_server import LocalServer
from benchmarks.processes import Timed, cpu, run_timed, wall
from benchmarks.stats import Row, Sample, interleave_results, ratio_row
from benchmarks.window_runs import prepared_environment

SECTION = "1"
PROBE = Path(__file__).with_name("window_probe.py")
START_UP_TARGET = 1.25

# The import statements of the window's start-up and of the bare window.
PROGRAM_IMPORT = "import smtp_gui.ui.application"
BASELINE_IMPORT = "from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget"
BREAKDOWN_ROWS = 10


def time_to_first_paint(mode: str, env: dict[str, str]) -> Timed:
    """Start the probe in ``mode``; return ms from process start to first paint, and its CPU time.

    The probe exits right after the first paint, so its CPU time is the CPU
    spent to reach it.
    """
    started = time.monotonic()
    finished = run_timed([sys.executable, str(PROBE), mode], env, timeout=60)
    report = _last_json_line(finished.stdout)
    if "painted" not in report:
        raise RuntimeError(f"window probe {mode!r} reported no paint: {report}")
    return Timed((report["painted"] - started) * 1000, finished.cpu_ms, finished.stdout)


def measure_start_up(runs: int, server: LocalServer, folder: Path) -> list[Row]:
    """Compare the program's window with the bare window, ``runs`` interleaved starts each.

    The configuration folder contains saved settings for ``server`` with
    authentication on, as on a technician's laptop, so the window also starts
    its lookup of the stored password. It does not connect.
    """
    env = prepared_environment(folder, server)
    program, baseline = interleave_results(
        runs, [lambda: time_to_first_paint("program", env), lambda: time_to_first_paint("bare", env)]
    )
    return [
        ratio_row(SECTION, "start to first paint (window / bare window)", *wall(program, baseline), START_UP_TARGET),
        ratio_row(SECTION, "  CPU time until first paint, all threads (window / bare window)", *cpu(program, baseline), None),
    ]


def measure_imports(runs: int, folder: Path) -> list[Row]:
    """Measure the import time of the window's modules against the bare window's imports, by module.

    The breakdown rows list the module groups that add the most import time
    over the bare window: the program's self time of the group against the
    bare window's (zero for groups the bare window never imports).
    """
    env = child_environment(folder)
    program_runs, baseline_runs = interleave_results(
        runs, [lambda: _import_times(PROGRAM_IMPORT, env), lambda: _import_times(BASELINE_IMPORT, env)]
    )

    program = Sample(tuple(sum(groups.values()) for groups in program_runs))
    baseline = Sample(tuple(sum(groups.values()) for groups in baseline_runs))
    rows = [ratio_row(SECTION, "import time, -X importtime (window / bare window)", program, baseline, None)]

    names = set().union(*program_runs)
    by_group = {
        name: (_group_sample(program_runs, name), _group_sample(baseline_runs, name)) for name in names
    }
    ranked = sorted(by_group.items(), key=lambda item: item[1][0].median - item[1][1].median, reverse=True)
    for name, (group_program, group_baseline) in ranked[:BREAKDOWN_ROWS]:
        added = group_program.median - group_baseline.median
        rows.append(
            Row(
                section=SECTION,
                measure=f"  self time of {name}",
                program=group_program.describe("ms"),
                baseline=group_baseline.describe("ms"),
                figure=f"+{added:.1f} ms",
            )
        )
    return rows


def _group_sample(runs: list[dict[str, float]], name: str) -> Sample:
    return Sample(tuple(groups.get(name, 0.0) for groups in runs))


def _import_times(statement: str, env: dict[str, str]) -> dict[str, float]:
    """Run ``python -X importtime -c STATEMENT``; return the self time in ms of each module group."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    groups: dict[str, float] = defaultdict(float)
    for line in completed.stderr.splitlines():
        # Format (CPython 3.7+): "import time:   self [us] | cumulative | imported package"
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cumulative, name = line.removeprefix("import time:").split("|", 2)
        groups[module_group(name.strip())] += int(self_us) / 1000
    return dict(groups)


def module_group(name: str) -> str:
    """Return the name of the group that a module's import time is counted under.

    The program's own modules and Qt's binding modules are shown one by one,
    and any other package under its top-level name (``email``, ``keyring``).
    """
    parts = name.split(".")
    if parts[0] == "smtp_gui":
        return ".".join(parts[:3])
    if parts[0] == "PySide6":
        return ".".join(parts[:2])
    return parts[0]


def _last_json_line(output: str) -> dict:
    for line in reversed(output.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    return {}
