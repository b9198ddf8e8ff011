"""Every user-visible string has an Italian translation, and the compiled catalogues are current."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from scripts import translations
from smtp_gui import i18n

CATALOGUES = sorted(translations.I18N.glob("*_it.ts"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _messages(path: Path) -> list[tuple[str, str, ElementTree.Element]]:
    root = ElementTree.parse(path).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_area_has_a_catalogue() -> None:
    names = {path.name for path in CATALOGUES}

    for area, sources in translations.AREAS.items():
        if any((translations.ROOT / source).exists() for source in sources):
            assert f"{area}_it.ts" in names


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_catalogue_is_fully_translated(path: Path) -> None:
    for context, source, translation in _messages(path):
        assert translation is not None and translation.text, f"{context}: {source!r} has no translation"
        assert translation.get("type") is None, f"{context}: {source!r} is {translation.get('type')}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_translation_keeps_placeholders(path: Path) -> None:
    for context, source, translation in _messages(path):
        expected = sorted(PLACEHOLDER.findall(source))

        assert sorted(PLACEHOLDER.findall(translation.text or "")) == expected, f"{context}: {source!r}"


@pytest.mark.parametrize("area", sorted(translations.AREAS))
def test_catalogue_has_every_source_string(area: str, tmp_path: Path) -> None:
    sources = [source for source in translations.AREAS[area] if (translations.ROOT / source).exists()]
    if not sources:
        pytest.skip(f"area {area} has no sources yet")
    committed = translations.catalogue(area, "it")
    fresh = tmp_path / committed.name
    shutil.copyfile(committed, fresh)

    subprocess.run(
        [translations.tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete",
         *sources, "-ts", str(fresh)],
        cwd=translations.ROOT, check=True, capture_output=True,
    )

    missing = {(c, s) for c, s, _ in _messages(fresh)} - {(c, s) for c, s, _ in _messages(committed)}
    assert not missing, f"run scripts/translations.py update and translate: {sorted(missing)}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_compiled_catalogue_is_current(path: Path, tmp_path: Path) -> None:
    compiled = tmp_path / path.with_suffix(".qm").name

    subprocess.run(
        [translations.tool("pyside6-lrelease"), "-silent", str(path), "-qm", str(compiled)],
        check=True, capture_output=True,
    )

    assert path.with_suffix(".qm").read_bytes() == compiled.read_bytes(), "run scripts/translations.py compile"


def test_catalogue_reader_gives_italian() -> None:
    context, source, translation = next(
        (c, s, t) for path in CATALOGUES for c, s, t in _messages(path) if t is not None and t.text != s
    )

    i18n.set_language("it")

    assert i18n.translate(context, source) == translation.text


def test_unknown_language_is_rejected() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        i18n.set_language("fr")


@pytest.mark.parametrize(
    ("value", "expected"), [("it_IT.UTF-8", "it"), ("it", "it"), ("en_US.UTF-8", "en"), ("de_DE", "en")]
)
def test_system_language_follows_environment(value: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", value)

    assert i18n.system_language() == expected

