"""The test message parsed back with the email package: MIME, headers, text in both languages."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

import pytest

from smtp_gui import i18n
from smtp_gui.settings import Security, Settings
from smtp_gui.smtp.message import build_test_message

PASSWORD = "Pàss:wörd\"'<>&%$#@!"
SETTINGS = Settings(
    server="smtp.esempio.it",
    sender="centralino@esempio.it",
    port=587,
    security=Security.STARTTLS,
    auth=True,
    username="centralino@esempio.it",
    password=PASSWORD,
)
RECIPIENT = "tecnico@example.com"
NOW = datetime(2026, 12, 4, 21, 30, 15, tzinfo=timezone.utc)


def _build(settings: Settings = SETTINGS, recipient: str = RECIPIENT, now: datetime = NOW) -> bytes:
    return build_test_message(settings, recipient, now)


def _parse(data: bytes) -> EmailMessage:
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_message_valid_mime() -> None:
    parsed = _parse(_build())

    assert not parsed.defects
    assert parsed["MIME-Version"] == "1.0"
    assert parsed.get_content_type() == "text/plain"
    assert parsed.get_content_charset() == "utf-8"


def test_message_lines_end_with_crlf() -> None:
    data = _build()

    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")


def test_message_is_seven_bit() -> None:
    assert _build().isascii()


def test_message_addresses() -> None:
    parsed = _parse(_build())

    assert parsed["From"].addresses[0].addr_spec == "centralino@esempio.it"
    assert parsed["To"].addresses[0].addr_spec == RECIPIENT


def test_message_date_is_sending_time() -> None:
    parsed = _parse(_build())

    assert parsedate_to_datetime(parsed["Date"]) == NOW


def test_message_naive_time_taken_as_utc() -> None:
    parsed = _parse(_build(now=NOW.replace(tzinfo=None)))

    assert parsedate_to_datetime(parsed["Date"]) == NOW


def test_message_id_uses_sender_domain() -> None:
    parsed = _parse(_build())

    message_id = parsed["Message-ID"]
    assert message_id.startswith("<")
    assert message_id.endswith("@esempio.it>")


def test_message_ids_unique() -> None:
    first = _parse(_build())["Message-ID"]
    second = _parse(_build())["Message-ID"]

    assert first != second


def test_message_no_auto_replies() -> None:
    assert _parse(_build())["Auto-Submitted"] == "auto-generated"


def test_message_names_settings() -> None:
    text = _parse(_build()).get_content()

    assert "smtp.esempio.it" in text
    assert "587" in text
    assert "STARTTLS" in text
    assert "centralino@esempio.it" in text
    assert "2026-12-04" in text


def test_message_never_contains_password() -> None:
    data = _build()
    text = _parse(data).get_content()

    assert PASSWORD not in text
    assert PASSWORD.encode("utf-8") not in data
    assert "Pàss" not in text


def test_message_english_text() -> None:
    parsed = _parse(_build())

    assert parsed["Subject"] == "Test message from the TVox SMTP configurator"
    assert parsed["Content-Language"] == "en"
    assert "Secure connection type: STARTTLS" in parsed.get_content()


def test_message_italian_text() -> None:
    i18n.set_language("it")

    parsed = _parse(_build(SETTINGS.replace(security=Security.NONE, port=25, auth=False)))

    text = parsed.get_content()
    assert parsed["Subject"] == "Messaggio di prova dal configuratore SMTP di TVox"
    assert parsed["Content-Language"] == "it"
    assert "Tipo di connessione sicura: Nessuno" in text
    assert "Autenticazione: disattiva" in text
    assert "Porta: 25" in text
    assert "è stato inviato" in text


def test_message_idn_domains_encoded() -> None:
    settings = SETTINGS.replace(sender="centralino@bücher.example")

    parsed = _parse(_build(settings, recipient="tecnico@müller.example"))

    assert parsed["From"].addresses[0].addr_spec == "centralino@xn--bcher-kva.example"
    assert parsed["To"].addresses[0].addr_spec == "tecnico@xn--mller-kva.example"
    assert parsed["Message-ID"].endswith("@xn--bcher-kva.example>")


def test_message_local_time_shown() -> None:
    later = NOW + timedelta(hours=1)

    text = _parse(_build(now=later)).get_content()

    assert later.astimezone().strftime("%H:%M:%S") in text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("recipient", "tecnico@example.com\r\nBcc: victim@example.com"),
        ("recipient", "Tecnico <tecnico@example.com>"),
        ("recipient", "a@example.com, b@example.com"),
        ("recipient", "no-at-sign"),
        ("sender", "centralino@esempio.it\nSubject: injected"),
    ],
)
def test_message_rejects_unsafe_address(field: str, value: str) -> None:
    settings = SETTINGS.replace(sender=value) if field == "sender" else SETTINGS
    recipient = value if field == "recipient" else RECIPIENT

    with pytest.raises(ValueError, match=f"the {field} is not a valid address"):
        build_test_message(settings, recipient, NOW)
