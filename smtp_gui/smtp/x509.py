"""Read the few fields of an X.509 certificate that the summary shows, from its DER bytes.

Python's ``ssl`` decodes a certificate into a dictionary only after verifying
it, but a technician needs to see who issued a rejected certificate and when
it expires. The run-time dependencies include no ASN.1 library, so this
module reads just what the summary needs (RFC 5280): subject and issuer
names, the notAfter date and the subjectAltName DNS names and IP addresses.
It reads DER only (definite lengths, single-byte tags), and raises
ValueError on anything else, so a malformed certificate never passes as valid.
"""

from __future__ import annotations

import ipaddress

# Tags of the universal ASN.1 types read here.
_BOOLEAN = 0x01
_OCTET_STRING = 0x04
_OID = 0x06
_SEQUENCE = 0x30
_SET = 0x31
_UTC_TIME = 0x17
_GENERALIZED_TIME = 0x18
# Context-specific tags in TBSCertificate and GeneralName.
_VERSION = 0xA0
_EXTENSIONS = 0xA3
_DNS_NAME = 0x82
_IP_ADDRESS = 0x87

_SUBJECT_ALT_NAME = "2.5.29.17"
_STRING_ENCODINGS = {
    0x0C: "utf-8",  # UTF8String
    0x12: "ascii",  # NumericString
    0x13: "ascii",  # PrintableString
    0x14: "latin-1",  # TeletexString, which certificates use for Latin-1 in practice
    0x16: "ascii",  # IA5String
    0x1A: "ascii",  # VisibleString
    0x1C: "utf-32-be",  # UniversalString
    0x1E: "utf-16-be",  # BMPString
}
# Attribute names as ``ssl.SSLSocket.getpeercert()`` spells them, so both summaries read alike.
ATTRIBUTE_NAMES = {
    "2.5.4.3": "commonName",
    "2.5.4.5": "serialNumber",
    "2.5.4.6": "countryName",
    "2.5.4.7": "localityName",
    "2.5.4.8": "stateOrProvinceName",
    "2.5.4.10": "organizationName",
    "2.5.4.11": "organizationalUnitName",
    "1.2.840.113549.1.9.1": "emailAddress",
    "0.9.2342.19200300.100.1.25": "domainComponent",
}
_MAX_LENGTH_BYTES = 4  # a length over 4 GiB cannot occur in a certificate


class Fields:
    """The summary fields of one certificate. Each name is a tuple of RDNs, as ``getpeercert()`` gives it."""

    __slots__ = ("subject", "issuer", "not_after", "alt_names")

    def __init__(self, subject: tuple, issuer: tuple, not_after: str, alt_names: tuple[tuple[str, str], ...]):
        self.subject = subject
        self.issuer = issuer
        self.not_after = not_after  # ISO 8601 UTC, such as "2027-06-01T12:00:00Z"
        self.alt_names = alt_names  # ("DNS", name) and ("IP Address", address) pairs


def read_certificate(der: bytes) -> Fields:
    """Decode the summary fields of a DER certificate.

    Raises:
        ValueError: ``der`` is not a well-formed X.509 certificate.
    """
    certificate = _only(der, _SEQUENCE)
    tbs, _ = _element(certificate, 0, _SEQUENCE)
    items = _children(tbs)
    if items and items[0][0] == _VERSION:
        items = items[1:]
    if len(items) < 6:
        raise ValueError("TBSCertificate has too few fields")

    (issuer_tag, issuer), (validity_tag, validity), (subject_tag, subject) = items[2], items[3], items[4]
    if (issuer_tag, validity_tag, subject_tag) != (_SEQUENCE, _SEQUENCE, _SEQUENCE):
        raise ValueError("issuer, validity or subject is not a SEQUENCE")
    times = _children(validity)
    if len(times) != 2:
        raise ValueError("validity must have notBefore and notAfter")

    alt_names: tuple[tuple[str, str], ...] = ()
    for tag, value in items[6:]:
        if tag == _EXTENSIONS:
            alt_names = _alt_names(_only(value, _SEQUENCE))
    return Fields(_name(subject), _name(issuer), _time(*times[1]), alt_names)


