"""Connection checks that succeed, against real local servers in every security mode."""

from __future__ import annotations

import re
import socket

import pytest

from smtp_gui.settings import Security, Settings
from smtp_gui.smtp import check
from smtp_gui.smtp.result import Step
from tests.support import scripted
from tests.support.servers import SENDER, USERNAME

SECURITY_MODES = ["ssl", "starttls", "none"]


@pytest.mark.parametrize("security", SECURITY_MODES)
def test_check_without_auth_succeeds(smtp_server, security):
    server = smtp_server(security=security)

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert result.step == Step.DONE
    assert result.diagnosis is None
    assert not result.authenticated
    assert "AUTH" not in server.commands


@pytest.mark.parametrize("security", SECURITY_MODES)
@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_check_with_auth_succeeds(smtp_server, security, mechanism):
    server = smtp_server(security=security, auth=True, auth_mechanisms=(mechanism,))

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert result.authenticated
    assert server.logins == [USERNAME]
    assert any(line.startswith(f"C: AUTH {mechanism}") for line in result.transcript)


def test_check_prefers_plain_when_both_offered(smtp_server):
    server = smtp_server(security="ssl", auth=True)

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert any(line.startswith("C: AUTH PLAIN") for line in result.transcript)


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_check_reports_tls_facts(smtp_server, smtp_certificates, security):
    server = smtp_server(security=security)

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert result.tls_version in ("TLSv1.2", "TLSv1.3")
    assert result.cipher
    assert result.certificate is not None
    assert "localhost" in result.certificate.names
    assert "127.0.0.1" in result.certificate.names
    assert "smtp_gui test CA" in result.certificate.issuer
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", result.certificate.not_after)
    assert len(result.certificate.sha256.split(":")) == 32


def test_check_plain_has_no_tls_facts(smtp_server):
    server = smtp_server(security="none")

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert result.tls_version == ""
    assert result.certificate is None


def test_check_starttls_upgrades_before_auth(smtp_server):
    server = smtp_server(security="starttls", auth=True)

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert server.commands.index("STARTTLS") < server.commands.index("AUTH")
    ehlo_count = sum(1 for command in server.commands if command.startswith("EHLO"))
    assert ehlo_count == 2


def test_check_plain_warns_when_starttls_offered(smtp_server):
    server = smtp_server(security="starttls")

    result = check(server.settings(security=Security.NONE))

    assert result.ok, result.diagnosis
    assert [warning.code for warning in result.warnings] == ["starttls_available"]
    assert "STARTTLS" not in server.commands


def test_check_tries_sender_then_resets(smtp_server):
    server = smtp_server(security="starttls", auth=True)

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert result.step == Step.DONE
    assert server.commands[-3:] == [f"MAIL FROM:<{SENDER}>", "RSET", "QUIT"]
    assert "DATA" not in server.commands
    assert server.messages == []
    assert result.reply.code == 250
    assert "C: RSET" in result.transcript


def test_check_without_login_warns_when_auth_offered(smtp_server):
    server = smtp_server(security="ssl", auth=True)

    result = check(server.settings(auth=False, username="", password=""))

    assert result.ok, result.diagnosis
    assert [warning.code for warning in result.warnings] == ["auth_available"]
    assert "AUTH" not in server.commands


def test_check_with_login_has_no_auth_warning(smtp_server):
    server = smtp_server(security="ssl", auth=True)

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert result.warnings == ()


def test_check_plain_without_starttls_has_no_warning(smtp_server):
    server = smtp_server(security="none")

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert result.warnings == ()


@pytest.mark.parametrize("server_text", ["::1", "[::1]"])
def test_check_ipv6_transcript_brackets_address(smtp_server, server_text):
    server = smtp_server(security="none", host="::1")

    result = check(server.settings(server=server_text))

    assert result.ok, result.diagnosis
    assert result.transcript[0] == f"* Connecting to [::1]:{server.port}"
    assert result.transcript[1] == f"* Connected to [::1]:{server.port}"


