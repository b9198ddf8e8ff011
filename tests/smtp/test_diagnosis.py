"""Diagnosis of real server replies and low-level errors, and its wording in English and Italian."""

from __future__ import annotations

import errno
import re
import socket
import ssl
from pathlib import Path
from xml.etree import ElementTree

import pytest

from smtp_gui import i18n
from smtp_gui.settings import Security
from smtp_gui.smtp import diagnosis, diagnosis_text
from smtp_gui.smtp.cancel import Cancelled
from smtp_gui.smtp.diagnosis import Context
from smtp_gui.smtp.message import SECURITY_NAMES
from smtp_gui.smtp.protocol import ProtocolError
from smtp_gui.smtp.result import Reply, Step

PLAIN = Context(host="smtp.example.com", port=25, security=Security.NONE, auth=False)
SUBMISSION = Context(host="smtp.example.com", port=587, security=Security.STARTTLS, auth=True)

# One row per kind of real-world refusal: (step, code, enhanced code, text, expected diagnosis).
REPLIES = {
    # Login required but Autenticazione off.
    "postfix_auth_required": (Step.SENDER, 530, "5.7.0", "Authentication required", "auth_required"),
    "gmail_auth_required": (
        Step.SENDER, 530, "5.7.0",
        "Authentication Required. For more information, go to\nhttps://support.google.com/mail/?p=WantAuthError",
        "auth_required",
    ),
    "exim_auth_required_no_enhanced": (Step.SENDER, 530, "", "Authentication required", "auth_required"),
    "qmail_auth_required": (Step.SENDER, 530, "", "authentication required (#5.7.1)", "auth_required"),
    "exchange_not_authenticated": (
        Step.SENDER, 530, "5.7.57", "Client was not authenticated to send anonymous mail during MAIL FROM",
        "auth_required",
    ),
    "o365_not_authenticated_550": (
        Step.SENDER, 550, "5.7.57", "SMTP; Client was not authenticated to send anonymous mail during MAIL FROM",
        "auth_required",
    ),
    "postfix_sender_not_logged_in": (
        Step.RECIPIENT, 553, "5.7.1", "<tvox@example.com>: Sender address rejected: not logged in", "auth_required",
    ),
    # Encryption required.
    "postfix_must_issue_starttls": (Step.SENDER, 530, "5.7.0", "Must issue a STARTTLS command first",
                                    "encryption_required"),
    "aiosmtpd_must_issue_starttls": (Step.EHLO, 530, "", "Must issue a STARTTLS command first",
                                     "encryption_required"),
    "exchange_starttls_required": (Step.SENDER, 530, "5.7.3", "STARTTLS is required to send mail",
                                   "encryption_required"),
    "exchange_starttls_required_451": (Step.SENDER, 451, "5.7.3", "STARTTLS is required to send mail",
                                       "encryption_required"),
    "rfc4954_encryption_for_mechanism": (Step.AUTH, 538, "5.7.11",
                                         "Encryption required for requested authentication mechanism",
                                         "encryption_required"),
    # App password.
    "gmail_app_password": (Step.AUTH, 534, "5.7.9",
                           "Application-specific password required. Learn more at\n"
                           "https://support.google.com/mail/?p=InvalidSecondFactor", "app_password_required"),
    "gmail_web_login": (Step.AUTH, 534, "5.7.14",
                        "<https://accounts.google.com/signin/continue?sarp=1>\nPlease log in via your web browser "
                        "and then try again.", "app_password_required"),
    # SMTP AUTH disabled by the administrator (Microsoft 365 variants of 5.7.139).
    "o365_smtp_auth_disabled_tenant": (
        Step.AUTH, 535, "5.7.139",
        "Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
        "Visit https://aka.ms/smtp_auth_disabled for more information.", "auth_disabled",
    ),
    "o365_smtp_auth_disabled_mailbox": (
        Step.AUTH, 535, "5.7.139",
        "Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. "
        "Visit https://aka.ms/smtp_auth_disabled for more information.", "auth_disabled",
    ),
    "o365_security_defaults": (
        Step.AUTH, 535, "5.7.139",
        "Authentication unsuccessful, user is locked by your organization's security defaults policy. "
        "Contact your administrator.", "auth_disabled",
    ),
    "o365_basic_auth_disabled": (Step.AUTH, 535, "5.7.139",
                                 "Authentication unsuccessful, basic authentication is disabled.", "auth_disabled"),
    "o365_conditional_access": (
        Step.AUTH, 535, "5.7.139",
        "Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. "
        "Contact your administrator.", "auth_disabled",
    ),
    # Wrong credentials.
    "o365_credentials_incorrect": (Step.AUTH, 535, "5.7.139",
                                   "Authentication unsuccessful, the user credentials were incorrect.",
                                   "auth_failed"),
    "exchange_auth_unsuccessful": (Step.AUTH, 535, "5.7.3", "Authentication unsuccessful", "auth_failed"),
    "postfix_sasl_failed": (Step.AUTH, 535, "5.7.8", "Error: authentication failed: authentication failure",
                            "auth_failed"),
    "gmail_bad_credentials": (Step.AUTH, 535, "5.7.8",
                              "Username and Password not accepted. For more information, go to\n"
                              "https://support.google.com/mail/?p=BadCredentials", "auth_failed"),
    "exim_incorrect_data": (Step.AUTH, 535, "", "Incorrect authentication data", "auth_failed"),
    "qmail_authorization_failed": (Step.AUTH, 535, "", "authorization failed (#5.7.0)", "auth_failed"),
    "yahoo_too_many_bad_attempts": (Step.AUTH, 535, "5.7.0", "(#AUTH005) Too many bad auth attempts.",
                                    "auth_failed"),
    # AUTH not available once sent.
    "postfix_auth_not_enabled": (Step.AUTH, 503, "5.5.1", "Error: authentication not enabled", "auth_unavailable"),
    "exchange_unrecognized_auth_type": (Step.AUTH, 504, "5.7.4", "Unrecognized authentication type",
                                        "auth_unavailable"),
    "auth_command_unrecognized": (Step.AUTH, 502, "5.5.2", "Error: command not recognized", "auth_unavailable"),
    # Sender not allowed for this account, at MAIL or, with Postfix, at RCPT.
    "postfix_not_owned": (Step.RECIPIENT, 553, "5.7.1",
                          "<tvox@example.com>: Sender address rejected: not owned by user centralino",
                          "sender_refused"),
    "o365_send_as": (Step.SENDER, 550, "5.7.60", "SMTP; Client does not have permissions to send as this sender",
                     "sender_refused"),
    "exchange_send_as_5_7_1": (Step.SENDER, 550, "5.7.1", "Client does not have permissions to send as this sender",
                               "sender_refused"),
    "o365_send_as_denied_after_data": (
        Step.DATA, 554, "5.2.0",
        "STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; "
        "Failed to process message due to a permanent exception", "sender_refused",
    ),
    "o365_send_as_denied_5_2_252": (Step.DATA, 554, "5.2.252",
                                    "SendAsDenied; tvox@example.com not allowed to send as other@example.com",
                                    "sender_refused"),
    "postfix_sender_unknown": (Step.RECIPIENT, 550, "5.1.0",
                               "<tvox@example.com>: Sender address rejected: User unknown in virtual mailbox table",
                               "sender_refused"),
    "postfix_sender_domain_not_found": (Step.RECIPIENT, 450, "4.1.8",
                                        "<tvox@nowhere.example>: Sender address rejected: Domain not found",
                                        "sender_refused"),
    "sendmail_sender_domain": (Step.SENDER, 553, "5.1.8",
                               "<tvox@nowhere.example>... Domain of sender address tvox@nowhere.example does not exist",
                               "sender_refused"),
    "exim_sender_verify": (Step.SENDER, 550, "", "Sender verify failed", "sender_refused"),
    "qmail_badmailfrom": (Step.SENDER, 553, "", "sorry, your envelope sender is in my badmailfrom list (#5.7.1)",
                          "sender_refused"),
    "bad_sender_syntax": (Step.SENDER, 501, "5.1.7", "Bad sender address syntax", "sender_refused"),
    "from_must_match_login": (Step.SENDER, 550, "5.7.1",
                              "Your FROM address ( tvox@example.com ) must match your authenticated email user",
                              "sender_refused"),
    "zoho_sender_not_allowed_to_relay": (Step.SENDER, 553, "", "Sender is not allowed to relay emails",
                                         "sender_refused"),
    "sender_does_not_match_login": (Step.SENDER, 550, "5.7.1",
                                    "Sender address does not match authenticated user", "sender_refused"),
    "aruba_sender_mismatch": (Step.SENDER, 553, "5.7.1", "Mittente non autorizzato per questo account",
                              "sender_refused"),
    "unknown_mailbox_refusal_at_mail": (Step.SENDER, 550, "", "Requested action not taken", "sender_refused"),
    # Recipient refused.
    "postfix_user_unknown": (Step.RECIPIENT, 550, "5.1.1",
                             "<nobody@example.com>: Recipient address rejected: User unknown in local recipient table",
                             "recipient_refused"),
    "gmail_no_such_account": (Step.RECIPIENT, 550, "5.1.1",
                              "The email account that you tried to reach does not exist.", "recipient_refused"),
    "o365_recipient_not_found": (Step.RECIPIENT, 550, "5.1.10",
                                 "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
                                 "recipient_refused"),
    "o365_directory_edge_blocking": (Step.RECIPIENT, 550, "5.4.1",
                                     "Recipient address rejected: Access denied. AS(201806281)", "recipient_refused"),
    "exim_unrouteable": (Step.RECIPIENT, 550, "", "Unrouteable address", "recipient_refused"),
    "sendmail_user_unknown": (Step.RECIPIENT, 550, "5.1.1", "<nobody@example.com>... User unknown",
                              "recipient_refused"),
    "gmail_mailbox_full": (Step.RECIPIENT, 452, "4.2.2", "The email account that you tried to reach is over quota.",
                           "recipient_refused"),
    "mailbox_disabled": (Step.RECIPIENT, 550, "5.2.1", "Mailbox disabled, not accepting messages",
                         "recipient_refused"),
    "unknown_mailbox_refusal_at_rcpt": (Step.RECIPIENT, 550, "", "Requested action not taken",
                                        "recipient_refused"),
    # Relay denied.
    "postfix_relay_access_denied": (Step.RECIPIENT, 554, "5.7.1", "<someone@other.example>: Relay access denied",
                                    "relay_denied"),
    "sendmail_relaying_denied": (Step.RECIPIENT, 550, "5.7.1",
                                 "<someone@other.example>... Relaying denied. Proper authentication required.",
                                 "relay_denied"),
    "relay_not_allowed_for_client": (Step.RECIPIENT, 550, "5.7.1", "Client is not allowed to relay", "relay_denied"),
    "hmailserver_relay": (Step.RECIPIENT, 550, "", "Delivery is not allowed to this address.", "relay_denied"),
    "kerio_relaying_to_denied": (Step.RECIPIENT, 550, "5.7.1",
                                 "Relaying to <someone@other.example> denied (authentication required)",
                                 "relay_denied"),
    "exim_relay_not_permitted": (Step.RECIPIENT, 550, "", "relay not permitted", "relay_denied"),
    "exchange_unable_to_relay": (Step.RECIPIENT, 550, "5.7.54",
                                 "SMTP; Unable to relay recipient in non-accepted domain", "relay_denied"),
    "exchange_old_unable_to_relay": (Step.RECIPIENT, 550, "5.7.1", "Unable to relay", "relay_denied"),
    "o365_tenant_attribution": (Step.RECIPIENT, 550, "5.7.64", "TenantAttribution; Relay Access Denied",
                                "relay_denied"),
    "qmail_rcpthosts": (Step.RECIPIENT, 553, "", "sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
                        "relay_denied"),
    "gmail_relay_denied": (Step.RECIPIENT, 550, "5.7.0", "Mail relay denied [192.0.2.10].", "relay_denied"),
    "gmail_relay_credentials": (Step.SENDER, 550, "5.7.1",
                                "Invalid credentials for relay [192.0.2.10]. The IP address you've registered in "
                                "your SMTP Relay service doesn't match the domain of the account", "relay_denied"),
    "postfix_submission_reject": (Step.RECIPIENT, 554, "5.7.1",
                                  "<someone@other.example>: Recipient address rejected: Access denied",
                                  "relay_denied"),
    "postfix_client_host_rejected": (Step.RECIPIENT, 554, "5.7.1",
                                     "<unknown[192.0.2.10]>: Client host rejected: Access denied", "relay_denied"),
    # Sending limits.
    "gmail_daily_quota": (Step.SENDER, 550, "5.4.5", "Daily user sending quota exceeded.", "sending_limit"),
    "gmail_too_many_login_attempts": (Step.AUTH, 454, "4.7.0", "Too many login attempts, please try again later.",
                                      "sending_limit"),
    "gmail_unusual_rate": (Step.RECIPIENT, 421, "4.7.28",
                           "Our system has detected an unusual rate of unsolicited mail originating from your IP "
                           "address.", "sending_limit"),
    "postfix_too_many_recipients": (Step.RECIPIENT, 452, "4.5.3", "Error: too many recipients", "sending_limit"),
    "too_many_recipients_5_5_3": (Step.RECIPIENT, 552, "5.5.3", "Too many recipients", "sending_limit"),
    "postfix_too_many_connections": (Step.GREETING, 421, "4.7.0",
                                     "mail.example.com Error: too many connections from 192.0.2.10", "sending_limit"),
    "policyd_rate_limit_at_rcpt": (Step.RECIPIENT, 450, "4.7.1",
                                   "<someone@example.com>: Recipient address rejected: Rate limit exceeded",
                                   "sending_limit"),
    "o365_submission_quota": (Step.DATA, 554, "5.2.0",
                              "STOREDRV.Submission.Exception:SubmissionQuotaExceededException", "sending_limit"),
    "o365_sender_quota_5_2_2": (Step.DATA, 550, "5.2.2",
                                "STOREDRV.ClientSubmit; sender's submission quota was exceeded", "sending_limit"),
    "o365_thread_limit": (Step.SENDER, 432, "4.3.2", "STOREDRV.ClientSubmit; sender thread limit exceeded",
                          "sending_limit"),
    "yahoo_unexpected_volume": (Step.SENDER, 421, "4.7.0",
                                "[TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or "
                                "user complaints", "sending_limit"),
    "aruba_max_connections": (Step.GREETING, 421, "", "smtp.aruba.it Max connections per ip reached",
                              "sending_limit"),
    "italian_too_many_messages": (Step.SENDER, 450, "4.7.1", "Troppi messaggi inviati, riprovare più tardi",
                                  "sending_limit"),
    # TLS version.
    "o365_tls_version": (Step.SENDER, 421, "4.7.66",
                         "TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2.",
                         "tls_version"),
    # STARTTLS refused.
    "postfix_tls_not_available": (Step.TLS, 454, "4.7.0", "TLS not available due to local problem",
                                  "starttls_unavailable"),
    "starttls_not_recognized": (Step.TLS, 502, "5.5.1", "Unrecognized command", "starttls_unavailable"),
    # Busy or temporarily unavailable.
    "service_not_available": (Step.GREETING, 421, "4.3.2", "Service not available, closing transmission channel",
                              "server_busy"),
    "gmail_temporary_auth_problem": (Step.AUTH, 454, "4.7.0",
                                     "Cannot authenticate due to a temporary system problem. Try again later.",
                                     "server_busy"),
    "exchange_temporary_server_error": (Step.RECIPIENT, 451, "4.7.0",
                                        "Temporary server error. Please try again later. PRX4", "server_busy"),
    "gmail_try_again_later": (Step.EHLO, 421, "4.7.0", "Try again later, closing connection. (EHLO)",
                              "server_busy"),
    "postgrey_greylisted": (Step.RECIPIENT, 450, "4.2.0",
                            "<someone@example.com>: Recipient address rejected: Greylisted, see "
                            "http://postgrey.schweikert.ch/help/example.com.html", "server_busy"),
    "insufficient_storage": (Step.SENDER, 452, "4.3.1", "Insufficient system storage", "server_busy"),
    "temporary_auth_failure": (Step.AUTH, 454, "4.7.0", "Temporary authentication failure", "server_busy"),
    # Anything else keeps the server's own words.
    "spam_rejected": (Step.DATA, 554, "5.7.1", "Message rejected as spam", "server_error"),
    "message_too_big": (Step.DATA, 552, "5.3.4", "Message size exceeds fixed maximum message size", "server_error"),
    "blocklisted_client": (Step.GREETING, 554, "5.7.1",
                           "Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org",
                           "server_error"),
    "o365_banned_ip": (Step.SENDER, 550, "5.7.606", "Access denied, banned sending IP [192.0.2.10].",
                       "server_error"),
    "gmail_dmarc_unauthenticated": (Step.DATA, 550, "5.7.26",
                                    "This mail is unauthenticated, which poses a security risk to the sender",
                                    "server_error"),
    "ehlo_syntax": (Step.EHLO, 501, "5.5.2", "Syntax: EHLO hostname", "server_error"),
    "no_answer_from_host_temporary": (Step.RECIPIENT, 451, "4.4.1", "No answer from host", "server_error"),
    "not_a_refusal": (Step.EHLO, 250, "", "mail.example.com", "protocol_error"),
}

