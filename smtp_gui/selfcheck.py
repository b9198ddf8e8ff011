"""``smtp-gui --self-check``: report whether this installation has what the program needs.

It runs the same way from source and from the frozen executable, and prints one
line per item: the version, the language and its catalogues, the configuration
folder, the keyring, the TLS trust store, then Qt and its platform plugin. Qt
comes last because a platform plugin with missing system libraries makes Qt
abort the whole process. The earlier lines are printed by then.

Exit status: 0 when everything the program needs is present, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import ssl
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from smtp_gui import __version__, i18n
from smtp_gui.i18n import QT_TRANSLATE_NOOP, translate
from smtp_gui.paths import translations_dir
from smtp_gui.screen import lacks_display

CONTEXT = "SelfCheck"

# The probe reads an entry that no account uses, so it proves the keyring
# responds without writing to the user's keyring or touching a stored password.
KEYRING_PROBE_SERVICE = "smtp-gui-self-check"
KEYRING_PROBE_USERNAME = "probe"
KEYRING_TIMEOUT_SECONDS = 10

# OpenSSL loads a hashed certificate folder lazily, so its certificates are
# counted by their file names (subject hash, a dot, a sequence number).
_HASHED_CERTIFICATE_NAME = re.compile(r"^[0-9a-f]{8}\.\d+$")

_application = None  # the QGuiApplication made to learn the platform plugin


@dataclass(frozen=True)
class Finding:
    """One line of the report: a translated label and value, and whether it is a problem."""

    label: str
    value: str
    ok: bool | None  # None: information only


def _(text: str) -> str:
    return translate(CONTEXT, text)


def main(argv: Sequence[str]) -> int:
    """Print the self-check report for ``argv`` and return the exit status (0 or 1)."""
    options = _parse_arguments(argv)
    i18n.set_language(options.lang or i18n.system_language())

    print(_(QT_TRANSLATE_NOOP("SelfCheck", "smtp-gui self-check")), flush=True)
    all_ok = True
    for finding in run_checks(options.config_dir):
        print(format_finding(finding), flush=True)
        all_ok = all_ok and finding.ok is not False

    if all_ok:
        print(_(QT_TRANSLATE_NOOP("SelfCheck", "Result: everything the program needs is present.")))
        return 0
    print(_(QT_TRANSLATE_NOOP("SelfCheck", "Result: problems found; see the lines marked PROBLEM.")))
    return 1


def _parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="smtp-gui --self-check", description=__doc__.splitlines()[0])
    parser.add_argument("--self-check", action="store_true", help="run this report (the default here)")
    parser.add_argument("--lang", choices=i18n.SUPPORTED_LANGUAGES, help="language of the report")
    parser.add_argument("--config-dir", type=Path, help="configuration folder to check")
    return parser.parse_args(list(argv))


def format_finding(finding: Finding) -> str:
    """Return the report line for ``finding``: a status mark, the label and the value."""
    if finding.ok is None:
        mark = _(QT_TRANSLATE_NOOP("SelfCheck", "info"))
    elif finding.ok:
        mark = _(QT_TRANSLATE_NOOP("SelfCheck", "OK"))
    else:
        mark = _(QT_TRANSLATE_NOOP("SelfCheck", "PROBLEM"))
    return f"[{mark}] {finding.label}: {finding.value}"


def run_checks(config_dir: Path | None = None) -> Iterator[Finding]:
    """Yield the findings in report order; Qt's platform plugin is checked last."""
    yield check_version()
    yield check_language()
    yield check_translations()
    yield from check_config_folder(config_dir)
    yield check_keyring()
    yield check_trust_store()
    yield check_qt_version()
    yield check_platform_plugin()


def check_version() -> Finding:
    """Report the program version and whether it runs frozen or from source."""
    if getattr(sys, "frozen", False):
        build_kind = _(QT_TRANSLATE_NOOP("SelfCheck", "executable"))
    else:
        build_kind = _(QT_TRANSLATE_NOOP("SelfCheck", "from source, Python {python}")).format(
            python=sys.version.split()[0]
        )
    return Finding(_(QT_TRANSLATE_NOOP("SelfCheck", "Version")), f"{__version__} ({build_kind})", None)


def check_language() -> Finding:
    """Report the language chosen for messages."""
    names = {
        "it": _(QT_TRANSLATE_NOOP("SelfCheck", "Italian")),
        "en": _(QT_TRANSLATE_NOOP("SelfCheck", "English")),
    }
    language = i18n.language()
    return Finding(_(QT_TRANSLATE_NOOP("SelfCheck", "Language")), f"{names[language]} ({language})", None)


