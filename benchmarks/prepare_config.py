"""Store the benchmark server's settings in the program's configuration folder, run as a child process.

    SMTP_BENCH_PASSWORD=... python benchmarks/prepare_config.py HOST PORT CA_FILE

It runs with the same environment as the window probes, so the program's own
store writes the settings file under ``SMTP_GUI_CONFIG_DIR`` and the password
into the benchmark's file-backed keyring.
"""

from __future__ import annotations

import os
import sys

from smtp_gui.settings import Security, Settings
from smtp_gui.store import Store

from benchmarks.server import RECIPIENT, SENDER, USERNAME


def main(argv: list[str]) -> int:
    host, port, ca_file = argv
    settings = Settings(
        server=host,
        sender=SENDER,
        port=int(port),
        security=Security.STARTTLS,
        auth=True,
        username=USERNAME,
        password=os.environ["SMTP_BENCH_PASSWORD"],
        reports_enabled=True,
        reports_recipient=RECIPIENT,
        ca_file=ca_file,
    )
    outcome = Store().save(settings)
    if outcome.password_error:
        print(f"password not stored: {outcome.password_error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
