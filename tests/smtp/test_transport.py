"""The transport against raw local servers: line reads, limits, deadlines, cancellation, TLS."""

from __future__ import annotations

import os
import socket
import ssl
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from smtp_gui.smtp import tls
from smtp_gui.smtp.cancel import Cancelled, CancelToken
from smtp_gui.smtp.protocol import MAX_LINE_BYTES, ProtocolError
from smtp_gui.smtp.transport import Transport, speaks_tls

CANCEL_BOUND_S = 0.5
SLACK_S = 0.5  # scheduling noise on a loaded CI machine


def _sends(data: bytes) -> Callable:
    """Return a script that sends ``data``, then keeps the connection open until the client leaves."""

    def script(connection) -> None:
        connection.send(data)
        connection.hold()

    return script


def _silent(connection) -> None:
    connection.hold()


def _connected(server, timeout: float = 5.0, cancel: CancelToken | None = None) -> Transport:
    transport = Transport(timeout, cancel)
    transport.connect(server.host, server.port, transport.deadline())
    return transport


def _cancel_after(token: CancelToken, seconds: float) -> threading.Timer:
    timer = threading.Timer(seconds, token.cancel)
    timer.start()
    return timer


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_read_line_splits_chunk_into_lines(scripted_server) -> None:
    server = scripted_server(_sends(b"220 hello\r\n250-one\r\n250 two\n"))
    with _connected(server) as transport:
        deadline = transport.deadline()
        assert transport.read_line(deadline) == b"220 hello"
        assert transport.read_line(deadline) == b"250-one"
        assert transport.read_line(deadline) == b"250 two"


def test_read_line_endless_line_raises_protocol_error(scripted_server) -> None:
    server = scripted_server(_sends(b"2" * (4 * MAX_LINE_BYTES)))
    with _connected(server) as transport:
        with pytest.raises(ProtocolError):
            transport.read_line(transport.deadline())


def test_read_line_overlong_complete_line_raises(scripted_server) -> None:
    server = scripted_server(_sends(b"220 " + b"x" * MAX_LINE_BYTES + b"\r\n"))
    with _connected(server) as transport:
        with pytest.raises(ProtocolError):
            transport.read_line(transport.deadline())


def test_read_line_silent_server_times_out(scripted_server) -> None:
    server = scripted_server(_silent)
    with _connected(server, timeout=0.3) as transport:
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            transport.read_line(transport.deadline())
        assert time.monotonic() - started < 0.3 + SLACK_S


def test_read_line_closed_connection_raises_reset(scripted_server) -> None:
    server = scripted_server(lambda connection: connection.send(b"220 bye"))
    with _connected(server) as transport:
        with pytest.raises(ConnectionResetError):
            transport.read_line(transport.deadline())


def test_read_line_cancel_from_thread_raises_quickly(scripted_server) -> None:
    server = scripted_server(_silent)
    token = CancelToken()
    with _connected(server, timeout=30, cancel=token) as transport:
        timer = _cancel_after(token, 0.1)
        started = time.monotonic()
        with pytest.raises(Cancelled):
            transport.read_line(transport.deadline())
        elapsed = time.monotonic() - started
        timer.join()
    assert elapsed < 0.1 + CANCEL_BOUND_S


def test_read_line_cancel_mid_line_raises_quickly(scripted_server) -> None:
    server = scripted_server(_sends(b"220 half a li"))
    token = CancelToken()
    with _connected(server, timeout=30, cancel=token) as transport:
        timer = _cancel_after(token, 0.1)
        started = time.monotonic()
        with pytest.raises(Cancelled):
            transport.read_line(transport.deadline())
        elapsed = time.monotonic() - started
        timer.join()
    assert elapsed < 0.1 + CANCEL_BOUND_S


def test_connect_already_cancelled_raises() -> None:
    token = CancelToken()
    token.cancel()
    with Transport(5, token) as transport:
        with pytest.raises(Cancelled):
            transport.connect("localhost", 9, transport.deadline())


def test_connect_closed_port_raises_refused() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()
    with Transport(5) as transport:
        with pytest.raises(ConnectionRefusedError):
            transport.connect("127.0.0.1", port, transport.deadline())


def test_connect_host_name_resolves(scripted_server) -> None:
    server = scripted_server(_sends(b"220 hello\r\n"))
    with Transport(5, CancelToken()) as transport:
        transport.connect("localhost", server.port, transport.deadline())
        assert transport.read_line(transport.deadline()) == b"220 hello"