def check_translations() -> Finding:
    """Load every Italian ``.qm`` catalogue and Qt's own ``qtbase_it.qm``.

    Each ``*_it.ts`` source (the command line reads these directly) must have a
    ``.qm`` that Qt can load for the window; English needs no file.
    """
    from PySide6.QtCore import QLibraryInfo, QTranslator

    label = _(QT_TRANSLATE_NOOP("SelfCheck", "Italian translations"))
    folder = translations_dir()
    sources = sorted(folder.glob("*_it.ts"))
    if not sources:
        value = _(QT_TRANSLATE_NOOP("SelfCheck", "no catalogue found in {folder}")).format(folder=folder)
        return Finding(label, value, False)

    catalogues = [source.with_suffix(".qm") for source in sources]
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    catalogues.append(qt_folder / "qtbase_it.qm")

    loaded = [path.name for path in catalogues if QTranslator().load(str(path))]
    missing = [str(path) for path in catalogues if path.name not in loaded]
    if missing:
        value = _(QT_TRANSLATE_NOOP("SelfCheck", "missing or unreadable: {files}")).format(
            files=", ".join(missing)
        )
        return Finding(label, value, False)
    value = _(QT_TRANSLATE_NOOP("SelfCheck", "loaded {files} from {folder}")).format(
        files=", ".join(loaded), folder=folder
    )
    return Finding(label, value, True)


def check_config_folder(config_dir: Path | None) -> Iterator[Finding]:
    """Report the configuration folder, the settings file and the log folder.

    The folder is a problem when it, or its nearest existing parent while it
    does not exist yet, is not a writable folder: no setting could be saved.
    """
    from smtp_gui.logging_setup import log_dir
    from smtp_gui.store import Store, default_config_dir

    folder = default_config_dir(config_dir)
    label = _(QT_TRANSLATE_NOOP("SelfCheck", "Configuration folder"))
    existing = _nearest_existing(folder)
    if not existing.is_dir() or not os.access(existing, os.W_OK):
        value = _(QT_TRANSLATE_NOOP("SelfCheck", "{folder} (not a writable folder: settings cannot be saved)"))
        yield Finding(label, value.format(folder=folder), False)
    elif existing == folder:
        yield Finding(label, str(folder), True)
    else:
        value = _(QT_TRANSLATE_NOOP("SelfCheck", "{folder} (created at the first save)"))
        yield Finding(label, value.format(folder=folder), True)

    settings_file = Store(folder).path
    state = (
        _(QT_TRANSLATE_NOOP("SelfCheck", "present"))
        if settings_file.exists()
        else _(QT_TRANSLATE_NOOP("SelfCheck", "not saved yet"))
    )
    yield Finding(_(QT_TRANSLATE_NOOP("SelfCheck", "Settings file")), f"{settings_file} ({state})", None)
    yield Finding(_(QT_TRANSLATE_NOOP("SelfCheck", "Log folder")), str(log_dir(config_dir)), None)


def _nearest_existing(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return Path(folder.anchor or ".")


def check_keyring() -> Finding:
    """Report the keyring backend and whether a read from it succeeds.

    keyring falls back to its ``fail`` backend when it finds no usable one
    (no Secret Service on a Linux machine without a desktop session, or
    backends lost in a frozen build). A read of an entry that no account
    uses proves the backend responds. A write is not tried, because it would
    change the user's keyring. A read can still wait on an unlock prompt,
    so it runs on a thread with a time limit.
    """
    import keyring
    from keyring.backends import chainer, fail

    label = _(QT_TRANSLATE_NOOP("SelfCheck", "Keyring"))
    backend = keyring.get_keyring()
    name = _backend_name(backend)
    if isinstance(backend, fail.Keyring) or (
        isinstance(backend, chainer.ChainerBackend) and not backend.backends
    ):
        value = _(QT_TRANSLATE_NOOP(
            "SelfCheck",
            "no usable keyring ({backend}): the password cannot be stored; on Linux, "
            "start a Secret Service such as GNOME Keyring or KWallet",
        ))
        return Finding(label, value.format(backend=name), False)

    error = _read_probe_entry(keyring)
    if error:
        value = _(QT_TRANSLATE_NOOP("SelfCheck", "{backend} does not work: {error}"))
        return Finding(label, value.format(backend=name, error=error), False)
    value = _(QT_TRANSLATE_NOOP("SelfCheck", "{backend} (test read succeeded)"))
    return Finding(label, value.format(backend=name), True)


def _backend_name(backend: object) -> str:
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend):
        return " + ".join(_backend_name(part) for part in backend.backends) or "chainer"
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _read_probe_entry(keyring_module) -> str | None:
    """Read the probe entry on a thread; return an error text, or None when the read succeeded."""
    outcome: list[str | None] = []

    def read() -> None:
        try:
            keyring_module.get_password(KEYRING_PROBE_SERVICE, KEYRING_PROBE_USERNAME)
        except Exception as error:  # noqa: BLE001 - every backend raises its own kinds
            outcome.append(f"{type(error).__name__}: {error}")
        else:
            outcome.append(None)

    thread = threading.Thread(target=read, name="keyring-probe", daemon=True)
    thread.start()
    thread.join(KEYRING_TIMEOUT_SECONDS)
    if not outcome:
        text = _(QT_TRANSLATE_NOOP(
            "SelfCheck", "timed out after {seconds} s (is an unlock prompt waiting?)"
        ))
        return text.format(seconds=KEYRING_TIMEOUT_SECONDS)
    return outcome[0]


