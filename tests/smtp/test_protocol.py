"""Tables for the I/O-free SMTP parts: replies, EHLO, SASL, dot-stuffing, queue ids, EHLO names."""

from __future__ import annotations

import base64

import pytest

from smtp_gui.smtp.protocol import (
    Features,
    ProtocolError,
    ReplyLine,
    build_reply,
    choose_auth_mechanism,
    dot_stuff,
    ehlo_name,
    envelope_address,
    extract_queue_id,
    parse_ehlo,
    parse_reply_line,
    sasl_login,
    sasl_plain,
)
from smtp_gui.smtp.result import Reply


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"220 mail.example.test ESMTP", ReplyLine(220, True, b"mail.example.test ESMTP")),
        (b"250-PIPELINING", ReplyLine(250, False, b"PIPELINING")),
        (b"250", ReplyLine(250, True, b"")),
        (b"250 ", ReplyLine(250, True, b"")),
        (b"535 5.7.8 Error: authentication failed", ReplyLine(535, True, b"5.7.8 Error: authentication failed")),
        (b"421 \xff\xfe odd bytes", ReplyLine(421, True, b"\xff\xfe odd bytes")),
    ],
)
def test_parse_reply_line_valid(line: bytes, expected: ReplyLine) -> None:
    assert parse_reply_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [b"", b"hello", b"25", b"250OK", b"199 too low", b"600 too high", b"abc def", b"\x16\x03\x01\x02\x00"],
)
def test_parse_reply_line_malformed_raises(line: bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_reply_line(line)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([b"250 Ok"], Reply(250, "", "Ok")),
        ([b"250 2.0.0 Ok: queued as ABC"], Reply(250, "2.0.0", "Ok: queued as ABC")),
        (
            [b"550-5.7.1 Relaying denied.", b"550 5.7.1 See the docs"],
            Reply(550, "5.7.1", "Relaying denied.\nSee the docs"),
        ),
        ([b"535 5.7.139 Authentication unsuccessful"], Reply(535, "5.7.139", "Authentication unsuccessful")),
        ([b"421 4.7.66 TLS 1.0 and 1.1 are not supported"], Reply(421, "4.7.66", "TLS 1.0 and 1.1 are not supported")),
        ([b"250 5.0.0 class differs from the code"], Reply(250, "", "5.0.0 class differs from the code")),
        ([b"530 5.7.0"], Reply(530, "5.7.0", "")),
        ([b"250 caf\xc3\xa9 \xff"], Reply(250, "", "caf\u00e9 \ufffd")),
    ],
)
def test_build_reply_joins_lines(lines: list[bytes], expected: Reply) -> None:
    assert build_reply([parse_reply_line(line) for line in lines]) == expected


def test_build_reply_mixed_codes_raises() -> None:
    with pytest.raises(ProtocolError):
        build_reply([parse_reply_line(b"250-first"), parse_reply_line(b"251 second")])


def _ehlo(*lines: str) -> Reply:
    return build_reply([parse_reply_line(line.encode()) for line in lines])


def test_parse_ehlo_reads_extensions() -> None:
    reply = _ehlo(
        "250-mail.example.test Hello",
        "250-SIZE 35882577",
        "250-8BITMIME",
        "250-STARTTLS",
        "250-AUTH LOGIN PLAIN XOAUTH2",
        "250-smtputf8",
        "250 ENHANCEDSTATUSCODES",
    )
    features = parse_ehlo(reply)
    assert features.starttls
    assert features.eightbitmime
    assert features.smtputf8
    assert features.size_limit == 35882577
    assert features.auth_mechanisms == ("LOGIN", "PLAIN", "XOAUTH2")


def test_parse_ehlo_old_auth_syntax_merged() -> None:
    features = parse_ehlo(_ehlo("250-mail.example.test", "250-AUTH=LOGIN", "250 AUTH PLAIN LOGIN"))
    assert features.auth_mechanisms == ("LOGIN", "PLAIN")


def test_parse_ehlo_greeting_line_only_has_no_features() -> None:
    features = parse_ehlo(_ehlo("250 mail.example.test STARTTLS"))
    assert features == Features()
    assert not features.starttls
    assert features.size_limit is None


