"""Syntax checks for host names, IP literals and mail addresses, with messages that state what to change.

Host names follow RFC 1035/1123 (labels of letters, digits and hyphens, at
most 63 characters each and 253 in all), with IDN names converted by IDNA 2008
and the UTS #46 mapping (the ``idna`` package). Mail addresses follow the
``Mailbox`` rule of RFC 5321 section 4.1.2: a dot-atom or quoted-string local
part of at most 64 octets, ``@``, and a domain or an address literal. Display
names, comments, angle brackets and lists of addresses (RFC 5322 forms that a
header can hold) are rejected on purpose, because the field must hold exactly
one mailbox.

Every ``*_error`` function returns a translated message, or ``None`` when the
text is valid. No I/O and no Qt.
"""

from __future__ import annotations

import functools
import ipaddress
import string
import unicodedata
from collections.abc import Callable

from smtp_gui.i18n import QT_TRANSLATE_NOOP, translate

_CONTEXT = "Addresses"

MAX_NAME_LENGTH = 253  # RFC 1035 section 2.3.4, without the final dot
MAX_LABEL_LENGTH = 63
MAX_LOCAL_PART_LENGTH = 64  # RFC 5321 section 4.5.3.1.1
MAX_ADDRESS_LENGTH = 254  # a 256-octet path minus its angle brackets

_LABEL_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-_")
# RFC 5322 atext: the characters of an unquoted local part besides the dots.
_ATEXT = frozenset(string.ascii_letters + string.digits + "!#$%&'*+-/=?^_`{|}~")
# Characters that only appear in a header's display-name or address-list forms.
_HEADER_SYNTAX = frozenset('<>,;()')
_SHOWN_NAME_LENGTH = 60

# Registered domains of Italian certified-mail (PEC) providers, and labels that
# such providers and public offices use for their PEC domains and servers.
_PEC_DOMAINS = (
    "pec.it",
    "legalmail.it",
    "arubapec.it",
    "postecert.it",
    "sicurezzapostale.it",
    "pecimprese.it",
    "gigapec.it",
    "casellapec.com",
    "mypec.eu",
    "actaliscertymail.it",
    "mail-certificata.eu",
    "postacertificata.gov.it",
)
_PEC_LABELS = frozenset(
    {"pec", "postacert", "postacertificata", "legalmail", "arubapec", "casellapec", "gigapec",
     "mypec", "pecimprese", "postecert", "sicurezzapostale", "actaliscertymail"}
)

SERVER_EMPTY = QT_TRANSLATE_NOOP("Addresses", "Enter the SMTP server: a name such as smtp.example.com or an IP address.")
SERVER_SCHEME = QT_TRANSLATE_NOOP(
    "Addresses", "Remove “{scheme}://” from the server: enter only the name, such as smtp.example.com."
)
SERVER_PORT = QT_TRANSLATE_NOOP("Addresses", "Remove “:{port}” from the server and enter {port} in the Port field.")
SERVER_CONTROL = QT_TRANSLATE_NOOP(
    "Addresses", "The server contains a line break or another control character. Type it again instead of pasting it."
)
SERVER_SPACE = QT_TRANSLATE_NOOP("Addresses", "Remove the spaces from the server name.")
SERVER_IS_ADDRESS = QT_TRANSLATE_NOOP(
    "Addresses", "Enter the name of the server, not an e-mail address: for example smtp.example.com."
)
NAME_TOO_LONG = QT_TRANSLATE_NOOP(
    "Addresses", "The name is {length} characters long in DNS form, but the maximum is 253. Check the name."
)
LABEL_TOO_LONG = QT_TRANSLATE_NOOP(
    "Addresses", "The part “{label}” of the name is longer than 63 characters. Check the name."
)
LABEL_EMPTY = QT_TRANSLATE_NOOP(
    "Addresses", "The name “{name}” has an empty part between dots. Remove the extra dot."
)
LABEL_HYPHEN = QT_TRANSLATE_NOOP(
    "Addresses", "The part “{label}” of the name starts or ends with a hyphen, which is not allowed."
)
NAME_CHARACTER = QT_TRANSLATE_NOOP(
    "Addresses",
    "The name “{name}” contains “{character}”, which is not allowed. Use only letters, digits, hyphens and dots.",
)
IDN_INVALID = QT_TRANSLATE_NOOP(
    "Addresses", "“{name}” is not a valid international domain name. Check its spelling."
)
IPV4_INVALID = QT_TRANSLATE_NOOP(
    "Addresses",
    "“{name}” is not a valid IPv4 address: write four decimal numbers from 0 to 255 separated by dots, without "
    "leading zeros, such as 192.0.2.10.",
)
IPV6_INVALID = QT_TRANSLATE_NOOP(
    "Addresses", "“{name}” is not a valid IPv6 address. Check it: for example 2001:db8::1 or [2001:db8::1]."
)

