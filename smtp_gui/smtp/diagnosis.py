"""Turn every failure of the SMTP dialogue into one diagnosis: a stable code, a message and a hint.

The code is stable: the command line prints it and tests assert it. The
message and the hint are in the language ``i18n`` has chosen, worded for the
technician. The caller shows them next to the server's own reply, which stays
untranslated in ``Result.reply``.
"""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass

from smtp_gui.i18n import translate
from smtp_gui.settings import Security, Settings
from smtp_gui.smtp import diagnosis_text, replies
from smtp_gui.smtp.cancel import Cancelled
from smtp_gui.smtp.protocol import ProtocolError
from smtp_gui.smtp.result import Diagnosis, Reply, Step

CODES: tuple[str, ...] = (
    "dns",
    "refused",
    "timeout",
    "tls_mode_mismatch",
    "starttls_unavailable",
    "cert_untrusted",
    "cert_expired",
    "cert_hostname",
    "tls_version",
    "auth_unavailable",
    "auth_failed",
    "app_password_required",
    "auth_disabled",
    "encryption_required",
    "sender_refused",
    "recipient_refused",
    "relay_denied",
    "server_busy",
    "connection_lost",
    "auth_required",
    "sending_limit",
    "protocol_error",
    "invalid_input",
    "cancelled",
    "server_error",
)

WARNING_CODES: tuple[str, ...] = ("starttls_available", "auth_available")

# OpenSSL verify codes (X509_V_ERR_*) that need a diagnosis other than cert_untrusted.
_CERT_NOT_YET_VALID = 9
_CERT_HAS_EXPIRED = 10
_HOSTNAME_MISMATCH = 62
_IP_ADDRESS_MISMATCH = 64

# OpenSSL reasons for a TLS handshake that met a plain-text server: the first
# bytes it read were "220 ..." rather than a TLS record.
_PLAIN_TEXT_REASONS = ("WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "PACKET_LENGTH_TOO_LONG", "UNKNOWN_PROTOCOL",
                       "HTTP_REQUEST")
_VERSION_REASONS = ("UNSUPPORTED_PROTOCOL", "NO_PROTOCOLS_AVAILABLE", "TLSV1_ALERT_PROTOCOL_VERSION",
                    "VERSION_TOO_LOW", "SSLV3_ALERT_HANDSHAKE_FAILURE", "NO_SHARED_CIPHER", "NO_CIPHERS_AVAILABLE")
_WEAK_CRYPTO_REASONS = ("DH_KEY_TOO_SMALL", "EE_KEY_TOO_SMALL", "CA_KEY_TOO_SMALL", "CA_MD_TOO_WEAK")
_UNREACHABLE_ERRNOS = (errno.ENETUNREACH, errno.EHOSTUNREACH)
_OAUTH_MECHANISMS = ("XOAUTH2", "OAUTHBEARER")


@dataclass(frozen=True)
class Context:
    """The facts about the connection that the wording of a diagnosis depends on."""

    host: str  # as the user typed it
    port: int
    security: Security
    auth: bool
    starttls_offered: bool = False
    auth_mechanisms: tuple[str, ...] = ()
    cert_names: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings) -> Context:
        """Return the context known before connecting: no server features yet."""
        return cls(host=settings.server, port=settings.port, security=settings.security, auth=settings.auth)


def from_reply(step: Step, reply: Reply, context: Context) -> Diagnosis:
    """Diagnose a server reply that refused a command (4xx or 5xx) at ``step``.

    The same refusal gives the same code at any step: Postfix, for example,
    rejects a sender only at RCPT TO, other servers already at MAIL FROM.
    A reply that is not a refusal gives ``protocol_error``.
    """
    code = replies.classify(step, reply)
    reply_codes = f"{reply.code} {replies.enhanced_code(reply)}".strip()
    if code == "protocol_error":
        return _build(code, context, step, {"variant": "unexpected", "reply": reply_codes})
    return _build(code, context, step, {"reply": reply_codes})


