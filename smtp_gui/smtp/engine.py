"""Check a connection and send a test message: the SMTP dialogue, one step after another.

``check`` and ``send_test`` never raise for a network, TLS or server
problem (``OSError``, ``ssl.SSLError``, ``ProtocolError``) or for a
cancellation: each comes back as a ``Result`` with ``ok`` False, the step
that failed and one diagnosis.
"""

from __future__ import annotations

import dataclasses
import logging
import socket
import ssl
import time
from datetime import datetime, timezone

from smtp_gui.settings import Security, Settings, ca_file_error, server_address, wire_host
from smtp_gui.smtp import diagnosis, tls
from smtp_gui.smtp.cancel import Cancelled, CancelToken
from smtp_gui.smtp.diagnosis import Context
from smtp_gui.smtp.inputs import check_inputs
from smtp_gui.smtp.protocol import (
    MAX_REPLY_LINES,
    Features,
    ProtocolError,
    ReplyLine,
    build_reply,
    choose_auth_mechanism,
    dot_stuff,
    ehlo_name,
    envelope_address,
    extract_queue_id,
    parse_ehlo,
    parse_reply_line,
    sasl_login,
    sasl_plain,
)
from smtp_gui.smtp.result import Certificate, Diagnosis, Reply, Result, Step
from smtp_gui.smtp.transcript import Transcript
from smtp_gui.smtp.transport import Transport, speaks_tls

logger = logging.getLogger(__name__)

MASK = "********"
# Limit for the second connections that look into a failure. A TLS server
# replies to a ClientHello within one round trip, so this is an estimate with slack.
PROBE_TIMEOUT_S = 2.0
QUIT_TIMEOUT_S = 5.0  # the operation has already succeeded, so a silent QUIT is not worth a long wait
REFUSAL_QUIT_TIMEOUT_S = 1.0  # the diagnosis is known, so the goodbye after a refusal must not delay it
# A handshake that ends with the connection closed, without a TLS alert saying why.
_SILENT_HANDSHAKE_ERRORS = (ssl.SSLEOFError, ssl.SSLZeroReturnError, ConnectionResetError)
_LOGIN_USERNAME_CHALLENGE = "VXNlcm5hbWU6"  # base64 of "Username:"


def check(settings: Settings, *, cancel: CancelToken | None = None) -> Result:
    """Connect, greet, secure the connection as configured, log in if enabled, try the sender, and quit.

    The sender is tried with MAIL FROM followed by RSET, so no message is sent.
    """
    return _Session(settings, cancel).run(recipient=None)


def send_test(settings: Settings, recipient: str, *, cancel: CancelToken | None = None) -> Result:
    """Do what ``check`` does, then send one test message to ``recipient`` before quitting.

    A successful result means the server accepted the message for delivery,
    not that it reached the mailbox.
    """
    return _Session(settings, cancel).run(recipient=recipient)


class _Stop(Exception):
    """Ends the dialogue with a diagnosis the session has already built."""

    def __init__(self, found: Diagnosis) -> None:
        super().__init__(found.code)
        self.diagnosis = found


class _HandshakeDone(Exception):
    """Ends a second connection once its TLS handshake has shown what it was made for."""


