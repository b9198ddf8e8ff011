"""A local SMTP server for the benchmarks, run in its own process.

``python benchmarks/server.py --delay 0.2`` starts an aiosmtpd server on
127.0.0.1 that offers STARTTLS (certificate from a trustme CA) and AUTH
PLAIN/LOGIN after TLS, accepts any message and discards it. With ``--delay``
every byte the server sends reaches the client that many seconds late,
because a small relay sits in front of the server: each reply and each TLS
handshake flight is delayed alike. The server writes one JSON line to
standard output, ``{"port": ..., "ca_file": ...}``, and stops when its
standard input closes.

A separate process keeps the server's work off the measured process, so the
client side of a benchmark does not share its interpreter lock with the
server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import socket
import ssl
import sys
import tempfile
import threading
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USERNAME = "bench@example.test"
PASSWORD = "bench-Password-1"
SENDER = USERNAME
RECIPIENT = "rcpt@example.test"
HOST = "127.0.0.1"


class DiscardHandler:
    """Accept every message and keep nothing."""

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd hook name)
        return "250 2.0.0 Ok: queued as BENCH1"


def authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
    """Accept only the benchmark's own user name and password."""
    accepted = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USERNAME.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=accepted)


def start_smtp(folder: Path) -> tuple[Controller, Path]:
    """Start the aiosmtpd server on a free port; return it and the CA file clients must trust."""
    authority = trustme.CA()
    ca_file = folder / "bench-ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))

    tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert(HOST, "localhost").configure_cert(tls_context)

    controller = Controller(
        DiscardHandler(),
        hostname=HOST,
        port=_free_port(),
        tls_context=tls_context,
        require_starttls=True,
        auth_require_tls=True,
        authenticator=authenticate,
        server_hostname="bench.example.test",
    )
    controller.start()
    return controller, ca_file


def _free_port() -> int:
    """Return a port that was free a moment ago.

    aiosmtpd 1.4.6's Controller connects to the port it was given to see that it
    listens, so it cannot be given port 0.
    """
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


async def relay(delay: float, target_port: int, ready: asyncio.Future) -> None:
    """Listen on a free port and forward to ``target_port``, delaying the server's bytes."""

    async def handle(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        server_reader, server_writer = await asyncio.open_connection(HOST, target_port)
        upstream = asyncio.create_task(_pump(client_reader, server_writer, 0.0))
        downstream = asyncio.create_task(_pump(server_reader, client_writer, delay))
        await asyncio.wait({upstream, downstream}, return_when=asyncio.FIRST_COMPLETED)
        for task in (upstream, downstream):
            task.cancel()
        for writer in (client_writer, server_writer):
            writer.close()

    server = await asyncio.start_server(handle, HOST, 0)
    ready.set_result(server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    """Copy bytes from ``reader`` to ``writer``, each chunk ``delay`` seconds after it arrived."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    async def deliver() -> None:
        while True:
            due, chunk = await queue.get()
            await asyncio.sleep(max(0.0, due - loop.time()))
            if not chunk:
                writer.write_eof()
                return
            writer.write(chunk)
            await writer.drain()

    sender = asyncio.create_task(deliver())
    try:
        while True:
            chunk = await reader.read(65536)
            await queue.put((loop.time() + delay, chunk))
            if not chunk:
                break
        await sender
    except OSError:
        # A cancelled client resets its connection mid-dialogue; the relay just stops.
        return
    finally:
        sender.cancel()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.0, help="seconds each server reply is held back")
    args = parser.parse_args(argv)
    # aiosmtpd 1.4.6 logs a warning about its own use of Session.login_data on every AUTH, and
    # a traceback whenever a cancelled client drops the connection mid-handshake.
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)

    with tempfile.TemporaryDirectory(prefix="smtp-bench-") as folder:
        controller, ca_file = start_smtp(Path(folder))
        try:
            port = controller.port if args.delay <= 0 else _start_relay(args.delay, controller.port)
            print(json.dumps({"port": port, "ca_file": str(ca_file)}), flush=True)
            sys.stdin.read()  # the parent closes our standard input to stop us
        finally:
            controller.stop()
    return 0


def _start_relay(delay: float, target_port: int) -> int:
    """Run the delaying relay on a daemon thread; return the port it listens on."""
    loop = asyncio.new_event_loop()
    port_ready: asyncio.Future = loop.create_future()
    threading.Thread(target=_run_relay, args=(loop, delay, target_port, port_ready), daemon=True).start()
    return asyncio.run_coroutine_threadsafe(_wait(port_ready), loop).result(timeout=10)


def _run_relay(loop: asyncio.AbstractEventLoop, delay: float, target_port: int, ready: asyncio.Future) -> None:
    asyncio.set_event_loop(loop)
    loop.run_until_complete(relay(delay, target_port, ready))


async def _wait(future: asyncio.Future) -> int:
    return await future


if __name__ == "__main__":
    sys.exit(main())
