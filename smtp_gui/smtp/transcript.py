"""The record of an SMTP dialogue shown to the user, with every credential masked.

Masking happens here, where lines enter the record, so no caller can forget
it: the initial response of any AUTH command and every client line sent
during the SASL exchange (until the server's final reply, any code but 334)
become ``MASK``, whatever the mechanism (PLAIN, LOGIN, CRAM-MD5, XOAUTH2...).
Every secret seen there, or given to ``hide``, is also replaced in every
other line, because some servers echo an unrecognised command in their reply.
Server text is made safe to display, and the record is bounded: the first
``HEAD_LINES`` and the last ``TAIL_LINES`` lines are kept, because a failure
shows at the end.
"""

from __future__ import annotations

import collections
import unicodedata

from smtp_gui.i18n import QT_TRANSLATE_NOOP, translate

MASK = "********"
HEAD_LINES = 200
TAIL_LINES = 200
MAX_LINE_CHARS = 1000  # longer lines are cut; RFC 5321 allows 512 bytes per line

_CONTEXT = "Transcript"
_OMITTED = QT_TRANSLATE_NOOP("Transcript", "... {count} lines left out ...")
_MESSAGE = QT_TRANSLATE_NOOP("Transcript", "<message of {size} bytes>")
_CONNECTING = QT_TRANSLATE_NOOP("Transcript", "Connecting to {address}")
_CONNECTED = QT_TRANSLATE_NOOP("Transcript", "Connected to {address}")
_CONNECTION_ERROR = QT_TRANSLATE_NOOP("Transcript", "Connection error: {reason}")
_TLS_FAILED = QT_TRANSLATE_NOOP("Transcript", "TLS handshake failed: {reason}")


class Transcript:
    """The masked, size-bounded lines of one dialogue, each prefixed "C: ", "S: " or "* "."""

    def __init__(self) -> None:
        # Entries are (prefix, text) pairs, so masking never touches a prefix.
        self._head: list[tuple[str, str]] = []
        self._tail: collections.deque[tuple[str, str]] = collections.deque(maxlen=TAIL_LINES)
        self._omitted = 0
        self._in_auth = False
        self._secrets: set[str] = set()
        # The secrets longest first, kept sorted here because ``redact`` runs for every line.
        self._secrets_by_length: tuple[str, ...] = ()

    def hide(self, secret: str) -> None:
        """Replace ``secret`` with ``MASK`` in every line, such as a password or a SASL payload."""
        # "*" is the client's way to cancel a SASL exchange, not a secret.
        if secret and secret not in (MASK, "*") and secret not in self._secrets:
            self._secrets.add(secret)
            self._secrets_by_length = tuple(sorted(self._secrets, key=len, reverse=True))

    def client(self, line: str) -> None:
        """Record a line the client sent (without CRLF), masking any credential in it."""
        line = line.rstrip("\r\n")
        if self._in_auth:
            self.hide(line)
            self._add("C: ", MASK)
            return

        command, _, argument = line.partition(" ")
        if command.upper() == "AUTH":
            self._in_auth = True
            mechanism, _, initial_response = argument.strip().partition(" ")
            self.hide(initial_response.strip())
            command_and_mechanism = f"{command} {visible(mechanism)}".rstrip()
            if initial_response:
                self._add("C: ", f"{command_and_mechanism} {MASK}")
            else:
                self._add("C: ", command_and_mechanism)
            return
        self._add("C: ", visible(line))

    def server(self, line: str | bytes) -> None:
        """Record a line the server sent; bytes are decoded as UTF-8 with replacement characters."""
        if isinstance(line, bytes):
            line = line.decode("utf-8", errors="replace")
        line = line.rstrip("\r\n")
        # The SASL exchange ends with the last line of any reply but a 334 challenge.
        final_line = len(line) < 4 or line[3] != "-"
        if self._in_auth and final_line and not line.startswith("334"):
            self._in_auth = False
        self._add("S: ", visible(line))

    def note(self, text: str) -> None:
        """Record a remark of the program, such as the TLS version agreed."""
        self._add("* ", visible(text))

    def message(self, size: int) -> None:
        """Record that a message of ``size`` bytes was sent, without its lines."""
        self.note(translate(_CONTEXT, _MESSAGE).format(size=size))

    def connecting(self, address: str) -> None:
        """Record the server and port about to be connected to, such as "[::1]:25"."""
        self.note(translate(_CONTEXT, _CONNECTING).format(address=address))

    def connected(self, address: str) -> None:
        """Record the IP address and port the connection was made to."""
        self.note(translate(_CONTEXT, _CONNECTED).format(address=address))

    def failure(self, reason: str, during_tls: bool) -> None:
        """Record why the connection or its TLS handshake failed, in the words of the operating system or OpenSSL."""
        template = _TLS_FAILED if during_tls else _CONNECTION_ERROR
        self.note(translate(_CONTEXT, template).format(reason=reason))

    def lines(self) -> tuple[str, ...]:
        """Return the recorded lines, with a note where lines were left out to bound the size."""
        head = [self._render(entry) for entry in self._head]
        tail = [self._render(entry) for entry in self._tail]
        if not self._omitted:
            return (*head, *tail)
        omitted = "* " + translate(_CONTEXT, _OMITTED).format(count=self._omitted)
        return (*head, omitted, *tail)

    def _render(self, entry: tuple[str, str]) -> str:
        # Redacting again catches secrets hidden after the line was recorded.
        prefix, text = entry
        return prefix + self.redact(text)

    def redact(self, text: str) -> str:
        """Return ``text`` with every hidden secret replaced by ``MASK``, e.g. a server reply kept elsewhere."""
        # Longest first, so a secret that contains another is replaced whole.
        for secret in self._secrets_by_length:
            text = text.replace(secret, MASK)
        return text

    def _add(self, prefix: str, text: str) -> None:
        text = self.redact(text)
        limit = MAX_LINE_CHARS - len(prefix)
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        entry = (prefix, text)
        if len(self._head) < HEAD_LINES:
            self._head.append(entry)
            return
        if len(self._tail) == TAIL_LINES:
            self._omitted += 1
        self._tail.append(entry)


def visible(text: str) -> str:
    """Return ``text`` with control and format characters escaped, so a line cannot hide or fake text.

    Tabs become a space; other controls, bidirectional overrides and zero-width
    characters become ``\\xNN`` or ``\\uNNNN`` escapes.
    """
    if text.isprintable():
        return text
    return "".join(_visible_character(character) for character in text)


def _visible_character(character: str) -> str:
    if character == "\t":
        return " "
    if character == " " or unicodedata.category(character) not in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
        return character
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
