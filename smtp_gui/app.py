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
# Qt's own options that take a value (QGuiApplication and QApplication), which the window accepts.
QT_OPTIONS_WITH_VALUE = frozenset(
    {"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry", "-qwindowicon",
     "-qwindowtitle", "-style", "-stylesheet", "-session", "-display", "-geometry", "-title", "-name"}
)


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

    The window takes no positional argument, so any word that is not an
    option's value goes to the command line too: a mistyped command such as
    "chek" then gets a usage error instead of opening the window. So does an
    option of the command line without a command ("command missing").
    """
    if "--version" in args or "-h" in args or "--help" in args or _command(args) is not None:
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
            expects_value = argument in CLI_OPTIONS_WITH_VALUE or argument in QT_OPTIONS_WITH_VALUE
        else:
            return argument
    return None


if __name__ == "__main__":
    sys.exit(main())
