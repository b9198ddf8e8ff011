"""The READMEs open with the commands CI runs."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ci_test_command() -> str:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if "pytest" in line and not line.startswith("#"))


def test_readmes_give_the_ci_test_command() -> None:
    command = _ci_test_command()

    for name in ("README.md", "README.it.md"):
        assert command in (ROOT / name).read_text(encoding="utf-8"), name


def test_readmes_open_with_start_and_test_commands() -> None:
    for name in ("README.md", "README.it.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        first_blocks = [block for block in text.split("```")[1::2]][:2]

        assert "smtp-gui" in first_blocks[0], name
        assert "pytest" in first_blocks[1], name