# Refusals that a server may give at MAIL FROM and another at RCPT TO.
SAME_AT_MAIL_AND_RCPT = [
    "postfix_auth_required", "exchange_not_authenticated", "postfix_must_issue_starttls", "postfix_not_owned",
    "o365_send_as", "postfix_relay_access_denied", "gmail_daily_quota", "o365_tls_version", "service_not_available",
    "spam_rejected",
]


@pytest.mark.parametrize(("step", "code", "enhanced", "text", "expected"), REPLIES.values(), ids=REPLIES.keys())
def test_reply_gives_code(step: Step, code: int, enhanced: str, text: str, expected: str) -> None:
    found = diagnosis.from_reply(step, Reply(code, enhanced, text), PLAIN)

    assert found.code == expected


@pytest.mark.parametrize("name", SAME_AT_MAIL_AND_RCPT)
def test_reply_same_code_at_mail_and_rcpt(name: str) -> None:
    _, code, enhanced, text, expected = REPLIES[name]
    reply = Reply(code, enhanced, text)

    at_mail = diagnosis.from_reply(Step.SENDER, reply, PLAIN)
    at_rcpt = diagnosis.from_reply(Step.RECIPIENT, reply, PLAIN)

    assert at_mail.code == expected
    assert at_rcpt.code == expected


