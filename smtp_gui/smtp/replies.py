"""Classify an SMTP refusal (a 4xx or 5xx reply) into a stable diagnosis code.

The basic reply code and the enhanced status code (RFC 3463, RFC 5248)
decide first. The text only breaks ties where servers use one code for
several causes, most often 550/553/554 with 5.7.1. The patterns cover the
wording of Postfix, Exim, sendmail, qmail, Exchange and Microsoft 365, Gmail
and the Postfix-based Italian providers (Aruba, Zimbra). Pure functions: no
I/O, no language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from smtp_gui.smtp.result import Reply, Step


class _LazyPattern:
    """A regular expression compiled on its first ``search``.

    Most runs classify no refusal, so compiling the patterns at import would
    add about 3 ms to every command-line start for nothing. Two threads that
    search at once may both compile, which is harmless.
    """

    def __init__(self, expression: str) -> None:
        self.expression = expression
        self._compiled: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        if self._compiled is None:
            self._compiled = re.compile(self.expression)
        return self._compiled.search(text)


# An enhanced status code at the start of the text, or qmail's "(#5.7.1)" at its end.
_ENHANCED_IN_TEXT = _LazyPattern(r"^([245]\.\d{1,3}\.\d{1,3})\b|\(#([245]\.\d{1,3}\.\d{1,3})\)")


def _any(*phrases: str) -> _LazyPattern:
    """Join regular expressions that are matched against lower-case text into one alternation."""
    return _LazyPattern("|".join(phrases))


# NOTE: the Italian phrases in the patterns below are common wording, not checked against a specific server.

# Replies about the TLS protocol version, e.g. Microsoft 365's
# "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2".
_TLS_VERSION = _any(r"\btls ?v?1\.[01]\b", r"\btls versions?\b", r"\bprotocol version\b", r"support tls ?1\.[23]")

_AUTH_DISABLED = _any(
    r"smtp ?client ?authentication is disabled",
    r"smtp ?auth\w* (?:is )?disabled",
    r"basic auth\w* (?:is )?(?:disabled|blocked|not allowed)",
    r"security defaults",
    r"did not meet the criteria to be authenticated",
)
_WRONG_CREDENTIALS = _any(r"credentials were incorrect", r"invalid credentials", r"bad credentials")

_APP_PASSWORD = _any(r"application-specific password", r"app(?:lication)? password", r"log ?in via your web browser")

_ENCRYPTION_REQUIRED = _any(
    r"\bstarttls\b",
    r"encryption (?:is )?(?:required|needed)",
    r"\btls (?:is )?required",
    r"requires? (?:an )?encrypt",
    r"secure connection (?:is )?required",
    r"\bssl (?:is )?required",
    r"must use (?:tls|ssl|encryption)",
    r"connessione (?:sicura|cifrata) (?:è )?richiesta",
)

# Postfix's reject_sender_login_mismatch says "Sender address rejected: not logged in" to a client without login.
_NOT_LOGGED_IN = _any(r"not logged in", r"\bnot authenticated")

_AUTH_REQUIRED = _any(
    r"authentication (?:is )?required",
    r"\bnot authenticated",
    r"must (?:first )?authenticate",
    r"authentication needed",
    r"\bauth(?:entication)? first\b",
    r"not logged in",
    r"login required",
    r"please log ?in",
    r"autenticazione (?:è )?richiesta",
    r"non autenticat",
)

_SENDING_LIMIT = _any(
    r"too many (?:messages|mails?|e-?mails|connections|recipients|sessions|requests|concurrent|login|auth"
    r"|failed login|bad auth)",
    r"rate ?-?limit",
    r"\bratelimit",
    r"sending (?:rate|limit|quota)",
    r"submission ?quota",
    r"daily (?:user )?(?:sending )?(?:quota|limit)",
    r"limit (?:has been )?(?:exceeded|reached)",
    r"quota (?:has been )?exceeded for (?:sending|messages)",
    r"(?:message|sender|recipient|connection)s? (?:rate|limit) exceeded",
    r"exceeded the (?:sending|rate|daily|message)",
    r"unusual rate",
    r"unexpected volume",
    r"throttl",
    r"max(?:imum)? connections",
    r"troppi ",
    r"limite (?:di invio|giornaliero)",
    r"superato il limite",
)

_GREYLISTED = _any(r"greylist", r"graylist", r"try again later", r"server (?:is )?busy", r"riprova(?:re)? più tardi")

_RELAY_DENIED = _any(
    r"relay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|prohibited)",
    r"relay(?:ing)? to \S+ (?:is )?(?:denied|not permitted|not allowed|prohibited)",
    r"delivery is not allowed to this address",
    r"unable to relay",
    r"not (?:permitted|allowed) to relay",
    r"allowed rcpthosts",
    r"credentials for relay",
    r"(?:client host|recipient address) rejected: access denied",
    r"relay non (?:permesso|consentito)",
)

_SENDER_REFUSED = _any(
    r"sender address rejected",
    r"not owned by",
    r"\bsend ?as\b",
    r"sendasdenied",
    r"send mail as",
    r"on behalf of",
    r"sender (?:is )?not (?:allowed|authorized|permitted)",
    r"sender verify failed",
    r"envelope sender",
    r"domain of sender address",
    r"sender address must",
    r"sender domain",
    r"\bfrom address",
    r"does not match (?:the |your )?(?:authenticated|login|logged)",
    r"(?:sender|from) (?:address )?does not match",
    r"mittente non (?:autorizzato|valido|consentito)",
)

_RECIPIENT_REFUSED = _any(
    r"recipient address rejected",
    r"user unknown",
    r"unknown user",
    r"no such (?:user|mailbox|recipient)",
    r"mailbox (?:unavailable|not found|full|is full|disabled)",
    r"(?:account|address|recipient|mailbox) (?:that you tried to reach )?does not exist",
    r"recipient ?not ?found",
    r"unrouteable address",
    r"over quota",
    r"invalid recipient",
    r"destinatario (?:inesistente|sconosciuto|non valido)",
    r"utente (?:sconosciuto|inesistente)",
)

# Enhanced codes whose meaning does not depend on the words (subject.detail, any class).
_ENHANCED_CODES: dict[str, str] = {
    "7.66": "tls_version",  # Microsoft 365: client TLS version too old
    "7.9": "app_password_required",  # Gmail: application-specific password required
    "7.14": "app_password_required",  # Gmail: sign-in blocked, log in via the web browser
    "7.10": "encryption_required",  # encryption needed
    "7.11": "encryption_required",  # encryption required for the requested mechanism
    "7.57": "auth_required",  # Exchange: client was not authenticated
    "7.60": "sender_refused",  # Exchange: no permission to send as this sender
    "7.54": "relay_denied",  # Exchange: unable to relay to a non-accepted domain
    "7.64": "relay_denied",  # Microsoft 365: tenant attribution, relay access denied
    "7.8": "auth_failed",  # authentication credentials invalid
    "5.3": "sending_limit",  # too many recipients
    "1.7": "sender_refused",  # bad sender's mailbox address syntax
    "1.8": "sender_refused",  # bad sender's system address
    "1.1": "recipient_refused",  # bad destination mailbox address
    "1.2": "recipient_refused",  # bad destination system address
    "1.3": "recipient_refused",  # bad destination mailbox address syntax
    "1.6": "recipient_refused",  # destination mailbox has moved
    "1.10": "recipient_refused",  # recipient address has a null MX
    "4.1": "recipient_refused",  # Microsoft 365 uses 5.4.1 for recipients unknown to the tenant (5xx only)
    "2.1": "recipient_refused",  # mailbox disabled
    "2.2": "recipient_refused",  # mailbox full
}

# Words that override one of the codes above, because servers reuse that code for another cause.
_OVERRIDES: dict[str, tuple[tuple[_LazyPattern, str], ...]] = {
    "recipient_refused": ((_SENDING_LIMIT, "sending_limit"), (_SENDER_REFUSED, "sender_refused")),
    "sender_refused": ((_AUTH_REQUIRED, "auth_required"),),
}


class _Refusal:
    """A reply prepared for matching: lower-case text and the subject.detail part of its enhanced code."""

    # A plain class: a dataclass costs about 0.5 ms of every start to build its methods.
    __slots__ = ("step", "code", "detail", "text")

    def __init__(self, step: Step, code: int, detail: str, text: str) -> None:
        self.step = step
        self.code = code
        self.detail = detail
        self.text = text

    def matches(self, pattern: _LazyPattern) -> bool:
        return pattern.search(self.text) is not None


def enhanced_code(reply: Reply) -> str:
    """Return the reply's enhanced status code, taken from the text when the parser left it empty."""
    if reply.enhanced:
        return reply.enhanced
    match = _ENHANCED_IN_TEXT.search(reply.text.strip())
    if match is None:
        return ""
    return match.group(1) or match.group(2)