@pytest.mark.parametrize("server_text", ["::1", "[::1]"])
@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_check_ipv6_literal_succeeds(smtp_server, security, server_text):
    server = smtp_server(security=security, host="::1", auth=True)

    result = check(server.settings(server=server_text))

    assert result.ok, result.diagnosis
    assert server.logins == [USERNAME]


def test_check_localhost_name_succeeds(smtp_server):
    server = smtp_server(security="ssl")

    result = check(server.settings(server="localhost"))

    assert result.ok, result.diagnosis
    assert result.certificate is not None


def test_check_ehlo_name_is_valid(smtp_server):
    server = smtp_server(security="none")

    result = check(server.settings())

    assert result.ok, result.diagnosis
    ehlo_name = server.commands[0].split(" ", 1)[1]
    assert ehlo_name.isascii()
    assert " " not in ehlo_name
    assert ehlo_name.startswith("[") == ehlo_name.endswith("]")


def test_check_idn_name_uses_punycode(smtp_server, smtp_certificates, monkeypatch):
    # No IDN name resolves on a test machine, so a resolver stand-in maps the
    # punycode form to 127.0.0.1 and records the names the engine asked for.
    punycode = "xn--bcher-kva.example"
    server = smtp_server(security="ssl", cert=smtp_certificates.issue(punycode))
    real_getaddrinfo = socket.getaddrinfo
    requested = []

    def fake_getaddrinfo(host, *args, **kwargs):
        requested.append(host)
        if host == punycode:
            return real_getaddrinfo(server.host, *args, **kwargs)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)

    result = check(server.settings(server="Bücher.example"))

    assert result.ok, result.diagnosis
    assert punycode in requested
    assert "Bücher.example" not in requested
    assert result.certificate is not None
    assert punycode in result.certificate.names


def test_check_result_elapsed_and_reply(smtp_server):
    server = smtp_server(security="none")

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert 0 < result.elapsed_s < 5
    assert result.reply is not None
    assert result.reply.code in (221, 250)


def test_check_transcript_shows_dialogue(smtp_server):
    server = smtp_server(security="starttls")

    result = check(server.settings())

    assert result.ok, result.diagnosis
    first_server_line = next(line for line in result.transcript if line.startswith("S: "))
    assert first_server_line.startswith("S: 220")
    assert any(line.startswith("C: EHLO ") for line in result.transcript)
    assert "C: STARTTLS" in result.transcript
    assert any(line.startswith("* ") and "TLS" in line for line in result.transcript)
    assert "C: QUIT" in result.transcript


def test_check_falls_back_to_helo(smtp_server):
    server = smtp_server(security="none", refuse={"ehlo": "502 5.5.1 Error: command not implemented"})

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert any(command.startswith("HELO ") for command in server.commands)


def test_check_ignores_dropped_quit(scripted_server):
    def drop_at_quit(connection: scripted.ScriptedConnection) -> None:
        connection.send(scripted.GREETING)
        connection.serve(until="QUIT")

    server = scripted_server(drop_at_quit)
    settings = Settings(server=server.host, port=server.port, security=Security.NONE, sender=SENDER, timeout=5)

    result = check(settings)

    assert result.ok, result.diagnosis
    assert result.step == Step.DONE


def test_check_latin1_greeting_succeeds(scripted_server):
    # Some servers greet in Latin-1; the text is shown with the undecodable byte replaced.
    def latin1_greeting(connection: scripted.ScriptedConnection) -> None:
        connection.send(b"220 mail.example.test Server di posta pronto \xe8 attivo\r\n")
        connection.serve()
        connection.send("221 2.0.0 Bye")

    server = scripted_server(latin1_greeting)
    settings = Settings(server=server.host, port=server.port, security=Security.NONE, sender=SENDER, timeout=5)

    result = check(settings)

    assert result.ok, result.diagnosis
    greeting = next(line for line in result.transcript if line.startswith("S: 220"))
    assert "Server di posta pronto" in greeting