def test_reply_enhanced_code_read_from_text() -> None:
    reply = Reply(550, "", "5.7.60 SMTP; Client does not have permissions to send as this sender")

    assert diagnosis.from_reply(Step.SENDER, reply, PLAIN).code == "sender_refused"


def test_server_error_names_reply_and_step() -> None:
    found = diagnosis.from_reply(Step.DATA, Reply(554, "5.7.1", "Message rejected as spam"), PLAIN)

    assert "554 5.7.1" in found.message
    assert "DATA" in found.message


def test_server_error_temporary_hint_differs() -> None:
    permanent = diagnosis.from_reply(Step.DATA, Reply(554, "5.6.0", "Content rejected"), PLAIN)
    temporary = diagnosis.from_reply(Step.DATA, Reply(451, "4.6.0", "Content check failed"), PLAIN)

    assert temporary.code == "server_error"
    assert "later" in temporary.hint
    assert temporary.hint != permanent.hint


def _cert_error(verify_code: int, verify_message: str) -> ssl.SSLCertVerificationError:
    """Build the error OpenSSL raises for a failed verification, with the attributes the ssl module sets."""
    error = ssl.SSLCertVerificationError(1, f"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
                                            f"{verify_message} (_ssl.c:1006)")
    error.reason = "CERTIFICATE_VERIFY_FAILED"
    error.verify_code = verify_code
    error.verify_message = verify_message
    return error


