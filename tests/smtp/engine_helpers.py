"""Helpers shared by the engine tests: timed runs, failure checks, secret searches, leak checks."""

from __future__ import annotations

import base64
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from smtp_gui.smtp.result import Result

# Slack for a loaded CI machine on top of a bound the engine promises.
CI_SLACK_S = 1.0
# A failure the server causes at once (a refusal, a bad certificate) needs no waiting at all.
IMMEDIATE_BOUND_S = 3.0


@dataclass(frozen=True)
class TimedResult:
    """An engine result and the wall time the call took."""

    result: Result
    seconds: float


def timed(operation: Callable[[], Result]) -> TimedResult:
    """Run ``operation`` and measure it."""
    started = time.monotonic()
    result = operation()
    return TimedResult(result, time.monotonic() - started)


def code_of(result: Result) -> str | None:
    """Return the diagnosis code, or None when the result has none."""
    return result.diagnosis.code if result.diagnosis is not None else None


def secret_forms(username: str, password: str) -> tuple[str, ...]:
    """Return the password and the base64 forms in which AUTH PLAIN and LOGIN carry it."""
    plain_payload = f"\0{username}\0{password}".encode()
    return (
        password,
        base64.b64encode(password.encode()).decode("ascii"),
        base64.b64encode(plain_payload).decode("ascii"),
    )


def texts_of_result(result: Result) -> dict[str, str]:
    """Return every text a caller can get from ``result``: repr, JSON and transcript."""
    return {
        "repr": repr(result),
        "json": json.dumps(result.to_dict(), ensure_ascii=False),
        "json_ascii": json.dumps(result.to_dict()),
        "transcript": "\n".join(result.transcript),
    }


def texts_of_logs(records: Iterable[logging.LogRecord]) -> dict[str, str]:
    """Return the formatted message and exception text of each program log record."""
    texts = {}
    formatter = logging.Formatter()
    for index, record in enumerate(records):
        if record.name.startswith("smtp_gui"):
            texts[f"log {index} {record.name}"] = formatter.format(record)
    return texts


def find_secrets(texts: dict[str, str], secrets: Iterable[str]) -> list[str]:
    """Return "where: secret" for every secret found in any of ``texts``."""
    return [f"{where}: {secret!r}" for where, text in texts.items() for secret in secrets if secret and secret in text]


# --- Leak checks ------------------------------------------------------------------------------


def open_file_descriptors() -> set[int] | None:
    """Return this process's open file descriptors, or None where /proc is missing."""
    if not sys.platform.startswith("linux"):
        return None
    return {int(name) for name in os.listdir("/proc/self/fd")}


def program_threads() -> set[threading.Thread]:
    """Return the live threads that belong to no test server."""
    server_prefixes = ("aiosmtpd-", "scripted-smtp-")
    return {thread for thread in threading.enumerate() if not thread.name.startswith(server_prefixes)}


@dataclass
class Snapshot:
    """The threads and file descriptors open at one moment."""

    threads: set[threading.Thread]
    descriptors: set[int] | None

    @classmethod
    def take(cls) -> Snapshot:
        """Record the current threads and descriptors."""
        return cls(program_threads(), open_file_descriptors())

    def leaks_since(self, settle_s: float = 2.0) -> tuple[list[str], list[int]]:
        """Return threads and descriptors opened since this snapshot that are still open.

        Waits up to ``settle_s`` for them to close, because test servers close
        their side of a connection a moment after the client does.
        """
        deadline = time.monotonic() + settle_s
        while True:
            threads = sorted(thread.name for thread in program_threads() - self.threads)
            now = open_file_descriptors()
            descriptors = sorted(now - self.descriptors) if now is not None and self.descriptors is not None else []
            if (not threads and not descriptors) or time.monotonic() > deadline:
                return threads, descriptors
            time.sleep(0.05)
