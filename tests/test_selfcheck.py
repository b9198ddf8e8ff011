"""``smtp-gui --self-check``: each finding in process, and the whole report from a real process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from smtp_gui import selfcheck
from tests.support.keyrings import FailingKeyring, MemoryKeyring
from tests.support.servers import Certificates

ROOT = Path(__file__).resolve().parent.parent
MEMORY_KEYRING = f"{MemoryKeyring.__module__}.{MemoryKeyring.__qualname__}"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux display rules")
not_windows = pytest.mark.skipif(sys.platform == "win32", reason="Windows reads its system certificate store")


def run_self_check(*args: str, **environment: str | None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m smtp_gui --self-check`` with the test's environment changed by ``environment``.

    A variable set to None is removed. The keyring is the in-memory test
    backend unless ``PYTHON_KEYRING_BACKEND`` is given.
    """
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": MEMORY_KEYRING}
    for name, value in environment.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, "-m", "smtp_gui", "--self-check", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


# The whole report from a separate process, as a technician runs it.


def test_self_check_from_source_passes() -> None:
    completed = run_self_check("--lang", "en")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert f"[OK] Keyring: {MEMORY_KEYRING} (test read succeeded)" in completed.stdout
    assert "[OK] Qt platform plugin: offscreen" in completed.stdout
    assert "Result: everything the program needs is present." in completed.stdout


def test_self_check_reports_version_and_qt() -> None:
    from PySide6.QtCore import qVersion

    from smtp_gui import __version__

    completed = run_self_check("--lang", "en")

    assert f"[info] Version: {__version__} (from source" in completed.stdout
    assert f"[info] Qt: Qt {qVersion()}" in completed.stdout


def test_self_check_without_keyring_fails() -> None:
    completed = run_self_check("--lang", "en", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")

    assert completed.returncode == 1
    assert "[PROBLEM] Keyring: no usable keyring (keyring.backends.fail.Keyring)" in completed.stdout
    assert "Result: problems found" in completed.stdout


@linux_only
def test_self_check_without_display_fails_without_abort() -> None:
    completed = run_self_check("--lang", "en", QT_QPA_PLATFORM=None, DISPLAY=None, WAYLAND_DISPLAY=None)

    assert completed.returncode == 1, completed.stderr
    assert "[PROBLEM] Qt platform plugin: no display found" in completed.stdout
    assert "QT_QPA_PLATFORM=offscreen" in completed.stdout


def test_self_check_config_dir_option(tmp_path: Path) -> None:
    folder = tmp_path / "portable settings"

    completed = run_self_check("--lang", "en", "--config-dir", str(folder))

    assert f"[OK] Configuration folder: {folder} (created at the first save)" in completed.stdout
    assert f"[info] Log folder: {folder / 'logs'}" in completed.stdout


def test_self_check_in_italian() -> None:
    completed = run_self_check("--lang", "it")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "smtp-gui: verifica dell'installazione" in completed.stdout
    assert "[OK] Cartella di configurazione:" in completed.stdout
    assert "Esito: è presente tutto ciò che serve al programma." in completed.stdout


def test_self_check_rejects_unknown_language() -> None:
    completed = run_self_check("--lang", "fr")

    assert completed.returncode == 2
    assert "--lang" in completed.stderr


# Single findings, in this process.


def test_keyring_probe_leaves_keyring_unchanged(memory_keyring: MemoryKeyring) -> None:
    finding = selfcheck.check_keyring()

    assert finding.ok is True
    assert memory_keyring.passwords == {}


def test_keyring_that_refuses_is_problem(failing_keyring: FailingKeyring) -> None:
    finding = selfcheck.check_keyring()

    assert finding.ok is False
    assert "KeyringLocked: the keyring is locked" in finding.value


def test_keyring_fail_backend_is_problem(no_keyring: object) -> None:
    finding = selfcheck.check_keyring()

    assert finding.ok is False
    assert "the password cannot be stored" in finding.value


def test_translations_all_loaded() -> None:
    finding = selfcheck.check_translations()

    assert finding.ok is True, finding.value
    assert "qtbase_it.qm" in finding.value
    for source in sorted((ROOT / "resources" / "i18n").glob("*_it.ts")):
        assert source.with_suffix(".qm").name in finding.value


def test_translations_missing_qm_is_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cli_it.ts").write_text("<TS/>", encoding="utf-8")
    monkeypatch.setattr(selfcheck, "translations_dir", lambda: tmp_path)

    finding = selfcheck.check_translations()

    assert finding.ok is False
    assert str(tmp_path / "cli_it.qm") in finding.value


def test_translations_empty_folder_is_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selfcheck, "translations_dir", lambda: tmp_path)

    finding = selfcheck.check_translations()

    assert finding.ok is False
    assert f"no catalogue found in {tmp_path}" in finding.value


def test_config_folder_existing_is_ok(tmp_path: Path) -> None:
    label_finding, settings_finding, _log_finding = selfcheck.check_config_folder(tmp_path)

    assert label_finding.ok is True
    assert label_finding.value == str(tmp_path)
    assert settings_finding.value.endswith("(not saved yet)")


def test_config_folder_under_file_is_problem(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")

    finding = next(selfcheck.check_config_folder(blocker / "smtp-gui"))

    assert finding.ok is False
    assert "settings cannot be saved" in finding.value


def test_config_folder_follows_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMTP_GUI_CONFIG_DIR", str(tmp_path))

    finding = next(selfcheck.check_config_folder(None))

    assert finding.value == str(tmp_path)


@not_windows
def test_trust_store_names_ssl_cert_file(
    smtp_certificates: Certificates, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(smtp_certificates.ca_file))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))

    finding = selfcheck.check_trust_store()

    assert finding.ok is True
    assert finding.value == f"file {smtp_certificates.ca_file} (SSL_CERT_FILE), CA certificates: 1"


@not_windows
def test_trust_store_empty_is_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))

    finding = selfcheck.check_trust_store()

    assert finding.ok is False
    assert "no trusted CA found" in finding.value


@not_windows
def test_trust_store_counts_hashed_folder(
    smtp_certificates: Certificates, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(smtp_certificates.ca_file, tmp_path / "0a1b2c3d.0")
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))

    finding = selfcheck.check_trust_store()

    assert finding.ok is True
    assert finding.value == f"folder {tmp_path}, certificates: 1"


def test_platform_plugin_reports_offscreen(qapp: object) -> None:
    finding = selfcheck.check_platform_plugin()

    assert finding.ok is True
    assert finding.value.startswith("offscreen (available: ")
    assert "offscreen" in finding.value.split("available: ")[1]


def test_report_line_marks_problem() -> None:
    line = selfcheck.format_finding(selfcheck.Finding("Keyring", "broken", False))

    assert line == "[PROBLEM] Keyring: broken"
