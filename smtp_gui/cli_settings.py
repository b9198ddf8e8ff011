"""The settings a ``check`` or ``send-test`` runs with: options, saved settings, keyring password.

With ``--server`` the options alone make the settings, so a scripted check
never depends on what is saved on the machine. Without it the saved settings
are loaded and each option replaces one field; the password then comes from
``--password-stdin`` or, failing that, the keyring.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smtp_gui import cli_report as report
from smtp_gui.i18n import QT_TRANSLATE_NOOP, translate
from smtp_gui.settings import Problem, Security, Settings, Severity, address_error, port_for_security, validate

# typing.TYPE_CHECKING without importing typing, which costs about 2 ms of every start
# (python -X importtime). mypy treats any name TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from smtp_gui.store import Store

CONTEXT = "CliSettings"

PASSWORD_WITHOUT_USER = QT_TRANSLATE_NOOP(
    "CliSettings", "--password-stdin needs a user name: add --user, or save the settings with authentication on."
)
PASSWORD_EMPTY = QT_TRANSLATE_NOOP("CliSettings", "No password on standard input: write it as the first line.")
PASSWORD_NOT_UTF8 = QT_TRANSLATE_NOOP("CliSettings", "The password on standard input is not valid UTF-8 text.")
PASSWORD_PROMPT = QT_TRANSLATE_NOOP("CliSettings", "Password: ")
PASSWORD_NOT_STORED = QT_TRANSLATE_NOOP(
    "CliSettings",
    "No password for {username} on {server}: give it with --password-stdin, or save it in the window.",
)
INVALID_SETTINGS = QT_TRANSLATE_NOOP("CliSettings", "The settings cannot be used, so nothing was sent:")
INVALID_SETTINGS_CHECK = QT_TRANSLATE_NOOP("CliSettings", "The settings cannot be used, so no check was made:")
SETTINGS_FILE_UNUSABLE = QT_TRANSLATE_NOOP(
    "CliSettings",
    "The settings file cannot be used: {reason} ({path}). The file was left as it is; open the window to move "
    "it aside and start from the defaults.",
)
SAVED_VALUE_REPLACED = QT_TRANSLATE_NOOP("CliSettings", "Warning: {problem}")


class UsageError(Exception):
    """A mistake in the options; ``str()`` is the translated message for the user."""


class InvalidSettingsError(UsageError):
    """Settings that fail validation; ``problems`` are the errors, each tied to its field."""

    def __init__(
        self, problems: list[Problem], command: str = "send-test", saved_fields: frozenset[str] = frozenset()
    ) -> None:
        self.summary = translate(CONTEXT, INVALID_SETTINGS_CHECK if command == "check" else INVALID_SETTINGS)
        self.problems = problems
        self.saved_fields = saved_fields
        lines = [report.INDENT + report.problem_line(problem, problem.field in saved_fields) for problem in problems]
        super().__init__("\n".join([self.summary, *lines]))


class FailureError(Exception):
    """A failure before any connection (settings file, keyring); ``str()`` is translated."""


class Prepared:
    """The settings an operation runs with, and the validation warnings to show with its report."""

    # A plain class: a dataclass costs about 0.5 ms of every start to build its methods.
    __slots__ = ("settings", "warnings")

    def __init__(self, settings: Settings, warnings: tuple[str, ...]) -> None:
        self.settings = settings
        self.warnings = warnings


def _(text: str) -> str:
    return translate(CONTEXT, text)


def prepare_settings(options: argparse.Namespace) -> Prepared:
    """Build the settings for ``check``/``send-test`` from the options and, without ``--server``, the store.

    Raises:
        UsageError: a bad option combination or a missing password.
        InvalidSettingsError: settings or a recipient that fail validation.
        FailureError: the settings file or the keyring could not be read.
    """
    password = _read_password() if options.password_stdin else ""
    store = None
    saved_fields: frozenset[str] = frozenset()
    if options.server is None:
        store = open_store(options.config_dir)
        settings = load_saved(store)
        saved_fields = _saved_fields(options)
    else:
        settings = Settings(server=options.server)

    settings = _apply_options(settings, options, password)
    if options.password_stdin and not settings.auth:
        raise UsageError(_(PASSWORD_WITHOUT_USER))
    warnings = _validate(settings, options.to, options.command, saved_fields)

    # The keyring is read last: it is slow to import and may prompt, and invalid settings need no password.
    if settings.auth and not settings.password:
        settings = _stored_password(store, settings)
    return Prepared(settings, warnings)


# The option that replaces each saved field; port also follows --security, but keeps a saved custom port.
_FIELD_OPTIONS = {
    "server": "server",
    "sender": "sender",
    "port": "port",
    "security": "security",
    "auth": "user",
    "username": "user",
    "password": "password_stdin",
    "timeout": "timeout",
    "ca_file": "cafile",
}


def _saved_fields(options: argparse.Namespace) -> frozenset[str]:
    """Return the fields whose value comes from the saved settings, because no option replaced it."""
    return frozenset(
        field_name for field_name, option in _FIELD_OPTIONS.items() if not_given(getattr(options, option))
    )


def not_given(value: object) -> bool:
    """Tell whether an option's value is argparse's "not on the command line" (None, or False for a switch)."""
    # Identity, not ==, because a given "--port 0" equals False.
    return value is None or value is False


def _apply_options(settings: Settings, options: argparse.Namespace, password: str) -> Settings:
    changes: dict[str, object] = {}
    if options.security is not None:
        security = Security(options.security)
        changes["security"] = security
        # A fresh --server starts at port 25, which port_for_security moves like any standard port.
        changes["port"] = port_for_security(settings.port, security)
    if options.port is not None:
        changes["port"] = options.port
    if options.sender is not None:
        changes["sender"] = options.sender
    if options.user is not None:
        changes.update(auth=True, username=options.user)
    if password:
        changes["password"] = password
    if options.timeout is not None:
        changes["timeout"] = options.timeout
    if options.cafile is not None:
        changes["ca_file"] = options.cafile
    return settings.replace(**changes)


def _read_password() -> str:
    """Read one line from standard input and strip only its line ending; prompt without echo on a terminal."""
    if sys.stdin is None:
        raise UsageError(_(PASSWORD_EMPTY))
    if sys.stdin.isatty():
        import getpass

        line = getpass.getpass(_(PASSWORD_PROMPT))
    else:
        raw = sys.stdin.buffer.readline() if hasattr(sys.stdin, "buffer") else sys.stdin.readline().encode()
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError(_(PASSWORD_NOT_UTF8)) from None
    password = line.removesuffix("\n").removesuffix("\r")
    if not password:
        raise UsageError(_(PASSWORD_EMPTY))
    return password


def open_store(config_dir: Path | None) -> Store:
    from smtp_gui.store import Store, default_config_dir

    return Store(default_config_dir(config_dir))


def load_saved(store: Store) -> Settings:
    """Load the saved settings without changing the file, and print a warning per value replaced by its default.

    Raises:
        FailureError: the file cannot be read or used. It is left as it is, because the
            command line only reads, and a file from a newer version must survive it.
    """
    from smtp_gui.store import StoreError

    try:
        loaded = store.load(move_broken=False)
    except StoreError as error:
        raise FailureError(error.message) from error
    if loaded.broken_reason is not None:
        raise FailureError(_(SETTINGS_FILE_UNUSABLE).format(reason=loaded.broken_reason, path=loaded.path))
    for problem in loaded.problems:
        print(_(SAVED_VALUE_REPLACED).format(problem=problem), file=sys.stderr)
    return loaded.settings


def _stored_password(store: Store | None, settings: Settings) -> Settings:
    """Fill the password from the keyring; only saved settings (no ``--server``) use it."""
    if store is not None:
        from smtp_gui.store import StoreError

        try:
            settings = store.with_password(settings)
        except StoreError as error:
            raise FailureError(error.message) from error
    if not settings.password:
        raise UsageError(_(PASSWORD_NOT_STORED).format(username=settings.username, server=settings.server))
    return settings


# The fields a connection uses; the Segnalazioni fields do not stop a check. The engine
# checks the same fields (sender included, even for a check) before it connects.
_CONNECTION_FIELDS = frozenset(
    {"server", "sender", "port", "security", "auth", "username", "password", "timeout", "ca_file"}
)


def _validate(
    settings: Settings, recipient: str | None, command: str, saved_fields: frozenset[str]
) -> tuple[str, ...]:
    """Return the warnings for the fields a connection uses, as report lines.

    A problem in a field in ``saved_fields`` names the saved setting, not the option the user did not give.

    Raises:
        InvalidSettingsError: any of those fields, or the recipient, is invalid.
    """
    # A missing password is reported after the keyring was asked, with a message naming both ways to give one.
    problems = [problem for problem in validate(settings, password_stored=True) if problem.field in _CONNECTION_FIELDS]
    if recipient is not None:
        message = address_error(recipient)
        if message:
            problems.append(Problem("recipient", Severity.ERROR, message))

    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        raise InvalidSettingsError(errors, command, saved_fields)
    return tuple(report.problem_line(problem, problem.field in saved_fields) for problem in problems)
