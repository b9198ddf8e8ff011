"""Run a child process to the end and time it: wall clock and CPU time."""

from __future__ import annotations

import resource
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.stats import Sample


@dataclass(frozen=True)
class Timed:
    """A finished child process with its wall-clock time and CPU time (user + system) in ms."""

    wall_ms: float
    cpu_ms: float
    stdout: str


def run_timed(command: list[str], env: dict[str, str], stdin_text: str = "", timeout: float = 120) -> Timed:
    """Run ``command`` to the end; raise RuntimeError when it exits with a non-zero status.

    The CPU time is the growth of this process's reaped-children usage, so it
    is exact only while no other child ends meanwhile. That is the case here,
    because the benchmarks run one child at a time and the server child keeps running.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(
        command, env=env, input=stdin_text, capture_output=True, text=True, timeout=timeout
    )
    wall_ms = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr).strip().splitlines() or [""]
        raise RuntimeError(f"{Path(command[0]).name} exited with status {completed.returncode}: {output[-1]}")
    cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(wall_ms, cpu_s * 1000, completed.stdout)


def wall(*runs: list[Timed]) -> list[Sample]:
    """Return the wall-clock times of each list of runs, one sample per list."""
    return [Sample(tuple(run.wall_ms for run in timed_runs)) for timed_runs in runs]


def cpu(*runs: list[Timed]) -> list[Sample]:
    """Return the CPU times of each list of runs, one sample per list."""
    return [Sample(tuple(run.cpu_ms for run in timed_runs)) for timed_runs in runs]
