"""Settings refused before connecting, each with an invalid_input diagnosis naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from smtp_gui import i18n
from smtp_gui.settings import Security, Settings
from smtp_gui.smtp.inputs import check_inputs

VALID = Settings(
    server="smtp.example.com",
    sender="centralino@example.com",
    port=587,
    security=Security.STARTTLS,
    auth=True,
    username="centralino@example.com",
    password="secret",
)
RECIPIENT = "tecnico@example.com"

# (changes to VALID, recipient, field label expected in the message)
INVALID = {
    "server_empty": ({"server": ""}, RECIPIENT, "Server"),
    "server_line_break": ({"server": "smtp.example.com\r\nRSET"}, RECIPIENT, "Server"),
    "server_with_scheme": ({"server": "smtp://smtp.example.com"}, RECIPIENT, "Server"),
    "server_with_port": ({"server": "smtp.example.com:587"}, RECIPIENT, "Server"),
    "server_bad_ipv6": ({"server": "[2001:db8::zz]"}, RECIPIENT, "Server"),
    "sender_line_break": ({"sender": "centralino@example.com\r\nRCPT TO:<x@example.com>"}, RECIPIENT,
                          "Email address"),
    "sender_no_at": ({"sender": "centralino"}, RECIPIENT, "Email address"),
    "sender_display_name": ({"sender": "Centralino <centralino@example.com>"}, RECIPIENT, "Email address"),
    "port_zero": ({"port": 0}, RECIPIENT, "Port"),
    "port_too_high": ({"port": 70000}, RECIPIENT, "Port"),
    "username_missing": ({"username": ""}, RECIPIENT, "Username"),
    "username_line_break": ({"username": "centralino\nQUIT"}, RECIPIENT, "Username"),
    "password_missing": ({"password": ""}, RECIPIENT, "Password"),
    "password_line_break": ({"password": "secret\r\nQUIT"}, RECIPIENT, "Password"),
    "password_nul": ({"password": "sec\0ret"}, RECIPIENT, "Password"),
    "timeout_zero": ({"timeout": 0}, RECIPIENT, "Timeout"),
    "ca_file_missing": ({"ca_file": "/nonexistent/ca.pem"}, RECIPIENT, "Extra CA certificate"),
    "recipient_line_break": ({}, "tecnico@example.com\r\nDATA", "Recipient"),
    "recipient_two_addresses": ({}, "a@example.com, b@example.com", "Recipient"),
    "recipient_empty": ({}, "", "Recipient"),
}


@pytest.mark.parametrize(("changes", "recipient", "label"), INVALID.values(), ids=INVALID.keys())
def test_invalid_value_gives_invalid_input(changes: dict[str, object], recipient: str, label: str) -> None:
    found = check_inputs(VALID.replace(**changes), recipient)

    assert found is not None
    assert found.code == "invalid_input"
    assert found.message.startswith(f"{label} is not valid.")


VALID_CASES = {
    "plain": ({}, RECIPIENT),
    "check_without_recipient": ({}, None),
    "ipv4_server": ({"server": "192.0.2.25"}, RECIPIENT),
    "ipv6_server_bare": ({"server": "2001:db8::25"}, RECIPIENT),
    "ipv6_server_brackets": ({"server": "[2001:db8::25]"}, RECIPIENT),
    "idn_server_and_sender": ({"server": "posta.bücher.example", "sender": "centralino@bücher.example"}, RECIPIENT),
    "password_every_special_character": ({"password": "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ "}, RECIPIENT),
    "password_accented": ({"password": "pàsswördè€"}, RECIPIENT),
    "no_auth_ignores_credentials": ({"auth": False, "username": "", "password": ""}, RECIPIENT),
    "no_auth_ignores_password_line_break": ({"auth": False, "password": "a\nb"}, RECIPIENT),
    "reports_recipient_not_checked": ({"reports_enabled": True, "reports_recipient": "bad"}, RECIPIENT),
}


@pytest.mark.parametrize(("changes", "recipient"), VALID_CASES.values(), ids=VALID_CASES.keys())
def test_valid_settings_pass(changes: dict[str, object], recipient: str | None) -> None:
    assert check_inputs(VALID.replace(**changes), recipient) is None


def test_ca_file_readable_passes(tmp_path: Path) -> None:
    import trustme

    ca_file = tmp_path / "ca.pem"
    trustme.CA().cert_pem.write_to_path(str(ca_file))

    assert check_inputs(VALID.replace(ca_file=str(ca_file)), RECIPIENT) is None


def test_password_never_in_diagnosis() -> None:
    password = "secret\nwith line break"

    found = check_inputs(VALID.replace(password=password), RECIPIENT)

    assert found is not None
    assert "secret" not in found.message
    assert "secret" not in found.hint


def test_first_invalid_field_reported() -> None:
    found = check_inputs(VALID.replace(server="", sender="bad"), "also bad")

    assert found is not None
    assert found.message.startswith("Server is not valid.")


def test_invalid_input_in_italian() -> None:
    i18n.set_language("it")

    found = check_inputs(VALID.replace(sender="centralino"), RECIPIENT)

    assert found is not None
    assert found.message.startswith("Valore non valido nel campo Indirizzo E-mail.")
    assert found.hint.startswith("Correggere il valore")
