"""A raw TCP server that plays a script per connection, to reproduce misbehaving SMTP servers.

Each accepted connection runs ``script(connection)`` in its own thread. Every
wait is sliced (50 ms) and checks the server's stop event and a per-connection
deadline, so ``ScriptedServer.stop()`` ends every thread and closes every
socket within about a second, whatever the script was doing.

The module-level functions (``no_greeting``, ``late_greeting`` ...) build the
scripts the engine tests need; ``servers.py`` documents how to start them.
"""

from __future__ import annotations

import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable

SLICE_S = 0.05
DEFAULT_LIFETIME_S = 30.0
GREETING = "220 scripted.test ESMTP ready"

Script = Callable[["ScriptedConnection"], None]


class ScriptedConnection:
    """One accepted client connection, with bounded, stop-aware reads and writes."""

    def __init__(self, sock: socket.socket, stop: threading.Event, lifetime_s: float) -> None:
        sock.setblocking(False)
        self.sock: socket.socket = sock
        self.received: list[bytes] = []  # every line the client sent, without CRLF
        self.tls = False
        self._stop = stop
        self._deadline = time.monotonic() + lifetime_s
        self._buffer = b""

    @property
    def stopped(self) -> bool:
        """True once the server is stopping or this connection's lifetime is over."""
        return self._stop.is_set() or time.monotonic() >= self._deadline

    def send(self, data: bytes | str) -> None:
        """Send raw bytes, or a text line to which CRLF is added."""
        payload = data if isinstance(data, bytes) else data.encode("utf-8") + b"\r\n"
        while payload and not self.stopped:
            try:
                sent = self.sock.send(payload)
            except (BlockingIOError, ssl.SSLWantWriteError):
                select.select([], [self.sock], [], SLICE_S)
                continue
            payload = payload[sent:]

    def read_line(self, timeout_s: float = 10.0) -> bytes | None:
        """Return the next line without CRLF, or None on end of stream, timeout or stop."""
        end = time.monotonic() + timeout_s
        while b"\n" not in self._buffer:
            chunk = self._recv_until(end)
            if not chunk:
                return None
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        line = line.rstrip(b"\r")
        self.received.append(line)
        return line

    def pause(self, seconds: float) -> bool:
        """Wait ``seconds`` (cut short by stop); return False if the server is stopping."""
        remaining = min(seconds, self._deadline - time.monotonic())
        if remaining > 0:
            self._stop.wait(remaining)
        return not self.stopped

    def hold(self) -> None:
        """Keep the connection open, discarding input, until the client leaves or the server stops."""
        while self._recv_until(self._deadline):
            pass

    def start_tls(self, context: ssl.SSLContext) -> None:
        """Run the server side of a TLS handshake on this connection.

        Raises:
            ssl.SSLError, OSError: the handshake failed or the client left.
        """
        self.sock = context.wrap_socket(self.sock, server_side=True, do_handshake_on_connect=False)
        while not self.stopped:
            try:
                self.sock.do_handshake()
            except ssl.SSLWantReadError:
                select.select([self.sock], [], [], SLICE_S)
            except ssl.SSLWantWriteError:
                select.select([], [self.sock], [], SLICE_S)
            else:
                self.tls = True
                return
        raise TimeoutError("TLS handshake not finished before the server stopped")

    def serve(self, features: Iterable[str] = (), until: str = "QUIT") -> bytes | None:
        """Reply to ordinary commands with success until the client sends ``until``.

        Returns the line that started with ``until`` (left without a reply), or None if the
        client left first. The EHLO reply lists ``features`` and AUTH gets 235.
        After DATA the message lines are read without replies, and ``until="."``
        stops at the line that ends the message.
        """
        while True:
            line = self.read_line()
            if line is None:
                return None
            verb = line.split(b" ", 1)[0].upper().decode("ascii", "replace")
            if verb == until.upper():
                return line
            self.send(_standard_reply(verb, tuple(features)))
            if verb == "DATA":
                end = self._read_message()
                if end is None or until == ".":
                    return end
                self.send("250 2.0.0 Ok: queued as SCRIPTED1")

    def _read_message(self) -> bytes | None:
        """Read message lines up to the lone "." that ends them; return it, or None if the client left."""
        while (line := self.read_line()) is not None:
            if line == b".":
                return line
        return None

    def relay(self, address: tuple[str, int], delay_s: float) -> None:
        """Forward bytes to and from ``address``, holding back each chunk from it for ``delay_s``.

        The client's bytes pass at once. The server's bytes, TLS records included,
        reach the client ``delay_s`` after the relay received them.
        """
        upstream = socket.create_connection(address, timeout=5.0)
        upstream.setblocking(False)
        pending: list[tuple[float, bytes]] = []
        try:
            self._relay_loop(upstream, pending, delay_s)
        finally:
            upstream.close()

    def close(self) -> None:
        """Close the socket; safe to call twice."""
        self.sock.close()

    def _recv_until(self, end: float) -> bytes:
        """Return the next bytes received, or b"" on end of stream, timeout or stop."""
        while not self.stopped and time.monotonic() < end:
            try:
                return self.sock.recv(4096)
            except (BlockingIOError, ssl.SSLWantReadError):
                select.select([self.sock], [], [], SLICE_S)
            except (ConnectionError, ssl.SSLError):
                return b""
        return b""

    def _relay_loop(self, upstream: socket.socket, pending: list[tuple[float, bytes]], delay_s: float) -> None:
        upstream_open = True
        while not self.stopped and (upstream_open or pending):
            now = time.monotonic()
            while pending and pending[0][0] <= now:
                self.send(pending.pop(0)[1])
            wait = min(SLICE_S, pending[0][0] - now) if pending else SLICE_S
            sources = [self.sock, upstream] if upstream_open else [self.sock]
            readable, _, _ = select.select(sources, [], [], max(wait, 0.0))

            if self.sock in readable:
                data = self.sock.recv(4096)
                if not data:
                    return
                upstream.sendall(data)
            if upstream in readable:
                data = upstream.recv(4096)
                if data:
                    pending.append((time.monotonic() + delay_s, data))
                else:
                    upstream_open = False