def _element(data: bytes, offset: int, expected_tag: int | None = None) -> tuple[bytes, int]:
    """Return the content of the element at ``offset`` and the offset after it."""
    if offset + 2 > len(data):
        raise ValueError("truncated element")
    tag = data[offset]
    if expected_tag is not None and tag != expected_tag:
        raise ValueError(f"expected tag 0x{expected_tag:02x}, found 0x{tag:02x}")
    if tag & 0x1F == 0x1F:
        raise ValueError("multi-byte tags do not occur in the fields read here")
    length = data[offset + 1]
    start = offset + 2
    if length & 0x80:
        count = length & 0x7F
        if count == 0 or count > _MAX_LENGTH_BYTES:
            raise ValueError("indefinite or oversized length")
        if start + count > len(data):
            raise ValueError("truncated length")
        length = int.from_bytes(data[start:start + count], "big")
        start += count
    end = start + length
    if end > len(data):
        raise ValueError("element runs past the end of its container")
    return data[start:end], end


def _only(data: bytes, tag: int) -> bytes:
    """Return the content of the single element that ``data`` must consist of."""
    content, end = _element(data, 0, tag)
    if end != len(data):
        raise ValueError("trailing bytes after the element")
    return content


def _children(content: bytes) -> list[tuple[int, bytes]]:
    """Return (tag, content) for each element in the content of a SEQUENCE or SET."""
    children = []
    offset = 0
    while offset < len(content):
        tag = content[offset]
        value, offset = _element(content, offset)
        children.append((tag, value))
    return children


def _oid(content: bytes) -> str:
    """Decode an OBJECT IDENTIFIER into dotted form."""
    if not content or content[-1] & 0x80:
        raise ValueError("malformed OBJECT IDENTIFIER")
    numbers: list[int] = []
    value = 0
    for byte in content:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            numbers.append(value)
            value = 0
    first = min(numbers[0] // 40, 2)
    return ".".join(str(number) for number in (first, numbers[0] - 40 * first, *numbers[1:]))


def _name(content: bytes) -> tuple:
    """Decode a Name into ((attribute, value), ...) tuples, one per RDN."""
    rdns = []
    for tag, rdn in _children(content):
        if tag != _SET:
            raise ValueError("an RDN is not a SET")
        attributes = []
        for attribute_tag, attribute in _children(rdn):
            if attribute_tag != _SEQUENCE:
                raise ValueError("an attribute is not a SEQUENCE")
            parts = _children(attribute)
            if len(parts) != 2 or parts[0][0] != _OID:
                raise ValueError("an attribute is not (OID, value)")
            oid = _oid(parts[0][1])
            attributes.append((ATTRIBUTE_NAMES.get(oid, oid), _string(*parts[1])))
        rdns.append(tuple(attributes))
    return tuple(rdns)


def _string(tag: int, content: bytes) -> str:
    encoding = _STRING_ENCODINGS.get(tag)
    if encoding is None:
        return content.hex(":").upper()  # an attribute that is not text, shown as OpenSSL does
    return content.decode(encoding, errors="replace")


def _time(tag: int, content: bytes) -> str:
    """Decode a UTCTime or GeneralizedTime in UTC ("Z") into ISO 8601."""
    text = content.decode("ascii", errors="replace")
    if tag == _UTC_TIME and len(text) == 13:
        year = int(text[:2])
        text = ("19" if year >= 50 else "20") + text  # RFC 5280, 4.1.2.5.1
    elif tag != _GENERALIZED_TIME or len(text) != 15:
        raise ValueError(f"unsupported time {text!r}")
    if not text.endswith("Z") or not text[:14].isdigit():
        raise ValueError(f"time not in UTC: {text!r}")
    return f"{text[0:4]}-{text[4:6]}-{text[6:8]}T{text[8:10]}:{text[10:12]}:{text[12:14]}Z"


def _alt_names(extensions: bytes) -> tuple[tuple[str, str], ...]:
    for tag, extension in _children(extensions):
        parts = _children(extension) if tag == _SEQUENCE else []
        if len(parts) < 2 or parts[0][0] != _OID:
            raise ValueError("malformed extension")
        if _oid(parts[0][1]) != _SUBJECT_ALT_NAME:
            continue
        value_tag, value = parts[-1]
        if value_tag != _OCTET_STRING or parts[1][0] not in (_BOOLEAN, _OCTET_STRING):
            raise ValueError("malformed subjectAltName extension")
        general_names = _children(_only(value, _SEQUENCE))
        # Other kinds, such as e-mail addresses and URIs, say nothing about which host names the certificate serves.
        return tuple(_general_name(tag, name) for tag, name in general_names if tag in (_DNS_NAME, _IP_ADDRESS))
    return ()


def _general_name(tag: int, content: bytes) -> tuple[str, str]:
    if tag == _DNS_NAME:
        return ("DNS", content.decode("ascii", errors="replace"))
    if len(content) not in (4, 16):
        raise ValueError("an iPAddress name is neither IPv4 nor IPv6")
    return ("IP Address", str(ipaddress.ip_address(content)))
