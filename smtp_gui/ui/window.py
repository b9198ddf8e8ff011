"""The main window: the form, the progress strip, and what SALVA and the test send do.

Signals: none of its own; the window reacts to the form's ``*_requested``
signals and to the worker's ``finished``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QFileDialog, QFrame, QMainWindow, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from smtp_gui.settings import Problem, Settings, address_error, validate
from smtp_gui.smtp.result import Result
from smtp_gui.store import LoadResult, Store, StoreError
from smtp_gui.ui.dialogs import DialogRunner, exec_dialog
from smtp_gui.ui.fields import PasswordState
from smtp_gui.ui.form import SmtpForm
from smtp_gui.ui.jobs import (
    Engine,
    PasswordLookup,
    PasswordLookupJob,
    SaveJob,
    SaveOutcome,
    SendJob,
    SendOutcome,
)
from smtp_gui.ui.progress import ProgressPanel
from smtp_gui.ui.report import Report, error_report, save_report, send_report
from smtp_gui.ui.result_dialog import FIX_CHOSEN, ResultDialog
from smtp_gui.ui.worker import Job, JobFailed, Worker

logger = logging.getLogger(__name__)

GEOMETRY_FILE = "window.ini"
STATUS_TIMEOUT_MS = 8000
# Wide enough that the notes under the fields wrap little; 1366x768 at 125 % leaves 1093x614.
DEFAULT_SIZE = QSize(900, 0)


class MainWindow(QMainWindow):
    """The "Configurazione SMTP" window.

    Args:
        store: where the settings and the password are kept.
        engine: the check and test-send functions.
        run_dialog: runs every modal dialog; tests pass one that does not block.
    """

    def __init__(self, store: Store, engine: Engine, *, run_dialog: DialogRunner = exec_dialog,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        # "[*]" is where Qt shows the unsaved-changes mark.
        self.setWindowTitle(self.tr("SMTP configuration") + "[*]")
        self.store = store
        self.engine = engine
        self.run_dialog = run_dialog

        self.worker = Worker(self)
        self.form = SmtpForm()
        self.progress = ProgressPanel(self.worker.elapsed_s)
        # The form scrolls when the screen is too small for it and its messages;
        # the progress strip with Cancel stays in view below it.
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("formScrollArea")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # The form's fields take the focus; the area itself would be an invisible tab stop.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(self.form)
        self.form.installEventFilter(self)
        central = QWidget(self)
        # Showing the progress strip below the form posts a layout request to the central widget.
        central.installEventFilter(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.progress)
        self.setCentralWidget(central)

        self._baseline = Settings()  # the saved settings as the form shows them, password ""
        # What the keyring holds for one (server, username): the account saved or loaded last.
        # The form announces a stored password only while it shows that same account.
        self._password_account: tuple[str, str] | None = None
        self._password_stored = False
        self._password_error = ""  # the keyring's read error: whether a password is stored is unknown
        self._shown_password_state: tuple[PasswordState, str] | None = None
        # A typed password that the keyring rejected at the last save. It cannot be saved, so it
        # is no unsaved change. It is kept in memory only, like the field that still contains it.
        self._unstorable_password = ""
        self._on_outcome: Callable[[Any, bool], None] | None = None
        self._close_requested = False
        self._load_problem: str | None = None
        # Values in the settings file were replaced by defaults: unsaved until the next save.
        self._corrected_on_load = False
        self._shrink_to_form = False  # fit the default size to the form once, when first shown
        self._lookup_pending: Settings | None = None

        self.form.changed.connect(self._on_form_changed)
        self.form.save_requested.connect(self._on_save_requested)
        self.form.send_requested.connect(self._on_send_requested)
        self.form.browse_requested.connect(self._on_browse_requested)
        self.progress.cancel_requested.connect(self.worker.cancel)
        self.worker.finished.connect(self._on_worker_finished)

        self._load()
        self._restore_geometry()

    # --- start --------------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            loaded = self.store.load()
        except StoreError as error:
            self._load_problem = error.message
            loaded = LoadResult(Settings(), self.store.path)
        if loaded.broken_path is not None:
            self._load_problem = self.tr(
                "The settings file could not be used ({reason}). It was kept as {path}; "
                "the form shows the default values."
            ).format(reason=loaded.broken_reason or "", path=loaded.broken_path)
        if loaded.problems:
            self._load_problem = self.tr(
                "Some values in the settings file {path} cannot be used, so the form shows the "
                "defaults in their place:\n\n{problems}\n\nCheck the form and save it."
            ).format(path=loaded.path, problems="\n".join(f"• {problem}" for problem in loaded.problems))
            self._corrected_on_load = True

        self.form.load(loaded.settings)
        self._baseline = self._form_settings_without_password()
        self._on_form_changed()
        self._lookup_pending = loaded.settings if loaded.settings.auth else None

    @property
    def idle(self) -> bool:
        """True when no background job runs and none is waiting to start."""
        return not self.worker.busy and self._lookup_pending is None

    def _start_password_lookup(self) -> None:
        settings, self._lookup_pending = self._lookup_pending, None
        if settings is not None and not self.worker.busy:
            self._start(PasswordLookupJob(self.store, settings), self.tr("Reading the stored password"),
                        self._on_password_looked_up)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._lookup_pending is not None:
            # After the first paint: the lookup imports keyring and may wait on D-Bus,
            # which would otherwise hold the window back from appearing.
            QTimer.singleShot(0, self._start_password_lookup)
        if self._load_problem is not None:
            # After the window is on screen, and only once.
            problem, self._load_problem = self._load_problem, None
            QTimer.singleShot(0, lambda: self._show_message(QMessageBox.Icon.Warning, problem))

    def _on_password_looked_up(self, lookup: PasswordLookup, closing: bool) -> None:
        # A read error stays in the note under the password field rather than in the status bar.
        self._set_password_state(lookup.settings, lookup.stored, lookup.error)
        self._on_form_changed()

    # --- form ---------------------------------------------------------------------------------

    def _form_settings_without_password(self) -> Settings:
        return self.form.settings().replace(password="")

    def _set_password_state(self, account: Settings, stored: bool, error: str) -> None:
        self._password_account = (account.server, account.username)
        self._password_stored = stored
        self._password_error = error

    def _password_state_for(self, settings: Settings) -> PasswordState:
        # The keyring entry belongs to one server and username.
        if (settings.server, settings.username) != self._password_account:
            known = self._password_stored or self._password_error
            return PasswordState.OTHER_ACCOUNT if known else PasswordState.NOT_STORED
        if self._password_error:
            return PasswordState.UNKNOWN
        return PasswordState.STORED if self._password_stored else PasswordState.NOT_STORED

    def _password_stored_for(self, settings: Settings) -> bool:
        # An unknown state counts as stored, so an empty field does not block SALVA:
        # the save then reports the keyring's own error.
        return self._password_state_for(settings) in (PasswordState.STORED, PasswordState.UNKNOWN)

    def is_dirty(self) -> bool:
        """Tell whether the form differs from the saved settings.

        A typed password counts, unless the keyring rejected that same password at the last save.
        So do values of the settings file that were replaced by defaults at start.
        """
        typed = self.form.password_edit.text()
        password_changed = bool(typed) and typed != self._unstorable_password
        if password_changed or self._corrected_on_load:
            return True
        return self._form_settings_without_password() != self._baseline

    @Slot()
    def _on_form_changed(self) -> None:
        settings = self.form.settings()
        shown = (self._password_state_for(settings), self._password_error)
        if shown != self._shown_password_state:
            self._shown_password_state = shown
            self.form.set_password_state(*shown)
        self.form.show_problems(validate(settings, password_stored=self._password_stored_for(settings)))
        self.setWindowModified(self.is_dirty())

    def _focus_first_error(self, problems: list[Problem]) -> bool:
        first = self.form.show_problems(problems, errors_too=True)
        if first is None:
            return False
        first.setFocus()
        return True

    # --- SALVA --------------------------------------------------------------------------------

    @Slot()
    def _on_save_requested(self) -> None:
        self.save(check_after=True)

    def save(self, *, check_after: bool, close_after: bool = False) -> bool:
        """Validate the form, then store it and check the connection on the worker.

        Returns:
            False when a field has an error (shown at the field, focus on the first) or
            another operation runs; True when the save started.
        """
        if self.worker.busy:
            return False
        settings = self.form.settings()
        if self._focus_first_error(validate(settings, password_stored=self._password_stored_for(settings))):
            return False

        job = SaveJob(self.store, self.engine, settings, check_after=check_after)
        activity = self.tr("Saving and checking the connection") if check_after else self.tr("Saving")
        self._start(job, activity, lambda outcome, closing: self._on_saved(outcome, settings, close_after, closing))
        return True

    def _on_saved(self, outcome: SaveOutcome, settings: Settings, close_after: bool, closing: bool) -> None:
        if outcome.saved is not None:
            self._baseline = settings.replace(password="")
            self._corrected_on_load = False
            self._set_password_state(settings, outcome.password_stored, outcome.password_lookup_error)
            if outcome.password_error:
                self._unstorable_password = settings.password
            else:
                # The password now lives in the keyring only; the field goes back to announcing it.
                self._unstorable_password = ""
                self.form.password_edit.clear()
            self._on_form_changed()
        if closing:
            return
        if close_after and outcome.saved is not None and not outcome.password_error:
            self.close()
            return
        self._show_report(save_report(outcome))

    # --- test send ----------------------------------------------------------------------------

    @Slot()
    def _on_send_requested(self) -> None:
        self.send_test()

    def send_test(self) -> bool:
        """Validate the recipient and the form, then send a test message on the worker.

        Returns:
            False when a value has an error or another operation runs; True when the send started.
        """
        if self.worker.busy:
            return False
        recipient = self.form.test_recipient_edit.text().strip()
        error = address_error(recipient) if recipient else self.tr("Enter the address that receives the test e-mail.")
        if error:
            self.form.show_recipient_error(error)
            self.form.test_recipient_edit.setFocus()
            return False

        settings = self.form.settings()
        problems = validate(settings, password_stored=self._password_stored_for(settings))
        # The reports address plays no part in a test send.
        if self._focus_first_error([p for p in problems if p.field != "reports_recipient"]):
            return False

        job = SendJob(self.store, self.engine, settings, recipient, differs_from_saved=self.is_dirty())
        self._start(job, self.tr("Sending the test e-mail"),
                    lambda outcome, closing: self._on_sent(outcome, settings, closing))
        return True

    def _on_sent(self, outcome: SendOutcome, settings: Settings, closing: bool) -> None:
        if closing:
            return
        if outcome.result is not None and outcome.result.diagnosis is not None \
                and outcome.result.diagnosis.code == "cancelled":
            self.statusBar().showMessage(self.tr("Test e-mail cancelled."), STATUS_TIMEOUT_MS)
            return
        self._show_report(send_report(outcome, settings))

    # --- operations ---------------------------------------------------------------------------

    def _start(self, job: Job, activity: str, on_outcome: Callable[[Any, bool], None]) -> None:
        """Run ``job`` on the worker; ``on_outcome(outcome, closing)`` gets its outcome.

        With ``closing`` True the window is about to close: the outcome updates the
        window's state (the saved settings, the password) but shows no popup.
        """
        logger.info("starting: %s", type(job).__name__)
        self._on_outcome = on_outcome
        self.form.set_busy(True)
        self.progress.begin(activity)
        self.worker.start(job)

    @Slot(object)
    def _on_worker_finished(self, outcome: object) -> None:
        on_outcome, self._on_outcome = self._on_outcome, None
        self.progress.end()
        self.form.set_busy(False)
        closing, self._close_requested = self._close_requested, False
        logger.info("finished: %s", _outcome_summary(outcome))
        if isinstance(outcome, JobFailed):
            if not closing:
                self._show_report(error_report(outcome.error))
        elif on_outcome is not None:
            # Even during a close: a save that completed must update the baseline before
            # the close decides whether anything is left unsaved.
            on_outcome(outcome, closing)
        if closing:
            self.close()

    def _show_report(self, report: Report) -> None:
        dialog = ResultDialog(report, self)
        choice = self.run_dialog(dialog)
        dialog.deleteLater()
        if choice == FIX_CHOSEN and report.fix is not None:
            self.form.set_security(report.fix.security, report.fix.port)
            self.statusBar().showMessage(self.tr("Form changed: {change}. Save or send again.").format(
                change=report.fix.label), STATUS_TIMEOUT_MS)

    def _show_message(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, self.tr("SMTP configuration"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("messageBox")
        self.run_dialog(box)
        box.deleteLater()

    @Slot()
    def _on_browse_requested(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the CA certificate"), str(Path(self.form.ca_file_edit.text()).parent))
        dialog.setObjectName("caFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("PEM certificates (*.pem *.crt *.cer)"), self.tr("All files (*)")])
        if self.run_dialog(dialog) == QFileDialog.DialogCode.Accepted and dialog.selectedFiles():
            self.form.ca_file_edit.setText(dialog.selectedFiles()[0])
        dialog.deleteLater()

    # --- size ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched in (self.form, self.centralWidget()) and event.type() == QEvent.Type.LayoutRequest:
            # After the layout has run, so the wrapped messages have their new heights.
            QTimer.singleShot(0, self._grow_to_fit_form)
        return super().eventFilter(watched, event)

    @Slot()
    def _grow_to_fit_form(self) -> None:
        """Make the window taller when messages or sections no longer fit, up to the screen's height."""
        viewport = self.scroll_area.viewport()
        needed = self.form.heightForWidth(viewport.width()) if self.form.hasHeightForWidth() else -1
        needed = max(needed, self.form.minimumSizeHint().height())
        missing = needed - viewport.height()
        if not self.isVisible():
            return
        if missing < 0 and self._shrink_to_form:
            # The default size comes from the size hint, which wraps the notes at a narrower
            # width than the window gets, so it is too tall. A remembered size is kept as it is.
            self._shrink_to_form = False
            self.resize(self.width(), self.height() + missing)
            return
        if missing <= 0:
            return
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        limit = screen.height() - (self.frameGeometry().height() - self.height()) if screen else self.height() + missing
        self.resize(self.width(), min(self.height() + missing, limit))

    # --- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.worker.busy:
            # Close once the job has ended, so no thread outlives the window. The engine
            # stops within half a second of the cancel; a keyring call cannot be interrupted.
            # NOTE: a keyring that never returns (a prompt left open) keeps the window open.
            self._close_requested = True
            self.worker.cancel()
            event.ignore()
            return
        if self.is_dirty() and not self._confirm_discard():
            event.ignore()
            return
        self._save_geometry()
        event.accept()

    def _confirm_discard(self) -> bool:
        """Ask about unsaved changes; return True when the window may close now."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("SMTP configuration"),
                          self.tr("The settings have been changed but not saved."),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("unsavedBox")
        box.setInformativeText(self.tr("Save them before closing?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        choice = self.run_dialog(box)
        box.deleteLater()
        if choice == QMessageBox.StandardButton.Discard:
            return True
        if choice == QMessageBox.StandardButton.Save:
            # The window closes when the save has finished; an error keeps it open.
            self.save(check_after=False, close_after=True)
        return False

    # --- geometry -----------------------------------------------------------------------------

    def _geometry_settings(self) -> QSettings:
        # An INI file beside the settings, never the Windows registry.
        return QSettings(str(self.store.config_dir / GEOMETRY_FILE), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._geometry_settings().value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self.sizeHint().expandedTo(DEFAULT_SIZE))
            self._shrink_to_form = True

    def _save_geometry(self) -> None:
        settings = self._geometry_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()
        if settings.status() != QSettings.Status.NoError:
            logger.warning("cannot save the window geometry to %s", settings.fileName())


def _outcome_summary(outcome: object) -> str:
    """Describe a job's outcome for the log in English: its kind, the engine's step and diagnosis code.

    The reports the user sees are translated, and the log stays in one language for support.
    """
    parts = [type(outcome).__name__]
    result = getattr(outcome, "result", None)
    if isinstance(result, Result):
        code = result.diagnosis.code if result.diagnosis is not None else "none"
        parts.append(f"ok={result.ok} step={result.step.value} diagnosis={code}")
    for field in ("store_error", "password_error", "error"):
        if getattr(outcome, field, ""):
            parts.append(f"{field} reported")
    return " ".join(parts)
