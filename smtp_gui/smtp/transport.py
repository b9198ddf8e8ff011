"""The one place that touches the network: connect, TLS, bounded line reads and sends.

The socket stays non-blocking. Every wait is one ``select`` on the socket
and, when the operation has a ``CancelToken``, on one end of a socket pair
that ``cancel()`` writes to. So a wait ends at its deadline, or at once on
cancellation, whatever the server does. Timeouts raise ``TimeoutError``,
cancellation raises ``Cancelled``, a closed connection raises
``ConnectionResetError``, and an overlong line raises ``ProtocolError``.

NOTE: the non-blocking connect and the error mapping follow the documented
Windows behaviour (failure reported in the exception set, WinSock codes in
``errno``) but have only been run on Linux.
"""

from __future__ import annotations

import collections
import errno
import ipaddress
import logging
import os
import select
import socket
import ssl
import threading
import time

from smtp_gui.smtp.cancel import Cancelled, CancelToken
from smtp_gui.smtp.protocol import MAX_LINE_BYTES, ProtocolError

logger = logging.getLogger(__name__)

_RECV_BYTES = 65536
# connect_ex on a non-blocking socket: EINPROGRESS on POSIX, EWOULDBLOCK (WSAEWOULDBLOCK) on Windows.
_CONNECT_PENDING = {0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY}


class Transport:
    """A TCP connection, optionally upgraded to TLS, with deadlines and cancellation.

    Args:
        timeout: seconds allowed for each step (name lookup and connect, TLS
            handshake, each reply) unless the caller passes its own deadline.
        cancel: the operation's token, or None when it cannot be cancelled.
    """

    def __init__(self, timeout: float, cancel: CancelToken | None = None) -> None:
        self.timeout = timeout
        self._cancel = cancel
        self._sock: socket.socket | None = None
        self._lines: collections.deque[bytes] = collections.deque()  # complete lines received
        self._partial = b""  # received bytes after the last line end
        self._tls = False
        self._wake_reader: socket.socket | None = None
        self._wake_writer: socket.socket | None = None
        if cancel is not None:
            self._wake_reader, self._wake_writer = socket.socketpair()
            self._wake_reader.setblocking(False)
            self._wake_writer.setblocking(False)  # cancel() runs in the caller's thread, often a GUI
            cancel.add_callback(self._wake)

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def deadline(self, seconds: float | None = None) -> float:
        """Return the monotonic time ``seconds`` (default: the step timeout) from now."""
        return time.monotonic() + (self.timeout if seconds is None else seconds)

    @property
    def sock(self) -> socket.socket:
        """The connected socket (an ``ssl.SSLSocket`` after the TLS upgrade)."""
        if self._sock is None:
            raise ConnectionResetError("not connected")
        return self._sock

    def local_address(self) -> str:
        """Return the IP address of our end of the connection."""
        return self.sock.getsockname()[0]

    def peer_address(self) -> str:
        """Return the IP address of the server's end, or "" when the server has already reset the connection."""
        try:
            return self.sock.getpeername()[0]
        except OSError:
            return ""

    def connect(self, host: str, port: int, deadline: float) -> None:
        """Resolve ``host`` and connect to the first address that accepts, before ``deadline``.

        Raises:
            socket.gaierror: the name does not resolve.
            OSError: every address failed. The error of the last one is raised.
        """
        self._raise_if_cancelled()
        addresses = self._resolve(host, port, deadline)
        last_error: OSError = OSError(errno.EHOSTUNREACH, f"no address for {host}")
        for family, kind, proto, _, address in addresses:
            sock = socket.socket(family, kind, proto)
            try:
                self._connect_one(sock, address, deadline)
            except (Cancelled, TimeoutError):
                sock.close()
                raise
            except OSError as error:
                sock.close()
                last_error = error
                continue
            self._sock = sock
            return
        raise last_error

    def _resolve(self, host: str, port: int, deadline: float) -> list[tuple]:
        if _is_ip_address(host):
            return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)

        # getaddrinfo cannot be interrupted, so a name lookup runs in a daemon
        # thread. On timeout or cancellation that thread is left to finish by itself.
        lookup = _Lookup(host, port)
        if self._cancel is not None:
            self._cancel.add_callback(lookup.done.set)
        try:
            lookup.start()
            finished = lookup.done.wait(max(0.0, deadline - time.monotonic()))
        finally:
            if self._cancel is not None:
                self._cancel.remove_callback(lookup.done.set)
        self._raise_if_cancelled()
        if not finished:
            raise TimeoutError(f"name lookup for {host} timed out")
        if lookup.error is not None:
            raise lookup.error
        return lookup.addresses

    def _connect_one(self, sock: socket.socket, address: tuple, deadline: float) -> None:
        sock.setblocking(False)
        code = sock.connect_ex(address)
        if code not in _CONNECT_PENDING:
            raise _os_error(code)
        if code != 0:
            self._wait(sock, want_read=False, deadline=deadline)
            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code != 0:
                raise _os_error(code)

    def start_tls(self, context: ssl.SSLContext, server_hostname: str, deadline: float) -> None:
        """Wrap the connection in TLS and complete the handshake before ``deadline``.

        Raises:
            ProtocolError: the server sent bytes after its last reply, which
                would be read as if they came over TLS (STARTTLS injection).
            ssl.SSLError: the handshake failed (certificate, version, not TLS).
        """
        if self._lines or self._partial:
            raise ProtocolError("the server sent data before the TLS handshake")
        sock = context.wrap_socket(self.sock, server_hostname=server_hostname, do_handshake_on_connect=False)
        self._sock = sock
        self._tls = True
        while True:
            try:
                sock.do_handshake()
                return
            except ssl.SSLWantReadError:
                self._wait(sock, want_read=True, deadline=deadline)
            except ssl.SSLWantWriteError:
                self._wait(sock, want_read=False, deadline=deadline)

    def send(self, data: bytes, deadline: float) -> None:
        """Send all of ``data`` before ``deadline``."""
        sock = self.sock
        view: bytes | memoryview = data
        while view:
            try:
                sent = sock.send(view)
            except (BlockingIOError, ssl.SSLWantWriteError):
                self._wait(sock, want_read=False, deadline=deadline)
                continue
            except ssl.SSLWantReadError:
                self._wait(sock, want_read=True, deadline=deadline)
                continue
            if sent == len(view):
                return
            view = memoryview(view)[sent:]  # a slice of a memoryview copies nothing

    def read_line(self, deadline: float) -> bytes:
        """Return the next line without its line end, read before ``deadline``.

        Raises:
            ProtocolError: a line is longer than ``MAX_LINE_BYTES``.
        """
        while not self._lines:
            self._receive(deadline)
        return self._lines.popleft()

    def _receive(self, deadline: float) -> None:
        """Receive more bytes and split every complete line off them, waiting up to ``deadline``."""
        sock = self.sock
        # read_line calls this only when no complete line is buffered, so a read
        # now would most likely fail. Wait first, unless TLS already contains decrypted bytes.
        if not (self._tls and sock.pending()):  # type: ignore[attr-defined]
            self._wait(sock, want_read=True, deadline=deadline)
        while True:
            try:
                data = sock.recv(_RECV_BYTES)
                break
            except (BlockingIOError, ssl.SSLWantReadError):
                self._wait(sock, want_read=True, deadline=deadline)
            except ssl.SSLWantWriteError:
                self._wait(sock, want_read=False, deadline=deadline)
        if not data:
            raise ConnectionResetError("the server closed the connection")

        lines = (self._partial + data).replace(b"\r\n", b"\n").split(b"\n")
        self._partial = lines.pop()
        if len(self._partial) > MAX_LINE_BYTES or max(map(len, lines), default=0) > MAX_LINE_BYTES:
            raise ProtocolError(f"reply line longer than {MAX_LINE_BYTES} bytes")
        self._lines.extend(lines)

    def _wait(self, sock: socket.socket, want_read: bool, deadline: float) -> None:
        """Wait until ``sock`` is ready, ``deadline`` passes (TimeoutError) or the token is cancelled."""
        readers = [sock] if want_read else []
        writers = [] if want_read else [sock]
        if self._wake_reader is not None:
            readers.append(self._wake_reader)
        cancel = self._cancel
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("timed out waiting for the server")
            # A cancellation before or during the wait makes the wake-up socket readable.
            ready_read, ready_write, failed = select.select(readers, writers, writers, remaining)
            if cancel is not None and cancel.cancelled:
                raise Cancelled("the operation was cancelled")
            if sock in ready_read or ready_write or failed:
                return

    def _raise_if_cancelled(self) -> None:
        if self._cancel is not None:
            self._cancel.raise_if_cancelled()

    def _wake(self) -> None:
        try:
            if self._wake_writer is not None:
                self._wake_writer.send(b"\0")
        except OSError:
            pass  # the pair is closed or its buffer is full, and either way no wait is left to wake

    def close(self) -> None:
        """Close the connection and the wake-up sockets. Calling it again does nothing."""
        if self._cancel is not None:
            self._cancel.remove_callback(self._wake)
        for sock in (self._sock, self._wake_reader, self._wake_writer):
            if sock is not None:
                sock.close()
        self._sock = self._wake_reader = self._wake_writer = None
        self._lines.clear()
        self._partial = b""


