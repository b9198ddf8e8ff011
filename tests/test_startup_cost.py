"""What the command line loads for a check, and the cheaper readers behind its start-up.

A ``smtp-gui check`` is held to the start-up time of a plain smtplib script,
so modules it does not need must stay out of it, and the faster catalogue
reader and the remembered validation results must return the same results as
before.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from smtp_gui import addresses, i18n
from smtp_gui.paths import translations_dir
from tests.support.servers import PASSWORD, SENDER

REPOSITORY = Path(__file__).resolve().parent.parent
PROCESS_TIMEOUT_S = 60

# Modules a connection check never needs: the window, international names, the
# store and keyring, the test message, and imports that only typing or XML trees need.
NOT_FOR_A_CHECK = (
    "PySide6", "smtp_gui.ui", "idna", "typing", "xml.etree.ElementTree", "email", "tempfile", "keyring",
    "smtp_gui.store", "smtp_gui.smtp.message", "smtplib", "json", "shutil", "logging.handlers",
)  # fmt: skip

# Runs the program's entry point, then reports which of the modules above were loaded.
CHILD_SCRIPT = """
import sys
from smtp_gui import app

status = app.main(sys.argv[2:])
loaded = [name for name in sys.argv[1].split(",") if name in sys.modules]
sys.stderr.write("LOADED " + ",".join(loaded) + "\\n")
sys.exit(status)
"""


def run_check_process(server: Any, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run a STARTTLS + AUTH ``check`` in a fresh interpreter, in Italian, with the password on standard input."""
    env = dict(os.environ)
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(variable, None)
    env["LANG"] = "it_IT.UTF-8"
    env["SMTP_GUI_CONFIG_DIR"] = str(tmp_path / "config")
    arguments = [
        "check", "--server", server.host, "--port", str(server.port), "--security", "starttls",
        "--sender", SENDER, "--user", server.username, "--password-stdin", "--cafile", server.ca_file,
    ]  # fmt: skip
    return subprocess.run(
        [sys.executable, "-c", CHILD_SCRIPT, ",".join(NOT_FOR_A_CHECK), *arguments],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=REPOSITORY,
        timeout=PROCESS_TIMEOUT_S,
    )


def loaded_modules(completed: subprocess.CompletedProcess[str]) -> list[str]:
    line = next(line for line in completed.stderr.splitlines() if line.startswith("LOADED "))
    return [name for name in line.removeprefix("LOADED ").split(",") if name]


def test_check_process_succeeds(smtp_server: Any, tmp_path: Path) -> None:
    server = smtp_server(security="starttls", auth=True)

    completed = run_check_process(server, tmp_path)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert server.logins == [server.username]


def test_check_process_loads_no_unneeded_module(smtp_server: Any, tmp_path: Path) -> None:
    server = smtp_server(security="starttls", auth=True)

    completed = run_check_process(server, tmp_path)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    loaded = loaded_modules(completed)
    for name in NOT_FOR_A_CHECK:
        assert name not in loaded, f"a check imported {name}"


# --- translation catalogues ----------------------------------------------------------------------


def element_tree_catalogue(path: Path) -> dict[tuple[str, str], str]:
    """Read a ``.ts`` file as the reader did before it used expat directly, for comparison."""
    catalogue: dict[tuple[str, str], str] = {}
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or not translation.text:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            catalogue[(name, source)] = translation.text
    return catalogue


UNUSUAL_CATALOGUE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name>A&amp;B</name>
    <message>
        <location filename="x.py" line="3"/>
        <source>one &lt;x&gt;</source>
        <comment>a comment</comment>
        <translation>uno &apos;x&apos;</translation>
    </message>
    <message><source>two</source><translation type="unfinished">due</translation></message>
    <message><source>three</source><translation></translation></message>
    <message><source>four</source><translation>quattro<extra>q</extra>tail</translation></message>
    <message><source></source><translation>vuoto</translation></message>
    <message><translation>no source</translation></message>
    <message><source>five</source><translation type="vanished">cinque</translation></message>
    <message><source>six</source><translation>sei</translation><translation>second</translation></message>
    <message><source><![CDATA[seven <b>]]></source><translation>sette