class _Session:
    """One operation: the connection, what was learnt about the server, and the transcript."""

    def __init__(self, settings: Settings, cancel: CancelToken | None, tls_context: ssl.SSLContext | None = None):
        self.settings = settings
        self.cancel = cancel
        self.context = Context.from_settings(settings)
        self.transcript = Transcript()
        self.step = Step.INPUT
        self.started = time.monotonic()
        self.host = ""
        self.tls_context = tls_context
        self.transport: Transport | None = None
        self.features = Features()
        self.tls_version = ""
        self.cipher = ""
        self.certificate: Certificate | None = None
        self.reply: Reply | None = None
        self.authenticated = False
        self.queue_id = ""
        self.warnings: list[Diagnosis] = []
        self.stop_after_tls = False  # set on a second connection that only looks at the handshake

    def run(self, recipient: str | None) -> Result:
        """Run the whole dialogue and turn any failure into a diagnosed result."""
        try:
            self._prepare(recipient)
            with Transport(self.settings.timeout, self.cancel) as transport:
                self.transport = transport
                try:
                    self._open()
                    if self.settings.auth:
                        self._authenticate()
                    elif self.features.auth_mechanisms:
                        self.warnings.append(diagnosis.warning("auth_available", self.context))
                    if recipient is None:
                        self._try_sender()
                    else:
                        self._send_message(recipient)
                except _Stop:
                    self._quit_after_refusal()
                    raise
                self._quit()
        except _Stop as stop:
            return self._finish(stop.diagnosis)
        except (Cancelled, OSError, ProtocolError) as error:
            return self._finish(self._diagnose(error))
        return self._finish(None)

    def _prepare(self, recipient: str | None) -> None:
        """Check the inputs and build the TLS context before any connection is made."""
        # The CA file is checked by loading it into the TLS context below, which is
        # cached, so the inputs check does not parse it a second time on every run.
        problem = check_inputs(self.settings.replace(ca_file=""), recipient)
        if problem is not None:
            raise _Stop(problem)
        try:
            self.host = wire_host(self.settings.server)
        except UnicodeError:
            raise _Stop(self._invalid_input("server")) from None

        if self.settings.security is not Security.NONE and self.tls_context is None:
            ca_file = self.settings.ca_file.strip()
            try:
                self.tls_context = tls.verifying_context(ca_file)
            except (OSError, ssl.SSLError):
                reason = ca_file_error(ca_file) or ""
                raise _Stop(self._invalid_input("ca_file", reason)) from None

    def _invalid_input(self, field: str, reason: str = "") -> Diagnosis:
        if reason:
            return diagnosis.make("invalid_input", self.context, field=field, reason=reason, step=self.step.value)
        return diagnosis.make("invalid_input", self.context, field=field, step=self.step.value)

    def _open(self) -> None:
        """Connect, read the greeting, send EHLO, and secure the connection as the settings require."""
        transport = self._transport()
        self.step = Step.CONNECT
        port = self.settings.port
        self.transcript.connecting(server_address(self.host, port))
        transport.connect(self.host, port, transport.deadline())
        self.transcript.connected(server_address(transport.peer_address() or self.host, port))
        if self.settings.security is Security.SSL:
            self.step = Step.TLS
            self._start_tls()

        self.step = Step.GREETING
        self._expect(self._read_reply(), 220)

        self.step = Step.EHLO
        self._ehlo()
        if self.settings.security is Security.STARTTLS:
            self._starttls()
        elif self.settings.security is Security.NONE and self.features.starttls:
            self.warnings.append(diagnosis.warning("starttls_available", self.context))

    def _ehlo(self) -> None:
        name = ehlo_name(socket.gethostname(), self._transport().local_address())
        reply = self._command(f"EHLO {name}")
        if reply.code in (500, 502):
            # A server too old for EHLO still accepts HELO, which allows sending without extensions.
            self._expect(self._command(f"HELO {name}"), 250)
            self.features = Features()
        else:
            self._expect(reply, 250)
            self.features = parse_ehlo(reply)
        starttls_offered = self.context.starttls_offered or self.features.starttls
        auth_mechanisms = self.features.auth_mechanisms
        if (starttls_offered, auth_mechanisms) != (self.context.starttls_offered, self.context.auth_mechanisms):
            self.context = dataclasses.replace(
                self.context, starttls_offered=starttls_offered, auth_mechanisms=auth_mechanisms
            )

    def _starttls(self) -> None:
        if not self.features.starttls:
            # Never go on in plain text when the settings ask for encryption.
            raise _Stop(diagnosis.make("starttls_unavailable", self.context, step=self.step.value))
        self.step = Step.TLS
        self._expect(self._command("STARTTLS"), 220)
        self._start_tls()
        self.step = Step.EHLO
        self._ehlo()

    def _start_tls(self) -> None:
        transport = self._transport()
        assert self.tls_context is not None
        transport.start_tls(self.tls_context, self.host, transport.deadline())

        sock = transport.sock
        assert isinstance(sock, ssl.SSLSocket)
        self.tls_version = sock.version() or ""
        self.cipher = (sock.cipher() or ("",))[0]
        peer = sock.getpeercert()
        der = sock.getpeercert(binary_form=True)
        if der is not None:
            # An unverified certificate comes back as an empty dictionary, so it is decoded from DER.
            self.certificate = tls.summarize(peer, der) if peer else tls.summarize_der(der)
            self.context = dataclasses.replace(self.context, cert_names=self.certificate.names)
        self.transcript.note(f"TLS established: {self.tls_version} {self.cipher}")
        if self.stop_after_tls:
            raise _HandshakeDone()

    def _authenticate(self) -> None:
        """Log in with PLAIN or LOGIN, whichever the server offers (PLAIN first)."""
        self.step = Step.AUTH
        mechanism = choose_auth_mechanism(self.features.auth_mechanisms)
        if mechanism is None:
            raise _Stop(diagnosis.make("auth_unavailable", self.context, step=self.step.value))

        username, password = self.settings.username, self.settings.password
        if mechanism == "PLAIN":
            payload = sasl_plain(username, password)
            reply = self._command(f"AUTH PLAIN {payload}", shown=f"AUTH PLAIN {MASK}")
            if reply.code == 334:  # a server that ignores the initial response requests it again
                reply = self._command(payload, shown=MASK)
        else:
            reply = self._command(f"AUTH LOGIN {sasl_login(username)}", shown=f"AUTH LOGIN {MASK}")
            for _ in range(2):
                if reply.code != 334:
                    break
                answer = username if reply.text.strip() == _LOGIN_USERNAME_CHALLENGE else password
                reply = self._command(sasl_login(answer), shown=MASK)

        if reply.code == 334:
            self._command("*")  # cancels the exchange (RFC 4954) before giving up
            raise ProtocolError("the server kept asking for credentials")
        self._expect(reply, 235)
        self.authenticated = True

    def _try_sender(self) -> None:
        """Send MAIL FROM with the configured sender, then RSET, so a check sends no message.

        Many servers refuse only here: Gmail and Exchange Online answer MAIL
        FROM with 530 when the client has not logged in, and some refuse the
        sender address itself. A check that stopped after AUTH would pass on them.
        """
        self.step = Step.SENDER
        smtputf8 = self.features.smtputf8 and not self.settings.sender.isascii()
        sender = envelope_address(self.settings.sender, smtputf8)
        parameters = " SMTPUTF8" if smtputf8 else ""
        accepted = self._expect(self._command(f"MAIL FROM:<{sender}>{parameters}"), 250)
        self._expect(self._command("RSET"), 250)
        self.reply = accepted  # RSET only undoes MAIL FROM, so the result keeps the reply that accepted the sender

    def _send_message(self, recipient: str) -> None:
        """Send the test message: MAIL FROM, RCPT TO, DATA, and read the queue id."""
        # Imported here because the email package costs about 10 ms to import,
        # and a connection check does not need it.
        from smtp_gui.smtp.message import build_test_message

        message = build_test_message(self.settings, recipient, datetime.now(timezone.utc))
        data = dot_stuff(message)
        smtputf8 = self.features.smtputf8 and not (self.settings.sender.isascii() and recipient.isascii())

        self.step = Step.SENDER
        parameters = ""
        if self.features.size_limit is not None:
            parameters += f" SIZE={len(data)}"
        if self.features.eightbitmime and not message.isascii():
            parameters += " BODY=8BITMIME"
        if smtputf8:
            parameters += " SMTPUTF8"
        sender = envelope_address(self.settings.sender, smtputf8)
        self._expect(self._command(f"MAIL FROM:<{sender}>{parameters}"), 250)

        self.step = Step.RECIPIENT
        self._expect(self._command(f"RCPT TO:<{envelope_address(recipient, smtputf8)}>"), 250, 251)

        self.step = Step.DATA
        self._expect(self._command("DATA"), 354)
        transport = self._transport()
        self.transcript.message(len(message))
        transport.send(data, transport.deadline())
        reply = self._expect(self._read_reply(), 250)
        self.queue_id = extract_queue_id(reply.text)

    def _quit(self) -> None:
        """Send QUIT. The operation has already succeeded, so a failure here changes nothing."""
        self.step = Step.QUIT
        self._say_quit(QUIT_TIMEOUT_S)
        self.step = Step.DONE

    def _quit_after_refusal(self) -> None:
        """Send QUIT after the server refused a command, so both sides close the connection cleanly.

        A 421 reply means the server is closing the connection already, so
        nothing is sent then.
        """
        if self.reply is None or self.reply.code != 421:
            self._say_quit(REFUSAL_QUIT_TIMEOUT_S)

    def _say_quit(self, timeout: float) -> None:
        # The result keeps the reply that decided the outcome (such as "250 queued
        # as ..." or the refusal), not the 221 that only closes the connection.
        deciding_reply = self.reply
        try:
            self._command("QUIT", timeout=min(self.settings.timeout, timeout))
        except (Cancelled, OSError, ProtocolError) as error:
            logger.debug("QUIT to %s failed: %s", self.host, error)
        self.reply = deciding_reply

    def _command(self, line: str, shown: str | None = None, timeout: float | None = None) -> Reply:
        """Send one command and return the reply. ``shown`` replaces a secret line in the transcript."""
        transport = self._transport()
        self.transcript.client(line if shown is None else shown)
        deadline = transport.deadline(timeout)
        transport.send(line.encode("utf-8") + b"\r\n", deadline)
        return self._read_reply(timeout)

    def _read_reply(self, timeout: float | None = None) -> Reply:
        """Read one whole reply, within one step timeout and ``MAX_REPLY_LINES`` lines."""
        transport = self._transport()
        deadline = transport.deadline(timeout)
        lines: list[ReplyLine] = []
        while not lines or not lines[-1].last:
            if len(lines) >= MAX_REPLY_LINES:
                raise ProtocolError(f"reply longer than {MAX_REPLY_LINES} lines")
            raw = transport.read_line(deadline)
            self.transcript.server(raw)
            lines.append(parse_reply_line(raw))
        self.reply = build_reply(lines)
        return self.reply

    def _expect(self, reply: Reply, *codes: int) -> Reply:
        """Return ``reply`` if its code is one of ``codes``, otherwise stop with a diagnosis."""
        if reply.code in codes:
            return reply
        if reply.code >= 400:
            raise _Stop(diagnosis.from_reply(self.step, reply, self.context))
        raise ProtocolError(f"unexpected reply {reply.code} at step {self.step.value}")

    def _transport(self) -> Transport:
        assert self.transport is not None, "no connection is open"
        return self.transport

    def _diagnose(self, error: BaseException) -> Diagnosis:
        """Build the diagnosis for a low-level error, looking again where the error alone hides the cause."""
        self._note_failure(error)
        try:
            if isinstance(error, TimeoutError) and self.step is Step.GREETING and self._port_speaks_tls():
                return diagnosis.make("tls_mode_mismatch", self.context, step=self.step.value)
            if isinstance(error, ssl.SSLCertVerificationError):
                self._fetch_rejected_certificate()
            if isinstance(error, _SILENT_HANDSHAKE_ERRORS) and self.step is Step.TLS and self._only_old_tls():
                return diagnosis.make("tls_version", self.context, step=self.step.value)
        except Cancelled as cancelled:
            error = cancelled
        return diagnosis.from_error(self.step, error, self.context)

    def _note_failure(self, error: BaseException) -> None:
        """Record the system's or OpenSSL's own words for a failed connection or handshake."""
        if isinstance(error, ssl.SSLCertVerificationError):
            reason = error.verify_message or str(error)
        elif isinstance(error, ssl.SSLError):
            reason = str(error.reason or error)
        elif isinstance(error, OSError):
            reason = error.strerror or str(error) or type(error).__name__
        else:
            return  # a cancellation or a protocol error says nothing more than its diagnosis
        self.transcript.failure(reason, during_tls=self.step is Step.TLS)

    def _port_speaks_tls(self) -> bool:
        if self.settings.security is Security.SSL:
            return False
        timeout = min(self.settings.timeout, PROBE_TIMEOUT_S)
        return speaks_tls(self.host, self.settings.port, tls.probe_context(), timeout, self.cancel)

    def _fetch_rejected_certificate(self) -> None:
        """Read the certificate that failed verification over a second connection, for the summary.

        A failed verification hides the certificate, but the technician needs
        its issuer, expiry and names. The second handshake accepts any
        certificate, nothing is sent over it, and it is closed at once.
        """
        second = self._handshake_again(tls.probe_context())
        if second.certificate is not None:
            self.certificate = second.certificate
            self.context = dataclasses.replace(self.context, cert_names=second.certificate.names)

    def _only_old_tls(self) -> bool:
        """Return True if the server completes a handshake only with TLS 1.0 or 1.1.

        Some servers, such as asyncio-based ones, close the connection on a
        version they do not speak instead of sending a protocol_version alert.
        """
        return self._handshake_again(tls.old_versions_context()).tls_version != ""

    def _handshake_again(self, tls_context: ssl.SSLContext) -> _Session:
        """Repeat the dialogue up to the TLS handshake on a new connection, with ``tls_context``."""
        second = _Session(self.settings, self.cancel, tls_context=tls_context)
        second.host = self.host
        second.stop_after_tls = True
        try:
            with Transport(min(self.settings.timeout, PROBE_TIMEOUT_S), self.cancel) as transport:
                second.transport = transport
                second._open()
        except _HandshakeDone:
            pass
        except (OSError, ProtocolError, _Stop) as error:
            logger.debug("second TLS handshake with %s failed: %s", self.host, error)
        return second

    def _finish(self, found: Diagnosis | None) -> Result:
        if found is not None:
            address = server_address(self.host, self.settings.port)
            logger.info("%s failed at step %s: %s", address, self.step.value, found.code)
        return Result(
            ok=found is None,
            step=self.step,
            diagnosis=found,
            tls_version=self.tls_version,
            cipher=self.cipher,
            certificate=self.certificate,
            reply=self.reply,
            authenticated=self.authenticated,
            queue_id=self.queue_id,
            elapsed_s=time.monotonic() - self.started,
            warnings=tuple(self.warnings),
            transcript=self.transcript.lines(),
        )
