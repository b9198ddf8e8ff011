"""Start-up: choose between the command line and the window.

``smtp-gui`` with a command (check, send-test, show), ``--version`` or
``--self-check`` runs without importing Qt, so the command line starts as fast
as a plain Python script; with no command it opens the window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

CLI_COMMANDS = frozenset({"check", "send-test", "show"})


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)

    if "--self-check" in args:
        from smtp_gui import selfcheck

        return selfcheck.main(args)

    if "--version" in args or "-h" in args or "--help" in args or CLI_COMMANDS.intersection(args):
        from smtp_gui import cli

        return cli.main(args)

    from smtp_gui.ui import application

    return application.run(args)


if __name__ == "__main__":
    sys.exit(main())