def check_trust_store() -> Finding:
    """Report where certificate verification finds its trusted CAs.

    This is what the engine's ``ssl.create_default_context()`` loads: on
    Windows the system certificate store, elsewhere OpenSSL's CA file
    (``SSL_CERT_FILE`` when set) and CA folder (``SSL_CERT_DIR``). With no
    trusted CA no TLS server can be verified, which is a problem.
    """
    label = _(QT_TRANSLATE_NOOP("SelfCheck", "TLS trust store"))
    loaded = ssl.create_default_context().cert_store_stats()["x509_ca"]
    if sys.platform == "win32":
        value = _(QT_TRANSLATE_NOOP("SelfCheck", "Windows certificate store, CA certificates: {count}"))
        return Finding(label, value.format(count=loaded), loaded > 0)

    paths = ssl.get_default_verify_paths()
    parts = []
    if paths.cafile:
        source = "SSL_CERT_FILE" if os.environ.get(paths.openssl_cafile_env) else "OpenSSL"
        text = _(QT_TRANSLATE_NOOP("SelfCheck", "file {path} ({source}), CA certificates: {count}"))
        parts.append(text.format(path=paths.cafile, source=source, count=loaded))
    folder_count = _count_hashed_certificates(paths.capath)
    if folder_count:
        text = _(QT_TRANSLATE_NOOP("SelfCheck", "folder {path}, certificates: {count}"))
        parts.append(text.format(path=paths.capath, count=folder_count))

    if loaded == 0 and folder_count == 0:
        value = _(QT_TRANSLATE_NOOP(
            "SelfCheck", "no trusted CA found (file {file}, folder {folder}): no server can be verified"
        ))
        return Finding(label, value.format(file=paths.openssl_cafile, folder=paths.openssl_capath), False)
    return Finding(label, "; ".join(parts), True)


def _count_hashed_certificates(folder: str | None) -> int:
    if not folder or not os.path.isdir(folder):
        return 0
    return sum(1 for name in os.listdir(folder) if _HASHED_CERTIFICATE_NAME.match(name))


def check_qt_version() -> Finding:
    """Report the Qt and PySide6 versions."""
    import PySide6
    from PySide6.QtCore import qVersion

    value = f"Qt {qVersion()}, PySide6 {PySide6.__version__}"
    return Finding(_(QT_TRANSLATE_NOOP("SelfCheck", "Qt")), value, None)


def check_platform_plugin() -> Finding:
    """Start Qt's GUI layer and report the platform plugin it chose.

    Qt honours ``QT_QPA_PLATFORM``. On Linux with no display and no
    ``QT_QPA_PLATFORM`` Qt would abort the process, so that case is
    reported without starting Qt.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    global _application
    label = _(QT_TRANSLATE_NOOP("SelfCheck", "Qt platform plugin"))
    available = ", ".join(_available_platform_plugins()) or "-"
    if lacks_display():
        value = _(QT_TRANSLATE_NOOP(
            "SelfCheck",
            "no display found (DISPLAY and WAYLAND_DISPLAY are empty): the window cannot open; "
            "set QT_QPA_PLATFORM=offscreen to test without a screen (available: {plugins})",
        ))
        return Finding(label, value.format(plugins=available), False)

    if QCoreApplication.instance() is None:
        _application = QGuiApplication([sys.argv[0] if sys.argv else "smtp-gui"])
    name = QGuiApplication.platformName()
    if not name:
        value = _(QT_TRANSLATE_NOOP("SelfCheck", "none: Qt runs without its GUI layer (available: {plugins})"))
        return Finding(label, value.format(plugins=available), False)
    value = _(QT_TRANSLATE_NOOP("SelfCheck", "{name} (available: {plugins})"))
    return Finding(label, value.format(name=name, plugins=available), True)


def _available_platform_plugins() -> list[str]:
    from PySide6.QtCore import QCoreApplication

    names: set[str] = set()
    for folder in QCoreApplication.libraryPaths():
        platforms = Path(folder) / "platforms"
        if platforms.is_dir():
            for plugin in platforms.iterdir():
                # libqxcb.so, qwindows.dll, libqcocoa.dylib -> xcb, windows, cocoa
                stem = plugin.name.split(".")[0]
                names.add(stem.removeprefix("lib").removeprefix("q"))
    return sorted(names)

