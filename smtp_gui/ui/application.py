"""Start the window: arguments, logging, language and translations, then the Qt event loop."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from types import TracebackType

# The modules without Qt come first: once PySide6 is imported, its import hook
# reads the source of every module imported after it (about 10 ms at start-up).
from smtp_gui import i18n, logging_setup
from smtp_gui.i18n import QT_TRANSLATE_NOOP
from smtp_gui.paths import resources_dir, translations_dir
from smtp_gui.screen import lacks_display
from smtp_gui.store import Store

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator  # noqa: I001
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from smtp_gui.ui.jobs import default_engine
from smtp_gui.ui.paint_probe import install_if_requested
from smtp_gui.ui.window import MainWindow

logger = logging.getLogger(__name__)

APPLICATION_NAME = "smtp-gui"
NO_DISPLAY_MESSAGE = QT_TRANSLATE_NOOP(
    "Application",
    "smtp-gui: no screen found (DISPLAY and WAYLAND_DISPLAY are empty), so the window cannot open. "
    "Use the command line (smtp-gui check, send-test, show; smtp-gui --help) or start it in a desktop session.",
)
# How long the end of ``run`` waits for a background job after the window closed (normally none runs).
SHUTDOWN_WAIT_MS = 2000


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """Parse the window's options; unknown ones are left for Qt (e.g. ``-platform``).

    Raises:
        argparse.ArgumentError: an option has an invalid value, such as ``--lang fr``.
    """
    # No exit on error: a windowed Windows program has no standard error to print usage to.
    parser = argparse.ArgumentParser(prog="smtp-gui", description="SMTP configurator for the TVox appliance.",
                                     exit_on_error=False)
    parser.add_argument("--config-dir", type=Path, default=None,
                        help="folder for the settings file and the log (default: the user's config folder)")
    parser.add_argument("--lang", choices=i18n.SUPPORTED_LANGUAGES, default=None,
                        help="language of the window (default: the system's; Italian on an Italian system)")
    arguments, _ = parser.parse_known_args(argv)
    return arguments


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load every ``*_<language>.qm`` of the program and Qt's own ``qtbase`` catalogue into ``app``.

    Returns the translators, which must stay referenced while the application runs.
    """
    i18n.set_language(language)
    translators: list[QTranslator] = []
    if language != i18n.SOURCE_LANGUAGE:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files = [*sorted(translations_dir().glob(f"*_{language}.qm")), Path(qt_folder) / f"qtbase_{language}.qm"]
        for path in files:
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                translators.append(translator)
            else:
                logger.warning("cannot load translation catalogue %s", path)
        QLocale.setDefault(QLocale(language))
    # Messages of the engine and the store now come from the same compiled catalogues.
    i18n.set_translator(QCoreApplication.translate)
    return translators


def application_icon() -> QIcon:
    """Return the program's icon (empty when the file is missing, as in a partial checkout)."""
    return QIcon(str(resources_dir() / "icons" / "app.png"))


def log_uncaught(kind: type[BaseException], error: BaseException, traceback: TracebackType | None) -> None:
    """Record an exception no code caught (e.g. in a Qt slot) in the log file.

    A windowed Windows program has no console, so without this the traceback is lost.
    """
    logger.critical("uncaught exception", exc_info=(kind, error, traceback))


def run(argv: list[str]) -> int:
    """Open the window and run until it closes; return the exit status (2 for invalid options)."""
    try:
        arguments = parse_arguments(argv)
    except argparse.ArgumentError as error:
        if sys.stderr is not None:
            print(f"smtp-gui: {error}", file=sys.stderr)
        return 2
    language = arguments.lang or i18n.system_language()
    if lacks_display():
        i18n.set_language(language)
        if sys.stderr is not None:
            print(i18n.translate("Application", NO_DISPLAY_MESSAGE), file=sys.stderr)
        return 1

    config_dir = arguments.config_dir
    log_file = logging_setup.configure(to_file=True, config_dir=config_dir)
    logger.info("starting the window; log file %s", log_file)
    previous_excepthook, sys.excepthook = sys.excepthook, log_uncaught

    app = QApplication.instance() or QApplication(["smtp-gui", *argv])
    app.setApplicationName(APPLICATION_NAME)
    app.setWindowIcon(application_icon())
    translators = install_translations(app, language)

    window = MainWindow(Store(config_dir), default_engine())
    window.show()
    # Test hook for the built program (SMTP_GUI_EXIT_AFTER_PAINT); inert without the variable.
    paint_probe = install_if_requested(window)  # noqa: F841 - kept referenced while the loop runs
    status = app.exec()

    if not window.worker.wait_idle(SHUTDOWN_WAIT_MS):
        logger.warning("a background job was still running at exit")
    for translator in translators:
        app.removeTranslator(translator)
    sys.excepthook = previous_excepthook
    logger.info("window closed")
    return status