ADDRESS_EMPTY = QT_TRANSLATE_NOOP("Addresses", "Enter an e-mail address, for example name@example.com.")
ADDRESS_CONTROL = QT_TRANSLATE_NOOP(
    "Addresses", "The address contains a line break or another control character. Type it again instead of pasting it."
)
ADDRESS_NOT_SINGLE = QT_TRANSLATE_NOOP(
    "Addresses",
    "Enter only one address, such as name@example.com, without a name, angle brackets, commas or a second address.",
)
ADDRESS_SPACE = QT_TRANSLATE_NOOP("Addresses", "Remove the spaces from the address.")
ADDRESS_NO_AT = QT_TRANSLATE_NOOP("Addresses", "The address has no @. Write it as name@example.com.")
ADDRESS_TOO_LONG = QT_TRANSLATE_NOOP(
    "Addresses", "The address is {length} characters long, but the maximum is 254."
)
LOCAL_EMPTY = QT_TRANSLATE_NOOP(
    "Addresses", "Nothing comes before the @. Write the mailbox name first, as in name@example.com."
)
LOCAL_TOO_LONG = QT_TRANSLATE_NOOP(
    "Addresses", "The part before the @ is {length} characters long, but the maximum is 64."
)
LOCAL_DOTS = QT_TRANSLATE_NOOP(
    "Addresses", "The part before the @ cannot start or end with a dot or have two dots in a row."
)
LOCAL_CHARACTER = QT_TRANSLATE_NOOP(
    "Addresses", "The part before the @ contains “{character}”, which is not allowed there. Remove it."
)
LOCAL_NOT_ASCII = QT_TRANSLATE_NOOP(
    "Addresses",
    "The part before the @ contains “{character}”. Use only unaccented letters, digits and . _ - + there.",
)
LOCAL_QUOTE = QT_TRANSLATE_NOOP(
    "Addresses", "A quotation mark before the @ is not closed, or the text inside it is not allowed."
)
DOMAIN_EMPTY = QT_TRANSLATE_NOOP(
    "Addresses", "Nothing comes after the @. Write the domain, as in name@example.com."
)
DOMAIN_IP = QT_TRANSLATE_NOOP(
    "Addresses", "Put an IP address after the @ in square brackets, as in name@[192.0.2.1]."
)
DOMAIN_NO_DOT = QT_TRANSLATE_NOOP(
    "Addresses", "The domain “{name}” after the @ is not complete. Write a full domain, such as example.com."
)


# How many texts each check remembers as valid.
_VALID_TEXTS_KEPT = 256


