"""Transcript masking for every AUTH mechanism, display decoding and size bounds."""

from __future__ import annotations

import base64

import pytest

from smtp_gui import i18n
from smtp_gui.settings import server_address
from smtp_gui.smtp.transcript import HEAD_LINES, MASK, MAX_LINE_CHARS, TAIL_LINES, Transcript

PASSWORD = "S3gr3t0!èà"
USERNAME = "centralino@example.com"


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


PLAIN_PAYLOAD = _b64(f"\0{USERNAME}\0{PASSWORD}")
XOAUTH2_PAYLOAD = _b64(f"user={USERNAME}\1auth=Bearer {PASSWORD}\1\1")

# Dialogues as (side, line) pairs; every secret is the password or the username, raw or encoded.
DIALOGUES = {
    "plain_initial_response": [
        ("C", f"AUTH PLAIN {PLAIN_PAYLOAD}"),
        ("S", "235 2.7.0 Authentication successful"),
    ],
    "plain_after_challenge": [
        ("C", "AUTH PLAIN"),
        ("S", "334 "),
        ("C", PLAIN_PAYLOAD),
        ("S", "235 2.7.0 Authentication successful"),
    ],
    "login": [
        ("C", "AUTH LOGIN"),
        ("S", "334 VXNlcm5hbWU6"),
        ("C", _b64(USERNAME)),
        ("S", "334 UGFzc3dvcmQ6"),
        ("C", _b64(PASSWORD)),
        ("S", "235 2.7.0 Authentication successful"),
    ],
    "login_initial_username": [
        ("C", f"AUTH LOGIN {_b64(USERNAME)}"),
        ("S", "334 UGFzc3dvcmQ6"),
        ("C", _b64(PASSWORD)),
        ("S", "535 5.7.8 Error: authentication failed"),
    ],
    "cram_md5": [
        ("C", "AUTH CRAM-MD5"),
        ("S", "334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+"),
        ("C", _b64(f"{USERNAME} b913a602c7eda7a495b4e6e7334d3890")),
        ("S", "235 2.7.0 Authentication successful"),
    ],
    "xoauth2_with_error_challenge": [
        ("C", f"auth xoauth2 {XOAUTH2_PAYLOAD}"),
        ("S", "334 eyJzdGF0dXMiOiI0MDEifQ=="),
        ("C", ""),
        ("S", "535-5.7.8 Username and Password not accepted.\r\n"),
        ("S", "535 5.7.8 https://support.google.com/mail/?p=BadCredentials"),
    ],
    "raw_password_line": [
        ("C", "AUTH LOGIN"),
        ("S", "334 VXNlcm5hbWU6"),
        ("C", "operatore"),
        ("S", "334-Password:"),
        ("S", "334 UGFzc3dvcmQ6"),
        ("C", PASSWORD),
        ("S", "235 ok"),
    ],
}
SECRETS = (PASSWORD, _b64(PASSWORD), PLAIN_PAYLOAD, XOAUTH2_PAYLOAD, _b64(USERNAME), USERNAME)


def _record(dialogue: list[tuple[str, str]]) -> Transcript:
    transcript = Transcript()
    transcript.client("EHLO client.example.com")
    transcript.server("250 AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2")
    for side, line in dialogue:
        if side == "C":
            transcript.client(line)
        else:
            transcript.server(line)
    transcript.client("MAIL FROM:<centralino@example.com>")
    return transcript


@pytest.mark.parametrize("dialogue", DIALOGUES.values(), ids=DIALOGUES.keys())
def test_auth_secrets_masked(dialogue: list[tuple[str, str]]) -> None:
    lines = _record(dialogue).lines()
    text = "\n".join(lines[:-1])  # the MAIL FROM line names the sender address on purpose

    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize("dialogue", DIALOGUES.values(), ids=DIALOGUES.keys())
def test_auth_client_lines_all_masked(dialogue: list[tuple[str, str]]) -> None:
    lines = _record(dialogue).lines()

    auth_lines = [line for line in lines[2:-1] if line.startswith("C: ")]

    assert auth_lines[0].split()[1].upper() == "AUTH"
    for line in auth_lines[1:]:
        assert line == "C: " + MASK


@pytest.mark.parametrize("dialogue", DIALOGUES.values(), ids=DIALOGUES.keys())
def test_auth_masking_ends_with_final_reply(dialogue: list[tuple[str, str]]) -> None:
    lines = _record(dialogue).lines()

    assert lines[-1] == "C: MAIL FROM:<centralino@example.com>"


def test_auth_command_keeps_mechanism() -> None:
    transcript = Transcript()

    transcript.client(f"AUTH PLAIN {PLAIN_PAYLOAD}")

    assert transcript.lines() == ("C: AUTH PLAIN " + MASK,)


def test_auth_without_initial_response_unmasked() -> None:
    transcript = Transcript()

    transcript.client("AUTH LOGIN")

    assert transcript.lines() == ("C: AUTH LOGIN",)


def test_engine_mask_not_doubled() -> None:
    transcript = Transcript()

    transcript.client("AUTH PLAIN " + MASK)
    transcript.server("334 ")
    transcript.client(MASK)

    assert transcript.lines() == ("C: AUTH PLAIN " + MASK, "S: 334 ", "C: " + MASK)


def test_prefixes_per_source() -> None:
    transcript = Transcript()

    transcript.server("220 mail.example.com ESMTP")
    transcript.client("EHLO client.example.com")
    transcript.note("TLS established: TLSv1.3 TLS_AES_256_GCM_SHA384")

    assert transcript.lines() == (
        "S: 220 mail.example.com ESMTP",
        "C: EHLO client.example.com",
        "* TLS established: TLSv1.3 TLS_AES_256_GCM_SHA384",
    )