def test_connect_unknown_name_raises_gaierror(monkeypatch) -> None:
    # A stand-in resolver, so the test sends no query to a real DNS server.
    def no_such_name(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    with Transport(5) as transport:
        with pytest.raises(socket.gaierror):
            transport.connect("no-such-host.invalid", 25, transport.deadline())


def test_start_tls_verifies_good_certificate(scripted_server, smtp_certificates) -> None:
    server = scripted_server(_sends(b"220 over tls\r\n"), implicit_tls="good")
    context = tls.verifying_context(smtp_certificates.ca_file)
    with _connected(server) as transport:
        transport.start_tls(context, "127.0.0.1", transport.deadline())
        assert transport.read_line(transport.deadline()) == b"220 over tls"
        assert isinstance(transport.sock, ssl.SSLSocket)


def test_start_tls_wrong_host_raises_verification_error(scripted_server, smtp_certificates) -> None:
    server = scripted_server(_silent, implicit_tls="wrong_host")
    context = tls.verifying_context(smtp_certificates.ca_file)
    with _connected(server) as transport:
        with pytest.raises(ssl.SSLCertVerificationError):
            transport.start_tls(context, "127.0.0.1", transport.deadline())


def test_start_tls_data_before_handshake_raises(scripted_server, smtp_certificates) -> None:
    # One send, so both lines reach the client in one read, as in a STARTTLS injection attack.
    server = scripted_server(_sends(b"220 Ready to start TLS\r\n250 injected\r\n"))
    context = tls.verifying_context(smtp_certificates.ca_file)
    with _connected(server) as transport:
        assert transport.read_line(transport.deadline()) == b"220 Ready to start TLS"
        with pytest.raises(ProtocolError):
            transport.start_tls(context, "127.0.0.1", transport.deadline())


def test_start_tls_stalled_handshake_cancels_quickly(scripted_server, smtp_certificates) -> None:
    server = scripted_server(_silent)
    token = CancelToken()
    context = tls.verifying_context(smtp_certificates.ca_file)
    with _connected(server, timeout=30, cancel=token) as transport:
        timer = _cancel_after(token, 0.1)
        started = time.monotonic()
        with pytest.raises(Cancelled):
            transport.start_tls(context, "127.0.0.1", transport.deadline())
        elapsed = time.monotonic() - started
        timer.join()
    assert elapsed < 0.1 + CANCEL_BOUND_S


def test_send_reaches_server(scripted_server) -> None:
    def echo(connection) -> None:
        line = connection.read_line()
        connection.send(b"250 " + (line or b"nothing") + b"\r\n")
        connection.hold()

    server = scripted_server(echo)
    with _connected(server) as transport:
        transport.send(b"EHLO [127.0.0.1]\r\n", transport.deadline())
        assert transport.read_line(transport.deadline()) == b"250 EHLO [127.0.0.1]"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts descriptors in /proc")
def test_close_releases_sockets_and_callback() -> None:
    # A listener that never accepts: the kernel completes the connection, and no
    # server-side socket of this process muddles the descriptor count.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    token = CancelToken()
    before = _open_descriptors()

    transport = Transport(5, token)
    transport.connect("127.0.0.1", listener.getsockname()[1], transport.deadline())
    transport.close()
    transport.close()

    assert _open_descriptors() == before
    token.cancel()  # the callback is gone, so nothing writes to a closed socket
    assert token.cancelled
    listener.close()


def test_verifying_context_checks_host_and_version(smtp_certificates) -> None:
    context = tls.verifying_context(smtp_certificates.ca_file)
    assert context.check_hostname
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.minimum_version == ssl.TLSVersion.TLSv1_2


def test_verifying_context_reused_until_file_changes(tmp_path, smtp_certificates) -> None:
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(Path(smtp_certificates.ca_file).read_bytes())
    first = tls.verifying_context(str(ca_file))
    assert tls.verifying_context(str(ca_file)) is first

    ca_file.write_bytes(ca_file.read_bytes() + b"\n")
    assert tls.verifying_context(str(ca_file)) is not first


def test_verifying_context_missing_file_raises(tmp_path) -> None:
    with pytest.raises(OSError):
        tls.verifying_context(str(tmp_path / "missing.pem"))


def test_verifying_context_not_pem_raises(tmp_path) -> None:
    ca_file = tmp_path / "ca.pem"
    ca_file.write_text("not a certificate\n")
    with pytest.raises(ssl.SSLError):
        tls.verifying_context(str(ca_file))


def test_fingerprint_is_colon_separated_sha256() -> None:
    assert tls.fingerprint(b"") == ""  # no certificate, no fingerprint
    assert tls.fingerprint(b"\x00") == (
        "6E:34:0B:9C:FF:B3:7A:98:9C:A5:44:E6:BB:78:0A:2C:"
        "78:90:1D:3F:B3:37:38:76:85:11:A3:06:17:AF:A0:1D"
    )


def test_summarize_reads_names_and_dates() -> None:
    peer = {
        "subject": ((("commonName", "mail.example.test"),), (("organizationName", "Example"),)),
        "issuer": ((("commonName", "Example CA"),),),
        "notAfter": "Jun  1 12:00:00 2027 GMT",
        "subjectAltName": (("DNS", "mail.example.test"), ("IP Address", "192.0.2.1"), ("email", "x@example.test")),
    }
    summary = tls.summarize(peer, b"\x00")
    assert summary.subject == "CN=mail.example.test, O=Example"
    assert summary.issuer == "CN=Example CA"
    assert summary.names == ("mail.example.test", "192.0.2.1")
    assert summary.not_after == "2027-06-01T12:00:00Z"
    assert summary.sha256.startswith("6E:34")


def test_old_versions_context_allows_only_tls_1_0_and_1_1() -> None:
    context = tls.old_versions_context()
    assert context.minimum_version == ssl.TLSVersion.TLSv1
    assert context.maximum_version == ssl.TLSVersion.TLSv1_1
    assert context.verify_mode == ssl.CERT_NONE


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_verifying_context_fifo_raises_without_blocking(tmp_path) -> None:
    fifo = tmp_path / "ca.pem"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        tls.verifying_context(str(fifo))


def test_speaks_tls_true_for_tls_port(scripted_server) -> None:
    server = scripted_server(_silent, implicit_tls="good")
    assert speaks_tls(server.host, server.port, tls.probe_context(), 2.0, None)


def test_speaks_tls_false_for_plain_port(scripted_server) -> None:
    server = scripted_server(_sends(b"220 plain text\r\n"))
    assert not speaks_tls(server.host, server.port, tls.probe_context(), 2.0, None)