def speaks_tls(host: str, port: int, context: ssl.SSLContext, timeout: float, cancel: CancelToken | None) -> bool:
    """Return True if a new connection to ``host`` and ``port`` completes a TLS handshake.

    Raises:
        Cancelled: ``cancel`` was cancelled meanwhile.
    """
    try:
        with Transport(timeout, cancel) as probe:
            deadline = probe.deadline()
            probe.connect(host, port, deadline)
            probe.start_tls(context, host, deadline)
    except ssl.SSLError as error:
        return "ALERT" in str(error.reason).upper()  # a TLS server rejected our ClientHello
    except (OSError, ProtocolError):
        return False
    return True


class _Lookup(threading.Thread):
    """A name lookup in a daemon thread, so a slow resolver cannot hold up cancellation."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(name=f"smtp-lookup-{host}", daemon=True)
        self.host = host
        self.port = port
        self.done = threading.Event()
        self.addresses: list[tuple] = []
        self.error: OSError | None = None

    def run(self) -> None:
        try:
            self.addresses = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
        except OSError as error:
            self.error = error
        finally:
            self.done.set()


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def _os_error(code: int) -> OSError:
    """Build the ``OSError`` subclass, such as ``ConnectionRefusedError``, for a connect error code.

    On Windows the ``errno`` constants are the WinSock codes that ``SO_ERROR``
    returns, so the same mapping applies there.
    """
    return OSError(code, os.strerror(code))
