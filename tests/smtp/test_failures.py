"""One test per diagnosis code, each reproducing the server behaviour that causes it.

Every test checks the code, the step that failed and that the operation ended
within its bound: ``IMMEDIATE_BOUND_S`` for failures the server causes at once,
the configured timeout plus slack for silent servers.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import socket
import ssl
from contextlib import ExitStack
from pathlib import Path

import pytest
import trustme

from smtp_gui.settings import Security, Settings
from smtp_gui.smtp import check, send_test
from smtp_gui.smtp.diagnosis import CODES
from smtp_gui.smtp.result import Step
from tests.smtp.engine_helpers import CI_SLACK_S, IMMEDIATE_BOUND_S, code_of, timed
from tests.support import scripted
from tests.support.servers import RECIPIENT, SENDER


def _assert_failure(run, code: str, step: Step, bound_s: float = IMMEDIATE_BOUND_S) -> None:
    assert not run.result.ok
    assert code_of(run.result) == code, run.result.diagnosis
    assert run.result.step == step
    assert run.seconds < bound_s
    assert run.result.diagnosis.message
    assert run.result.transcript is not None


# --- Connecting --------------------------------------------------------------------------------


def test_unknown_name_gives_dns(smtp_server, monkeypatch):
    # A real lookup of an unknown name would query the network's DNS server, so a
    # resolver stand-in fails ".invalid" names (RFC 6761 reserves them) the way glibc does.
    server = smtp_server(security="none")
    real_getaddrinfo = socket.getaddrinfo

    def fake_getaddrinfo(host, *args, **kwargs):
        if str(host).endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)

    run = timed(lambda: check(server.settings(server="mail.example.invalid")))

    _assert_failure(run, "dns", Step.CONNECT)


def test_closed_ipv6_port_gives_refused():
    try:
        closed = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        closed.bind(("::1", 0))
    except OSError as error:
        pytest.skip(f"IPv6 loopback ::1 is not available: {error}")
    with closed:
        settings = Settings(
            server="[::1]", port=closed.getsockname()[1], security=Security.NONE, sender=SENDER, timeout=5
        )
        run = timed(lambda: check(settings))

    _assert_failure(run, "refused", Step.CONNECT)
    assert run.result.transcript == (
        f"* Connecting to [::1]:{settings.port}",
        "* Connection error: Connection refused",
    )


def test_closed_port_gives_refused():
    # A bound socket that does not listen makes the kernel reset connections to its port.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        settings = Settings(server="127.0.0.1", port=port, security=Security.NONE, sender=SENDER, timeout=5)
        run = timed(lambda: check(settings))

    _assert_failure(run, "refused", Step.CONNECT)


def test_unanswered_connect_gives_timeout():
    # Linux drops new connection requests while a listener's accept queue is full, as a
    # firewall that drops packets does; other systems may refuse them instead.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener, ExitStack() as fillers:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        if not _fill_accept_queue(fillers, port):
            pytest.skip("this system does not drop connections to a full accept queue")
        settings = Settings(server="127.0.0.1", port=port, security=Security.NONE, sender=SENDER, timeout=1)

        run = timed(lambda: check(settings))

    _assert_failure(run, "timeout", Step.CONNECT, bound_s=settings.timeout + CI_SLACK_S)


def _fill_accept_queue(fillers: ExitStack, port: int) -> bool:
    """Connect until a connection attempt times out; return False if none did."""
    for _ in range(8):
        filler = fillers.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
        filler.settimeout(0.3)
        try:
            filler.connect(("127.0.0.1", port))
        except TimeoutError:
            return True
        except OSError:
            return False
    return False


def test_missing_greeting_gives_timeout(scripted_server):
    server = scripted_server(scripted.no_greeting())
    settings = _scripted_settings(server, security=Security.NONE, timeout=1)

    run = timed(lambda: check(settings))

    # The greeting wait, then one TLS probe of at most the same timeout.
    _assert_failure(run, "timeout", Step.GREETING, bound_s=2 * settings.timeout + CI_SLACK_S)


def test_late_greeting_gives_timeout(scripted_server):
    server = scripted_server(scripted.late_greeting(3.0))
    settings = _scripted_settings(server, security=Security.STARTTLS, timeout=1)

    run = timed(lambda: check(settings))

    _assert_failure(run, "timeout", Step.GREETING, bound_s=2 * settings.timeout + CI_SLACK_S)


def test_trickled_greeting_gives_timeout(scripted_server):
    # One byte every 0.2 s: each read makes progress, but the whole reply must come within the timeout.
    def trickle(connection: scripted.ScriptedConnection) -> None:
        for byte in scripted.GREETING.encode("ascii"):
            if not connection.pause(0.2):
                return
            connection.send(bytes([byte]))

    server = scripted_server(trickle)
    settings = _scripted_settings(server, security=Security.NONE, timeout=1)

    run = timed(lambda: check(settings))

    _assert_failure(run, "timeout", Step.GREETING, bound_s=2 * settings.timeout + CI_SLACK_S)


def test_greeting_within_timeout_succeeds(scripted_server):
    server = scripted_server(scripted.late_greeting(0.3))
    settings = _scripted_settings(server, security=Security.NONE, timeout=2)

    result = check(settings)

    assert result.ok, result.diagnosis


def test_silent_reply_gives_timeout(scripted_server):
    server = scripted_server(scripted.stall_after("MAIL"))
    settings = _scripted_settings(server, security=Security.NONE, timeout=1)

    run = timed(lambda: send_test(settings, RECIPIENT))

    _assert_failure(run, "timeout", Step.SENDER, bound_s=settings.timeout + CI_SLACK_S)


def test_slow_replies_within_timeout_succeed(slow_smtp_server):
    server = slow_smtp_server(300, security="starttls", auth=True)

    result = send_test(server.settings(timeout=2), RECIPIENT)

    assert result.ok, result.diagnosis
    assert result.elapsed_s >= 0.3 * 6  # greeting, EHLO, STARTTLS, handshake, EHLO, AUTH at least


def test_slow_replies_beyond_timeout_give_timeout(slow_smtp_server):
    server = slow_smtp_server(1500, security="none")

    run = timed(lambda: check(server.settings(timeout=1)))

    _assert_failure(run, "timeout", Step.GREETING, bound_s=2 * 1 + CI_SLACK_S)


def test_close_after_greeting_gives_connection_lost(scripted_server):
    server = scripted_server(scripted.greeting_reply(scripted.GREETING))

    run = timed(lambda: check(_scripted_settings(server, security=Security.NONE)))

    _assert_failure(run, "connection_lost", Step.EHLO)


def test_greeting_421_gives_server_busy(scripted_server):
    server = scripted_server(scripted.greeting_reply("421 4.3.2 Service not available, closing transmission channel"))

    run = timed(lambda: check(_scripted_settings(server, security=Security.NONE)))

    _assert_failure(run, "server_busy", Step.GREETING)
    assert run.result.reply.code == 421


# --- Security mode and TLS ---------------------------------------------------------------------


def test_ssl_on_plain_port_gives_tls_mode_mismatch(smtp_server):
    server = smtp_server(security="none")

    run = timed(lambda: check(server.settings(security=Security.SSL)))

    _assert_failure(run, "tls_mode_mismatch", Step.TLS)


@pytest.mark.parametrize("security", [Security.STARTTLS, Security.NONE])
def test_plain_on_ssl_port_gives_tls_mode_mismatch(smtp_server, security):
    server = smtp_server(security="ssl")
    settings = server.settings(security=security, timeout=1)

    run = timed(lambda: check(settings))

    _assert_failure(run, "tls_mode_mismatch", Step.GREETING, bound_s=2 * settings.timeout + CI_SLACK_S)
    assert "SSL" in run.result.diagnosis.hint


def test_plain_on_scripted_ssl_port_gives_tls_mode_mismatch(scripted_server):
    server = scripted_server(scripted.late_greeting(0), implicit_tls="good")
    settings = _scripted_settings(server, security=Security.STARTTLS, timeout=1)

    run = timed(lambda: check(settings))

    _assert_failure(run, "tls_mode_mismatch", Step.GREETING, bound_s=2 * settings.timeout + CI_SLACK_S)


def test_missing_starttls_gives_starttls_unavailable(smtp_server):
    server = smtp_server(security="none", auth=True)

    run = timed(lambda: check(server.settings(security=Security.STARTTLS)))

    _assert_failure(run, "starttls_unavailable", Step.EHLO)
    assert "AUTH" not in server.commands
    assert server.logins == []


def test_refused_starttls_gives_starttls_unavailable(smtp_server):
    server = smtp_server(security="starttls", refuse={"starttls": "454 4.7.0 TLS not available due to local problem"})

    run = timed(lambda: check(server.settings()))

    _assert_failure(run, "starttls_unavailable", Step.TLS)


def test_unknown_ca_gives_cert_untrusted(smtp_server):
    server = smtp_server(security="ssl", cert="unknown_ca")

    run = timed(lambda: check(server.settings()))

    _assert_failure(run, "cert_untrusted", Step.TLS)


def test_missing_ca_file_gives_cert_untrusted(smtp_server):
    server = smtp_server(security="starttls")

    run = timed(lambda: check(server.settings(ca_file="")))

    _assert_failure(run, "cert_untrusted", Step.TLS)


def test_expired_certificate_gives_cert_expired(smtp_server):
    server = smtp_server(security="ssl", cert="expired")

    run = timed(lambda: check(server.settings()))

    _assert_failure(run, "cert_expired", Step.TLS)


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_wrong_host_gives_cert_hostname(smtp_server, security):
    server = smtp_server(security=security, cert="wrong_host", auth=True)

    run = timed(lambda: check(server.settings()))

    _assert_failure(run, "cert_hostname", Step.TLS)
    assert "mail.example.test" in run.result.diagnosis.hint
    assert server.logins == []


def _der(cert: trustme.LeafCert) -> bytes:
    return ssl.PEM_cert_to_DER_cert(cert.cert_chain_pems[0].bytes().decode("ascii"))


@pytest.mark.parametrize("security", ["ssl", "starttls"])
@pytest.mark.parametrize("cert", ["unknown_ca", "expired", "wrong_host"])
def test_rejected_certificate_is_summarised(smtp_server, smtp_certificates, security, cert):
    server = smtp_server(security=security, cert=cert)
    presented = smtp_certificates.lookup(cert)

    result = check(server.settings())

    assert not result.ok
    assert result.step == Step.TLS
    summary = result.certificate
    assert summary is not None
    assert summary.sha256 == hashlib.sha256(_der(presented)).digest().hex(":").upper()
    assert summary.subject
    assert summary.issuer
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", summary.not_after)
    assert result.tls_version == ""  # the second handshake only read the certificate


def test_rejected_certificate_names_its_issuer(smtp_server):
    server = smtp_server(security="ssl", cert="unknown_ca")

    result = check(server.settings())

    assert "Unknown CA" in result.certificate.issuer
    assert result.certificate.names == ("localhost", "127.0.0.1", "::1")


def test_expired_certificate_shows_past_expiry(smtp_server):
    server = smtp_server(security="ssl", cert="expired")

    result = check(server.settings())

    expiry = datetime.datetime.fromisoformat(result.certificate.not_after.replace("Z", "+00:00"))
    assert expiry < datetime.datetime.now(datetime.timezone.utc)


def test_wrong_host_certificate_lists_its_names(smtp_server):
    server = smtp_server(security="starttls", cert="wrong_host")

    result = check(server.settings())

    assert result.certificate.names == ("mail.example.test",)


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_rejected_certificate_transcript_has_notes(smtp_server, security):
    server = smtp_server(security=security, cert="unknown_ca")

    result = check(server.settings())

    assert result.transcript[0] == f"* Connecting to 127.0.0.1:{server.port}"
    assert result.transcript[1] == f"* Connected to 127.0.0.1:{server.port}"
    assert result.transcript[-1].startswith("* TLS handshake failed: ")
    assert "certificate" in result.transcript[-1]


def test_rejected_certificate_second_connection_sends_nothing(scripted_server):
    server = scripted_server(scripted.replies(), implicit_tls="unknown_ca")

    result = check(_scripted_settings(server, security=Security.SSL))
    server.stop()  # waits for the server's threads, so every line received is recorded

    assert code_of(result) == "cert_untrusted"
    assert result.certificate is not None
    assert len(server.connections) == 2
    assert [connection.received for connection in server.connections] == [[], []]


def test_old_tls_server_gives_tls_version(scripted_server, smtp_certificates):
    server = scripted_server(scripted.late_greeting(0), implicit_tls="good", tls_max_version=ssl.TLSVersion.TLSv1_1)
    settings = _scripted_settings(server, security=Security.SSL, ca_file=smtp_certificates.ca_file)

    run = timed(lambda: check(settings))

    _assert_failure(run, "tls_version", Step.TLS)


def test_reply_4_7_66_gives_tls_version(smtp_server):
    reply = "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2."
    server = smtp_server(security="none", refuse={"mail": reply})

    run = timed(lambda: send_test(server.settings(), RECIPIENT))

    _assert_failure(run, "tls_version", Step.SENDER)


def test_drop_after_starttls_gives_connection_lost(scripted_server):
    server = scripted_server(scripted.drop_after_starttls())

    run = timed(lambda: check(_scripted_settings(server, security=Security.STARTTLS)))

    _assert_failure(run, "connection_lost", Step.TLS)


@pytest.mark.parametrize(
    ("script", "security"),
    [(scripted.stall_tls_handshake(), Security.STARTTLS), (scripted.no_greeting(), Security.SSL)],
    ids=["starttls", "ssl"],
)
def test_stalled_tls_handshake_gives_timeout(scripted_server, script, security):
    server = scripted_server(script)
    settings = _scripted_settings(server, security=security, timeout=1)

    run = timed(lambda: check(settings))

    _assert_failure(run, "timeout", Step.TLS, bound_s=settings.timeout + CI_SLACK_S)


# --- Authentication ---------------------------------------------------------------------------


def test_no_auth_offered_gives_auth_unavailable(smtp_server):
    server = smtp_server(security="ssl")

    run = timed(lambda: check(server.settings(auth=True, username="user", password="secret")))

    _assert_failure(run, "auth_unavailable", Step.AUTH)


def test_auth_hidden_before_starttls_hints_starttls(smtp_server):
    server = smtp_server(security="starttls", auth=True)

    run = timed(lambda: check(server.settings(security=Security.NONE)))

    _assert_failure(run, "auth_unavailable", Step.AUTH)
    assert "STARTTLS" in run.result.diagnosis.hint


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_wrong_password_gives_auth_failed(smtp_server, mechanism):
    server = smtp_server(security="ssl", auth=True, auth_mechanisms=(mechanism,))

    run = timed(lambda: check(server.settings(password="wrong password")))

    _assert_failure(run, "auth_failed", Step.AUTH)
    assert run.result.reply.code == 535
    assert not run.result.authenticated


def test_reply_534_5_7_9_gives_app_password_required(smtp_server):
    reply = "534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor"
    server = smtp_server(security="ssl", auth=True, refuse={"auth": reply})

    run = timed(lambda: check(server.settings()))

    _assert_failure(run, "app_password_required", Step.AUTH)


@pytest.mark.parametrize(
    "reply",
    [
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
        "Visit https://aka.ms/smtp_auth_disabled for more information.",
        "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. "
        "Contact your administrator.",
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
        "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated "
        "successfully. Contact your administrator.",
    ],
)
def test_reply_5_7_139_gives_auth_disabled(smtp_server, reply):
    server = smtp_server(security="starttls", auth=True, refuse={"auth": reply})

    run = timed(lambda: check(server.settings()))

    _assert_failure(run, "auth_disabled", Step.AUTH)


def test_drop_after_auth_gives_connection_lost(scripted_server):
    server = scripted_server(scripted.drop_after_auth())
    settings = _scripted_settings(server, security=Security.NONE, auth=True, username="user", password="secret")

    run = timed(lambda: check(settings))

    _assert_failure(run, "connection_lost", Step.AUTH)


# --- Envelope refusals: the same reply at MAIL or at RCPT gives the same code ------------------

ENVELOPE_REFUSALS = [
    ("530 5.7.0 Authentication required", "auth_required"),
    ("530 5.7.57 Client was not authenticated to send anonymous mail during MAIL FROM", "auth_required"),
    ("530 Authentication required", "auth_required"),
    ("530 5.7.0 Must issue a STARTTLS command first", "encryption_required"),
    ("530 5.7.3 STARTTLS is required to send mail", "encryption_required"),
    ("550 5.7.60 SMTP; Client does not have permissions to send as this sender", "sender_refused"),
    ("553 5.7.1 <centralino@example.test>: Sender address rejected: not owned by user tecnico", "sender_refused"),
    ("554 5.7.1 <destinatario@example.test>: Relay access denied", "relay_denied"),
    ("550 5.4.5 Daily user sending limit exceeded.", "sending_limit"),
    ("451 4.7.1 Sending rate limit exceeded, try again later", "sending_limit"),
    ("421 4.7.0 Temporary System Problem. Try again later.", "server_busy"),
]


@pytest.mark.parametrize(("reply", "code"), ENVELOPE_REFUSALS)
@pytest.mark.parametrize(("stage", "step"), [("mail", Step.SENDER), ("rcpt", Step.RECIPIENT)])
def test_envelope_refusal_same_code_at_each_step(smtp_server, reply, code, stage, step):
    server = smtp_server(security="none", refuse={stage: reply})

    run = timed(lambda: send_test(server.settings(), RECIPIENT))

    _assert_failure(run, code, step)
    assert run.result.reply.code == int(reply[:3])
    assert server.messages == []


def test_require_auth_gives_auth_required(smtp_server):
    server = smtp_server(security="none", require_auth="530 5.7.0 Authentication required")

    run = timed(lambda: send_test(server.settings(), RECIPIENT))

    _assert_failure(run, "auth_required", Step.SENDER)


@pytest.mark.parametrize(
    "reply",
    [
        "530 5.7.0 Authentication required",
        "530 5.7.57 Client not authenticated to send mail. Error: 530 5.7.57 Client was not authenticated",
        "530 Authentication required",
    ],
)
def test_check_without_login_gives_auth_required(smtp_server, reply):
    # Gmail and Exchange Online accept the connection and refuse only at MAIL FROM.
    server = smtp_server(security="starttls", auth=True, require_auth=reply)

    run = timed(lambda: check(server.settings(auth=False, username="", password="")))

    _assert_failure(run, "auth_required", Step.SENDER)
    assert f"MAIL FROM:<{SENDER}>" in server.commands
    assert server.messages == []


@pytest.mark.parametrize(("reply", "code"), ENVELOPE_REFUSALS)
def test_check_sender_refusal_gives_same_code(smtp_server, reply, code):
    server = smtp_server(security="none", refuse={"mail": reply})

    run = timed(lambda: check(server.settings()))

    _assert_failure(run, code, Step.SENDER)
    assert run.result.reply.code == int(reply[:3])


def test_check_plain_on_starttls_only_server_gives_encryption_required(smtp_server):
    server = smtp_server(security="starttls", require_starttls=True)

    run = timed(lambda: check(server.settings(security=Security.NONE)))

    _assert_failure(run, "encryption_required", Step.SENDER)


def test_require_auth_with_login_succeeds(smtp_server):
    server = smtp_server(security="ssl", auth=True, require_auth="530 5.7.0 Authentication required")

    result = send_test(server.settings(), RECIPIENT)

    assert result.ok, result.diagnosis


def test_aiosmtpd_require_starttls_gives_encryption_required(smtp_server):
    server = smtp_server(security="starttls", require_starttls=True)

    run = timed(lambda: send_test(server.settings(security=Security.NONE), RECIPIENT))

    _assert_failure(run, "encryption_required", Step.SENDER)


def test_unknown_user_gives_recipient_refused(smtp_server):
    reply = "550 5.1.1 <destinatario@example.test>: Recipient address rejected: User unknown in local recipient table"
    server = smtp_server(security="none", refuse={"rcpt": reply})

    run = timed(lambda: send_test(server.settings(), RECIPIENT))

    _assert_failure(run, "recipient_refused", Step.RECIPIENT)


def test_content_refusal_gives_server_error(smtp_server):
    server = smtp_server(security="none", refuse={"message": "554 5.6.0 Message content rejected, id=12345"})

    run = timed(lambda: send_test(server.settings(), RECIPIENT))

    _assert_failure(run, "server_error", Step.DATA)
    assert run.result.reply.code == 554
    assert "content rejected" in run.result.reply.text


def test_data_command_refusal_gives_server_error(smtp_server):
    server = smtp_server(security="none", refuse={"data": "554 5.5.1 Error: no valid recipients"})

    run = timed(lambda: send_test(server.settings(), RECIPIENT))

    _assert_failure(run, "server_error", Step.DATA)


# --- Malformed replies ------------------------------------------------------------------------


def test_endless_line_gives_protocol_error(scripted_server):
    server = scripted_server(scripted.endless_line())

    run = timed(lambda: check(_scripted_settings(server, security=Security.NONE)))

    _assert_failure(run, "protocol_error", Step.GREETING)


def test_garbage_gives_protocol_error(scripted_server):
    server = scripted_server(scripted.garbage())

    run = timed(lambda: check(_scripted_settings(server, security=Security.NONE)))

    _assert_failure(run, "protocol_error", Step.GREETING)
    transcript = "\n".join(run.result.transcript)
    assert "\x1b" not in transcript
    assert "\x00" not in transcript
    assert "\x07" not in transcript


def test_endless_multiline_reply_gives_protocol_error(scripted_server):
    many_lines = "\r\n".join(f"250-EXTENSION{number}" for number in range(5000)) + "\r\n250 OK"
    server = scripted_server(scripted.replies(many_lines))

    run = timed(lambda: check(_scripted_settings(server, security=Security.NONE)))

    _assert_failure(run, "protocol_error", Step.EHLO)


# --- Inputs refused before connecting ---------------------------------------------------------


# The English labels of the settings fields, as the diagnosis names them.
@pytest.mark.parametrize(
    ("label", "changes"),
    [
        ("Server", {"server": "127.0.0.1\r\nRSET"}),
        ("Email address", {"sender": "centralino@example.test\r\nRCPT TO:<x@example.test>"}),
        ("Email address", {"sender": "not an address"}),
        ("Username", {"auth": True, "username": "tecnico\nRSET", "password": "secret"}),
        ("Password", {"auth": True, "username": "tecnico", "password": "sec\r\nret"}),
    ],
)
def test_bad_setting_gives_invalid_input(smtp_server, label, changes):
    server = smtp_server(security="none")

    run = timed(lambda: send_test(server.settings(**changes), RECIPIENT))

    _assert_failure(run, "invalid_input", Step.INPUT)
    assert run.result.diagnosis.message.startswith(label)
    assert server.commands == []


@pytest.mark.parametrize("recipient", ["destinatario@example.test\r\nDATA", "not an address", ""])
def test_bad_recipient_gives_invalid_input(smtp_server, recipient):
    server = smtp_server(security="none")

    run = timed(lambda: send_test(server.settings(), recipient))

    _assert_failure(run, "invalid_input", Step.INPUT)
    assert run.result.diagnosis.message.startswith("Recipient")
    assert server.commands == []


# --- Helpers ----------------------------------------------------------------------------------


def _scripted_settings(server, *, security: Security, timeout: int = 5, **changes) -> Settings:
    return Settings(server=server.host, port=server.port, security=security, sender=SENDER, timeout=timeout, **changes)


def test_every_code_has_a_reproduction():
    # The codes are a stable interface: a new one needs a server behaviour that causes it, here.
    folder = Path(__file__).parent
    sources = (folder / "test_failures.py").read_text("utf-8") + (folder / "test_cancel.py").read_text("utf-8")
    missing = [code for code in CODES if f'"{code}"' not in sources]

    assert missing == []
