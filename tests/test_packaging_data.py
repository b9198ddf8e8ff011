"""An installed package carries every resource file, not only an editable checkout."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_package_data_covers_every_resource() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {package: ROOT / folder for package, folder in config["package-dir"].items()}
    covered = {
        path.resolve()
        for package, patterns in config["package-data"].items()
        for pattern in patterns
        for path in folders[package].glob(pattern)
    }

    resources = [
        path.resolve()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc")
    ]

    assert resources, "resources/ is empty"
    assert [str(path) for path in resources if path not in covered] == []
