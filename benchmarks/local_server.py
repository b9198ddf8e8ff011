"""Start and stop the benchmark SMTP server (``benchmarks/server.py``) as a child process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.server import HOST, PASSWORD, RECIPIENT, SENDER, USERNAME

SERVER_SCRIPT = Path(__file__).with_name("server.py")

__all__ = ["HOST", "PASSWORD", "RECIPIENT", "SENDER", "USERNAME", "LocalServer", "running_server"]


@dataclass(frozen=True)
class LocalServer:
    """The running server's address and port, and the CA file that makes its certificate trusted."""

    host: str
    port: int
    ca_file: str


@contextmanager
def running_server(delay: float = 0.0) -> Iterator[LocalServer]:
    """Run the server for the duration of the ``with`` block.

    Args:
        delay: seconds by which every reply and TLS handshake flight is held back.
    """
    process = subprocess.Popen(
        [sys.executable, str(SERVER_SCRIPT), "--delay", str(delay)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(f"benchmark SMTP server exited with status {process.wait()} before listening")
        details = json.loads(line)
        yield LocalServer(HOST, int(details["port"]), details["ca_file"])
    finally:
        process.stdin.close()  # the server stops when its standard input closes
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