def classify(step: Step, reply: Reply) -> str:
    """Return the diagnosis code for a refusal ``reply`` received at ``step``.

    A reply that is not a refusal (not 4xx or 5xx) gives ``protocol_error``,
    because the engine calls this only where it expected success. Only a
    550, 551 or 553 whose codes and words name no cause falls back on the
    step: ``sender_refused`` at MAIL FROM, ``recipient_refused`` at RCPT TO.
    """
    if not 400 <= reply.code <= 599:
        return "protocol_error"

    enhanced = enhanced_code(reply)
    detail = enhanced.split(".", 1)[1] if enhanced.count(".") == 2 else ""
    refusal = _Refusal(step, reply.code, detail, " ".join(reply.text.lower().split()))

    for rule in _RULES:
        code = rule(refusal)
        if code:
            return code
    return "server_error"


def _tls_step(refusal: _Refusal) -> str:
    # Every refusal of STARTTLS means encryption cannot start, whatever the wording.
    if refusal.step is not Step.TLS:
        return ""
    if refusal.matches(_TLS_VERSION) or refusal.detail == "7.66":
        return "tls_version"
    if refusal.code == 421:
        return "server_busy"
    return "starttls_unavailable"


def _authentication(refusal: _Refusal) -> str:
    if refusal.detail == "7.139" or refusal.matches(_AUTH_DISABLED):
        return "auth_failed" if refusal.matches(_WRONG_CREDENTIALS) else "auth_disabled"
    if refusal.code == 534 or refusal.matches(_APP_PASSWORD):
        return "app_password_required"
    if refusal.code == 538:
        return "encryption_required"
    if refusal.code == 535:
        return "auth_failed"
    if refusal.code == 530:
        return "encryption_required" if refusal.matches(_ENCRYPTION_REQUIRED) else "auth_required"
    return ""


