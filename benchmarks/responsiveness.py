"""Section 3, responsiveness: GUI stalls during a slow check, and the time from Annulla to idle."""

from __future__ import annotations

from pathlib import Path

from benchmarks.local_server import LocalServer
from benchmarks.stats import Row, Sample, bound_row
from benchmarks.window_runs import drive, prepared_environment

SECTION = "3"
# Every reply and TLS handshake flight of the server is held back this long.
REPLY_DELAY_S = 0.2
MAX_GAP_TARGET_MS = 16
CANCEL_TARGET_MS = 200


def measure_responsiveness(runs: int, server: LocalServer, folder: Path) -> list[Row]:
    """Measure GUI stalls during a check and the time from Annulla to an idle window.

    A stall is the max gap between ticks of a 5 ms timer on the GUI thread,
    set against the same timer in the bare window, idle for as long.
    """
    env = prepared_environment(folder, server)
    program_gaps: list[float] = []
    popup_times: list[float] = []
    bare_gaps: list[float] = []
    cancel_times: list[float] = []
    drive("bare", "idle", dict(env, SMTP_BENCH_IDLE_S="0.05"))  # unmeasured: fills the bytecode cache
    drive("program", "check", env)
    for _ in range(runs):
        check = drive("program", "check", env)
        program_gaps.append(check["max_gap_ms"])
        popup_times.append(check["popup_ms"])
        idle_env = dict(env, SMTP_BENCH_IDLE_S=f"{check['check_s']:.3f}")
        bare_gaps.append(drive("bare", "idle", idle_env)["max_gap_ms"])
        cancel_times.append(drive("program", "cancel", env)["cancel_to_idle_ms"])

    program, bare = Sample(tuple(program_gaps)), Sample(tuple(bare_gaps))
    delay_ms = int(REPLY_DELAY_S * 1000)
    popup = Row(
        section=SECTION,
        measure="  outcome to result popup shown (one GUI-thread gap, after the check)",
        program=Sample(tuple(popup_times)).describe("ms"),
        baseline="",
        figure="",
    )
    return [
        bound_row(
            SECTION,
            f"max gap between 5 ms GUI timer ticks during a check, {delay_ms} ms per reply (window / bare idle)",
            program,
            bare,
            MAX_GAP_TARGET_MS,
            "ms",
        ),
        popup,
        bound_row(SECTION, "Annulla to idle", Sample(tuple(cancel_times)), None, CANCEL_TARGET_MS, "ms"),
    ]
