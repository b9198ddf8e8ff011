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


def open_file_descriptors() -> dict[int, str] | None:
    """Return this process's open file descriptors and what each is, or None where /proc is missing.

    A number alone is not enough: a descriptor closed and a new one opened
    reuse the same number, so the target ("socket:[inode]", a path) tells them apart.
    The descriptor that lists /proc/self/fd itself is left out.
    """
    if not sys.platform.startswith("linux"):
        return None
    descriptors = {}
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue  # the listing's own descriptor, or one closed meanwhile
        descriptors[int(name)] = target
    return descriptors


def server_side_descriptors(descriptors: Iterable[int]) -> set[int]:
    """Return those of ``descriptors`` that are connections accepted by a test server in this process.

    The in-process test servers close their side of a TLS connection on
    their own schedule (asyncio may wait for the client's close_notify), so a
    leak check counts only the client's sockets: a connection is the server's
    when its local port is one that a socket of this process listens on.
    """
    sockets: dict[str, tuple[int, str]] = {}  # inode -> (local port, TCP state)
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as file:
                lines = file.read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            sockets[fields[9]] = (int(fields[1].rsplit(":", 1)[1], 16), fields[3])

    own = _socket_inodes(int(name) for name in os.listdir("/proc/self/fd"))
    listening_ports = {sockets[inode][0] for inode in own.values() if sockets.get(inode, (0, ""))[1] == "0A"}
    return {
        descriptor
        for descriptor, inode in _socket_inodes(descriptors).items()
        if inode in sockets and sockets[inode][1] != "0A" and sockets[inode][0] in listening_ports
    }


def _socket_inodes(descriptors: Iterable[int]) -> dict[int, str]:
    """Return the socket inode of each descriptor that is a socket."""
    inodes = {}
    for descriptor in descriptors:
        try:
            target = os.readlink(f"/proc/self/fd/{descriptor}")
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes[descriptor] = target[len("socket:["):-1]
    return inodes


def program_threads() -> set[threading.Thread]:
    """Return the live threads that belong to no test server."""
    server_prefixes = ("aiosmtpd-", "scripted-smtp-")
    return {thread for thread in threading.enumerate() if not thread.name.startswith(server_prefixes)}


@dataclass
class Snapshot:
    """The threads and file descriptors open at one moment."""

    threads: set[threading.Thread]
    descriptors: dict[int, str] | None

    @classmethod
    def take(cls) -> Snapshot:
        """Record the current threads and descriptors."""
        return cls(program_threads(), open_file_descriptors())

    def leaks_since(self, settle_s: float = 2.0) -> tuple[list[str], list[str]]:
        """Return threads and descriptors opened since this snapshot that are still open.

        Waits up to ``settle_s`` for them to close, because test servers close
        their side of a connection a moment after the client does. A
        descriptor counts only when it is open, as the same file or socket, in
        two samples 50 ms apart: other threads of the test process (servers
        left by earlier tests winding down) open and close files briefly.
        """
        deadline = time.monotonic() + settle_s
        previous: list[str] | None = None
        while True:
            threads = sorted(thread.name for thread in program_threads() - self.threads)
            descriptors = self._opened_descriptors()
            held = [descriptor for descriptor in descriptors if previous is not None and descriptor in previous]
            if (not threads and not held and previous is not None) or time.monotonic() > deadline:
                return threads, held
            previous = descriptors
            time.sleep(0.05)

    def _opened_descriptors(self) -> list[str]:
        now = open_file_descriptors()
        if now is None or self.descriptors is None:
            return []
        opened = {number for number, target in now.items() if self.descriptors.get(number) != target}
        return [f"{number} -> {now[number]}" for number in sorted(opened - server_side_descriptors(opened))]
