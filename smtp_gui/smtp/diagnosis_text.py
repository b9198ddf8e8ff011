"""The English source text of every diagnosis message and hint, marked for translation.

Keys are a diagnosis code, or a code and a variant separated by a dot when
the wording depends on the step or the settings (``timeout.port25``).
``diagnosis.py`` picks the key, translates the text with ``i18n.translate``
and fills the placeholders: {host}, {port}, {names}, {mechanisms}, {field},
{reason}, {step}, {reply} and {detail}. Field names in the text are the
labels of the settings form ("Secure connection type" is "Tipo di
connessione sicura" in the Italian catalogue).
"""

from __future__ import annotations

from smtp_gui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Diagnosis"

MESSAGES: dict[str, str] = {
    "dns": QT_TRANSLATE_NOOP("Diagnosis", "The server name {host} was not found (DNS)."),
    "refused": QT_TRANSLATE_NOOP("Diagnosis", "{host} refused the connection on port {port}."),
    "refused.unreachable": QT_TRANSLATE_NOOP(
        "Diagnosis", "{host} cannot be reached on port {port}: the network has no route to it."
    ),
    "refused.other": QT_TRANSLATE_NOOP("Diagnosis", "Could not connect to {host} on port {port} ({detail})."),
    "timeout": QT_TRANSLATE_NOOP("Diagnosis", "{host} did not reply within the time limit."),
    "timeout.connect": QT_TRANSLATE_NOOP("Diagnosis", "{host} did not answer on port {port} within the time limit."),
    "timeout.greeting": QT_TRANSLATE_NOOP(
        "Diagnosis", "{host} accepted the connection on port {port} but sent no greeting within the time limit."
    ),
    "tls_mode_mismatch": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "{host} expects SSL (encryption from the first byte) on port {port} and does not answer in plain text.",
    ),
    "tls_mode_mismatch.ssl": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "{host} answers in plain text on port {port}, so SSL (encryption from the first byte) "
        "is the wrong choice for this port.",
    ),
    "starttls_unavailable": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "{host} does not offer STARTTLS on port {port}, so the connection was stopped "
        "instead of going on without encryption.",
    ),
    "cert_untrusted": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The certificate of {host} is not trusted: it is self-signed or issued by an unknown certificate authority.",
    ),
    "cert_expired": QT_TRANSLATE_NOOP("Diagnosis", "The certificate of {host} has expired or is not valid yet."),
    "cert_hostname": QT_TRANSLATE_NOOP(
        "Diagnosis", "The certificate presented by the server is not valid for the name {host}."
    ),
    "tls_version": QT_TRANSLATE_NOOP("Diagnosis", "{host} and this program have no TLS version in common."),
    "tls_version.weak": QT_TRANSLATE_NOOP(
        "Diagnosis", "{host} uses outdated encryption that this program does not accept ({detail})."
    ),
    "auth_unavailable": QT_TRANSLATE_NOOP(
        "Diagnosis", "{host} does not offer authentication (AUTH) on this connection."
    ),
    "auth_unavailable.mechanisms": QT_TRANSLATE_NOOP(
        "Diagnosis", "{host} offers only authentication methods that this program does not support: {mechanisms}."
    ),
    "auth_failed": QT_TRANSLATE_NOOP("Diagnosis", "The server rejected the username or password."),
    "app_password_required": QT_TRANSLATE_NOOP(
        "Diagnosis", "The server requires an app password for this account instead of the normal password."
    ),
    "auth_disabled": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The server does not allow password login over SMTP (SMTP AUTH) for this account or organization.",
    ),
    "encryption_required": QT_TRANSLATE_NOOP(
        "Diagnosis", "The server accepts this command only on an encrypted connection."
    ),
    "sender_refused": QT_TRANSLATE_NOOP("Diagnosis", "The server rejected the sender address (Email address)."),
    "recipient_refused": QT_TRANSLATE_NOOP("Diagnosis", "The server rejected the recipient address."),
    "relay_denied": QT_TRANSLATE_NOOP(
        "Diagnosis", "The server refused to forward (relay) the message to this recipient."
    ),
    "server_busy": QT_TRANSLATE_NOOP("Diagnosis", "The server is busy or temporarily unavailable."),
    "connection_lost": QT_TRANSLATE_NOOP("Diagnosis", "The server closed the connection unexpectedly."),
    "connection_lost.tls": QT_TRANSLATE_NOOP(
        "Diagnosis", "The server closed the connection while encryption was starting."
    ),
    "auth_required": QT_TRANSLATE_NOOP(
        "Diagnosis", "The server requires login (authentication) before it accepts mail."
    ),
    "sending_limit": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The server refused because a sending limit was reached (messages, recipients, connections or logins).",
    ),
    "protocol_error": QT_TRANSLATE_NOOP("Diagnosis", "{host} sent a reply that is not valid SMTP."),
    "protocol_error.unexpected": QT_TRANSLATE_NOOP(
        "Diagnosis", "{host} sent an unexpected reply ({reply}) at the {step} step."
    ),
    "protocol_error.tls": QT_TRANSLATE_NOOP("Diagnosis", "The TLS handshake with {host} failed ({detail})."),
    "invalid_input": QT_TRANSLATE_NOOP("Diagnosis", "{field} is not valid."),
    "invalid_input.reason": QT_TRANSLATE_NOOP("Diagnosis", "{field} is not valid. {reason}"),
    "cancelled": QT_TRANSLATE_NOOP("Diagnosis", "The operation was cancelled."),
    "server_error": QT_TRANSLATE_NOOP(
        "Diagnosis", "The server refused the request at the {step} step (reply {reply})."
    ),
    "starttls_available": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "{host} offers STARTTLS, but Secure connection type is None: messages and passwords travel unencrypted.",
    ),
    "auth_available": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "{host} offers login (AUTH), but Authentication is off. Many such servers accept mail without login "
        "only for their own mailboxes and refuse other recipients (relay denied).",
    ),
}

