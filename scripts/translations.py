"""Refresh and compile the Italian translation catalogues.

    python scripts/translations.py update    # collect new strings into resources/i18n/*_it.ts
    python scripts/translations.py compile   # build the .qm files the window loads

Each area of the code has its own catalogue, so work on one area never
rewrites another's. After ``update``, fill in every ``<translation>`` that is
marked ``type="unfinished"`` and run ``compile``; tests/test_translations.py
fails while any string is untranslated or any ``.qm`` is out of date.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("it",)

# Catalogue name -> the sources it collects strings from.
AREAS: dict[str, tuple[str, ...]] = {
    "engine": ("smtp_gui/smtp",),
    "settings": ("smtp_gui/settings.py", "smtp_gui/addresses.py", "smtp_gui/store.py", "smtp_gui/saved_values.py",
                 "smtp_gui/passwords.py"),
    "cli": ("smtp_gui/cli.py", "smtp_gui/cli_report.py", "smtp_gui/cli_settings.py", "smtp_gui/selfcheck.py"),
    "ui": ("smtp_gui/ui",),
}


def tool(name: str) -> str:
    """Return the path of a PySide6 tool installed next to this Python."""
    return str(Path(sys.executable).with_name(name))


def catalogue(area: str, language: str) -> Path:
    return I18N / f"{area}_{language}.ts"


def update() -> None:
    for area, sources in AREAS.items():
        existing = [source for source in sources if (ROOT / source).exists()]
        if not existing:
            continue
        for language in LANGUAGES:
            subprocess.run(
                [tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete",
                 "-target-language", language, *existing, "-ts", str(catalogue(area, language))],
                cwd=ROOT, check=True,
            )


def compile_catalogues() -> None:
    for source in sorted(I18N.glob("*.ts")):
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(source.with_suffix(".qm"))],
            check=True,
        )


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_catalogues()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