def _remembers_valid(check: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """Wrap ``check`` so that it returns None at once for a text it found valid before.

    The window validates on every edit and the engine validates again before
    each connection, mostly the same few values. Only valid results are kept,
    because they are the same in every language, while a message is
    translated each time. The set is emptied when it is full.
    """
    valid: set[str] = set()

    @functools.wraps(check)
    def remembering_check(text: str) -> str | None:
        if isinstance(text, str) and text in valid:
            return None
        problem = check(text)
        if problem is None and isinstance(text, str):
            if len(valid) >= _VALID_TEXTS_KEPT:
                valid.clear()
            valid.add(text)
        return problem

    return remembering_check


@_remembers_valid
def server_error(text: str) -> str | None:
    """Check an SMTP server as typed: a host name, an IDN name, or an IPv4 or IPv6 literal.

    Surrounding spaces are ignored, as ``wire_host`` ignores them.

    Returns:
        The translated message saying what to change, or ``None`` when the server is valid.
    """
    host = text.strip(" ")
    if not host:
        return translate(_CONTEXT, SERVER_EMPTY)
    if _has_control_character(host):
        return translate(_CONTEXT, SERVER_CONTROL)

    scheme, separator, _ = host.partition("://")
    if separator:
        return translate(_CONTEXT, SERVER_SCHEME).format(scheme=_shown(scheme))
    if any(character.isspace() for character in host):
        return translate(_CONTEXT, SERVER_SPACE)
    if "@" in host:
        return translate(_CONTEXT, SERVER_IS_ADDRESS)

    if host.startswith("[") or ":" in host:
        return _ip_literal_error(host)
    return host_name_error(host)


def _ip_literal_error(host: str) -> str | None:
    """Check a server that contains a colon or starts with a bracket: IPv6, or a name with a port."""
    bracketed, _, after = host.partition("]")
    if host.startswith("[") and after.startswith(":") and after[1:].isdigit():
        return translate(_CONTEXT, SERVER_PORT).format(port=after[1:])

    name, _, port = host.rpartition(":")
    if port.isdigit() and name and ":" not in name:
        return translate(_CONTEXT, SERVER_PORT).format(port=port)

    literal = bracketed[1:] if host.startswith("[") and host.endswith("]") else host
    if is_ipv6(literal):
        return None
    return translate(_CONTEXT, IPV6_INVALID).format(name=_shown(host))


def is_ipv6(text: str) -> bool:
    """Tell whether ``text`` is an IPv6 address, with or without a zone such as ``%eth0``."""
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def host_name_error(name: str) -> str | None:
    """Check a DNS name or an IPv4 address (a final root dot is allowed).

    Underscores are accepted in ASCII labels: they are not valid host name
    characters (RFC 1123), but internal DNS servers serve such names and
    resolvers look them up.
    """
    bare = name[:-1] if name.endswith(".") else name
    if len(bare) > MAX_NAME_LENGTH:
        return translate(_CONTEXT, NAME_TOO_LONG).format(length=len(bare))
    labels = bare.split(".")
    if any(not label for label in labels):
        return translate(_CONTEXT, LABEL_EMPTY).format(name=_shown(name))

    if all(_is_legacy_number(label) for label in labels):
        return _ipv4_error(bare)

    for label in labels:
        problem = _ascii_label_error(label, name) if label.isascii() else None
        if problem:
            return problem

    try:
        ascii_name = to_ascii(bare)
    except UnicodeError:
        return translate(_CONTEXT, IDN_INVALID).format(name=_shown(name))

    if len(ascii_name) > MAX_NAME_LENGTH:
        return translate(_CONTEXT, NAME_TOO_LONG).format(length=len(ascii_name))
    too_long = next((label for label in ascii_name.split(".") if len(label) > MAX_LABEL_LENGTH), None)
    if too_long:
        return translate(_CONTEXT, LABEL_TOO_LONG).format(label=_shown(too_long))
    return None


def _ascii_label_error(label: str, name: str) -> str | None:
    wrong = next((character for character in label if character not in _LABEL_CHARACTERS), None)
    if wrong is not None:
        return translate(_CONTEXT, NAME_CHARACTER).format(name=_shown(name), character=wrong)
    if label.startswith("-") or label.endswith("-"):
        return translate(_CONTEXT, LABEL_HYPHEN).format(label=_shown(label))
    if len(label) > MAX_LABEL_LENGTH:
        return translate(_CONTEXT, LABEL_TOO_LONG).format(label=_shown(label))
    return None


def _is_legacy_number(label: str) -> bool:
    """Tell whether ``label`` is a number that inet_aton reads: decimal, octal (leading 0) or hex ("0x7f").

    The system resolver (getaddrinfo with glibc, and Windows) reads a name made only of
    such labels as an IPv4 address in a legacy form: "127.1" and "0x7f.0.0.1" both mean
    127.0.0.1. So such a name is checked as an IPv4 address and accepted only in
    dotted decimal, never looked up as a host name.
    """
    if not label.isascii():
        return False
    lowered = label.lower()
    if lowered.startswith("0x"):
        return all(character in string.hexdigits for character in lowered[2:])
    return lowered.isdigit()


def _ipv4_error(text: str) -> str | None:
    try:
        ipaddress.IPv4Address(text)
    except ValueError:
        return translate(_CONTEXT, IPV4_INVALID).format(name=_shown(text))
    return None


def to_ascii(name: str) -> str:
    """Convert a host name to its lower-case ASCII (IDNA 2008, UTS #46) form.

    Raises:
        UnicodeError: ``name`` is not a valid international domain name.
    """
    # An ASCII name is used as it is, unless it contains A-labels ("xn--"), which must decode.
    if name.isascii() and "xn--" not in name.lower():
        return name.lower()
    # Imported here because only international names need it, and importing it costs about 5 ms.
    import idna

    return idna.encode(name, uts46=True).decode("ascii")


@_remembers_valid
def address_error(text: str) -> str | None:
    """Check that ``text`` is exactly one mailbox, ``local-part@domain``, as RFC 5321 defines it.

    Returns:
        The translated message saying what to change, or ``None`` when the address is valid.
    """
    if not text.strip():
        return translate(_CONTEXT, ADDRESS_EMPTY)
    if _has_control_character(text):
        return translate(_CONTEXT, ADDRESS_CONTROL)

    local, domain = _split_address(text)
    if local is None:
        return translate(_CONTEXT, ADDRESS_NOT_SINGLE)
    if domain is None:
        return translate(_CONTEXT, ADDRESS_NO_AT)

    problem = _local_part_error(local) or _domain_error(domain)
    if problem:
        return problem
    if len(text.encode("utf-8")) > MAX_ADDRESS_LENGTH:
        return translate(_CONTEXT, ADDRESS_TOO_LONG).format(length=len(text.encode("utf-8")))
    return None


def _split_address(text: str) -> tuple[str | None, str | None]:
    """Split at the @ that ends the local part.

    Returns (None, None) for display names, lists and other header forms, and
    (local, None) when there is no @ at all.
    """
    if text.startswith('"'):
        end = _quoted_string_end(text)
        if end is None:
            return text, ""  # an unclosed quote, reported by the local part check
        local, rest = text[: end + 1], text[end + 1:]
        if not rest.startswith("@"):
            return (None, None) if rest.strip() or '"' in rest else (local, None)
        domain = rest[1:]
    else:
        local, at, domain = text.rpartition("@")
        if not at:
            local, domain = text, None

    outside_quotes = domain if text.startswith('"') else text
    if outside_quotes is not None and (_HEADER_SYNTAX & set(outside_quotes) or '"' in (domain or "")):
        return None, None
    return local, domain


def _quoted_string_end(text: str) -> int | None:
    """Return the index of the quotation mark that closes the one at ``text[0]``, or None."""
    index = 1
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == '"':
            return index
        index += 1
    return None


def _local_part_error(local: str) -> str | None:
    if not local:
        return translate(_CONTEXT, LOCAL_EMPTY)
    if len(local.encode("utf-8")) > MAX_LOCAL_PART_LENGTH:
        return translate(_CONTEXT, LOCAL_TOO_LONG).format(length=len(local.encode("utf-8")))
    if local.startswith('"'):
        return None if _is_quoted_string(local) else translate(_CONTEXT, LOCAL_QUOTE)

    if any(character.isspace() for character in local):
        return translate(_CONTEXT, ADDRESS_SPACE)
    non_ascii = next((character for character in local if not character.isascii()), None)
    if non_ascii is not None:
        return translate(_CONTEXT, LOCAL_NOT_ASCII).format(character=non_ascii)
    wrong = next((character for character in local if character not in _ATEXT and character != "."), None)
    if wrong is not None:
        return translate(_CONTEXT, LOCAL_CHARACTER).format(character=wrong)
    if "" in local.split("."):
        return translate(_CONTEXT, LOCAL_DOTS)
    return None


def _is_quoted_string(local: str) -> bool:
    """Check the RFC 5321 Quoted-string form: printable ASCII and space, with backslash pairs."""
    if len(local) < 2 or not local.endswith('"') or _quoted_string_end(local) != len(local) - 1:
        return False
    inner = local[1:-1]
    index = 0
    while index < len(inner):
        character = inner[index]
        if character == "\\":
            if index + 1 >= len(inner) or not " " <= inner[index + 1] <= "~":
                return False
            index += 2
            continue
        if not " " <= character <= "~" or character == '"':
            return False
        index += 1
    return True


def _domain_error(domain: str) -> str | None:
    if not domain:
        return translate(_CONTEXT, DOMAIN_EMPTY)
    if any(character.isspace() for character in domain):
        return translate(_CONTEXT, ADDRESS_SPACE)
    if domain.startswith("[") and domain.endswith("]"):
        return _address_literal_error(domain)
    if "@" in domain:
        return translate(_CONTEXT, NAME_CHARACTER).format(name=_shown(domain), character="@")
    if domain.endswith("."):
        return translate(_CONTEXT, LABEL_EMPTY).format(name=_shown(domain))

    problem = host_name_error(domain)
    if problem:
        return problem
    if all(label.isascii() and label.isdigit() for label in domain.split(".")):
        return translate(_CONTEXT, DOMAIN_IP)
    if "." not in domain.rstrip("."):
        return translate(_CONTEXT, DOMAIN_NO_DOT).format(name=_shown(domain))
    return None


def _address_literal_error(domain: str) -> str | None:
    """Check ``[192.0.2.1]`` or ``[IPv6:2001:db8::1]`` (RFC 5321 section 4.1.3)."""
    literal = domain[1:-1]
    if literal[:5].lower() == "ipv6:":
        if is_ipv6(literal[5:]) and "%" not in literal:
            return None
        return translate(_CONTEXT, IPV6_INVALID).format(name=_shown(domain))
    return _ipv4_error(literal)


def is_pec(text: str) -> bool:
    """Tell whether a server or an address is on an Italian certified-mail (PEC) service.

    PEC mailboxes discard or bounce mail from ordinary mailboxes, and PEC
    providers forbid automated sending, so both deserve a warning. The check
    uses known provider domains, labels such as ``pec`` or ``postacert``, and a
    ``cert`` sub-domain under ``.it`` (as in ``cert.comune.example.it``).
    """
    domain = text.rpartition("@")[2].strip().rstrip(".").lower()
    labels = domain.split(".")
    if any(domain == known or domain.endswith("." + known) for known in _PEC_DOMAINS):
        return True
    if _PEC_LABELS & set(labels[:-1]):
        return True
    return labels[-1] == "it" and "cert" in labels[:-2]


def _has_control_character(text: str) -> bool:
    # Category Cc contains line breaks and tabs, Cf invisible format characters
    # such as U+200B, and Zl and Zp the Unicode line and paragraph separators.
    if text.isascii():
        # The only such characters in ASCII are the Cc controls, which are exactly its non-printable ones.
        return not text.isprintable()
    return any(unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp") for character in text)


def _shown(text: str) -> str:
    """Shorten a long value for a message, so the message stays readable."""
    if len(text) <= _SHOWN_NAME_LENGTH:
        return text
    return text[: _SHOWN_NAME_LENGTH - 1] + "…"
