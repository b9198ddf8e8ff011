"""Repeated measurements, interleaved runs, and the table the benchmarks print.

Every figure in the table is a median with its minimum and maximum. Every
row compares the program with a baseline measured in the same run, so noise
on a shared machine shows up as a wide range, not as a misleading number.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

# Result column values.
PASS = "pass"
MISS = "MISS"
NOT_ASSERTED = "not asserted"  # --quick: too few runs to judge a target
INFO = "-"


@dataclass(frozen=True)
class Sample:
    """Values of one measurement, repeated."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)

    def describe(self, unit: str, digits: int = 1) -> str:
        """Format as ``median [min-max] unit``."""
        return f"{self.median:.{digits}f} [{self.low:.{digits}f}-{self.high:.{digits}f}] {unit}".rstrip()


def interleave(runs: int, actions: Sequence[Callable[[], float]]) -> list[Sample]:
    """Run every action once per round, ``runs`` rounds; return one sample per action.

    See ``interleave_results``; here each action returns one number.
    """
    return [Sample(tuple(values)) for values in interleave_results(runs, actions)]


def interleave_results(runs: int, actions: Sequence[Callable[[], T]]) -> list[list[T]]:
    """Run every action once per round, ``runs`` rounds, rotating which one goes first.

    Alternating spreads the machine's changing load evenly over all sides,
    and rotating the order keeps any side from always running on a cache
    warmed by another. Each action first runs once unmeasured, so bytecode
    caches and first-use costs land in no sample.

    Returns:
        The results of each action, in the order of ``actions``; the results
        at one index come from the same round.
    """
    for action in actions:
        action()
    results: list[list[T]] = [[] for _ in actions]
    for round_index in range(runs):
        for offset in range(len(actions)):
            index = (round_index + offset) % len(actions)
            results[index].append(actions[index]())
    return results


def pairwise_ratio(program: Sample, baseline: Sample) -> Sample:
    """Return the ratio program / baseline of each round of an interleaved run."""
    return Sample(tuple(p / b for p, b in zip(program.values, baseline.values, strict=True)))


@dataclass(frozen=True)
class Row:
    """One line of the table.

    ``figure`` is the value judged against ``limit`` (its median must not
    exceed the limit); ``limit`` is None for rows that only inform.
    """

    section: str
    measure: str
    program: str
    baseline: str
    figure: str
    limit: float | None = None
    limit_text: str = ""
    value: float | None = None

    def result(self, assert_targets: bool) -> str:
        if self.limit is None or self.value is None:
            return INFO
        if not assert_targets:
            return NOT_ASSERTED
        return PASS if self.value <= self.limit else MISS


HEADER = ("#", "Measure", "Program", "Baseline", "Figure", "Target", "Result")


def ratio_row(
    section: str, measure: str, program: Sample, baseline: Sample, limit: float | None, unit: str = "ms"
) -> Row:
    """Build a row that judges the ratio program / baseline of each round against ``limit``."""
    ratio = pairwise_ratio(program, baseline)
    return Row(
        section=section,
        measure=measure,
        program=program.describe(unit),
        baseline=baseline.describe(unit),
        figure="ratio " + ratio.describe("", digits=2),
        limit=limit,
        limit_text="" if limit is None else f"<= {limit:.2f}",
        value=ratio.median,
    )


def bound_row(
    section: str, measure: str, program: Sample, baseline: Sample | None, limit: float, unit: str
) -> Row:
    """Build a row that judges the program's own median against an absolute ``limit``."""
    return Row(
        section=section,
        measure=measure,
        program=program.describe(unit),
        baseline="" if baseline is None else baseline.describe(unit),
        figure=program.describe(unit),
        limit=limit,
        limit_text=f"<= {limit:g} {unit}",
        value=program.median,
    )


def skipped_row(section: str, measure: str, reason: str) -> Row:
    """Build a row for a measurement that could not run, with the reason in place of figures."""
    return Row(section=section, measure=measure, program="skipped", baseline="", figure=reason)


def format_table(rows: Sequence[Row], assert_targets: bool) -> str:
    """Format ``rows`` as a Markdown table (readable in a terminal and in the README)."""
    lines = [_markdown_line(HEADER), _markdown_line(tuple("---" for _ in HEADER))]
    for row in rows:
        cells = (
            row.section,
            row.measure,
            row.program,
            row.baseline,
            row.figure,
            row.limit_text or INFO,
            row.result(assert_targets),
        )
        lines.append(_markdown_line(cells))
    return "\n".join(lines)


def _markdown_line(cells: Sequence[str]) -> str:
    escaped = (cell.replace("|", "\\|") for cell in cells)
    return "| " + " | ".join(escaped) + " |"
