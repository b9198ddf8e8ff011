"""Checks of the test servers themselves, driven by smtplib, so engine failures are not server bugs."""

from __future__ import annotations

import smtplib
import socket
import ssl
import threading
import time

import pytest

from tests.support import scripted
from tests.support.servers import RECIPIENT, SENDER, USERNAME

# smtplib encodes AUTH payloads as ASCII, so these checks use an ASCII password.
PASSWORD = "ascii-Pass!#$%&'*+/=?^_`{|}~"


def _client_context(ca_file: str) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=ca_file)


def test_starttls_server_accepts_login_and_message(smtp_server):
    server = smtp_server(security="starttls", auth=True, password=PASSWORD)

    with smtplib.SMTP(server.host, server.port, timeout=5) as client:
        client.starttls(context=_client_context(server.ca_file))
        client.login(USERNAME, PASSWORD)
        client.sendmail(SENDER, [RECIPIENT], b"Subject: hi\r\n\r\nbody\r\n")

    assert server.logins == [USERNAME]
    assert server.messages[0].sender == SENDER
    assert server.messages[0].recipients == [RECIPIENT]
    assert server.messages[0].login == USERNAME
    assert server.messages[0].tls
    assert b"body" in server.messages[0].data


def test_starttls_server_hides_auth_before_tls(smtp_server):
    server = smtp_server(security="starttls", auth=True)

    with smtplib.SMTP(server.host, server.port, timeout=5) as client:
        client.ehlo()
        features_before = dict(client.esmtp_features)

    assert "starttls" in features_before
    assert "auth" not in features_before


def test_ssl_server_on_ipv6_accepts_login(smtp_server):
    server = smtp_server(security="ssl", host="::1", auth=True, password=PASSWORD, auth_mechanisms=("LOGIN",))

    with smtplib.SMTP_SSL(server.host, server.port, timeout=5, context=_client_context(server.ca_file)) as client:
        client.ehlo()
        assert client.esmtp_features["auth"].strip() == "LOGIN"
        client.login(USERNAME, PASSWORD)

    assert server.logins == [USERNAME]


def test_plain_server_rejects_wrong_password(smtp_server):
    server = smtp_server(security="none", auth=True)

    with smtplib.SMTP(server.host, server.port, timeout=5) as client:
        with pytest.raises(smtplib.SMTPAuthenticationError) as raised:
            client.login(USERNAME, "wrong")

    assert raised.value.smtp_code == 535
    assert server.logins == []


def test_refusal_replaces_rcpt_reply(smtp_server):
    server = smtp_server(security="none", refuse={"rcpt": "550 5.1.1 User unknown"})

    with smtplib.SMTP(server.host, server.port, timeout=5) as client:
        with pytest.raises(smtplib.SMTPRecipientsRefused) as raised:
            client.sendmail(SENDER, [RECIPIENT], b"x\r\n")

    assert raised.value.recipients[RECIPIENT] == (550, b"5.1.1 User unknown")
    assert server.messages == []


def test_auth_refusal_comes_after_credentials(smtp_server):
    server = smtp_server(security="ssl", auth=True, refuse={"auth": "534 5.7.9 Application-specific password required"})

    with smtplib.SMTP_SSL(server.host, server.port, timeout=5, context=_client_context(server.ca_file)) as client:
        with pytest.raises(smtplib.SMTPAuthenticationError) as raised:
            client.login(USERNAME, PASSWORD)

    assert raised.value.smtp_code == 534


def test_require_auth_refuses_mail_without_login(smtp_server):
    server = smtp_server(security="none", require_auth="530 5.7.0 Authentication required")

    with smtplib.SMTP(server.host, server.port, timeout=5) as client:
        with pytest.raises(smtplib.SMTPSenderRefused) as raised:
            client.sendmail(SENDER, [RECIPIENT], b"x\r\n")

    assert raised.value.smtp_code == 530
    assert server.commands[1].startswith("MAIL FROM:<centralino@example.test>")


@pytest.mark.parametrize("cert", ["wrong_host", "expired", "unknown_ca"])
def test_bad_certificate_fails_verification(smtp_server, cert):
    server = smtp_server(security="ssl", cert=cert)

    with pytest.raises(ssl.SSLCertVerificationError):
        smtplib.SMTP_SSL(server.host, server.port, timeout=5, context=_client_context(server.ca_file))


