"""The settings model: defaults, every validation rule with accepted and rejected forms, warnings."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
import trustme
from hypothesis import given, settings as hypothesis_settings, strategies

from smtp_gui import addresses, i18n
from smtp_gui.settings import (
    DEFAULT_PORTS,
    Problem,
    Security,
    Settings,
    Severity,
    address_error,
    errors,
    port_for_security,
    server_error,
    validate,
    warnings,
    wire_host,
)

FIELD_NAMES = {item.name for item in dataclasses.fields(Settings)}

VALID = Settings(
    server="smtp.example.com",
    sender="tvox@example.com",
    port=587,
    security=Security.STARTTLS,
    auth=True,
    username="tvox@example.com",
    password="secret",
    reports_enabled=True,
    reports_recipient="support@example.com",
    timeout=30,
)


def _fields(problems: list[Problem], severity: Severity) -> list[str]:
    return [problem.field for problem in problems if problem.severity is severity]


def _message(template: str, **values: object) -> str:
    return template.format(**values)


# --- defaults and helpers ---------------------------------------------------------------


def test_defaults_match_appliance_page() -> None:
    settings = Settings()

    assert settings.server == ""
    assert settings.sender == ""
    assert settings.port == 25
    assert settings.security is Security.NONE
    assert settings.auth is False
    assert settings.username == ""
    assert settings.password == ""
    assert settings.reports_enabled is False
    assert settings.reports_recipient == ""
    assert settings.timeout == 15
    assert settings.ca_file == ""


def test_password_absent_from_repr() -> None:
    assert "secret" not in repr(VALID)


def test_valid_settings_have_no_problem() -> None:
    assert validate(VALID) == []


def test_defaults_are_invalid_until_filled() -> None:
    problems = validate(Settings())

    assert _fields(problems, Severity.ERROR) == ["server", "sender"]
    assert _fields(problems, Severity.WARNING) == ["security"]


def test_errors_and_warnings_filter() -> None:
    problems = validate(VALID.replace(server="", security=Security.NONE, port=25))

    assert [problem.field for problem in errors(problems)] == ["server"]
    assert [problem.field for problem in warnings(problems)] == ["security", "auth"]


@pytest.mark.parametrize(
    ("port", "security", "expected"),
    [
        (25, Security.SSL, 465),
        (465, Security.STARTTLS, 587),
        (587, Security.NONE, 25),
        (25, Security.NONE, 25),
        (2525, Security.SSL, 2525),
        (10025, Security.STARTTLS, 10025),
    ],
)
def test_port_follows_security(port: int, security: Security, expected: int) -> None:
    assert port_for_security(port, security) == expected


def test_default_ports() -> None:
    assert DEFAULT_PORTS == {Security.SSL: 465, Security.STARTTLS: 587, Security.NONE: 25}


@pytest.mark.parametrize(
    ("server", "expected"),
    [
        ("smtp.example.com", "smtp.example.com"),
        ("  SMTP.Example.COM ", "smtp.example.com"),
        ("posta.bücher.example", "posta.xn--bcher-kva.example"),
        ("ｍａｉｌ.example.com", "mail.example.com"),
        ("192.0.2.10", "192.0.2.10"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("2001:db8::1", "2001:db8::1"),
        ("::1", "::1"),
    ],
)
def test_wire_host_forms(server: str, expected: str) -> None:
    assert wire_host(server) == expected


def test_wire_host_rejects_bad_idn() -> None:
    with pytest.raises(UnicodeError):
        wire_host("\u0300bad.example")


# --- server -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "server",
    [
        "smtp.example.com",
        "localhost",
        "mail",
        "SMTP.Example.COM",
        "smtp.example.com.",
        "mail-01.corp.example",
        "relay_1.corp.local",
        " smtp.example.com ",
        "posta.bücher.example",
        "例え.テスト",
        "192.0.2.1",
        "127.0.0.1",
        "0xdead.example.com",
        "1e100.net",
        "::1",
        "[::1]",
        "2001:db8::25",
        "[2001:db8::25]",
        "fe80::1%eth0",
        "::ffff:192.0.2.1",
        ".".join(["a" * 63] * 3) + "." + "b" * 61,
    ],
)
def test_server_accepts(server: str) -> None:
    assert server_error(server) is None


@pytest.mark.parametrize(
    ("server", "expected"),
    [
        ("", addresses.SERVER_EMPTY),
        ("   ", addresses.SERVER_EMPTY),
        ("smtp://smtp.example.com", _message(addresses.SERVER_SCHEME, scheme="smtp")),
        ("smtps://smtp.example.com:465", _message(addresses.SERVER_SCHEME, scheme="smtps")),
        ("smtp.example.com:587", _message(addresses.SERVER_PORT, port="587")),
        ("[2001:db8::1]:25", _message(addresses.SERVER_PORT, port="25")),
        ("192.0.2.1:2525", _message(addresses.SERVER_PORT, port="2525")),
        ("localhost:25", _message(addresses.SERVER_PORT, port="25")),
        ("smtp example.com", addresses.SERVER_SPACE),
        ("smtp.example.com\n", addresses.SERVER_CONTROL),
        ("smtp.\texample.com", addresses.SERVER_CONTROL),
        ("smtp\x00.example.com", addresses.SERVER_CONTROL),
        ("smtp\u200b.example.com", addresses.SERVER_CONTROL),
        ("tvox@example.com", addresses.SERVER_IS_ADDRESS),
        ("a." * 126 + "ab", _message(addresses.NAME_TOO_LONG, length=254)),
        ("x" * 254, _message(addresses.NAME_TOO_LONG, length=254)),
        ("a" * 64 + ".example.com", _message(addresses.LABEL_TOO_LONG, label="a" * 59 + "…")),
        ("smtp..example.com", _message(addresses.LABEL_EMPTY, name="smtp..example.com")),
        (".example.com", _message(addresses.LABEL_EMPTY, name=".example.com")),
        ("-smtp.example.com", _message(addresses.LABEL_HYPHEN, label="-smtp")),
        ("smtp-.example.com", _message(addresses.LABEL_HYPHEN, label="smtp-")),
        ("smtp.example.com/path", _message(addresses.NAME_CHARACTER, name="smtp.example.com/path", character="/")),
        ("smtp!.example.com", _message(addresses.NAME_CHARACTER, name="smtp!.example.com", character="!")),
        ("xn--zz.example", _message(addresses.IDN_INVALID, name="xn--zz.example")),
        ("\u0300bad.example", _message(addresses.IDN_INVALID, name="\u0300bad.example")),
        ("192.0.2", _message(addresses.IPV4_INVALID, name="192.0.2")),
        ("256.0.2.1", _message(addresses.IPV4_INVALID, name="256.0.2.1")),
        ("192.0.2.01", _message(addresses.IPV4_INVALID, name="192.0.2.01")),
        ("127.1", _message(addresses.IPV4_INVALID, name="127.1")),
        ("0x7f.0.0.1", _message(addresses.IPV4_INVALID, name="0x7f.0.0.1")),
        ("0X7F.0.0.1", _message(addresses.IPV4_INVALID, name="0X7F.0.0.1")),
        ("0x7f000001", _message(addresses.IPV4_INVALID, name="0x7f000001")),
        ("2130706433", _message(addresses.IPV4_INVALID, name="2130706433")),
        ("1.2.3.0x4", _message(addresses.IPV4_INVALID, name="1.2.3.0x4")),
        ("2001:db8::1::2", _message(addresses.IPV6_INVALID, name="2001:db8::1::2")),
        ("[2001:db8::1", _message(addresses.IPV6_INVALID, name="[2001:db8::1")),
        ("[192.0.2.1]", _message(addresses.IPV6_INVALID, name="[192.0.2.1]")),
    ],
)
def test_server_rejects(server: str, expected: str) -> None:
    assert server_error(server) == expected


def test_server_error_is_translated() -> None:
    english = server_error("smtp.example.com:587")
    i18n.set_language("it")

    italian = server_error("smtp.example.com:587")

    assert italian is not None
    assert italian != english
    assert "587" in italian


# --- addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "tvox@example.com",
        "Mario.Rossi@Example.COM",
        "first.last+tag@sub.example.co.uk",
        "a@b.co",
        "o'brien@example.ie",
        "!#$%&'*+-/=?^_`{|}~@example.com",
        '"mario rossi"@example.com',
        '"a@b,c<d>"@example.com',
        '"quote\\"inside"@example.com',
        "info@bücher.example",
        "info@例え.テスト",
        "info@[192.0.2.1]",
        "info@[IPv6:2001:db8::1]",
        "x" * 64 + "@example.com",
    ],
)
def test_address_accepts(address: str) -> None:
    assert address_error(address) is None


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("", addresses.ADDRESS_EMPTY),
        ("  ", addresses.ADDRESS_EMPTY),
        ("tvox@example.com\r\nBcc: victim@example.org", addresses.ADDRESS_CONTROL),
        ("tvox@example.com\n", addresses.ADDRESS_CONTROL),
        ("tvox\u2028@example.com", addresses.ADDRESS_CONTROL),
        ('"TVox" <tvox@example.com>', addresses.ADDRESS_NOT_SINGLE),
        ("TVox <tvox@example.com>", addresses.ADDRESS_NOT_SINGLE),
        ("<tvox@example.com>", addresses.ADDRESS_NOT_SINGLE),
        ("a@example.com, b@example.com", addresses.ADDRESS_NOT_SINGLE),
        ("a@example.com;b@example.com", addresses.ADDRESS_NOT_SINGLE),
        ("tvox@example.com (TVox)", addresses.ADDRESS_NOT_SINGLE),
        ('"a"b@example.com', addresses.ADDRESS_NOT_SINGLE),
        ("tvox example.com", addresses.ADDRESS_NO_AT),
        ("tvox", addresses.ADDRESS_NO_AT),
        ("@example.com", addresses.LOCAL_EMPTY),
        ("tvox@", addresses.DOMAIN_EMPTY),
        ("mario rossi@example.com", addresses.ADDRESS_SPACE),
        (" tvox@example.com", addresses.ADDRESS_SPACE),
        ("tvox@example.com ", addresses.ADDRESS_SPACE),
        (".tvox@example.com", addresses.LOCAL_DOTS),
        ("tvox.@example.com", addresses.LOCAL_DOTS),
        ("t..vox@example.com", addresses.LOCAL_DOTS),
        ("a@b@example.com", _message(addresses.LOCAL_CHARACTER, character="@")),
        ("tv[ox@example.com", _message(addresses.LOCAL_CHARACTER, character="[")),
        ("tv\\ox@example.com", _message(addresses.LOCAL_CHARACTER, character="\\")),
        ("niccolò@example.com", _message(addresses.LOCAL_NOT_ASCII, character="ò")),
        ("x" * 65 + "@example.com", _message(addresses.LOCAL_TOO_LONG, length=65)),
        ('"unclosed@example.com', addresses.LOCAL_QUOTE),
        ('"bad\\\u00e8"@example.com', addresses.LOCAL_QUOTE),
        ("tvox@localhost", _message(addresses.DOMAIN_NO_DOT, name="localhost")),
        ("tvox@192.0.2.1", addresses.DOMAIN_IP),
        ("tvox@example.com.", _message(addresses.LABEL_EMPTY, name="example.com.")),
        ("tvox@example..com", _message(addresses.LABEL_EMPTY, name="example..com")),
        ("tvox@-example.com", _message(addresses.LABEL_HYPHEN, label="-example")),
        ("tvox@exa_mple.com!", _message(addresses.NAME_CHARACTER, name="exa_mple.com!", character="!")),
        ("tvox@[300.1.1.1]", _message(addresses.IPV4_INVALID, name="300.1.1.1")),
        ("tvox@[IPv6:zz::1]", _message(addresses.IPV6_INVALID, name="[IPv6:zz::1]")),
        ("a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 62 + ".com",
         _message(addresses.ADDRESS_TOO_LONG, length=259)),
    ],
)
def test_address_rejects(address: str, expected: str) -> None:
    assert address_error(address) == expected


# --- each field in validate -----------------------------------------------------------------


@pytest.mark.parametrize("port", [0, -1, 65536, 100000, True, "25", 25.0, None])
def test_port_out_of_range_is_error(port: object) -> None:
    problems = validate(VALID.replace(port=port))

    assert _fields(problems, Severity.ERROR) == ["port"]


@pytest.mark.parametrize("port", [1, 25, 2525, 65535])
def test_port_in_range_is_valid(port: int) -> None:
    assert validate(VALID.replace(port=port)) == []


@pytest.mark.parametrize("timeout", [0, -5, 121, 3600, False, "15", 1.5])
def test_timeout_out_of_range_is_error(timeout: object) -> None:
    problems = validate(VALID.replace(timeout=timeout))

    assert _fields(problems, Severity.ERROR) == ["timeout"]


@pytest.mark.parametrize("timeout", [1, 15, 120])
def test_timeout_in_range_is_valid(timeout: int) -> None:
    assert validate(VALID.replace(timeout=timeout)) == []


@pytest.mark.parametrize("security", ["tls", "", None, 465])
def test_unknown_security_is_error(security: object) -> None:
    problems = validate(VALID.replace(security=security))

    assert _fields(problems, Severity.ERROR) == ["security"]


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_security_value_string_is_accepted(security: str) -> None:
    assert validate(VALID.replace(security=security)) == []


def test_sender_invalid_is_error() -> None:
    problems = validate(VALID.replace(sender='"TVox" <tvox@example.com>'))

    assert problems == [Problem("sender", Severity.ERROR, addresses.ADDRESS_NOT_SINGLE)]


def test_auth_requires_username() -> None:
    problems = validate(VALID.replace(username=""))

    assert _fields(problems, Severity.ERROR) == ["username"]


def test_auth_rejects_username_with_line_break() -> None:
    problems = validate(VALID.replace(username="tvox@example.com\r\n"))

    assert _fields(problems, Severity.ERROR) == ["username"]


def test_auth_requires_password_or_stored_one() -> None:
    without = validate(VALID.replace(password=""))
    stored = validate(VALID.replace(password=""), password_stored=True)

    assert _fields(without, Severity.ERROR) == ["password"]
    assert stored == []


def test_auth_off_needs_no_credentials() -> None:
    problems = validate(VALID.replace(auth=False, username="", password=""))

    assert problems == []


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_switch_of_wrong_type_is_error(value: object) -> None:
    assert _fields(validate(VALID.replace(auth=value)), Severity.ERROR) == ["auth"]
    assert _fields(validate(VALID.replace(reports_enabled=value)), Severity.ERROR) == ["reports_enabled"]


def test_reports_require_recipient() -> None:
    problems = validate(VALID.replace(reports_recipient=""))

    assert _fields(problems, Severity.ERROR) == ["reports_recipient"]


def test_reports_recipient_checked_as_address() -> None:
    problems = validate(VALID.replace(reports_recipient="support@example.com, boss@example.com"))

    assert problems == [Problem("reports_recipient", Severity.ERROR, addresses.ADDRESS_NOT_SINGLE)]


def test_reports_off_ignores_recipient() -> None:
    assert validate(VALID.replace(reports_enabled=False, reports_recipient="not an address")) == []


# --- CA file ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate_authority() -> trustme.CA:
    return trustme.CA()


def test_ca_file_pem_is_valid(certificate_authority: trustme.CA, tmp_path: Path) -> None:
    path = tmp_path / "ca.pem"
    certificate_authority.cert_pem.write_to_path(str(path))

    assert validate(VALID.replace(ca_file=str(path))) == []


def test_ca_file_missing_is_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.pem"

    problems = validate(VALID.replace(ca_file=str(path)))

    assert problems == [Problem("ca_file", Severity.ERROR, _message(_ca_message("CA_FILE_MISSING"), path=path))]


def test_ca_file_folder_is_error(tmp_path: Path) -> None:
    problems = validate(VALID.replace(ca_file=str(tmp_path)))

    assert problems == [Problem("ca_file", Severity.ERROR, _message(_ca_message("CA_FILE_NOT_FILE"), path=tmp_path))]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_ca_file_fifo_is_error_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "ca.pem"
    os.mkfifo(fifo)

    problems = validate(VALID.replace(ca_file=str(fifo)))

    assert problems == [Problem("ca_file", Severity.ERROR, _message(_ca_message("CA_FILE_NOT_FILE"), path=fifo))]


@pytest.mark.skipif(os.name != "posix", reason="Windows reports a missing path instead of ENOTDIR")
def test_ca_file_unreadable_is_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("not a folder")
    path = not_a_folder / "ca.pem"

    problems = validate(VALID.replace(ca_file=str(path)))

    assert _fields(problems, Severity.ERROR) == ["ca_file"]
    assert problems[0].message.startswith(f"The CA certificate file {path} cannot be read (")


def test_ca_file_without_pem_is_error(certificate_authority: trustme.CA, tmp_path: Path) -> None:
    key_only = tmp_path / "key.pem"
    key_only.write_bytes(certificate_authority.private_key_pem.bytes())

    problems = validate(VALID.replace(ca_file=str(key_only)))

    assert problems == [Problem("ca_file", Severity.ERROR, _message(_ca_message("CA_FILE_NOT_PEM"), path=key_only))]


def test_ca_file_damaged_pem_is_error(certificate_authority: trustme.CA, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.pem"
    lines = certificate_authority.cert_pem.bytes().splitlines(keepends=True)
    damaged.write_bytes(b"".join(lines[:1] + lines[3:]))

    problems = validate(VALID.replace(ca_file=str(damaged)))

    assert problems == [Problem("ca_file", Severity.ERROR, _message(_ca_message("CA_FILE_INVALID"), path=damaged))]


def test_ca_file_too_large_is_error(tmp_path: Path) -> None:
    large = tmp_path / "large.pem"
    large.write_bytes(b"-----BEGIN CERTIFICATE-----\n" + b"A" * (1024 * 1024 + 1))

    problems = validate(VALID.replace(ca_file=str(large)))

    assert problems == [Problem("ca_file", Severity.ERROR, _message(_ca_message("CA_FILE_TOO_LARGE"), path=large))]


def _ca_message(name: str) -> str:
    from smtp_gui import settings as settings_module

    return getattr(settings_module, name)


# --- warnings ----------------------------------------------------------------------------------


def test_security_none_warns() -> None:
    problems = validate(VALID.replace(security=Security.NONE, port=25, auth=False))

    assert _fields(problems, Severity.WARNING) == ["security"]
    assert _fields(problems, Severity.ERROR) == []


def test_auth_without_encryption_warns() -> None:
    problems = validate(VALID.replace(security=Security.NONE, port=25))

    assert _fields(problems, Severity.WARNING) == ["security", "auth"]


def test_sender_different_from_username_warns() -> None:
    problems = validate(VALID.replace(sender="noreply@example.com"))

    assert _fields(problems, Severity.WARNING) == ["sender"]
    assert "tvox@example.com" in problems[0].message


def test_sender_same_as_username_ignores_case() -> None:
    assert validate(VALID.replace(sender="TVox@Example.com")) == []


def test_username_not_address_gives_no_sender_warning() -> None:
    assert validate(VALID.replace(username="tvox", sender="noreply@example.com")) == []


@pytest.mark.parametrize(
    "server",
    [
        "smtps.pec.aruba.it",
        "sendm.cert.legalmail.it",
        "smtps.pec.it",
        "smtp.arubapec.it",
        "relay.postecert.it",
        "smtps.sicurezzapostale.it",
        "smtp.pecimprese.it",
        "mail.pec.provincia.example.it",
        "smtp.postacert.regione.example.it",
    ],
)
def test_pec_server_warns(server: str) -> None:
    problems = validate(VALID.replace(server=server))

    assert _fields(problems, Severity.WARNING) == ["server"]
    assert _fields(problems, Severity.ERROR) == []


@pytest.mark.parametrize(
    "recipient",
    [
        "protocollo@pec.comune.example.it",
        "studio@pec.it",
        "azienda@legalmail.it",
        "mario.rossi@arubapec.it",
        "info@cert.comune.example.it",
        "ufficio@postacert.example.it",
        "ditta@pecimprese.it",
        "nome@casellapec.com",
    ],
)
def test_pec_recipient_warns(recipient: str) -> None:
    problems = validate(VALID.replace(reports_recipient=recipient))

    assert _fields(problems, Severity.WARNING) == ["reports_recipient"]
    assert _fields(problems, Severity.ERROR) == []


@pytest.mark.parametrize(
    "domain",
    ["example.com", "peccioli.example.it", "spec.example.com", "cert.example.com", "certosa.it", "pec.example"],
)
def test_ordinary_domain_is_not_pec(domain: str) -> None:
    expected = domain == "pec.example"  # a "pec" label below any top-level domain counts

    assert addresses.is_pec(f"support@{domain}") is expected


# --- property test -------------------------------------------------------------------------

_TEXT = strategies.text(max_size=300)
_ANY_VALUE = strategies.one_of(
    _TEXT, strategies.integers(), strategies.booleans(), strategies.none(), strategies.sampled_from(list(Security))
)


@hypothesis_settings(max_examples=300, deadline=None)
@given(field_name=strategies.sampled_from(sorted(FIELD_NAMES - {"ca_file"})), value=_ANY_VALUE)
def test_random_value_never_raises(field_name: str, value: object) -> None:
    problems = validate(VALID.replace(**{field_name: value}))

    for problem in problems:
        assert problem.field in FIELD_NAMES
        assert isinstance(problem.message, str)
        assert problem.message
    for problem in errors(problems):
        assert problem.field == field_name


@hypothesis_settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_random_text_checks_never_raise(text: str) -> None:
    for check in (server_error, address_error, addresses.is_pec):
        result = check(text)

        assert result is None or isinstance(result, (str, bool))


@hypothesis_settings(max_examples=200, deadline=None)
@given(server=_TEXT)
def test_valid_server_has_wire_form(server: str) -> None:
    if server_error(server) is None:
        assert wire_host(server).isascii()
