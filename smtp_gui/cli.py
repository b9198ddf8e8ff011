"""The command line: ``smtp-gui check``, ``smtp-gui send-test --to ADDRESS`` and ``smtp-gui show``.

``check`` and ``send-test`` take the settings from the options when
``--server`` is given, and otherwise from the saved settings and the password
in the keyring, with each option replacing one saved field. A password is
never an argument: ``--password-stdin`` reads it from standard input.

Exit status:
    0: the check or the test send succeeded, or ``show``, ``--help`` or ``--version`` ran.
    1: a diagnosed failure. The server or the network failed, Ctrl+C cancelled
       the operation, the settings file or the keyring could not be read, or an
       unexpected error occurred (one line on standard error, the traceback in
       the log file).
    2: a usage error. An option is unknown or malformed, or the settings fail
       validation (here or in the engine's input check), so nothing was sent.

A check should start about as fast as a plain smtplib script, so the engine,
the store, ``json`` and ``keyring`` are imported only on the paths that use
them, and Qt never.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from smtp_gui import __version__, i18n
from smtp_gui import cli_report as report
from smtp_gui import cli_io, cli_settings
from smtp_gui.cli_settings import FailureError, InvalidSettingsError, UsageError
from smtp_gui.i18n import QT_TRANSLATE_NOOP, translate
from smtp_gui.settings import Security, Settings

# typing.TYPE_CHECKING without importing typing, which costs about 2 ms of every start
# (python -X importtime). mypy treats any name TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from smtp_gui.smtp.result import Result

logger = logging.getLogger(__name__)

PROG = "smtp-gui"
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

# The engine returns within half a second of a cancel; this leaves room for a loaded machine.
CANCEL_GRACE_SECONDS = 3.0
# Short join slices, because on Windows a blocking join is not interrupted by Ctrl+C.
JOIN_SLICE_SECONDS = 0.1

CONTEXT = "Cli"
COMMANDS = ("check", "send-test", "show")

# argparse looks its messages up through its module-level ``_`` (gettext);
# ``_argparse_language`` routes that through our catalogue. These are the
# Python 3.11 message ids a user of this command line can meet.
ARGPARSE_MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
)

USAGE = QT_TRANSLATE_NOOP("Cli", "%(prog)s {check,send-test,show} [options]")
DESCRIPTION = QT_TRANSLATE_NOOP(
    "Cli",
    "Check the SMTP settings of the TVox appliance, or send a test message, without opening the window. "
    "Without --server the saved settings and the password in the system keyring are used, and each "
    "option replaces one saved value.",
)
EPILOG = QT_TRANSLATE_NOOP(
    "Cli",
    "Exit status: 0 success, 1 the check or send failed (the report says why), 2 invalid options or "
    "settings. Run smtp-gui without a command to open the window, and smtp-gui --self-check to check that "
    "this installation has what it needs (keyring, certificates, Qt).",
)
HELP = {
    "command": QT_TRANSLATE_NOOP(
        "Cli", "check: connect, log in and try the sender (no message is sent); send-test: also send a test message; "
        "show: print the saved settings"
    ),
    "server": QT_TRANSLATE_NOOP("Cli", "SMTP server: host name, IPv4 or IPv6 address (without it, the saved settings)"),
    "port": QT_TRANSLATE_NOOP("Cli", "TCP port (default: 465 for ssl, 587 for starttls, 25 for none)"),
    "security": QT_TRANSLATE_NOOP("Cli", "connection security: implicit TLS, STARTTLS or none"),
    "sender": QT_TRANSLATE_NOOP("Cli", "sender address (Indirizzo E-mail): a real mailbox on the server"),
    "user": QT_TRANSLATE_NOOP("Cli", "log in with this user name (turns authentication on)"),
    "password_stdin": QT_TRANSLATE_NOOP(
        "Cli", "read the password from the first line of standard input (never give it as an argument)"
    ),
    "timeout": QT_TRANSLATE_NOOP("Cli", "seconds to wait for each network step, 1 to 120 (default: 15)"),
    "cafile": QT_TRANSLATE_NOOP("Cli", "PEM file of an extra CA to trust besides the system's"),
    "to": QT_TRANSLATE_NOOP("Cli", "recipient of the test message (send-test only)"),
    "json": QT_TRANSLATE_NOOP("Cli", "print the result as one JSON object"),
    "lang": QT_TRANSLATE_NOOP("Cli", "language of the output (default: the system language)"),
    "config_dir": QT_TRANSLATE_NOOP(
        "Cli", "folder of the saved settings (default: $SMTP_GUI_CONFIG_DIR or the user's config folder)"
    ),
    "version": QT_TRANSLATE_NOOP("Cli", "print the program version and exit"),
}

# Placeholders for option values in the help text.
METAVARS = {
    "command": QT_TRANSLATE_NOOP("Cli", "COMMAND"),
    "server": QT_TRANSLATE_NOOP("Cli", "SERVER"),
    "port": QT_TRANSLATE_NOOP("Cli", "PORT"),
    "address": QT_TRANSLATE_NOOP("Cli", "ADDRESS"),
    "username": QT_TRANSLATE_NOOP("Cli", "USERNAME"),
    "seconds": QT_TRANSLATE_NOOP("Cli", "SECONDS"),
    "file": QT_TRANSLATE_NOOP("Cli", "FILE"),
    "folder": QT_TRANSLATE_NOOP("Cli", "FOLDER"),
}

TO_MISSING = QT_TRANSLATE_NOOP("Cli", "send-test needs the recipient: add --to ADDRESS.")
TO_NOT_ALLOWED = QT_TRANSLATE_NOOP("Cli", "--to is only used by send-test.")
SHOW_OPTIONS = QT_TRANSLATE_NOOP(
    "Cli", "show prints the saved settings and takes no connection options; remove {options}."
)
CANCELLED = QT_TRANSLATE_NOOP("Cli", "Cancelled.")
UNEXPECTED = QT_TRANSLATE_NOOP(
    "Cli", "Unexpected error: {error}. The details are in the log file {path}."
)
UNEXPECTED_NO_LOG = QT_TRANSLATE_NOOP("Cli", "Unexpected error: {error}.")
NOT_AN_INTEGER = QT_TRANSLATE_NOOP("Cli", "invalid value {value}: a whole number is expected")


def _(text: str) -> str:
    return translate(CONTEXT, text)


def main(argv: Sequence[str]) -> int:
    """Run one command for ``argv`` (without the program name) and return the exit status."""
    arguments = list(argv)
    i18n.set_language(_requested_language(arguments) or i18n.system_language(), areas=i18n.NON_QT_AREAS)
    cli_io.replace_unencodable_output()

    try:
        options = parse_arguments(arguments)
    except SystemExit as exit_request:  # --help, --version and usage errors end in argparse
        return exit_request.code if isinstance(exit_request.code, int) else EXIT_OK

    with cli_io.log_to_file(options.config_dir) as log_file:
        try:
            return _run(options)
        except UsageError as error:
            _print_usage_error(str(error))
            return EXIT_USAGE
        except FailureError as error:
            print(str(error), file=sys.stderr)
            return EXIT_FAILURE
        except KeyboardInterrupt:  # Ctrl+C outside an operation, e.g. at the password prompt
            print(_(CANCELLED), file=sys.stderr)
            return EXIT_FAILURE
        except BrokenPipeError:  # the reader of our output went away, e.g. "| head"
            cli_io.silence_stdout()
            return EXIT_FAILURE
        except Exception as error:  # noqa: BLE001 - the user gets one line, the log the traceback
            logger.exception("unexpected error in %r", options.command)
            _print_unexpected(error, log_file.path)
            return EXIT_FAILURE


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """Parse ``argv`` in the current language; argparse raises ``SystemExit`` (2) on a mistake."""
    with _argparse_language():
        parser = _build_parser()
        options = parser.parse_args(argv)
        if options.command is None:
            parser.error(translate("argparse", "the following arguments are required: %s") % _(METAVARS["command"]))
        _check_combinations(parser, options)
    return options


def _requested_language(argv: list[str]) -> str | None:
    """Return the supported value of ``--lang`` in ``argv``, read before argparse so its messages follow it."""
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        else:
            continue
        return value if value in i18n.SUPPORTED_LANGUAGES else None
    return None


@contextlib.contextmanager
def _argparse_language() -> Iterator[None]:
    """Translate argparse's own messages while parsing, then restore its gettext lookup."""
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: translate("argparse", text)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=_(USAGE),
        description=_(DESCRIPTION),
        epilog=_(EPILOG),
        formatter_class=cli_io.HelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument(
        "command", nargs="?", choices=COMMANDS, metavar=_(METAVARS["command"]), help=_(HELP["command"])
    )
    parser.add_argument("--server", metavar=_(METAVARS["server"]), help=_(HELP["server"]))
    parser.add_argument("--port", type=_integer, metavar=_(METAVARS["port"]), help=_(HELP["port"]))
    parser.add_argument("--security", choices=[security.value for security in Security], help=_(HELP["security"]))
    parser.add_argument("--sender", metavar=_(METAVARS["address"]), help=_(HELP["sender"]))
    parser.add_argument("--user", metavar=_(METAVARS["username"]), help=_(HELP["user"]))
    parser.add_argument("--password-stdin", action="store_true", help=_(HELP["password_stdin"]))
    parser.add_argument("--timeout", type=_integer, metavar=_(METAVARS["seconds"]), help=_(HELP["timeout"]))
    parser.add_argument("--cafile", metavar=_(METAVARS["file"]), help=_(HELP["cafile"]))
    parser.add_argument("--to", metavar=_(METAVARS["address"]), help=_(HELP["to"]))
    parser.add_argument("--json", action="store_true", help=_(HELP["json"]))
    parser.add_argument("--lang", choices=i18n.SUPPORTED_LANGUAGES, help=_(HELP["lang"]))
    parser.add_argument("--config-dir", type=Path, metavar=_(METAVARS["folder"]), help=_(HELP["config_dir"]))
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}", help=_(HELP["version"]))
    return parser