def _ssl_error(reason: str, cls: type[ssl.SSLError] = ssl.SSLError) -> ssl.SSLError:
    error = cls(1, f"[SSL: {reason}] {reason.lower().replace('_', ' ')} (_ssl.c:1006)")
    error.reason = reason
    return error


ERRORS = {
    "name_not_found": (Step.CONNECT, socket.gaierror(socket.EAI_NONAME, "Name or service not known"), "dns"),
    "connection_refused": (Step.CONNECT, ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), "refused"),
    "no_route": (Step.CONNECT, OSError(errno.EHOSTUNREACH, "No route to host"), "refused"),
    "network_unreachable": (Step.CONNECT, OSError(errno.ENETUNREACH, "Network is unreachable"), "refused"),
    "connect_timeout": (Step.CONNECT, TimeoutError("timed out"), "timeout"),
    "socket_timeout": (Step.GREETING, socket.timeout("timed out"), "timeout"),
    "unknown_ca": (Step.TLS, _cert_error(20, "unable to get local issuer certificate"), "cert_untrusted"),
    "self_signed": (Step.TLS, _cert_error(18, "self-signed certificate"), "cert_untrusted"),
    "expired": (Step.TLS, _cert_error(10, "certificate has expired"), "cert_expired"),
    "not_yet_valid": (Step.TLS, _cert_error(9, "certificate is not yet valid"), "cert_expired"),
    "hostname_mismatch": (Step.TLS, _cert_error(62, "Hostname mismatch, certificate is not valid for 'x'."),
                          "cert_hostname"),
    "ip_mismatch": (Step.TLS, _cert_error(64, "IP address mismatch, certificate is not valid for '192.0.2.1'."),
                    "cert_hostname"),
    "wrong_version_number": (Step.TLS, _ssl_error("WRONG_VERSION_NUMBER"), "tls_mode_mismatch"),
    "record_layer_failure": (Step.TLS, _ssl_error("RECORD_LAYER_FAILURE"), "tls_mode_mismatch"),
    "packet_length_too_long": (Step.TLS, _ssl_error("PACKET_LENGTH_TOO_LONG"), "tls_mode_mismatch"),
    "unsupported_protocol": (Step.TLS, _ssl_error("UNSUPPORTED_PROTOCOL"), "tls_version"),
    "no_protocols_available": (Step.TLS, _ssl_error("NO_PROTOCOLS_AVAILABLE"), "tls_version"),
    "alert_protocol_version": (Step.TLS, _ssl_error("TLSV1_ALERT_PROTOCOL_VERSION"), "tls_version"),
    "alert_handshake_failure": (Step.TLS, _ssl_error("SSLV3_ALERT_HANDSHAKE_FAILURE"), "tls_version"),
    "dh_key_too_small": (Step.TLS, _ssl_error("DH_KEY_TOO_SMALL"), "tls_version"),
    "other_tls_failure": (Step.TLS, _ssl_error("TLSV1_ALERT_INTERNAL_ERROR"), "protocol_error"),
    "eof_in_handshake": (Step.TLS, _ssl_error("UNEXPECTED_EOF_WHILE_READING", ssl.SSLEOFError), "connection_lost"),
    "eof_as_plain_ssl_error": (Step.TLS, _ssl_error("UNEXPECTED_EOF_WHILE_READING"), "connection_lost"),
    "syscall_error": (Step.TLS, _ssl_error("UNKNOWN", ssl.SSLSyscallError), "connection_lost"),
    "reset": (Step.EHLO, ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), "connection_lost"),
    "broken_pipe": (Step.DATA, BrokenPipeError(errno.EPIPE, "Broken pipe"), "connection_lost"),
    "eof": (Step.AUTH, EOFError("connection closed"), "connection_lost"),
    "other_os_error_connected": (Step.EHLO, OSError(errno.EIO, "Input/output error"), "connection_lost"),
    "other_os_error_connecting": (Step.CONNECT, OSError(errno.EACCES, "Permission denied"), "refused"),
    "protocol_error": (Step.GREETING, ProtocolError("not an SMTP reply line"), "protocol_error"),
    "cancelled": (Step.GREETING, Cancelled(), "cancelled"),
    "idna_error": (Step.INPUT, UnicodeError("label too long"), "invalid_input"),
}


