"""The I/O-free parts of SMTP: reply and EHLO parsing, SASL payloads, dot-stuffing, queue ids.

Everything here works on bytes and strings only, so it is tested with plain
tables (RFC 5321 for replies and DATA, RFC 3463 for enhanced status codes,
RFC 4954 and RFC 4616 for AUTH).
"""

from __future__ import annotations

import base64
import collections
import functools
import ipaddress
import re
from dataclasses import dataclass, field

from smtp_gui.smtp.result import Reply

# RFC 5321 limits a reply line to 512 bytes, but servers exceed it in practice.
# These limits leave slack and still bound the memory a hostile server can fill.
MAX_LINE_BYTES = 2048
MAX_REPLY_LINES = 100

_ENHANCED = re.compile(r"([245])\.(\d{1,3})\.(\d{1,3})(?:\s+|$)")
_DOMAIN_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
# Compiled on the first DATA reply by _queue_id_patterns, because a check never needs them.
_QUEUE_ID_EXPRESSIONS = (
    r"queued as\s+<?([^\s<>]+?)>?(?:\s|$)",  # Postfix, Exim
    r"\bid=([\w.@-]+)",  # Exim "OK id=..."
    r"^<?([\w.@$-]+)>?\s+Message accepted",  # Sendmail, qmail
    r"^OK\s+\d+\s+(\S+)\s+-\s+gsmtp",  # Gmail
    r"^Ok\s+([0-9a-f]{16,}-[\w-]+)$",  # Amazon SES
)


class ProtocolError(Exception):
    """The server sent something that is not valid SMTP (a malformed, overlong or endless reply)."""


# A plain namedtuple, because typing.NamedTuple would import typing, about 2 ms of every start.
class ReplyLine(collections.namedtuple("ReplyLine", ("code", "last", "text"))):
    """One line of a reply: its code (int), whether it ends the reply (bool), and its text (still bytes)."""

    __slots__ = ()


@dataclass(frozen=True)
class Features:
    """The extensions a server announced in its EHLO reply (RFC 5321 section 4.1.1.1)."""

    keywords: dict[str, str] = field(default_factory=dict)  # upper-case keyword -> parameters
    auth_mechanisms: tuple[str, ...] = ()

    @property
    def starttls(self) -> bool:
        """True if the server offers STARTTLS."""
        return "STARTTLS" in self.keywords

    @property
    def eightbitmime(self) -> bool:
        """True if the server accepts BODY=8BITMIME."""
        return "8BITMIME" in self.keywords

    @property
    def smtputf8(self) -> bool:
        """True if the server accepts UTF-8 addresses and headers (RFC 6531)."""
        return "SMTPUTF8" in self.keywords

    @property
    def size_limit(self) -> int | None:
        """The maximum message size the server announced, 0 for "no limit", None if not announced."""
        if "SIZE" not in self.keywords:
            return None
        value = self.keywords["SIZE"].strip()
        return int(value) if value.isdigit() else 0


def parse_reply_line(line: bytes) -> ReplyLine:
    """Parse one reply line (without CRLF) into code, end-of-reply flag and text.

    Raises:
        ProtocolError: the line does not start with a three-digit code 2xx-5xx
            followed by a space, a hyphen or nothing.
    """
    code = line[:3]
    separator = line[3:4]
    if not (code.isdigit() and len(code) == 3 and code[0] in b"2345" and separator in (b" ", b"-", b"")):
        raise ProtocolError(f"not an SMTP reply line: {line[:80]!r}")
    return ReplyLine(int(code), separator != b"-", line[4:])


def build_reply(lines: list[ReplyLine]) -> Reply:
    """Join the lines of one reply into a ``Reply`` with the enhanced status code split off.

    Raises:
        ProtocolError: the lines do not all carry the same code.
    """
    code = lines[0].code
    if len(lines) == 1:
        return _single_line_reply(code, decode_for_display(lines[0].text))
    texts = []
    for line in lines:
        if line.code != code:
            raise ProtocolError(f"reply lines carry different codes: {code} and {line.code}")
        texts.append(decode_for_display(line.text))

    enhanced = ""
    match = _ENHANCED.match(texts[0])
    if match is not None and match.group(1) == str(code)[0]:
        enhanced = ".".join(match.group(1, 2, 3))
        texts = [_strip_enhanced(text, enhanced) for text in texts]
    return Reply(code=code, enhanced=enhanced, text="\n".join(texts))