def _integer(text: str) -> int:
    """Parse a whole number option; argparse's own message would name the Python type "int"."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_(NOT_AN_INTEGER).format(value=repr(text))) from None


CONNECTION_OPTIONS = ("server", "port", "security", "sender", "user", "password_stdin", "timeout", "cafile", "to")


def _check_combinations(parser: argparse.ArgumentParser, options: argparse.Namespace) -> None:
    if options.command == "send-test" and not options.to:
        parser.error(_(TO_MISSING))
    if options.command == "check" and options.to is not None:
        parser.error(_(TO_NOT_ALLOWED))
    if options.command == "show":
        used = [name for name in CONNECTION_OPTIONS if not cli_settings.not_given(getattr(options, name))]
        if used:
            names = ", ".join("--" + name.replace("_", "-") for name in used)
            parser.error(_(SHOW_OPTIONS).format(options=names))


def _run(options: argparse.Namespace) -> int:
    if options.command == "show":
        return _show(options)

    try:
        prepared = cli_settings.prepare_settings(options)
    except InvalidSettingsError as error:
        if not options.json:
            raise
        print(report.invalid_settings_json(error.summary, error.problems, error.saved_fields))
        return EXIT_USAGE
    result = run_operation(prepared.settings, options.to if options.command == "send-test" else None)
    if options.json:
        print(report.to_json(result, prepared.warnings))
    else:
        print(report.format_result(result, prepared.settings, options.command, options.to, prepared.warnings))
    if result.ok:
        return EXIT_OK
    # The engine's own input check (e.g. a control character in the password) is a usage error too.
    return EXIT_USAGE if result.step.value == "input" else EXIT_FAILURE


def run_operation(settings: Settings, recipient: str | None) -> Result:
    """Run ``check`` (or ``send_test`` when ``recipient`` is given) in a worker thread.

    Ctrl+C cancels the operation through its ``CancelToken`` and returns the
    engine's ``cancelled`` result; an exception in the engine is re-raised here.
    """
    from smtp_gui import smtp
    from smtp_gui.smtp.cancel import CancelToken

    token = CancelToken()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            if recipient is None:
                outcome["result"] = smtp.check(settings, cancel=token)
            else:
                outcome["result"] = smtp.send_test(settings, recipient, cancel=token)
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            outcome["error"] = error

    worker = threading.Thread(target=work, name="smtp-gui-cli", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(JOIN_SLICE_SECONDS)
    except KeyboardInterrupt:
        logger.info("Ctrl+C: cancelling the operation")
        token.cancel()
        _join_after_cancel(worker)

    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    if "result" not in outcome:
        return report.cancelled_result()
    return outcome["result"]  # type: ignore[return-value]


def _join_after_cancel(worker: threading.Thread) -> None:
    try:
        worker.join(CANCEL_GRACE_SECONDS)
    except KeyboardInterrupt:  # a second Ctrl+C: stop waiting, the worker is a daemon thread
        pass
    if worker.is_alive():
        logger.warning("the operation did not stop within %.1f s of the cancel", CANCEL_GRACE_SECONDS)


def _show(options: argparse.Namespace) -> int:
    from smtp_gui.store import StoreError

    store = cli_settings.open_store(options.config_dir)
    settings = cli_settings.load_saved(store)
    password_state: bool | str
    try:
        password_state = store.has_password(settings) if settings.auth else False
    except StoreError as error:
        password_state = error.message
    if options.json:
        print(report.settings_json(settings, store.path, password_state))
    else:
        print(report.format_settings(settings, store.path, password_state))
    return EXIT_OK


def _print_usage_error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _print_unexpected(error: BaseException, log_path: Path | None) -> None:
    text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    if log_path is None:
        print(_(UNEXPECTED_NO_LOG).format(error=text), file=sys.stderr)
    else:
        print(_(UNEXPECTED).format(error=text, path=log_path), file=sys.stderr)

