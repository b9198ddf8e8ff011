"""The DER certificate reader, checked against OpenSSL's own decoding of the same certificates."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
from pathlib import Path

import pytest
import trustme
from cryptography import x509 as crypto_x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from smtp_gui.smtp import tls, x509
from smtp_gui.smtp.result import Certificate

UTC = datetime.timezone.utc


def _openssl_summary(der: bytes, folder: Path) -> Certificate:
    """Summarise ``der`` from the dictionary OpenSSL decodes, the way a verified connection does."""
    pem = folder / "cert.pem"
    pem.write_text(ssl.DER_cert_to_PEM_cert(der), "ascii")
    # A private CPython helper, used here only as an independent reference decoder.
    peer = ssl._ssl._test_decode_cert(str(pem))  # type: ignore[attr-defined]
    return tls.summarize(peer, der)


def _leaf_der(cert: trustme.LeafCert) -> bytes:
    return ssl.PEM_cert_to_DER_cert(cert.cert_chain_pems[0].bytes().decode("ascii"))


def _built_der(
    subject: list[crypto_x509.NameAttribute],
    not_after: datetime.datetime,
    alt_names: list[crypto_x509.GeneralName] | None = None,
    critical: bool = False,
) -> bytes:
    """Build a self-signed certificate with exactly these fields."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = crypto_x509.Name(subject)
    builder = (
        crypto_x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(crypto_x509.random_serial_number())
        .not_valid_before(datetime.datetime(2020, 1, 1, tzinfo=UTC))
        .not_valid_after(not_after)
    )
    if alt_names is not None:
        builder = builder.add_extension(crypto_x509.SubjectAlternativeName(alt_names), critical=critical)
    return builder.sign(key, hashes.SHA256()).public_bytes(Encoding.DER)


def test_read_matches_openssl_for_trustme_leaf(tmp_path):
    der = _leaf_der(trustme.CA(organization_name="Example CA").issue_cert(
        "mail.example.test", "127.0.0.1", "::1", "2001:db8::25", common_name="mail.example.test"))

    assert tls.summarize_der(der) == _openssl_summary(der, tmp_path)


def test_read_matches_openssl_for_rich_subject(tmp_path):
    subject = [
        crypto_x509.NameAttribute(NameOID.COUNTRY_NAME, "IT"),
        crypto_x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "Lombardia"),
        crypto_x509.NameAttribute(NameOID.LOCALITY_NAME, "Milano"),
        crypto_x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Società Esempio S.p.A."),
        crypto_x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "IT", _type=crypto_x509.name._ASN1Type.BMPString),
        crypto_x509.NameAttribute(NameOID.COMMON_NAME, "posta.esempio.it"),
        crypto_x509.NameAttribute(NameOID.EMAIL_ADDRESS, "postmaster@esempio.it"),
    ]
    alt_names = [crypto_x509.DNSName("posta.esempio.it"), crypto_x509.DNSName("*.esempio.it")]
    der = _built_der(subject, datetime.datetime(2031, 3, 4, 5, 6, 7, tzinfo=UTC), alt_names, critical=True)

    summary = tls.summarize_der(der)

    assert summary == _openssl_summary(der, tmp_path)
    assert summary.subject.startswith("C=IT, ST=Lombardia, L=Milano, O=Società Esempio S.p.A., OU=IT, CN=posta")
    assert summary.names == ("posta.esempio.it", "*.esempio.it")
    assert summary.not_after == "2031-03-04T05:06:07Z"


def test_read_generalized_time_after_2049(tmp_path):
    # RFC 5280 requires GeneralizedTime for dates from 2050 on, and UTCTime before.
    der = _built_der([crypto_x509.NameAttribute(NameOID.COMMON_NAME, "far.example.test")],
                     datetime.datetime(2061, 12, 31, 23, 59, 58, tzinfo=UTC))

    summary = tls.summarize_der(der)

    assert summary.not_after == "2061-12-31T23:59:58Z"
    assert summary == _openssl_summary(der, tmp_path)


def test_read_without_alt_names_gives_no_names():
    der = _built_der([crypto_x509.NameAttribute(NameOID.COMMON_NAME, "old.example.test")],
                     datetime.datetime(2030, 1, 1, tzinfo=UTC))

    summary = tls.summarize_der(der)

    assert summary.names == ()
    assert summary.subject == "CN=old.example.test"


def test_read_ignores_other_alt_name_kinds():
    alt_names = [
        crypto_x509.RFC822Name("postmaster@example.test"),
        crypto_x509.DNSName("mail.example.test"),
        crypto_x509.IPAddress(ipaddress.ip_address("192.0.2.25")),
        crypto_x509.UniformResourceIdentifier("https://example.test/"),
    ]
    der = _built_der([crypto_x509.NameAttribute(NameOID.COMMON_NAME, "mail")],
                     datetime.datetime(2030, 1, 1, tzinfo=UTC), alt_names)

    assert tls.summarize_der(der).names == ("mail.example.test", "192.0.2.25")


def test_summarize_shows_ipv6_name_short():
    der = _leaf_der(trustme.CA().issue_cert("::1"))
    peer = {"subjectAltName": (("IP Address", "0:0:0:0:0:0:0:1"),)}

    assert tls.summarize(peer, der).names == ("::1",)


VALID = _built_der([crypto_x509.NameAttribute(NameOID.COMMON_NAME, "x.example.test")],
                   datetime.datetime(2030, 1, 1, tzinfo=UTC), [crypto_x509.DNSName("x.example.test")])


@pytest.mark.parametrize(
    "der",
    [
        pytest.param(b"", id="empty"),
        pytest.param(VALID[:-1], id="truncated"),
        pytest.param(VALID + b"\x00", id="trailing-byte"),
        pytest.param(b"\x30\x80" + VALID[2:], id="indefinite-length"),
        pytest.param(b"\x30\x89" + b"\xff" * 9, id="oversized-length"),
        pytest.param(b"\x04\x03abc", id="not-a-sequence"),
        pytest.param(b"\x30\x03\x30\x01\x00", id="inner-length-past-end"),
        pytest.param(b"\x30\x02\x30\x00", id="empty-tbs"),
    ],
)
def test_read_malformed_raises_value_error(der):
    with pytest.raises(ValueError):
        x509.read_certificate(der)


def test_summarize_der_malformed_keeps_fingerprint():
    summary = tls.summarize_der(VALID[:-1])

    assert summary.subject == ""
    assert summary.names == ()
    assert summary.sha256 == tls.fingerprint(VALID[:-1])