HINTS: dict[str, str] = {
    "dns": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Check the spelling of Server, and that this computer can resolve names on this network (DNS, VPN). "
        "You can also enter the server's IP address.",
    ),
    "refused": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "No mail service is listening on this port, or a firewall rejects the connection. "
        "Check Port and Secure connection type: usually 465 with SSL, 587 with STARTTLS, or 25 with None.",
    ),
    "refused.unreachable": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Check this computer's network connection, the VPN if the server is on the customer's network, "
        "and the address in Server.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Check Server and Port, and that no firewall blocks the connection. "
        "If the server is slow, increase the timeout.",
    ),
    "timeout.port25": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Port 25 is often blocked by internet providers and company firewalls. "
        "Try port 587 with STARTTLS or port 465 with SSL.",
    ),
    "tls_mode_mismatch": QT_TRANSLATE_NOOP(
        "Diagnosis", "Choose SSL as Secure connection type for port {port}, or use STARTTLS on port 587."
    ),
    "tls_mode_mismatch.ssl": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Choose STARTTLS as Secure connection type for this port (usually 587 or 25), or keep SSL and use port 465.",
    ),
    "starttls_unavailable": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "STARTTLS is usually offered on port 587. If the server supports SSL, choose SSL with port 465.",
    ),
    "cert_untrusted": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "If the server uses a certificate from the organization's own certificate authority, select that "
        "authority's CA certificate (PEM file) as extra CA certificate. Otherwise check that Server is the right name.",
    ),
    "cert_expired": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The mail administrator must renew the server's certificate. Also check the date and time of this computer.",
    ),
    "cert_hostname": QT_TRANSLATE_NOOP(
        "Diagnosis", "The certificate is valid for: {names}. Enter one of these names in Server."
    ),
    "cert_hostname.unknown": QT_TRANSLATE_NOOP(
        "Diagnosis", "Enter in Server the name the certificate was issued for, not an IP address or an alias."
    ),
    "tls_version": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "This program uses TLS 1.2 or newer, because TLS 1.0 and 1.1 are insecure. "
        "The mail administrator must enable TLS 1.2 or 1.3 on the server.",
    ),
    "auth_unavailable": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "If the server accepts mail from this network without login, turn Authentication off. "
        "Otherwise use the port where the server offers login, usually 587 with STARTTLS.",
    ),
    "auth_unavailable.starttls": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The server offers login only on an encrypted connection: choose STARTTLS as Secure connection type.",
    ),
    "auth_unavailable.oauth": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The server requires OAuth 2.0 sign-in, which the appliance does not support. Ask the mail administrator "
        "for a mailbox that can log in with a password (SMTP AUTH), or for a relay that accepts this appliance "
        "without login.",
    ),
    "auth_failed": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Check Username (often the full email address) and Password. "
        "If the account uses two-step verification, use an app password.",
    ),
    "app_password_required": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The account uses two-step verification or blocks sign-in with the normal password. "
        "Create an app password in the account's security settings and enter it in Password.",
    ),
    "auth_disabled": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The mail administrator must enable authenticated SMTP (SMTP AUTH) for this mailbox and for the "
        "organization, and make sure that no policy blocks basic authentication for it. In Microsoft 365: "
        "turn on \"Authenticated SMTP\" for the mailbox and check the security defaults and the conditional "
        "access policies.",
    ),
    "encryption_required": QT_TRANSLATE_NOOP(
        "Diagnosis", "Choose STARTTLS (usually port 587) or SSL (usually port 465) as Secure connection type."
    ),
    "sender_refused": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Check Email address: it must be a real mailbox on this server. "
        "The server may also require Authentication with that mailbox.",
    ),
    "sender_refused.auth": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The account may send only as its own addresses: set Email address to the mailbox of Username, "
        "or ask the mail administrator to allow this account to send as that address.",
    ),
    "recipient_refused": QT_TRANSLATE_NOOP(
        "Diagnosis", "Check the recipient's address: the mailbox may not exist, may be disabled or may be full."
    ),
    "relay_denied": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Turn on Authentication with a mailbox of this server, or ask the mail administrator to allow "
        "relaying from this appliance's IP address.",
    ),
    "relay_denied.auth": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "This account may not send to that domain. Ask the mail administrator to allow relaying "
        "for this account or for this appliance's IP address.",
    ),
    "server_busy": QT_TRANSLATE_NOOP(
        "Diagnosis", "Try again in a few minutes. If it keeps happening, ask the mail administrator."
    ),
    "connection_lost": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Try again. If it happens every time, the server or a firewall is cutting this connection: "
        "ask the mail administrator.",
    ),
    "connection_lost.tls": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Check Secure connection type and Port, because the server may expect another mode. "
        "If they are right, the server may reject this program's TLS settings.",
    ),
    "auth_required": QT_TRANSLATE_NOOP(
        "Diagnosis", "Turn on Authentication and enter the Username and Password of the mailbox."
    ),
    "auth_required.auth": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The server does not consider this connection logged in. Check that Username is the full mailbox "
        "address and that SMTP login is enabled for the account.",
    ),
    "sending_limit": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Wait and try again later. If it keeps happening, ask the mail provider about the account's sending limits.",
    ),
    "protocol_error": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Check Server and Port, because this port may belong to another service. If they are right, "
        "copy the transcript and send it to the mail administrator.",
    ),
    "protocol_error.tls": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Check Secure connection type and Port. If they are right, the server may need TLS settings "
        "that this program does not accept.",
    ),
    "invalid_input": QT_TRANSLATE_NOOP(
        "Diagnosis", "Correct the value and try again. Line breaks and control characters are never allowed."
    ),
    "cancelled": "",
    "server_error": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The server's reply explains the refusal, and the mail administrator can tell what it means for this account.",
    ),
    "server_error.temporary": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "The refusal is temporary: try again later. If it keeps happening, show the server's reply "
        "to the mail administrator.",
    ),
    "starttls_available": QT_TRANSLATE_NOOP("Diagnosis", "Choose STARTTLS as Secure connection type."),
    "auth_available": QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Send a test message to an address outside the server's domain. If it is refused, turn on "
        "Authentication and enter the Username and Password of the mailbox.",
    ),
}