SERVER_LINES = {
    "crlf_stripped": ("250 OK\r\n", "S: 250 OK"),
    "utf8_bytes": ("250 Benvenuto è già qui".encode(), "S: 250 Benvenuto è già qui"),
    "invalid_utf8_replaced": (b"250 caf\xe9 ok", "S: 250 caf\ufffd ok"),
    "escape_sequence_visible": ("250 \x1b[2Jcleared", "S: 250 \\x1b[2Jcleared"),
    "nul_visible": ("250 a\x00b", "S: 250 a\\x00b"),
    "bare_cr_visible": ("250 fake\rS: 235 ok", "S: 250 fake\\x0dS: 235 ok"),
    "bidi_override_visible": ("250 \u202eevil", "S: 250 \\u202eevil"),
    "zero_width_visible": ("250 a\u200bb", "S: 250 a\\u200bb"),
    "line_separator_visible": ("250 a\u2028b", "S: 250 a\\u2028b"),
    "tab_as_space": ("250\tok", "S: 250 ok"),
    "c1_control_visible": ("250 a\x85b", "S: 250 a\\x85b"),
}


@pytest.mark.parametrize(("line", "expected"), SERVER_LINES.values(), ids=SERVER_LINES.keys())
def test_server_line_displayed(line: str | bytes, expected: str) -> None:
    transcript = Transcript()

    transcript.server(line)

    assert transcript.lines() == (expected,)


def test_client_control_characters_visible() -> None:
    transcript = Transcript()

    transcript.client("MAIL FROM:<a@example.com>\x00")

    assert transcript.lines() == ("C: MAIL FROM:<a@example.com>\\x00",)


def test_long_line_cut() -> None:
    transcript = Transcript()

    transcript.server("250 " + "x" * 5000)

    (line,) = transcript.lines()
    assert len(line) == MAX_LINE_CHARS
    assert line.endswith("…")


def test_many_lines_keep_head_and_tail() -> None:
    transcript = Transcript()
    total = HEAD_LINES + TAIL_LINES + 1000

    for number in range(total):
        transcript.server(f"250-line {number}")

    lines = transcript.lines()
    assert len(lines) == HEAD_LINES + TAIL_LINES + 1
    assert lines[0] == "S: 250-line 0"
    assert lines[HEAD_LINES] == "* ... 1000 lines left out ..."
    assert lines[-1] == f"S: 250-line {total - 1}"


def test_lines_under_cap_not_cut() -> None:
    transcript = Transcript()

    for number in range(HEAD_LINES + TAIL_LINES):
        transcript.server(f"250-line {number}")

    assert len(transcript.lines()) == HEAD_LINES + TAIL_LINES
    assert not any("left out" in line for line in transcript.lines())


def test_message_summary_not_content() -> None:
    transcript = Transcript()

    transcript.message(1234)

    assert transcript.lines() == ("* <message of 1234 bytes>",)


def test_message_summary_in_italian() -> None:
    i18n.set_language("it")
    transcript = Transcript()

    transcript.message(1234)

    assert transcript.lines() == ("* <messaggio di 1234 byte>",)


def test_server_echo_of_payload_masked() -> None:
    transcript = Transcript()

    transcript.client(f"AUTH PLAIN {PLAIN_PAYLOAD}")
    transcript.server(f"500 5.3.3 Unrecognized command 'AUTH PLAIN {PLAIN_PAYLOAD}'")

    assert PLAIN_PAYLOAD not in "\n".join(transcript.lines())
    assert transcript.lines()[1] == f"S: 500 5.3.3 Unrecognized command 'AUTH PLAIN {MASK}'"


def test_hidden_secret_masked_everywhere() -> None:
    transcript = Transcript()
    transcript.server(f"250 hello {PASSWORD}")
    transcript.note(f"note {PASSWORD}")

    transcript.hide(PASSWORD)
    transcript.client(f"NOOP {PASSWORD}")

    assert transcript.lines() == (f"S: 250 hello {MASK}", f"* note {MASK}", f"C: NOOP {MASK}")


def test_short_secret_leaves_prefixes() -> None:
    transcript = Transcript()
    transcript.hide("C")
    transcript.hide("S")

    transcript.client("QUIT")
    transcript.server("221 Bye")

    assert transcript.lines() == ("C: QUIT", "S: 221 Bye")


def test_sasl_cancel_not_treated_as_secret() -> None:
    transcript = Transcript()
    transcript.client("AUTH LOGIN")
    transcript.server("334 VXNlcm5hbWU6")

    transcript.client("*")
    transcript.server("501 5.7.0 Authentication aborted")
    transcript.note("TLS established: TLSv1.3")

    assert transcript.lines()[-1] == "* TLS established: TLSv1.3"


@pytest.mark.parametrize(
    ("server", "expected"),
    [
        ("mail.example.test", "mail.example.test:587"),
        ("192.0.2.25", "192.0.2.25:587"),
        ("::1", "[::1]:587"),
        ("2001:db8::25", "[2001:db8::25]:587"),
        ("fe80::1%eth0", "[fe80::1%eth0]:587"),
    ],
)
def test_server_address_brackets_ipv6(server, expected):
    assert server_address(server, 587) == expected


def test_connection_notes_are_marked():
    transcript = Transcript()

    transcript.connecting("[::1]:25")
    transcript.connected("[::1]:25")
    transcript.failure("certificate has expired", during_tls=True)
    transcript.failure("Connection refused", during_tls=False)

    assert transcript.lines() == (
        "* Connecting to [::1]:25",
        "* Connected to [::1]:25",
        "* TLS handshake failed: certificate has expired",
        "* Connection error: Connection refused",
    )