@pytest.mark.parametrize(("step", "error", "expected"), ERRORS.values(), ids=ERRORS.keys())
def test_error_gives_code(step: Step, error: BaseException, expected: str) -> None:
    assert diagnosis.from_error(step, error, PLAIN).code == expected


def test_timeout_on_port_25_suggests_other_ports() -> None:
    found = diagnosis.from_error(Step.CONNECT, TimeoutError(), PLAIN)

    assert "587" in found.hint
    assert "465" in found.hint


def test_timeout_at_greeting_says_greeting() -> None:
    found = diagnosis.from_error(Step.GREETING, TimeoutError(), SUBMISSION)

    assert "greeting" in found.message
    assert "25 " not in found.hint


def test_cert_hostname_hint_lists_names() -> None:
    context = Context("192.0.2.1", 465, Security.SSL, True, cert_names=("mail.example.com", "smtp.example.com"))

    found = diagnosis.from_error(Step.TLS, _cert_error(64, "IP address mismatch"), context)

    assert "mail.example.com, smtp.example.com" in found.hint


def test_tls_mode_mismatch_ssl_on_plain_port_suggests_starttls() -> None:
    context = Context("smtp.example.com", 587, Security.SSL, True)

    found = diagnosis.from_error(Step.TLS, _ssl_error("WRONG_VERSION_NUMBER"), context)

    assert "STARTTLS" in found.hint


