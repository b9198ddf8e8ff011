"""Passwords pass through opaque, and appear in nothing the engine produces."""

from __future__ import annotations

import logging
import string

import pytest

from smtp_gui.settings import Security, Settings
from smtp_gui.smtp import check, send_test
from tests.smtp.engine_helpers import code_of, find_secrets, secret_forms, texts_of_logs, texts_of_result
from tests.support import scripted
from tests.support.servers import RECIPIENT, SENDER, USERNAME

SPECIAL_CHARACTERS = string.punctuation + " "
ALL_SPECIALS_PASSWORD = "Aa1" + SPECIAL_CHARACTERS
ACCENTED_PASSWORD = "àèéìòù-ÀÉÇ-ßñ€-pässwörd"
UNICODE_USERNAME = "tècnico.ünicode@example.test"


@pytest.fixture
def program_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Capture every record of the program's loggers, debug level included."""
    caplog.set_level(logging.DEBUG, logger="smtp_gui")
    return caplog


def _assert_no_secret(result, logs, username: str, password: str) -> None:
    texts = {**texts_of_result(result), **texts_of_logs(logs.records)}
    if result.diagnosis is not None:
        texts["diagnosis"] = f"{result.diagnosis.message}\n{result.diagnosis.hint}"
    assert find_secrets(texts, secret_forms(username, password)) == []


@pytest.mark.parametrize("character", list(SPECIAL_CHARACTERS), ids=lambda character: f"0x{ord(character):02x}")
def test_special_character_password_authenticates(smtp_server, program_logs, character):
    password = f"Pw{character}x{character}9"
    server = smtp_server(security="ssl", auth=True, password=password, auth_mechanisms=("PLAIN",))

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert server.logins == [USERNAME]
    _assert_no_secret(result, program_logs, USERNAME, password)


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
@pytest.mark.parametrize("password", [ALL_SPECIALS_PASSWORD, ACCENTED_PASSWORD], ids=["specials", "accented"])
def test_password_authenticates_with_each_mechanism(smtp_server, program_logs, mechanism, password):
    server = smtp_server(security="starttls", auth=True, password=password, auth_mechanisms=(mechanism,))

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert server.logins == [USERNAME]
    _assert_no_secret(result, program_logs, USERNAME, password)


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_unicode_username_authenticates(smtp_server, program_logs, mechanism):
    server = smtp_server(
        security="ssl", auth=True, username=UNICODE_USERNAME, password=ACCENTED_PASSWORD, auth_mechanisms=(mechanism,)
    )

    result = check(server.settings())

    assert result.ok, result.diagnosis
    assert server.logins == [UNICODE_USERNAME]


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_transcript_masks_auth_lines(smtp_server, mechanism):
    server = smtp_server(security="ssl", auth=True, auth_mechanisms=(mechanism,))

    result = check(server.settings())

    assert result.ok, result.diagnosis
    auth_index = next(index for index, line in enumerate(result.transcript) if line.startswith("C: AUTH"))
    assert result.transcript[auth_index] == f"C: AUTH {mechanism} ********"
    client_lines_until_235 = []
    for line in result.transcript[auth_index + 1 :]:
        if line.startswith("S: 235"):
            break
        if line.startswith("C: "):
            client_lines_until_235.append(line)
    assert all(line == "C: ********" for line in client_lines_until_235)


def test_sent_message_has_no_secret(smtp_server, program_logs):
    server = smtp_server(security="starttls", auth=True, password=ACCENTED_PASSWORD)

    result = send_test(server.settings(), RECIPIENT)

    assert result.ok, result.diagnosis
    data = server.messages[0].data
    for secret in secret_forms(USERNAME, ACCENTED_PASSWORD):
        assert secret.encode("utf-8") not in data
    _assert_no_secret(result, program_logs, USERNAME, ACCENTED_PASSWORD)


def test_wrong_password_leaks_nothing(smtp_server, program_logs):
    server = smtp_server(security="ssl", auth=True)
    wrong = "Sbagliàta!#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

    result = check(server.settings(password=wrong))

    assert code_of(result) == "auth_failed"
    _assert_no_secret(result, program_logs, USERNAME, wrong)


def test_dropped_auth_leaks_nothing(scripted_server, program_logs):
    server = scripted_server(scripted.drop_after_auth())
    settings = Settings(
        server=server.host, port=server.port, security=Security.NONE, sender=SENDER,
        auth=True, username=USERNAME, password=ACCENTED_PASSWORD, timeout=5,
    )

    result = check(settings)

    assert code_of(result) == "connection_lost"
    _assert_no_secret(result, program_logs, USERNAME, ACCENTED_PASSWORD)


def test_timed_out_auth_leaks_nothing(scripted_server, program_logs):
    server = scripted_server(scripted.stall_after("AUTH", features=("AUTH LOGIN",)))
    settings = Settings(
        server=server.host, port=server.port, security=Security.NONE, sender=SENDER,
        auth=True, username=USERNAME, password=ACCENTED_PASSWORD, timeout=1,
    )

    result = check(settings)

    assert code_of(result) == "timeout"
    _assert_no_secret(result, program_logs, USERNAME, ACCENTED_PASSWORD)


def test_password_with_line_break_leaks_nothing(smtp_server, program_logs):
    server = smtp_server(security="ssl", auth=True)
    password = "first line\r\nsecond line"

    result = check(server.settings(password=password))

    assert code_of(result) == "invalid_input"
    _assert_no_secret(result, program_logs, USERNAME, password)
    assert find_secrets(
        {"diagnosis": result.diagnosis.message + result.diagnosis.hint}, ["first line", "second line"]
    ) == []


def test_settings_repr_hides_password():
    settings = Settings(server="127.0.0.1", auth=True, username=USERNAME, password=ACCENTED_PASSWORD)

    assert ACCENTED_PASSWORD not in repr(settings)