def _standard_reply(verb: str, features: tuple[str, ...]) -> str:
    if verb in ("EHLO", "HELO"):
        lines = ("scripted.test", *features)
        return "\r\n".join([f"250-{line}" for line in lines[:-1]] + [f"250 {lines[-1]}"])
    if verb == "AUTH":
        return "235 2.7.0 Authentication successful"
    if verb == "DATA":
        return "354 End data with <CR><LF>.<CR><LF>"
    if verb == "QUIT":
        return "221 2.0.0 Bye"
    return "250 2.0.0 OK"


class ScriptedServer:
    """A listening socket that runs ``script`` for every connection, in a thread each."""

    def __init__(
        self,
        script: Script,
        *,
        host: str = "127.0.0.1",
        tls_context: ssl.SSLContext | None = None,
        lifetime_s: float = DEFAULT_LIFETIME_S,
    ) -> None:
        """Bind at once on ``host`` with a free port; ``tls_context`` makes it implicit TLS."""
        self.host = host
        self.connections: list[ScriptedConnection] = []
        self.errors: list[BaseException] = []  # unexpected exceptions raised by scripts
        self._script = script
        self._tls_context = tls_context
        self._lifetime_s = lifetime_s
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._listener = socket.socket(family, socket.SOCK_STREAM)
        self._listener.bind((host, 0))
        self._listener.listen(8)
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]

    def start(self) -> None:
        """Start accepting connections."""
        self._spawn(self._accept_loop, "accept")

    def stop(self) -> None:
        """Stop every connection thread and close every socket; safe to call twice.

        Raises:
            AssertionError: a thread did not end within 5 s, or a script raised an
                unexpected exception (a bug in the test, reported here).
        """
        self._stop.set()
        for thread in self._threads:
            thread.join(5.0)
        self._listener.close()
        for connection in self.connections:
            connection.close()
        alive = [thread.name for thread in self._threads if thread.is_alive()]
        assert not alive, f"scripted server threads still running: {alive}"
        assert not self.errors, f"scripted server script failed: {self.errors!r}"

    def _spawn(self, target: Callable[..., None], label: str, *args: object) -> None:
        name = f"scripted-smtp-{self.port}-{label}"
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            readable, _, _ = select.select([self._listener], [], [], SLICE_S)
            if not readable:
                continue
            try:
                sock, _ = self._listener.accept()
            except BlockingIOError:
                continue
            connection = ScriptedConnection(sock, self._stop, self._lifetime_s)
            self.connections.append(connection)
            self._spawn(self._run_script, f"connection-{len(self.connections)}", connection)

    def _run_script(self, connection: ScriptedConnection) -> None:
        try:
            if self._tls_context is not None:
                connection.start_tls(self._tls_context)
            self._script(connection)
        except (OSError, ssl.SSLError, TimeoutError):
            pass  # the client left or gave up: normal for these tests
        except Exception as error:  # noqa: BLE001 - reported by stop() as a test failure
            self.errors.append(error)
        finally:
            connection.close()