riga</translation></message>
</context>
<context><message><source>no name</source><translation>senza nome</translation></message></context>
</TS>
"""


@pytest.mark.parametrize("path", sorted(translations_dir().glob("*_it.ts")), ids=lambda path: path.name)
def test_ts_reader_matches_element_tree(path: Path) -> None:
    assert i18n._read_ts(path) == element_tree_catalogue(path)


def test_ts_reader_unusual_file(tmp_path: Path) -> None:
    path = tmp_path / "unusual_it.ts"
    path.write_text(UNUSUAL_CATALOGUE, encoding="utf-8")

    catalogue = i18n._read_ts(path)

    assert catalogue == element_tree_catalogue(path)
    assert catalogue[("A&B", "one <x>")] == "uno 'x'"
    assert catalogue[("A&B", "four")] == "quattro"
    assert catalogue[("A&B", "six")] == "sei"
    assert catalogue[("A&B", "seven <b>")] == "sette\nriga"
    assert catalogue[("", "no name")] == "senza nome"
    assert ("A&B", "two") not in catalogue
    assert ("A&B", "three") not in catalogue
    assert ("A&B", "five") not in catalogue


def test_broken_catalogue_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cli_it.ts").write_text("<TS><context><name>Cli</name>", encoding="utf-8")
    (tmp_path / "engine_it.ts").write_text(UNUSUAL_CATALOGUE, encoding="utf-8")
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)

    catalogue = i18n.load_catalogue("it")

    assert catalogue == element_tree_catalogue(tmp_path / "engine_it.ts")


def test_set_language_loads_only_given_areas() -> None:
    window_entry = next(iter(i18n._read_ts(translations_dir() / "ui_it.ts").items()))
    command_line_entry = next(iter(i18n._read_ts(translations_dir() / "cli_it.ts").items()))
    (window_context, window_source), _ = window_entry
    (cli_context, cli_source), cli_translation = command_line_entry

    i18n.set_language("it", areas=i18n.NON_QT_AREAS)

    assert i18n.translate(window_context, window_source) == window_source
    assert i18n.translate(cli_context, cli_source) == cli_translation


def test_set_language_without_areas_loads_all() -> None:
    (window_context, window_source), window_translation = next(
        iter(i18n._read_ts(translations_dir() / "ui_it.ts").items())
    )

    i18n.set_language("it")

    assert i18n.translate(window_context, window_source) == window_translation


def test_missing_area_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "engine_it.ts").write_text(UNUSUAL_CATALOGUE, encoding="utf-8")
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)

    catalogue = i18n.load_catalogue("it", areas=("engine", "cli"))

    assert catalogue == element_tree_catalogue(tmp_path / "engine_it.ts")


# --- remembered validation results -----------------------------------------------------------


def test_address_error_follows_language_after_repeat() -> None:
    i18n.set_language("en")
    english = addresses.address_error("user@@example.com")
    i18n.set_language("it")
    italian = addresses.address_error("user@@example.com")

    assert english
    assert italian
    assert english != italian


def test_address_error_valid_address_stays_valid() -> None:
    assert addresses.address_error("user@example.com") is None
    assert addresses.address_error("user@example.com") is None
    assert addresses.address_error("user@example") is not None


def test_server_error_remembers_only_valid_results() -> None:
    assert addresses.server_error("smtp.example.com") is None
    assert addresses.server_error("smtp.example.com") is None
    assert addresses.server_error("smtp .example.com") is not None
    assert addresses.server_error("smtp .example.com") is not None


def test_to_ascii_converts_international_name() -> None:
    assert addresses.to_ascii("bücher.example") == "xn--bcher-kva.example"


def test_has_control_character_ascii_matches_categories() -> None:
    import unicodedata

    for code in range(128):
        character = chr(code)
        expected = unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp")
        assert addresses._has_control_character(f"a{character}b") is expected, f"U+{code:04X}"
