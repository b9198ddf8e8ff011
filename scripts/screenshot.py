"""Make the README screenshots of the window, in Italian and in English.

    python scripts/screenshot.py            # writes docs/screenshot-it.png and docs/screenshot-en.png

Runs on Qt's offscreen platform unless QT_QPA_PLATFORM names another one (e.g.
"xcb" under Xvfb), with a temporary config folder, so it needs no screen and
leaves the user's settings alone. The form holds example values only; no
password is typed, the field just says one is stored.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# keyring's null backend stores nothing and never prompts: the user's keyring stays untouched.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

from PySide6.QtCore import QEvent, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smtp_gui.settings import Security, Settings  # noqa: E402
from smtp_gui.store import Store  # noqa: E402
from smtp_gui.ui.application import application_icon, install_translations  # noqa: E402
from smtp_gui.ui.jobs import default_engine  # noqa: E402
from smtp_gui.ui.window import MainWindow  # noqa: E402

EXAMPLE = Settings(
    server="smtp.example.com",
    sender="centralino@example.com",
    port=587,
    security=Security.STARTTLS,
    auth=True,
    username="centralino@example.com",
    reports_enabled=True,
    reports_recipient="assistenza@example.com",
)
TEST_RECIPIENT = "tecnico@example.com"


def screenshot(app: QApplication, language: str, config_dir: Path, target: Path) -> None:
    """Show the window in ``language`` with the example values and save it as ``target``."""
    translators = install_translations(app, language)
    window = MainWindow(Store(config_dir), default_engine(), run_dialog=lambda dialog: 0)
    window.show()
    while not window.idle:  # the start-up look-up of the stored password, which starts after the first paint
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    window.form.set_password_stored(True)
    window.form.test_recipient_edit.setText(TEST_RECIPIENT)
    for _ in range(5):
        app.processEvents()

    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target)):
        raise RuntimeError(f"cannot write {target}")
    print(f"wrote {target.relative_to(ROOT)} ({window.width()}x{window.height()})")

    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    for translator in translators:
        app.removeTranslator(translator)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setWindowIcon(application_icon())
    for language in ("it", "en"):
        # A fresh folder each time, so no window size remembered from the previous one.
        with tempfile.TemporaryDirectory(prefix="smtp-gui-screenshot-") as folder:
            Store(folder).save(EXAMPLE)  # saved, so the window shows no unsaved-changes mark
            screenshot(app, language, Path(folder), ROOT / "docs" / f"screenshot-{language}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