def from_error(step: Step, error: BaseException, context: Context) -> Diagnosis:
    """Diagnose an exception raised by the connection, the TLS layer or the engine at ``step``."""
    code, params = _classify_error(step, error, context)
    return _build(code, context, step, params)


def make(code: str, context: Context, **params: str) -> Diagnosis:
    """Word a condition the engine detected itself, such as ``starttls_unavailable``.

    Args:
        code: one of ``CODES``.
        context: the connection as far as it is known.
        params: optional ``step`` (a ``Step`` value), ``field`` and ``reason``
            for ``invalid_input``, ``detail`` for a low-level cause, ``reply``
            for a reply code, and ``variant`` to choose a wording that
            ``from_error`` or ``from_reply`` would choose (``other``,
            ``unreachable``, ``weak``, ``tls``, ``unexpected``).

    Raises:
        ValueError: ``code`` is not one of ``CODES``.
    """
    if code not in CODES:
        raise ValueError(f"unknown diagnosis code {code!r}; use one of {CODES}")
    step = Step(params["step"]) if "step" in params else None
    return _build(code, context, step, params)


def warning(code: str, context: Context) -> Diagnosis:
    """Word a warning that does not stop the operation, such as ``starttls_available``.

    Raises:
        ValueError: ``code`` is not one of ``WARNING_CODES``.
    """
    if code not in WARNING_CODES:
        raise ValueError(f"unknown warning code {code!r}; use one of {WARNING_CODES}")
    return _build(code, context, None, {})


def _classify_error(step: Step, error: BaseException, context: Context) -> tuple[str, dict[str, str]]:
    """Return the code and the wording parameters for ``error``.

    The order of the checks matters, because ``ssl.SSLError``,
    ``socket.gaierror`` and the connection errors are all ``OSError`` subclasses.
    """
    if isinstance(error, Cancelled):
        return "cancelled", {}
    if isinstance(error, ProtocolError):
        return "protocol_error", {}
    if isinstance(error, ssl.SSLCertVerificationError):
        return _certificate_code(error), {}
    if isinstance(error, (ssl.SSLEOFError, ssl.SSLZeroReturnError, ssl.SSLSyscallError)):
        return "connection_lost", {}
    if isinstance(error, ssl.SSLError):
        return _tls_code(error, context)
    if isinstance(error, socket.gaierror):
        return "dns", {}
    if isinstance(error, ConnectionRefusedError):
        return "refused", {}
    if isinstance(error, TimeoutError):
        return "timeout", {}
    if isinstance(error, (ConnectionError, EOFError)):
        return "connection_lost", {}
    if isinstance(error, UnicodeError):
        return "invalid_input", {"field": "server"}  # the server name has no IDNA form
    if isinstance(error, OSError) and error.errno in _UNREACHABLE_ERRNOS:
        return "refused", {"variant": "unreachable"}
    if isinstance(error, OSError) and step is Step.CONNECT:
        return "refused", {"variant": "other", "detail": error.strerror or type(error).__name__}
    if isinstance(error, OSError):
        return "connection_lost", {}
    return "protocol_error", {}


def _certificate_code(error: ssl.SSLCertVerificationError) -> str:
    if error.verify_code in (_CERT_HAS_EXPIRED, _CERT_NOT_YET_VALID):
        return "cert_expired"
    message = (error.verify_message or "").lower()
    if error.verify_code in (_HOSTNAME_MISMATCH, _IP_ADDRESS_MISMATCH) or "mismatch" in message:
        return "cert_hostname"
    return "cert_untrusted"


def _tls_code(error: ssl.SSLError, context: Context) -> tuple[str, dict[str, str]]:
    reason = str(error.reason or "").upper()
    text = str(error).upper().replace(" ", "_")
    detail = (error.reason or str(error)).replace("_", " ").lower()
    if "UNEXPECTED_EOF" in reason or "UNEXPECTED_EOF" in text:
        return "connection_lost", {}
    if any(name in reason or name in text for name in _PLAIN_TEXT_REASONS):
        # After "220 Ready to start TLS" plain text means a broken server or a
        # firewall that rewrites SMTP, not a wrong security choice.
        if context.security is Security.STARTTLS:
            return "protocol_error", {"variant": "tls", "detail": detail}
        return "tls_mode_mismatch", {}
    if any(name in reason or name in text for name in _VERSION_REASONS):
        return "tls_version", {}
    if any(name in reason or name in text for name in _WEAK_CRYPTO_REASONS):
        return "tls_version", {"variant": "weak", "detail": detail}
    return "protocol_error", {"variant": "tls", "detail": detail}


