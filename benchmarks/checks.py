"""Section 2, check overhead: the engine against plain smtplib, in process and as cold processes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import raw_smtp
from benchmarks.environment import child_environment, source_program
from benchmarks.local_server import PASSWORD, RECIPIENT, SENDER, USERNAME, LocalServer
from benchmarks.processes import Timed, cpu, run_timed, wall
from benchmarks.stats import Row, interleave_results, ratio_row, skipped_row

if TYPE_CHECKING:
    from smtp_gui.settings import Settings
    from smtp_gui.smtp.result import Result

SECTION = "2"
OVERHEAD_TARGET = 1.10
COLD_TARGET = 1.10
RAW_SCRIPT = Path(raw_smtp.__file__)


def timed(action: Callable[[], object]) -> Timed:
    """Run ``action`` once in this thread; return its wall-clock and CPU time in milliseconds.

    The server runs in another process, so the CPU time is the client's own
    work, free of the time spent waiting for replies.
    """
    started, started_cpu = time.perf_counter(), time.thread_time()
    action()
    cpu_ms = (time.thread_time() - started_cpu) * 1000
    return Timed((time.perf_counter() - started) * 1000, cpu_ms, "")


def engine_settings(server: LocalServer) -> Settings:
    """Return the program's settings for a STARTTLS + AUTH dialogue with the benchmark server."""
    from smtp_gui.settings import Security, Settings

    return Settings(
        server=server.host,
        sender=SENDER,
        port=server.port,
        security=Security.STARTTLS,
        auth=True,
        username=USERNAME,
        password=PASSWORD,
        ca_file=server.ca_file,
    )


def measure_in_process(runs: int, server: LocalServer) -> list[Row]:
    """Measure the engine's check and test send against smtplib doing the same dialogue, interleaved."""
    from smtp_gui import smtp

    settings = engine_settings(server)

    # The window and the command line always pass a cancel token, so the engine runs with one here.
    def engine_check() -> Timed:
        return timed(lambda: _require_ok(smtp.check(settings, cancel=smtp.CancelToken())))

    def engine_send() -> Timed:
        return timed(lambda: _require_ok(smtp.send_test(settings, RECIPIENT, cancel=smtp.CancelToken())))

    def raw_check() -> Timed:
        return timed(lambda: raw_smtp.check(server.host, server.port, USERNAME, PASSWORD, SENDER, server.ca_file))

    def raw_send() -> Timed:
        return timed(
            lambda: raw_smtp.send(
                server.host, server.port, USERNAME, PASSWORD, server.ca_file, baseline_message(), RECIPIENT
            )
        )

    check_runs = interleave_results(runs, [engine_check, raw_check])
    send_runs = interleave_results(runs, [engine_send, raw_send])
    return [
        ratio_row(SECTION, "check STARTTLS+AUTH in process (engine / smtplib)", *wall(*check_runs), OVERHEAD_TARGET),
        ratio_row(SECTION, "  client CPU time (engine / smtplib)", *cpu(*check_runs), None),
        ratio_row(SECTION, "test send in process (engine / smtplib)", *wall(*send_runs), OVERHEAD_TARGET),
        ratio_row(SECTION, "  client CPU time (engine / smtplib)", *cpu(*send_runs), None),
    ]


def baseline_message() -> bytes:
    """Build a message with the same headers and about the same text as the program's test message."""
    message = EmailMessage()
    message["From"] = SENDER
    message["To"] = RECIPIENT
    message["Subject"] = "SMTP test message from a script"
    message["Date"] = format_datetime(datetime.now(timezone.utc))
    message["Message-ID"] = make_msgid(domain="example.test")
    message["Auto-Submitted"] = "auto-generated"
    message["User-Agent"] = "raw-smtplib-script/1.0"
    body = (
        "This message was sent by a script to test the outgoing mail settings below.\n\n"
        f"Server: 127.0.0.1\nPort: 587\nSecure connection type: STARTTLS\n"
        f"Authentication: on, username {USERNAME}\nEmail address: {SENDER}\n"
        f"Sent at: {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S %z}\n\n"
        "If you are reading this message, the server accepted it and delivered it. No reply is needed.\n"
    )
    message.set_content(body, charset="utf-8")
    message["Content-Language"] = "en"  # after set_content, which clears Content-* headers
    return message.as_bytes()


def measure_cold(runs: int, server: LocalServer, folder: Path) -> list[Row]:
    """Measure a cold ``smtp-gui check`` against a cold smtplib script and against swaks, interleaved."""
    env = child_environment(folder)
    password_line = PASSWORD + "\n"
    program = _program_check_command(server)
    raw = [sys.executable, str(RAW_SCRIPT), server.host, str(server.port), USERNAME, SENDER, server.ca_file]
    commands = {
        "program": lambda: run_timed(program, env, password_line),
        "raw": lambda: run_timed(raw, env, password_line),
    }
    swaks_problem = swaks_unusable()
    if not swaks_problem:
        swaks = [
            "swaks", "--server", server.host, "--port", str(server.port),
            "--tls", "--tls-verify", "--tls-ca-path", server.ca_file,
            "--auth", "PLAIN", "--auth-user", USERNAME, "--auth-password", PASSWORD,
            "--from", SENDER, "--to", RECIPIENT, "--quit-after", "MAIL", "--silent", "2",
        ]  # fmt: skip
        commands["swaks"] = lambda: run_timed(swaks, env)

    results = dict(zip(commands, interleave_results(runs, list(commands.values())), strict=True))
    program_runs, raw_runs = results["program"], results["raw"]
    rows = [
        ratio_row(SECTION, "cold process check (smtp-gui check / smtplib script)",
                  *wall(program_runs, raw_runs), COLD_TARGET),
        ratio_row(SECTION, "  CPU time (smtp-gui check / smtplib script)", *cpu(program_runs, raw_runs), None),
    ]  # fmt: skip
    swaks_measure = "cold process check (smtp-gui check / swaks)"
    if swaks_problem:
        rows.append(skipped_row(SECTION, swaks_measure, swaks_problem))
    else:
        rows.append(ratio_row(SECTION, swaks_measure, *wall(program_runs, results["swaks"]), None))
    return rows


def swaks_unusable() -> str:
    """Return why swaks cannot run the STARTTLS check here, or "" when it can.

    swaks does TLS through the Perl module Net::SSLeay, which Debian's swaks
    package only recommends, so an install without recommended packages
    lacks it.
    """
    if shutil.which("swaks") is None:
        return "swaks not installed (apt-get install swaks libnet-ssleay-perl)"
    support = subprocess.run(["swaks", "--support"], capture_output=True, text=True, timeout=30)
    if "=== TLS supported" not in support.stdout + support.stderr:
        return "swaks without TLS support (apt-get install libnet-ssleay-perl)"
    return ""


def _program_check_command(server: LocalServer) -> list[str]:
    """Return ``smtp-gui check`` with every setting as an option; the password goes to standard input."""
    return [
        str(source_program()), "check",
        "--server", server.host, "--port", str(server.port), "--security", "starttls",
        "--sender", SENDER, "--user", USERNAME, "--password-stdin", "--cafile", server.ca_file,
    ]  # fmt: skip


def _require_ok(result: Result) -> None:
    if not result.ok:
        raise RuntimeError(f"engine reported a failure: {result.diagnosis}")
