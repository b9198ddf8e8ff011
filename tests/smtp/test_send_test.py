"""Test messages sent through real local servers: the envelope and the message the server received."""

from __future__ import annotations

import email
import email.policy
import email.utils

import pytest

from smtp_gui import i18n
from smtp_gui.smtp import send_test
from smtp_gui.smtp.result import Step
from tests.support.servers import PASSWORD, RECIPIENT, SENDER

SECURITY_MODES = ["ssl", "starttls", "none"]


def _parsed(data: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)


@pytest.mark.parametrize("security", SECURITY_MODES)
@pytest.mark.parametrize("auth", [False, True])
def test_send_test_is_accepted(smtp_server, security, auth):
    server = smtp_server(security=security, auth=auth)

    result = send_test(server.settings(), RECIPIENT)

    assert result.ok, result.diagnosis
    assert result.step == Step.DONE
    assert result.authenticated == auth
    assert len(server.messages) == 1
    assert server.messages[0].sender == SENDER
    assert server.messages[0].recipients == [RECIPIENT]


def test_send_test_reports_queue_id(smtp_server):
    server = smtp_server(security="none")

    result = send_test(server.settings(), RECIPIENT)

    assert result.ok, result.diagnosis
    assert result.queue_id == "TEST1234"


@pytest.mark.parametrize(
    ("accept_reply", "queue_id"),
    [
        ("250 2.0.0 Ok: queued as 4FxYz12AbC", "4FxYz12AbC"),
        ("250 Ok: queued as 8C1A2B3D4E", "8C1A2B3D4E"),
        ("250 2.0.0 Queued mail for delivery", ""),
    ],
)
def test_send_test_queue_id_formats(smtp_server, accept_reply, queue_id):
    server = smtp_server(security="none", accept_reply=accept_reply)

    result = send_test(server.settings(), RECIPIENT)

    assert result.ok, result.diagnosis
    assert result.queue_id == queue_id


def test_send_test_message_is_valid_mime(smtp_server):
    server = smtp_server(security="starttls", auth=True)
    settings = server.settings()

    result = send_test(settings, RECIPIENT)

    assert result.ok, result.diagnosis
    data = server.messages[0].data
    message = _parsed(data)
    assert not message.defects
    assert message["From"].addresses[0].addr_spec == SENDER
    assert message["To"].addresses[0].addr_spec == RECIPIENT
    assert message["Subject"]
    assert email.utils.parsedate_to_datetime(str(message["Date"])) is not None
    assert message["Message-ID"].startswith("<")
    assert message["Message-ID"].rstrip(">").endswith("@example.test")
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_send_test_message_names_settings(smtp_server):
    server = smtp_server(security="ssl", auth=True)
    settings = server.settings()

    result = send_test(settings, RECIPIENT)

    assert result.ok, result.diagnosis
    body = _parsed(server.messages[0].data).get_content()
    assert server.host in body
    assert str(server.port) in body
    assert "SSL" in body.upper()


def test_send_test_message_has_no_password(smtp_server):
    server = smtp_server(security="ssl", auth=True)

    result = send_test(server.settings(), RECIPIENT)

    assert result.ok, result.diagnosis
    data = server.messages[0].data
    decoded = _parsed(data).get_content()
    assert PASSWORD.encode("utf-8") not in data
    assert PASSWORD not in decoded


def test_send_test_message_follows_language(smtp_server):
    server = smtp_server(security="none")

    english = send_test(server.settings(), RECIPIENT)
    i18n.set_language("it")
    italian = send_test(server.settings(), RECIPIENT)

    assert english.ok, english.diagnosis
    assert italian.ok, italian.diagnosis
    english_message = _parsed(server.messages[0].data)
    italian_message = _parsed(server.messages[1].data)
    assert not italian_message.defects
    assert italian_message.get_content_charset() == "utf-8"
    assert italian_message["Subject"] != english_message["Subject"]
    assert italian_message.get_content() != english_message.get_content()


def test_send_test_idn_sender_domain_is_accepted(smtp_server):
    # The settings allow non-ASCII only in the domain; it may travel as punycode or with SMTPUTF8.
    server = smtp_server(security="none")
    sender = "centralino@bücher.example"

    result = send_test(server.settings(sender=sender), RECIPIENT)

    assert result.ok, result.diagnosis
    assert server.messages[0].sender in (sender, "centralino@xn--bcher-kva.example")


def test_send_test_ascii_sender_skips_smtputf8(smtp_server):
    server = smtp_server(security="none")

    result = send_test(server.settings(), RECIPIENT)

    assert result.ok, result.diagnosis
    assert "SMTPUTF8" not in [option.upper() for option in server.messages[0].mail_options]


def test_send_test_transcript_summarises_message(smtp_server):
    server = smtp_server(security="none")

    result = send_test(server.settings(), RECIPIENT)

    assert result.ok, result.diagnosis
    transcript = "\n".join(result.transcript)
    assert f"C: MAIL FROM:<{SENDER}>" in transcript
    assert f"C: RCPT TO:<{RECIPIENT}>" in transcript
    assert "C: DATA" in transcript
    assert "Message-ID" not in transcript
    assert "bytes" in transcript


def test_send_test_over_ipv6_succeeds(smtp_server):
    server = smtp_server(security="starttls", host="::1", auth=True)

    result = send_test(server.settings(server="[::1]"), RECIPIENT)

    assert result.ok, result.diagnosis
    assert server.messages[0].tls
