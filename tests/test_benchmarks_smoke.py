"""Smoke run of the benchmarks: ``python -m benchmarks --quick`` must still run and print its table.

The quick run repeats each measurement a few times and judges no target, so
this test checks the table's shape and that every section measured
something, never a speed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

# The benchmarks read CPU time and peak memory through the Unix ``resource`` module.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the benchmarks need the Unix resource module")

REPOSITORY = Path(__file__).resolve().parent.parent
COLUMNS = ("#", "Measure", "Program", "Baseline", "Figure", "Target", "Result")
# Sections that need only the source tree; section 5 needs a PyInstaller build and may be skipped.
MEASURED_SECTIONS = ("1", "2", "3", "4")
FIGURE = re.compile(r"^(ratio )?\d+(\.\d+)? \[\d+(\.\d+)?-\d+(\.\d+)?\]( \S+)?$")


@pytest.fixture(scope="module")
def quick_run() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=180,
    )


def table_rows(output: str) -> list[list[str]]:
    """The cells of each Markdown table line in ``output``, header and separator included."""
    rows = []
    for line in output.splitlines():
        if line.startswith("| ") and line.endswith(" |"):
            cells = re.split(r"(?<!\\) \| ", line[2:-2])
            rows.append([cell.strip() for cell in cells])
    return rows


def test_quick_run_exits_zero(quick_run):
    assert quick_run.returncode == 0, quick_run.stdout + quick_run.stderr


def test_quick_run_prints_header(quick_run):
    rows = table_rows(quick_run.stdout)
    assert rows, quick_run.stdout
    assert tuple(rows[0]) == COLUMNS


def test_quick_run_rows_have_every_column(quick_run):
    for row in table_rows(quick_run.stdout):
        assert len(row) == len(COLUMNS), row


def test_quick_run_has_no_failed_row(quick_run):
    failed = [row for row in table_rows(quick_run.stdout)[2:] if row[4].startswith("FAILED")]
    assert failed == []


@pytest.mark.parametrize("section", MEASURED_SECTIONS)
def test_quick_run_measures_section(quick_run, section):
    rows = [row for row in table_rows(quick_run.stdout)[2:] if row[0] == section]
    assert rows, f"no row for section {section}"
    # swaks (with TLS through Net::SSLeay) is an optional system package; every other row must
    # have measured something.
    unmeasured = [row for row in rows if row[2] == "skipped" and not row[4].startswith("swaks")]
    assert unmeasured == []
    judged = [row for row in rows if row[5] != "-"]
    assert judged, f"section {section} has no row with a target"
    for row in judged:
        assert FIGURE.match(row[4]), row
        assert row[6] == "not asserted", row


def test_quick_run_shows_executable_section(quick_run):
    rows = [row for row in table_rows(quick_run.stdout)[2:] if row[0] == "5"]
    assert rows
