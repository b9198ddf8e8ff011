"""TLS settings for the engine: a verifying context and a summary of the server's certificate."""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import ipaddress
import logging
import os
import ssl
import stat
import threading
import warnings
from datetime import datetime, timezone

from smtp_gui.smtp.result import Certificate

logger = logging.getLogger(__name__)

_cache_lock = threading.Lock()
_cached_key: tuple[str, int, int] | None = None
_cached_context: ssl.SSLContext | None = None


def verifying_context(ca_file: str = "") -> ssl.SSLContext:
    """Return a context that verifies the chain and the host name, with TLS 1.2 or newer.

    It trusts the operating system's store plus, if given, the certificates in
    ``ca_file`` (PEM), such as a customer's internal CA. Loading the system
    store took about 20 ms on a Linux VM with OpenSSL 3.0, so the context is kept
    and reused until ``ca_file`` names another file or the file changes.

    Raises:
        OSError: ``ca_file`` cannot be read or is not a regular file.
        ssl.SSLError: ``ca_file`` contains no valid PEM certificate.
    """
    global _cached_key, _cached_context

    key = _ca_file_key(ca_file)
    with _cache_lock:
        if _cached_context is not None and key == _cached_key:
            return _cached_context

    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED

    with _cache_lock:
        _cached_key, _cached_context = key, context
    return context


def _ca_file_key(ca_file: str) -> tuple[str, int, int]:
    if not ca_file:
        return ("", 0, 0)
    status = os.stat(ca_file)
    if not stat.S_ISREG(status.st_mode):
        # OpenSSL would block forever reading a FIFO or a terminal.
        raise OSError(errno.EINVAL, "not a regular file", ca_file)
    return (os.path.abspath(ca_file), status.st_mtime_ns, status.st_size)


def probe_context() -> ssl.SSLContext:
    """Return a context that accepts any certificate.

    It only learns whether a port speaks TLS, or reads a certificate that
    failed verification. The engine sends nothing over such a connection.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def old_versions_context() -> ssl.SSLContext:
    """Return a context for TLS 1.0 and 1.1 only, to learn whether a server speaks nothing newer.

    It accepts any certificate, because only the version agreed matters. The
    engine sends nothing over such a connection.
    """
    context = probe_context()
    context.set_ciphers("DEFAULT:@SECLEVEL=0")  # OpenSSL 3 refuses TLS 1.0/1.1 at higher levels
    # NOTE: catch_warnings changes process-wide filters for a moment, so a warning
    # raised by another thread at that instant may be hidden.
    with warnings.catch_warnings():
        # Python 3.10+ deprecates these versions, and enabling them here is deliberate.
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.TLSv1
        context.maximum_version = ssl.TLSVersion.TLSv1_1
    return context


def summarize(peer: dict, der: bytes) -> Certificate:
    """Summarise a certificate from ``SSLSocket.getpeercert()`` and its DER form."""
    names = tuple(_display_name(kind, value) for kind, value in peer.get("subjectAltName", ())
                  if kind in ("DNS", "IP Address"))
    return Certificate(
        subject=_format_name(peer.get("subject", ())),
        names=names,
        issuer=_format_name(peer.get("issuer", ())),
        not_after=_iso_time(peer.get("notAfter", "")),
        sha256=fingerprint(der),
    )


def _display_name(kind: str, value: str) -> str:
    # OpenSSL writes an IPv6 name in full ("0:0:0:0:0:0:0:1"), but Server is typed in the short form.
    if kind != "IP Address":
        return value
    try:
        return ipaddress.ip_address(value).compressed
    except ValueError:
        return value


def summarize_der(der: bytes) -> Certificate:
    """Summarise a certificate from its DER form alone, as for one that failed verification.

    A certificate this program cannot decode still gets its fingerprint, with
    the other fields left empty.
    """
    # Imported here because only a failed verification needs the decoder.
    from smtp_gui.smtp import x509

    try:
        fields = x509.read_certificate(der)
    except ValueError as error:
        logger.debug("cannot decode the server's certificate: %s", error)
        return Certificate(subject="", names=(), issuer="", not_after="", sha256=fingerprint(der))
    peer = {"subject": fields.subject, "issuer": fields.issuer, "subjectAltName": fields.alt_names}
    return dataclasses.replace(summarize(peer, der), not_after=fields.not_after)


_MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1
)}


def _iso_time(text: str) -> str:
    """Turn OpenSSL's "Jun  1 12:00:00 2027 GMT" into "2027-06-01T12:00:00Z" ("" for "")."""
    if not text:
        return ""
    try:
        month, day, clock, year, _zone = text.split()
        return f"{int(year):04d}-{_MONTHS[month]:02d}-{int(day):02d}T{clock}Z"
    except (KeyError, ValueError):
        # Any other layout: the slower parser that ssl provides (it uses time.strptime).
        seconds = ssl.cert_time_to_seconds(text)
        return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def fingerprint(der: bytes) -> str:
    """Return the SHA-256 fingerprint of a DER certificate as colon-separated upper-case hex."""
    if not der:
        return ""
    return hashlib.sha256(der).digest().hex(":").upper()


_SHORT_NAMES = {
    "commonName": "CN",
    "organizationName": "O",
    "organizationalUnitName": "OU",
    "countryName": "C",
    "stateOrProvinceName": "ST",
    "localityName": "L",
}


def _format_name(rdns: tuple) -> str:
    """Format a distinguished name from ``getpeercert()`` as "CN=..., O=..., C=..."."""
    parts = []
    for rdn in rdns:
        for attribute, value in rdn:
            parts.append(f"{_SHORT_NAMES.get(attribute, attribute)}={value}")
    return ", ".join(parts)