# The dialogue steps as the {step} placeholder, the popup and the command line's report name them.
STEP_NAMES: dict[str, str] = {
    "input": QT_TRANSLATE_NOOP("Diagnosis", "settings check"),
    "connect": QT_TRANSLATE_NOOP("Diagnosis", "connection"),
    "greeting": QT_TRANSLATE_NOOP("Diagnosis", "server greeting"),
    "ehlo": QT_TRANSLATE_NOOP("Diagnosis", "EHLO"),
    "tls": QT_TRANSLATE_NOOP("Diagnosis", "encryption (TLS)"),
    "auth": QT_TRANSLATE_NOOP("Diagnosis", "login (AUTH)"),
    "sender": QT_TRANSLATE_NOOP("Diagnosis", "sender (MAIL FROM)"),
    "recipient": QT_TRANSLATE_NOOP("Diagnosis", "recipient (RCPT TO)"),
    "data": QT_TRANSLATE_NOOP("Diagnosis", "message (DATA)"),
    "quit": QT_TRANSLATE_NOOP("Diagnosis", "closing (QUIT)"),
    "done": QT_TRANSLATE_NOOP("Diagnosis", "completed"),
}

# The settings fields as the {field} placeholder of invalid_input names them.
FIELD_NAMES: dict[str, str] = {
    "server": QT_TRANSLATE_NOOP("Diagnosis", "Server"),
    "sender": QT_TRANSLATE_NOOP("Diagnosis", "Email address"),
    "port": QT_TRANSLATE_NOOP("Diagnosis", "Port"),
    "security": QT_TRANSLATE_NOOP("Diagnosis", "Secure connection type"),
    "auth": QT_TRANSLATE_NOOP("Diagnosis", "Authentication"),
    "username": QT_TRANSLATE_NOOP("Diagnosis", "Username"),
    "password": QT_TRANSLATE_NOOP("Diagnosis", "Password"),
    "recipient": QT_TRANSLATE_NOOP("Diagnosis", "Recipient"),
    "timeout": QT_TRANSLATE_NOOP("Diagnosis", "Timeout"),
    "ca_file": QT_TRANSLATE_NOOP("Diagnosis", "Extra CA certificate"),
}