def _build(code: str, context: Context, step: Step | None, params: Mapping[str, str]) -> Diagnosis:
    message_key = _message_key(code, context, step, params)
    hint_key = _hint_key(code, context, step, params)
    values = _values(context, step, params)

    message = translate(diagnosis_text.CONTEXT, diagnosis_text.MESSAGES[message_key]).format_map(values)
    hint_source = diagnosis_text.HINTS[hint_key]
    hint = translate(diagnosis_text.CONTEXT, hint_source).format_map(values) if hint_source else ""
    return Diagnosis(code=code, message=message, hint=hint)


def _message_key(code: str, context: Context, step: Step | None, params: Mapping[str, str]) -> str:
    variant = params.get("variant", "")
    if f"{code}.{variant}" in diagnosis_text.MESSAGES:
        return f"{code}.{variant}"
    if code == "timeout" and step in (Step.CONNECT, Step.GREETING):
        return f"timeout.{step.value}"
    if code == "tls_mode_mismatch" and context.security is Security.SSL:
        return "tls_mode_mismatch.ssl"
    if code == "auth_unavailable" and context.auth_mechanisms:
        return "auth_unavailable.mechanisms"
    if code == "connection_lost" and step is Step.TLS:
        return "connection_lost.tls"
    if code == "invalid_input" and params.get("reason"):
        return "invalid_input.reason"
    return code


def _hint_key(code: str, context: Context, step: Step | None, params: Mapping[str, str]) -> str:
    variant = params.get("variant", "")
    if f"{code}.{variant}" in diagnosis_text.HINTS:
        return f"{code}.{variant}"
    if code == "timeout" and context.port == 25:
        return "timeout.port25"
    if code == "tls_mode_mismatch" and context.security is Security.SSL:
        return "tls_mode_mismatch.ssl"
    if code == "cert_hostname" and not context.cert_names:
        return "cert_hostname.unknown"
    if code == "auth_unavailable":
        return _auth_unavailable_hint(context)
    if code in ("sender_refused", "relay_denied", "auth_required") and context.auth:
        return f"{code}.auth"
    if code == "connection_lost" and step is Step.TLS:
        return "connection_lost.tls"
    if code == "server_error" and params.get("reply", "").startswith("4"):
        return "server_error.temporary"
    return code


def _auth_unavailable_hint(context: Context) -> str:
    # Servers such as Postfix with smtpd_tls_auth_only announce AUTH only after STARTTLS.
    if context.starttls_offered and context.security is Security.NONE:
        return "auth_unavailable.starttls"
    offered = {mechanism.upper() for mechanism in context.auth_mechanisms}
    if offered & set(_OAUTH_MECHANISMS):
        return "auth_unavailable.oauth"
    return "auth_unavailable"


def _values(context: Context, step: Step | None, params: Mapping[str, str]) -> dict[str, str]:
    field = params.get("field", "")
    return {
        "host": context.host,
        "port": str(context.port),
        "names": ", ".join(context.cert_names),
        "mechanisms": " ".join(context.auth_mechanisms),
        "field": _translated(diagnosis_text.FIELD_NAMES, field) or field,
        "reason": params.get("reason", ""),
        "step": _translated(diagnosis_text.STEP_NAMES, step.value if step is not None else ""),
        "reply": params.get("reply", ""),
        "detail": params.get("detail", ""),
    }


def step_name(step: Step) -> str:
    """Return the translated name of a dialogue step, as messages, the popup and the report show it."""
    return _translated(diagnosis_text.STEP_NAMES, step.value) or step.value


def _translated(names: Mapping[str, str], key: str) -> str:
    source = names.get(key, "")
    return translate(diagnosis_text.CONTEXT, source) if source else ""