def test_plain_text_after_starttls_gives_protocol_error() -> None:
    found = diagnosis.from_error(Step.TLS, _ssl_error("WRONG_VERSION_NUMBER"), SUBMISSION)

    assert found.code == "protocol_error"
    assert "wrong version number" in found.message


def test_tls_mode_mismatch_plain_on_ssl_port_suggests_ssl() -> None:
    context = Context("smtp.example.com", 465, Security.STARTTLS, True)

    found = diagnosis.make("tls_mode_mismatch", context)

    assert "SSL" in found.hint
    assert "465" in found.hint


def test_auth_unavailable_with_starttls_offered_suggests_starttls() -> None:
    context = Context("smtp.example.com", 25, Security.NONE, True, starttls_offered=True)

    found = diagnosis.make("auth_unavailable", context)

    assert "STARTTLS" in found.hint


def test_auth_unavailable_oauth_only_says_oauth() -> None:
    context = Context("smtp.example.com", 587, Security.STARTTLS, True, auth_mechanisms=("XOAUTH2", "OAUTHBEARER"))

    found = diagnosis.make("auth_unavailable", context)

    assert "XOAUTH2" in found.message
    assert "OAuth" in found.hint


def test_auth_required_hint_turns_authentication_on() -> None:
    found = diagnosis.from_reply(Step.SENDER, Reply(530, "5.7.0", "Authentication required"), PLAIN)

    assert "Turn on Authentication" in found.hint


