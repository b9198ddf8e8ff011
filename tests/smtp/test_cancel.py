"""Cancelling a hung operation from another thread: a prompt result, and no thread or socket left."""

from __future__ import annotations

import itertools
import socket
import threading
import time

import pytest

from smtp_gui.settings import Security, Settings
from smtp_gui.smtp import CancelToken, check, send_test
from smtp_gui.smtp.engine import PROBE_TIMEOUT_S
from smtp_gui.smtp.result import Result, Step
from tests.smtp.engine_helpers import CI_SLACK_S, Snapshot, code_of
from tests.support import scripted
from tests.support.servers import RECIPIENT, SENDER, server_tls_context

CANCEL_BOUND_S = 0.5  # the engine promises a cancelled result within half a second
HUNG_TIMEOUT_S = 30  # long enough that only cancellation can end these operations
CANCEL_AFTER_S = 0.4


def _partial_greeting(connection: scripted.ScriptedConnection) -> None:
    connection.send(b"220 half a greeting with no end")
    connection.hold()


def _settings(server, security: Security, **changes) -> Settings:
    return Settings(
        server=server.host, port=server.port, security=security, sender=SENDER, timeout=HUNG_TIMEOUT_S, **changes
    )


def _run_and_cancel(operation, token: CancelToken, after_s: float = CANCEL_AFTER_S) -> tuple[Result, float]:
    """Run ``operation`` in a worker thread, cancel it after ``after_s``, and return the result.

    Also returns the seconds from ``cancel()`` to the result being ready.
    """
    outcome: dict[str, object] = {}

    def work() -> None:
        outcome["result"] = operation()
        outcome["finished"] = time.monotonic()

    worker = threading.Thread(target=work, name="engine-under-test")
    worker.start()
    time.sleep(after_s)
    assert worker.is_alive(), "the operation ended before it was cancelled"

    cancelled_at = time.monotonic()
    token.cancel()
    worker.join(5.0)

    assert not worker.is_alive()
    return outcome["result"], outcome["finished"] - cancelled_at


HUNG_SERVERS = [
    pytest.param(scripted.no_greeting(), Security.NONE, Step.GREETING, id="before-greeting"),
    pytest.param(_partial_greeting, Security.NONE, Step.GREETING, id="mid-line"),
    pytest.param(scripted.no_greeting(), Security.SSL, Step.TLS, id="ssl-handshake"),
    pytest.param(scripted.stall_tls_handshake(), Security.STARTTLS, Step.TLS, id="starttls-handshake"),
    pytest.param(scripted.stall_after("MAIL"), Security.NONE, Step.SENDER, id="after-mail"),
    pytest.param(scripted.stall_after("."), Security.NONE, Step.DATA, id="after-message"),
]


@pytest.mark.parametrize(("script", "security", "step"), HUNG_SERVERS)
def test_cancel_hung_operation_is_prompt(scripted_server, script, security, step):
    server = scripted_server(script)
    settings = _settings(server, security)
    token = CancelToken()
    before = Snapshot.take()

    result, seconds = _run_and_cancel(lambda: send_test(settings, RECIPIENT, cancel=token), token)

    assert code_of(result) == "cancelled"
    assert result.step == step
    assert not result.ok
    assert seconds < CANCEL_BOUND_S
    threads, descriptors = before.leaks_since()
    assert threads == []
    assert descriptors == []


def test_cancel_during_tls_probe_is_prompt(scripted_server):
    # With timeout 1 the greeting wait ends at 1 s and the TLS probe of a silent port starts.
    server = scripted_server(scripted.no_greeting())
    settings = _settings(server, Security.STARTTLS).replace(timeout=1)
    token = CancelToken()
    before = Snapshot.take()

    result, seconds = _run_and_cancel(lambda: check(settings, cancel=token), token, after_s=1.4)

    assert code_of(result) == "cancelled"
    assert seconds < CANCEL_BOUND_S
    assert len(server.connections) == 2
    threads, descriptors = before.leaks_since()
    assert threads == []
    assert descriptors == []


def test_cancel_hung_name_lookup_is_prompt(smtp_server, monkeypatch):
    # getaddrinfo cannot be interrupted; a stand-in that blocks shows the engine does not wait for it.
    server = smtp_server(security="none")
    release = threading.Event()
    real_getaddrinfo = socket.getaddrinfo

    def hanging_getaddrinfo(host, *args, **kwargs):
        if host == "hang.example.test":
            release.wait(10.0)
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", hanging_getaddrinfo)
    settings = server.settings(server="hang.example.test", timeout=HUNG_TIMEOUT_S)
    token = CancelToken()
    before = Snapshot.take()

    result, seconds = _run_and_cancel(lambda: check(settings, cancel=token), token)
    release.set()

    assert code_of(result) == "cancelled"
    assert result.step == Step.CONNECT
    assert seconds < CANCEL_BOUND_S
    threads, descriptors = before.leaks_since()
    assert threads == []
    assert descriptors == []


def test_cancel_before_start_returns_cancelled(scripted_server):
    server = scripted_server(scripted.no_greeting())
    token = CancelToken()
    token.cancel()

    result = check(_settings(server, Security.NONE), cancel=token)

    assert code_of(result) == "cancelled"
    assert result.elapsed_s < CANCEL_BOUND_S


def test_uncancelled_token_allows_success(smtp_server):
    server = smtp_server(security="starttls", auth=True)
    token = CancelToken()
    before = Snapshot.take()

    result = send_test(server.settings(), RECIPIENT, cancel=token)

    assert result.ok, result.diagnosis
    threads, descriptors = before.leaks_since()
    assert threads == []
    assert descriptors == []


@pytest.mark.parametrize("security", ["ssl", "starttls", "none"])
def test_failed_operation_leaves_nothing_open(smtp_server, security):
    server = smtp_server(security=security, auth=True)
    before = Snapshot.take()

    result = check(server.settings(password="wrong"))

    assert code_of(result) == "auth_failed"
    threads, descriptors = before.leaks_since()
    assert threads == []
    assert descriptors == []


def _untrusted_then_silent(context):
    """Present ``context``'s certificate on the first connection, then stall every later TLS handshake."""
    connection_numbers = itertools.count()

    def script(connection: scripted.ScriptedConnection) -> None:
        if next(connection_numbers) == 0:
            connection.start_tls(context)  # the client rejects the certificate here
        connection.hold()

    return script


def test_cancel_during_certificate_fetch_is_prompt(scripted_server, smtp_certificates):
    context = server_tls_context(smtp_certificates.unknown_ca)
    server = scripted_server(_untrusted_then_silent(context))
    settings = _settings(server, Security.SSL, ca_file=smtp_certificates.ca_file)
    token = CancelToken()
    before = Snapshot.take()

    result, seconds = _run_and_cancel(lambda: check(settings, cancel=token), token)

    assert code_of(result) == "cancelled"
    assert seconds < CANCEL_BOUND_S
    assert len(server.connections) == 2
    threads, descriptors = before.leaks_since()
    assert threads == []
    assert descriptors == []


def test_stalled_certificate_fetch_keeps_diagnosis(scripted_server, smtp_certificates):
    context = server_tls_context(smtp_certificates.unknown_ca)
    server = scripted_server(_untrusted_then_silent(context))
    settings = _settings(server, Security.SSL, ca_file=smtp_certificates.ca_file)

    started = time.monotonic()
    result = check(settings)
    seconds = time.monotonic() - started

    assert code_of(result) == "cert_untrusted"
    assert result.step == Step.TLS
    assert result.certificate is None
    assert seconds < PROBE_TIMEOUT_S + CI_SLACK_S