def _single_line_reply(code: int, text: str) -> Reply:
    match = _ENHANCED.match(text)
    if match is None or match.group(1) != str(code)[0]:
        return Reply(code=code, text=text)
    return Reply(code=code, enhanced=".".join(match.group(1, 2, 3)), text=text[match.end() :])


def _strip_enhanced(text: str, enhanced: str) -> str:
    if text.startswith(enhanced):
        return text[len(enhanced) :].lstrip()
    return text


def decode_for_display(data: bytes) -> str:
    """Decode server bytes as UTF-8, replacing what does not decode, so any reply can be shown."""
    return data.decode("utf-8", errors="replace")


def parse_ehlo(reply: Reply) -> Features:
    """Read the extension keywords from an EHLO reply, whose first line is only a greeting."""
    keywords: dict[str, str] = {}
    mechanisms: list[str] = []
    for line in reply.text.split("\n")[1:]:
        keyword, _, parameters = line.strip().partition(" ")
        keyword = keyword.upper()
        if keyword.startswith("AUTH="):
            # Old servers announce "AUTH=LOGIN PLAIN" besides, or instead of, "AUTH LOGIN PLAIN".
            parameters = f"{keyword[5:]} {parameters}"
            keyword = "AUTH"
        if not keyword:
            continue
        if keyword == "AUTH":
            mechanisms.extend(name for name in parameters.upper().split() if name not in mechanisms)
        keywords.setdefault(keyword, parameters)
    return Features(keywords=keywords, auth_mechanisms=tuple(mechanisms))


def choose_auth_mechanism(offered: tuple[str, ...]) -> str | None:
    """Pick PLAIN if offered, else LOGIN, else None (the only mechanisms the engine supports)."""
    for mechanism in ("PLAIN", "LOGIN"):
        if mechanism in offered:
            return mechanism
    return None


def sasl_plain(username: str, password: str) -> str:
    """Return the RFC 4616 PLAIN initial response: base64 of NUL user NUL password in UTF-8."""
    payload = b"\0" + username.encode("utf-8") + b"\0" + password.encode("utf-8")
    return base64.b64encode(payload).decode("ascii")


def sasl_login(text: str) -> str:
    """Return one LOGIN mechanism response (the user name or the password) as base64 of UTF-8."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def dot_stuff(message: bytes) -> bytes:
    """Prepare a message for DATA: CRLF line ends, leading dots doubled, the final "." line added."""
    lines = message.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    stuffed = [b"." + line if line.startswith(b".") else line for line in lines]
    return b"".join(line + b"\r\n" for line in stuffed) + b".\r\n"


@functools.cache
def _queue_id_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(expression, re.IGNORECASE) for expression in _QUEUE_ID_EXPRESSIONS)


def extract_queue_id(text: str) -> str:
    """Return the queue id a server put in its reply to DATA, or "" when its text names none."""
    first_line = text.split("\n", 1)[0].strip()
    for pattern in _queue_id_patterns():
        match = pattern.search(first_line)
        if match is not None:
            return match.group(1)
    return ""


@functools.lru_cache(maxsize=32)
def ehlo_name(hostname: str, local_address: str) -> str:
    """Return the name to give in EHLO: ``hostname`` if it is a valid fully qualified domain.

    Otherwise, as for a machine called "DESKTOP-7QX" or "Büro PC", return the
    address literal of the local end of the connection (RFC 5321 section
    4.1.3), which every server accepts as syntax. The result is cached
    because the IDNA codec is slow and the result rarely changes.
    """
    name = hostname.strip().rstrip(".")
    try:
        name = name.encode("idna").decode("ascii")
    except UnicodeError:
        name = ""
    labels = name.split(".")
    if len(labels) > 1 and len(name) <= 253 and all(_DOMAIN_LABEL.fullmatch(label) for label in labels):
        return name
    return address_literal(local_address)


def address_literal(address: str) -> str:
    """Return ``[192.0.2.1]`` or ``[IPv6:2001:db8::1]`` for an IP address (zone id dropped)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6:
        return f"[IPv6:{ip.compressed}]"
    return f"[{ip}]"


def envelope_address(address: str, smtputf8: bool) -> str:
    """Return ``address`` for MAIL FROM / RCPT TO: the domain as IDNA unless SMTPUTF8 is used."""
    if smtputf8 or address.isascii():
        return address
    local, at, domain = address.rpartition("@")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return address  # the server will reject it with a reply that names the address
    return f"{local}{at}{domain}"