def _enhanced(refusal: _Refusal) -> str:
    if refusal.detail == "4.1" and refusal.code < 500:
        return ""  # 4.4.1 is "no answer from host", a temporary network failure
    code = _ENHANCED_CODES.get(refusal.detail, "")
    for pattern, replacement in _OVERRIDES.get(code, ()):
        if refusal.matches(pattern):
            return replacement
    return code


def _words(refusal: _Refusal) -> str:
    # Order matters: a limit or greylisting refusal often also names the sender or recipient, as in
    # Postfix's "Recipient address rejected: Greylisted", and a relay refusal may ask for authentication.
    checks = (
        (_TLS_VERSION, "tls_version"),
        (_SENDING_LIMIT, "sending_limit"),
        (_GREYLISTED, "server_busy"),
        (_NOT_LOGGED_IN, "auth_required"),
        (_SENDER_REFUSED, "sender_refused"),
        (_RELAY_DENIED, "relay_denied"),
        (_AUTH_REQUIRED, "auth_required"),
        (_RECIPIENT_REFUSED, "recipient_refused"),
        (_ENCRYPTION_REQUIRED, "encryption_required"),
    )
    for pattern, code in checks:
        if refusal.matches(pattern):
            return code
    return ""


def _by_code(refusal: _Refusal) -> str:
    congested = refusal.detail in ("3.0", "3.1", "3.2", "4.5") and refusal.code < 500
    if refusal.code == 421 or congested:
        return "server_busy"
    if refusal.step is Step.AUTH:
        return _auth_step(refusal)
    # RFC 5321 uses 550, 551 and 553 for a mailbox that is unavailable or not allowed.
    if refusal.code in (550, 551, 553) and refusal.detail in ("", "0.0", "1.0"):
        if refusal.step is Step.SENDER:
            return "sender_refused"
        if refusal.step is Step.RECIPIENT:
            return "recipient_refused"
    return ""


def _auth_step(refusal: _Refusal) -> str:
    if refusal.code == 454:
        return "server_busy"  # "454 4.7.0 Temporary authentication failure"
    if refusal.code in (500, 502, 503, 504) or refusal.detail in ("5.1", "5.4", "7.4"):
        return "auth_unavailable"  # AUTH or the mechanism is not recognised
    if refusal.code >= 500:
        return "auth_failed"
    return ""


_RULES: tuple[Callable[[_Refusal], str], ...] = (_tls_step, _authentication, _enhanced, _words, _by_code)