def test_parse_ehlo_size_without_value_means_no_limit() -> None:
    assert parse_ehlo(_ehlo("250-host", "250 SIZE")).size_limit == 0


@pytest.mark.parametrize(
    ("offered", "expected"),
    [
        (("LOGIN", "PLAIN"), "PLAIN"),
        (("CRAM-MD5", "LOGIN"), "LOGIN"),
        (("XOAUTH2", "GSSAPI"), None),
        ((), None),
    ],
)
def test_choose_auth_mechanism(offered: tuple[str, ...], expected: str | None) -> None:
    assert choose_auth_mechanism(offered) == expected


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("user@example.test", "secret"),
        ("tecnico", "p@ss:w0rd!\"#$%&'()*+,-./;<=>?[\\]^_`{|}~ "),
        ("Jürgen", "pàssword€"),
    ],
)
def test_sasl_plain_encodes_utf8(username: str, password: str) -> None:
    decoded = base64.b64decode(sasl_plain(username, password))
    assert decoded == b"\0" + username.encode("utf-8") + b"\0" + password.encode("utf-8")


def test_sasl_login_encodes_utf8() -> None:
    assert base64.b64decode(sasl_login("pàss")) == "pàss".encode()
    assert sasl_login("Username:") == "VXNlcm5hbWU6"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (b"Subject: x\r\n\r\nbody\r\n", b"Subject: x\r\n\r\nbody\r\n.\r\n"),
        (b"a\r\n.\r\nb", b"a\r\n..\r\nb\r\n.\r\n"),
        (b".start\n..two\nend\n", b"..start\r\n...two\r\nend\r\n.\r\n"),
        (b"bare\rcr\r\n", b"bare\r\ncr\r\n.\r\n"),
        (b"", b".\r\n"),
    ],
)
def test_dot_stuff(message: bytes, expected: bytes) -> None:
    assert dot_stuff(message) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ok: queued as 4Q2ZxL3kz9z9vQ", "4Q2ZxL3kz9z9vQ"),
        ("OK: queued as <TEST1234>", "TEST1234"),
        ("Queued mail for delivery", ""),
        ("OK id=1rAbCd-000Xyz-7Q", "1rAbCd-000Xyz-7Q"),
        ("3B0EQ9nK012345 Message accepted for delivery", "3B0EQ9nK012345"),
        ("<20261204.abc@mx.test> Message accepted", "20261204.abc@mx.test"),
        ("OK  1733300000 a1b2c3.45 - gsmtp", "a1b2c3.45"),
        ("Ok 0100018c2f0e7a1d-4f3b2c1d-aaaa-bbbb-cccc-000000", "0100018c2f0e7a1d-4f3b2c1d-aaaa-bbbb-cccc-000000"),
        ("OK", ""),
        ("", ""),
    ],
)
def test_extract_queue_id(text: str, expected: str) -> None:
    assert extract_queue_id(text) == expected


@pytest.mark.parametrize(
    ("hostname", "local_address", "expected"),
    [
        ("pc01.example.test", "192.0.2.7", "pc01.example.test"),
        ("PC01.Example.Test.", "192.0.2.7", "PC01.Example.Test"),
        ("DESKTOP-7QX", "192.0.2.7", "[192.0.2.7]"),
        ("Büro PC", "127.0.0.1", "[127.0.0.1]"),
        ("büro.example.test", "127.0.0.1", "xn--bro-hoa.example.test"),
        ("bad_name.example.test", "::1", "[IPv6:::1]"),
        ("-lead.example.test", "fe80::1%eth0", "[IPv6:fe80::1]"),
        ("", "10.0.0.1", "[10.0.0.1]"),
    ],
)
def test_ehlo_name(hostname: str, local_address: str, expected: str) -> None:
    assert ehlo_name(hostname, local_address) == expected


@pytest.mark.parametrize(
    ("address", "smtputf8", "expected"),
    [
        ("tvox@example.test", False, "tvox@example.test"),
        ("tvox@bücher.example", False, "tvox@xn--bcher-kva.example"),
        ("tvox@bücher.example", True, "tvox@bücher.example"),
        ("jürgen@bücher.example", True, "jürgen@bücher.example"),
    ],
)
def test_envelope_address(address: str, smtputf8: bool, expected: str) -> None:
    assert envelope_address(address, smtputf8) == expected
