"""Section 4, memory: peak resident memory of the window after one check, against the bare window."""

from __future__ import annotations

from pathlib import Path

from benchmarks.local_server import LocalServer
from benchmarks.stats import Row, interleave, ratio_row
from benchmarks.window_runs import drive, prepared_environment

SECTION = "4"
MEMORY_TARGET = 1.3


def measure_memory(runs: int, server: LocalServer, folder: Path) -> list[Row]:
    """Measure the peak RSS of the program after SALVA's check against the bare window after its first paint."""
    env = prepared_environment(folder, server)
    program, bare = interleave(
        runs,
        [
            lambda: drive("program", "check", env)["max_rss_kib"] / 1024,
            lambda: drive("bare", "idle", dict(env, SMTP_BENCH_IDLE_S="0.05"))["max_rss_kib"] / 1024,
        ],
    )
    return [ratio_row(SECTION, "peak RSS after one check (window / bare window)", program, bare, MEMORY_TARGET, "MiB")]