def test_sender_refused_hint_depends_on_login() -> None:
    reply = Reply(553, "5.7.1", "Sender address rejected: not owned by user centralino")

    without_login = diagnosis.from_reply(Step.RECIPIENT, reply, PLAIN)
    with_login = diagnosis.from_reply(Step.RECIPIENT, reply, SUBMISSION)

    assert "Email address" in without_login.hint
    assert "Username" in with_login.hint


def test_auth_disabled_hint_names_admin_change() -> None:
    found = diagnosis.from_reply(Step.AUTH, Reply(535, "5.7.139", "SmtpClientAuthentication is disabled"), SUBMISSION)

    assert "SMTP AUTH" in found.hint
    assert "security defaults" in found.hint


def test_invalid_input_names_field_and_reason() -> None:
    found = diagnosis.make("invalid_input", PLAIN, field="sender", reason="The address has no @.")

    assert found.message == "Email address is not valid. The address has no @."


def test_make_unknown_code_rejected() -> None:
    with pytest.raises(ValueError, match="unknown diagnosis code"):
        diagnosis.make("no_such_code", PLAIN)


def test_warning_starttls_available() -> None:
    found = diagnosis.warning("starttls_available", PLAIN)

    assert found.code == "starttls_available"
    assert "STARTTLS" in found.hint


def test_warning_auth_available() -> None:
    found = diagnosis.warning("auth_available", PLAIN)

    assert found.code == "auth_available"
    assert "Authentication" in found.message
    assert "Authentication" in found.hint


def test_codes_cover_every_reply_and_error_result() -> None:
    produced = {row[-1] for row in REPLIES.values()} | {row[-1] for row in ERRORS.values()}

    assert produced <= set(diagnosis.CODES)