# --- Scripts for the misbehaviours the engine must diagnose ---------------------------------


def no_greeting() -> Script:
    """Accept the connection and never send anything."""
    return lambda connection: connection.hold()


def late_greeting(delay_s: float) -> Script:
    """Send the 220 greeting only after ``delay_s``, then reply to ordinary commands."""

    def script(connection: ScriptedConnection) -> None:
        if connection.pause(delay_s):
            connection.send(GREETING)
            connection.serve()
            connection.send("221 2.0.0 Bye")

    return script


def greeting_reply(reply: str) -> Script:
    """Send ``reply`` (e.g. "421 4.3.2 Service not available") as the greeting, then close."""

    def script(connection: ScriptedConnection) -> None:
        connection.send(reply)
        connection.read_line(timeout_s=2.0)  # the client may QUIT; either way, close

    return script


def drop_after_starttls() -> Script:
    """Offer STARTTLS, reply "220 Ready to start TLS", then close the connection."""

    def script(connection: ScriptedConnection) -> None:
        connection.send(GREETING)
        if connection.serve(features=("STARTTLS",), until="STARTTLS") is not None:
            connection.send("220 2.0.0 Ready to start TLS")

    return script


def stall_tls_handshake() -> Script:
    """Offer STARTTLS, reply 220, then never take part in the TLS handshake."""

    def script(connection: ScriptedConnection) -> None:
        connection.send(GREETING)
        if connection.serve(features=("STARTTLS",), until="STARTTLS") is not None:
            connection.send("220 2.0.0 Ready to start TLS")
            connection.hold()

    return script


def endless_line(limit_bytes: int = 8 * 1024 * 1024) -> Script:
    """Send a greeting line that never ends (no CRLF), up to ``limit_bytes``."""

    def script(connection: ScriptedConnection) -> None:
        connection.send(b"220 ")
        chunk = b"x" * 4096
        for _ in range(limit_bytes // len(chunk)):
            if connection.stopped:
                return
            connection.send(chunk)

    return script


def garbage() -> Script:
    """Send bytes that are no SMTP reply, then wait for the client to leave."""

    def script(connection: ScriptedConnection) -> None:
        connection.send(b"\x00\xff\xfe garbage \x1b[31m\x07\r\nnot smtp at all\r\n")
        connection.hold()

    return script


def drop_after_auth(mechanisms: str = "PLAIN LOGIN") -> Script:
    """Offer AUTH, then close the connection as soon as the client sends AUTH."""

    def script(connection: ScriptedConnection) -> None:
        connection.send(GREETING)
        connection.serve(features=(f"AUTH {mechanisms}",), until="AUTH")

    return script


def stall_after(verb: str, features: Iterable[str] = ()) -> Script:
    """Reply to ordinary commands, then never reply to ``verb`` (the connection stays open)."""
    offered = tuple(features)

    def script(connection: ScriptedConnection) -> None:
        connection.send(GREETING)
        if connection.serve(features=offered, until=verb) is not None:
            connection.hold()

    return script


def replies(*lines: str, features: Iterable[str] = ()) -> Script:
    """Send a greeting, reply to the client's commands with ``lines`` in order, then close.

    An empty string sends the ordinary success reply to that command (EHLO
    lists ``features``). Useful for replies aiosmtpd cannot produce, such as an
    unusual multi-line reply (one string with CRLF inside).
    """
    offered = tuple(features)

    def script(connection: ScriptedConnection) -> None:
        connection.send(GREETING)
        for line in lines:
            request = connection.read_line()
            if request is None:
                return
            verb = request.split(b" ", 1)[0].upper().decode("ascii", "replace")
            connection.send(line or _standard_reply(verb, offered))

    return script


def delayed_relay(address: tuple[str, int], delay_s: float) -> Script:
    """Relay to a real server at ``address``, delaying every chunk it sends by ``delay_s``."""
    return lambda connection: connection.relay(address, delay_s)
