"""Run the window driver (``benchmarks/window_driver.py``) against a prepared configuration folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.environment import child_environment
from benchmarks.local_server import PASSWORD, LocalServer

DRIVER = Path(__file__).with_name("window_driver.py")
PREPARE = Path(__file__).with_name("prepare_config.py")


def prepared_environment(folder: Path, server: LocalServer) -> dict[str, str]:
    """Return a child environment whose configuration folder contains settings for ``server``.

    The password is stored too, in the benchmark's file-backed keyring.
    """
    env = child_environment(folder)
    preparation = dict(env, SMTP_BENCH_PASSWORD=PASSWORD)
    completed = subprocess.run(
        [sys.executable, str(PREPARE), server.host, str(server.port), server.ca_file],
        env=preparation,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"storing the benchmark settings failed: {_crash_summary(completed.stderr)}")
    return env


def drive(window: str, mode: str, env: dict[str, str]) -> dict:
    """Run the driver with ``window`` ("program" or "bare") in ``mode``; return its JSON report."""
    completed = subprocess.run(
        [sys.executable, str(DRIVER), window, mode], env=env, capture_output=True, text=True, timeout=120
    )
    report = {}
    for line in reversed(completed.stdout.splitlines()):
        if line.startswith("{"):
            report = json.loads(line)
            break
    if completed.returncode != 0 or "error" in report or not report:
        detail = report.get("error") or _crash_summary(completed.stderr)
        raise RuntimeError(f"window driver {window} {mode} failed with status {completed.returncode}: {detail}")
    return report


def _crash_summary(stderr: str) -> str:
    """Return the part of a child's error output that gives the reason it ended, on one line."""
    lines = [line.strip() for line in stderr.splitlines() if "propagateSizeHints" not in line]
    for index, line in enumerate(lines):
        if line.startswith("Fatal Python error"):
            # faulthandler: the error, then the innermost frames of the thread that crashed.
            return " / ".join(lines[index : index + 8])
    return " / ".join(lines[-3:]) or "no error output"
