"""The first-paint hook that the build test uses to see the windowed program paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_window(tmp_path: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **environment}
    return subprocess.run(
        [sys.executable, "-m", "smtp_gui", "--lang", "en", "--config-dir", str(tmp_path / "config")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )


def test_paint_probe_records_and_exits(tmp_path: Path) -> None:
    record_path = tmp_path / "paint.json"

    completed = run_window(tmp_path, SMTP_GUI_EXIT_AFTER_PAINT=str(record_path))

    assert completed.returncode == 0, completed.stderr
    record = json.loads(record_path.read_text(encoding="utf-8"))
    assert record["title"] == "SMTP configuration"
    assert record["width"] > 0
    assert record["height"] > 0
    assert record["platform"] == "offscreen"


def test_paint_probe_inert_without_variable(qapp: object) -> None:
    from PySide6.QtWidgets import QWidget

    from smtp_gui.ui.paint_probe import EXIT_AFTER_PAINT_VARIABLE, install_if_requested

    assert EXIT_AFTER_PAINT_VARIABLE not in os.environ
    assert install_if_requested(QWidget()) is None
