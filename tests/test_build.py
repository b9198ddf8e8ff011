"""The executables that build.spec makes: they start, pass the self-check, check a server, paint a window.

The module builds the folder once with PyInstaller into a temporary folder
(about 15 to 30 s on two cores). With ``SMTP_GUI_BUILT_FOLDER`` set to a
folder already built (the release workflow builds first), it tests that
folder instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from smtp_gui import __version__
from tests.support.servers import SmtpServer

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
SUFFIX = ".exe" if WINDOWS else ""
BUILD_TIMEOUT = 900  # seconds; a cold build on a loaded two-core CI machine stays well below
RUN_TIMEOUT = 120


@pytest.fixture(scope="module")
def built_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the one-folder build: the one named by ``SMTP_GUI_BUILT_FOLDER``, or a fresh one."""
    existing = os.environ.get("SMTP_GUI_BUILT_FOLDER")
    if existing:
        return Path(existing).resolve()

    if not WINDOWS and sys.platform != "darwin" and shutil.which("objdump") is None:
        pytest.fail("PyInstaller needs objdump: install the Debian package binutils")
    work = tmp_path_factory.mktemp("pyinstaller")
    # PyInstaller keeps its cache in the user's home unless PYINSTALLER_CONFIG_DIR names a folder.
    environment = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(work / "cache")}
    completed = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(ROOT / "build.spec")],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    return work / "dist" / "SMTPConfig"


@pytest.fixture
def usable_keyring(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Give the built program a real keyring, and return the backend name the self-check shows.

    The in-memory test keyring lives in the test process, which the built
    program cannot reach. On Linux the program gets a private Secret Service;
    Windows has its Credential Manager. Naming the backend in
    PYTHON_KEYRING_BACKEND makes keyring import it by name, which fails
    when the build left the backend out.
    """
    if WINDOWS:
        backend = "keyring.backends.Windows.WinVaultKeyring"
    else:
        request.getfixturevalue("secret_service")
        backend = "keyring.backends.SecretService.Keyring"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend)
    return backend


def run_program(folder: Path, name: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(folder / f"{name}{SUFFIX}"), *args],
        input=stdin, capture_output=True, text=True, timeout=RUN_TIMEOUT,
    )


def test_folder_has_both_programs(built_folder: Path) -> None:
    assert (built_folder / f"SMTPConfig{SUFFIX}").is_file()
    assert (built_folder / f"smtp-gui{SUFFIX}").is_file()


def test_folder_has_translations(built_folder: Path) -> None:
    internal = built_folder / "_internal"
    catalogues = {path.name for path in (internal / "resources" / "i18n").glob("*")}

    for source in sorted((ROOT / "resources" / "i18n").glob("*_it.ts")):
        assert source.name in catalogues
        assert source.with_suffix(".qm").name in catalogues
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_it.qm").is_file() or (
        internal / "PySide6" / "translations" / "qtbase_it.qm"
    ).is_file()


def test_folder_leaves_out_unused_qt(built_folder: Path) -> None:
    names = [path.name for path in built_folder.rglob("*")]

    for unused in ("Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt6Multimedia", "Qt63D", "Qt6Network", "opengl32sw"):
        assert not [name for name in names if unused in name], unused
    assert not [name for name in names if name.startswith("libgtk-3")]


def test_console_program_prints_version(built_folder: Path) -> None:
    completed = run_program(built_folder, "smtp-gui", "--version")

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == f"smtp-gui {__version__}"


def test_console_self_check_passes(built_folder: Path, usable_keyring: str, tmp_path: Path) -> None:
    completed = run_program(built_folder, "smtp-gui", "--self-check", "--lang", "en", "--config-dir", str(tmp_path))

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert f"[info] Version: {__version__} (executable)" in completed.stdout
    assert "[OK] Italian translations: loaded " in completed.stdout
    assert f"[OK] Keyring: {usable_keyring} (test read succeeded)" in completed.stdout
    assert "[OK] TLS trust store:" in completed.stdout
    assert "[OK] Qt platform plugin:" in completed.stdout


def test_console_self_check_in_italian(built_folder: Path, usable_keyring: str, tmp_path: Path) -> None:
    completed = run_program(built_folder, "smtp-gui", "--self-check", "--lang", "it", "--config-dir", str(tmp_path))

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "[OK] Cartella di configurazione:" in completed.stdout
    assert "Esito: è presente tutto ciò che serve al programma." in completed.stdout


def test_console_check_passes_local_server(
    built_folder: Path, smtp_server: Callable[..., SmtpServer], tmp_path: Path
) -> None:
    server = smtp_server(security="starttls", auth=True)
    settings = server.settings()

    completed = run_program(
        built_folder, "smtp-gui", "check", "--json", "--lang", "en", "--config-dir", str(tmp_path),
        "--server", server.host, "--port", str(server.port), "--security", "starttls",
        "--sender", settings.sender, "--user", server.username, "--password-stdin", "--cafile", str(server.ca_file),
        stdin=server.password + "\n",
    )

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert json.loads(completed.stdout)["ok"] is True
    assert server.logins == [server.username]
    assert server.password not in completed.stdout + completed.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert server.password not in path.read_text(encoding="utf-8", errors="replace"), path


def test_window_program_paints(built_folder: Path, tmp_path: Path) -> None:
    paint_record = tmp_path / "first-paint.json"
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SMTP_GUI_EXIT_AFTER_PAINT": str(paint_record),
    }

    completed = subprocess.run(
        [str(built_folder / f"SMTPConfig{SUFFIX}"), "--lang", "it", "--config-dir", str(tmp_path / "config")],
        env=environment, capture_output=True, text=True, timeout=RUN_TIMEOUT,
    )

    assert completed.returncode == 0, completed.stderr
    record = json.loads(paint_record.read_text(encoding="utf-8"))
    assert record["title"] == "Configurazione SMTP"
    assert record["width"] > 0
    assert record["height"] > 0
