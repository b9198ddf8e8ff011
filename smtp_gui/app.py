"""Start-up: choose between the command line and the window.

``smtp-gui`` with a command (check, send-test, show), ``--version`` or
``--self-check`` runs without importing Qt, so the command line starts as fast
as a plain Python script; with no command it opens the window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

CLI_COMMANDS = frozenset({"check", "send-test", "show"})

# The command line's options that take a value, so that in ``--config-dir check``
# the folder is not taken for a command. The command line turns off argparse's
# abbreviations, so these exact spellings are the only ones.
CLI_OPTIONS_WITH_VALUE = frozenset(
    {"--server", "--port", "--security", "--sender", "--user", "--timeout", "--cafile", "--to", "--lang", "--config-dir"}
)
CLI_ONLY_OPTIONS = (CLI_OPTIONS_WITH_VALUE - {"--lang", "--config-dir"}) | {"--json", "--password-stdin"}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)

    if "--self-check" in args:
        from smtp_gui import selfcheck

        return selfcheck.main(args)

    if _wants_command_line(args):
        from smtp_gui import cli

        return cli.main(args)

    from smtp_gui.ui import application

    return application.run(args)


def _wants_command_line(args: list[str]) -> bool:
    """Tell whether ``args`` name a command, ask for help or the version, or use a command-line-only option.

    An option of the command line without a command goes there too, so the
    user gets "command missing" instead of a window that ignores the option.
    """
    if "--version" in args or "-h" in args or "--help" in args or _command(args) in CLI_COMMANDS:
        return True
    options = {argument.partition("=")[0] for argument in args if argument.startswith("--")}
    return bool(options & CLI_ONLY_OPTIONS)


def _command(args: list[str]) -> str | None:
    """Return the first argument that is neither an option nor an option's value, or None."""
    expects_value = False
    for argument in args:
        if expects_value:
            expects_value = False
        elif argument == "--":
            break
        elif argument.startswith("-"):
            expects_value = argument in CLI_OPTIONS_WITH_VALUE
        else:
            return argument
    return None


if __name__ == "__main__":
    sys.exit(main())