def test_old_tls_server_fails_modern_client(smtp_server):
    server = smtp_server(security="ssl", tls_max_version=ssl.TLSVersion.TLSv1_1)

    with pytest.raises(ssl.SSLError):
        smtplib.SMTP_SSL(server.host, server.port, timeout=5, context=_client_context(server.ca_file))


def test_slow_server_delays_greeting(slow_smtp_server):
    server = slow_smtp_server(300, security="none")

    started = time.monotonic()
    with smtplib.SMTP(server.host, server.port, timeout=5) as client:
        client.noop()
    elapsed = time.monotonic() - started

    assert elapsed >= 0.6  # greeting and NOOP reply, each 300 ms late


def test_slow_server_delays_tls_handshake(slow_smtp_server):
    server = slow_smtp_server(200, security="ssl")

    started = time.monotonic()
    with smtplib.SMTP_SSL(server.host, server.port, timeout=5, context=_client_context(server.ca_file)):
        pass
    elapsed = time.monotonic() - started

    assert elapsed >= 0.4  # ServerHello then greeting


def test_scripted_drop_after_starttls_closes(scripted_server):
    server = scripted_server(scripted.drop_after_starttls())

    with smtplib.SMTP(server.host, server.port, timeout=5) as client:
        client.ehlo()
        code, _ = client.docmd("STARTTLS")
        assert code == 220
        with pytest.raises(smtplib.SMTPServerDisconnected):
            client.noop()


def test_scripted_no_greeting_times_out(scripted_server):
    server = scripted_server(scripted.no_greeting())

    with pytest.raises(smtplib.SMTPServerDisconnected, match="timed out"):
        smtplib.SMTP(server.host, server.port, timeout=0.3)


def test_scripted_implicit_tls_greets_after_handshake(scripted_server, smtp_certificates):
    server = scripted_server(scripted.late_greeting(0), implicit_tls="good")

    with smtplib.SMTP_SSL(server.host, server.port, timeout=5, context=_client_context(smtp_certificates.ca_file)) as client:
        code, _ = client.noop()

    assert code == 250


def test_scripted_stop_ends_stalled_connections(scripted_server):
    server = scripted_server(scripted.stall_tls_handshake())
    client = socket.create_connection((server.host, server.port), timeout=5)
    client.recv(1024)
    client.sendall(b"EHLO x\r\nSTARTTLS\r\n")
    time.sleep(0.2)

    started = time.monotonic()
    server.stop()
    client.close()

    assert time.monotonic() - started < 2.0
    assert not [t for t in threading.enumerate() if t.name.startswith(f"scripted-smtp-{server.port}")]


def test_scripted_stall_after_message_keeps_silent(scripted_server):
    server = scripted_server(scripted.stall_after("."))

    with smtplib.SMTP(server.host, server.port, timeout=5) as client:
        client.ehlo()
        client.mail(SENDER)
        client.rcpt(RECIPIENT)
        client.putcmd("DATA")
        assert client.getreply()[0] == 354
        client.timeout = 0.3
        client.sock.settimeout(0.3)
        client.send(b"Subject: x\r\n\r\nbody\r\n.\r\n")
        with pytest.raises(smtplib.SMTPServerDisconnected, match="timed out"):
            client.getreply()


def test_scripted_replies_in_order(scripted_server):
    server = scripted_server(scripted.replies("", "550 5.7.1 no"))

    with smtplib.SMTP(server.host, server.port, timeout=5) as client:
        client.ehlo()
        code, message = client.mail(SENDER)

    assert code == 550
    assert message == b"5.7.1 no"


@pytest.mark.parametrize("security", ["ssl", "none"])
def test_server_without_auth_lists_no_auth(smtp_server, smtp_certificates, security):
    server = smtp_server(security=security)
    client_class = smtplib.SMTP_SSL if security == "ssl" else smtplib.SMTP
    options = {"context": _client_context(smtp_certificates.ca_file)} if security == "ssl" else {}

    with client_class(server.host, server.port, timeout=5, **options) as client:
        client.ehlo()
        features = dict(client.esmtp_features)

    assert "auth" not in features