# Contexts that reach every variant of the wording.
_CONTEXTS = (
    PLAIN,
    SUBMISSION,
    Context("192.0.2.1", 465, Security.SSL, True, starttls_offered=True, auth_mechanisms=("XOAUTH2",),
            cert_names=("mail.example.com",)),
    Context("smtp.example.com", 25, Security.NONE, True, starttls_offered=True),
)
_PARAMS = (
    {}, {"step": "connect"}, {"step": "greeting"}, {"step": "tls"}, {"step": "data", "reply": "451"},
    {"field": "password", "reason": "Type it again."}, {"variant": "other", "detail": "x"}, {"variant": "unreachable"},
    {"variant": "weak", "detail": "x"}, {"variant": "tls", "detail": "x"}, {"variant": "unexpected", "reply": "250"},
)


def _variants() -> list[tuple[str, Context, dict[str, str]]]:
    """Return one (code, context, parameters) case for each distinct English wording."""
    i18n.set_language("en")
    cases: dict[tuple[str, str, str], tuple[str, Context, dict[str, str]]] = {}
    for code in diagnosis.CODES:
        for context in _CONTEXTS:
            for params in _PARAMS:
                if "variant" in params and f"{code}.{params['variant']}" not in diagnosis_text.MESSAGES:
                    continue
                found = diagnosis.make(code, context, **params)
                cases.setdefault((code, found.message, found.hint), (code, context, params))
    return list(cases.values())


VARIANTS = _variants()


def test_every_message_and_hint_is_reachable() -> None:
    used_messages: set[str] = set()
    used_hints: set[str] = set()
    english = {text: key for key, text in diagnosis_text.MESSAGES.items()}
    english_hints = {text: key for key, text in diagnosis_text.HINTS.items() if text}

    for code, context, params in VARIANTS:
        found = diagnosis.make(code, context, **params)
        used_messages |= {key for text, key in english.items() if _same_template(text, found.message)}
        used_hints |= {key for text, key in english_hints.items() if _same_template(text, found.hint)}
    used_messages |= set(diagnosis.WARNING_CODES)
    used_hints |= set(diagnosis.WARNING_CODES)

    assert set(diagnosis_text.MESSAGES) - used_messages == set()
    assert set(english_hints.values()) - used_hints == set()


def _same_template(template: str, text: str) -> bool:
    fixed = [part.split("}")[-1] for part in template.split("{")]
    return all(part in text for part in fixed)


@pytest.mark.parametrize(("code", "context", "params"), VARIANTS)
def test_italian_wording_present(code: str, context: Context, params: dict[str, str]) -> None:
    english = diagnosis.make(code, context, **params)
    i18n.set_language("it")

    italian = diagnosis.make(code, context, **params)

    assert italian.message != english.message
    assert italian.hint != english.hint or not english.hint
    assert "{" not in italian.message + italian.hint


@pytest.mark.parametrize("code", diagnosis.WARNING_CODES)
def test_italian_warning_present(code: str) -> None:
    english = diagnosis.warning(code, PLAIN)
    i18n.set_language("it")

    italian = diagnosis.warning(code, PLAIN)

    assert italian.message != english.message
    assert italian.hint != english.hint


# Second-person imperatives and forms that the impersonal register ("Controllare...") replaces.
_SECOND_PERSON = re.compile(
    r"(?:^|[.!?] )(Controlla|Scegli|Inserisci|Prova|Riprova|Chiedi|Correggi|Digitala|Attendi|Crea|Imposta|"
    r"Seleziona|Attiva|Disattiva|Usa|Copia|Mostra|Rivolgiti|Puoi|Se stai)\b"
    r"|: (controlla|scegli|inserisci|riprova|chiedi|rivolgiti|usa)\b"
    r"|\b(mantieni|inseriscila|inviala|digitala|puoi|stai)\b"
)
ENGINE_CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "engine_it.ts"


def test_italian_catalogue_is_impersonal() -> None:
    translations = [element.text or "" for element in ElementTree.parse(ENGINE_CATALOGUE).iter("translation")]

    informal = [text for text in translations if _SECOND_PERSON.search(text)]

    assert translations
    assert informal == []


def test_italian_names_security_types_as_combo() -> None:
    i18n.set_language("it")

    names = {security: i18n.translate("TestMessage", source) for security, source in SECURITY_NAMES.items()}

    assert names == {Security.SSL: "SSL", Security.STARTTLS: "STARTTLS", Security.NONE: "Nessuno"}
