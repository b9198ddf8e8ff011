"""Pytest fixtures that start real SMTP servers on 127.0.0.1 or ::1 for a test, and stop them after.

Fixtures (all loaded by ``tests/conftest.py``):

``smtp_certificates`` (session)
    A ``Certificates`` object made with trustme: ``ca_file`` is the PEM file of
    the test CA (give it to the engine as ``Settings.ca_file``); server
    certificates ``good`` (localhost, 127.0.0.1, ::1), ``wrong_host``
    (mail.example.test only), ``expired`` (ended yesterday) and ``unknown_ca``
    (signed by a second CA that no test trusts); ``issue(*names)`` makes another one from
    the test CA, e.g. for an IDN name.

``smtp_server(**options) -> SmtpServer``
    Starts an aiosmtpd server in a thread. Options, all keyword:

    - ``security``: "ssl" (implicit TLS), "starttls" (plain, offers STARTTLS) or
      "none" (plain, no TLS at all). Default "starttls".
    - ``host``: "127.0.0.1" (default) or "::1" (the test is skipped without IPv6).
    - ``cert``: "good" (default), "wrong_host", "expired", "unknown_ca" or a
      ``trustme.LeafCert``.
    - ``tls_max_version``: e.g. ``ssl.TLSVersion.TLSv1_1`` for a server that
      only speaks old TLS. NOTE: asyncio closes such a failed handshake without
      sending OpenSSL's "protocol version" alert, so clients see end of stream;
      ``scripted_server(..., tls_max_version=...)`` sends the alert as real
      servers do.
    - ``auth``: offer AUTH and check the login (default False); ``username`` and
      ``password`` (any Unicode; defaults ``USERNAME`` and ``PASSWORD``);
      ``auth_mechanisms`` (default ("PLAIN", "LOGIN")); ``auth_require_tls``
      (default: True for "starttls", so AUTH is offered only after STARTTLS,
      False otherwise).
    - ``require_auth``: a reply sent to MAIL while the client has not logged in,
      e.g. "530 5.7.0 Authentication required".
    - ``require_starttls``: aiosmtpd answers every command before STARTTLS with
      "530 Must issue a STARTTLS command first".
    - ``refuse``: replies that replace the server's own, keyed by stage: "ehlo",
      "starttls", "auth" (sent after the client gave its credentials), "mail",
      "rcpt", "data" (the DATA command), "message" (after the message content),
      "quit". Example: ``refuse={"rcpt": "550 5.1.1 User unknown"}``.
    - ``accept_reply``: the reply to a message accepted, default
      "250 2.0.0 Ok: queued as TEST1234".

    The ``SmtpServer`` it returns has ``host``, ``port``, ``security``,
    ``ca_file``, ``username``, ``password``; ``messages`` (a list of
    ``ReceivedMessage``: ``sender``, ``recipients``, ``data`` raw bytes with
    CRLF, ``mail_options``, ``login``, ``tls``); ``commands`` (each command
    line received, AUTH arguments cut off); ``logins`` (user names that logged
    in); ``settings(**changes)`` returning ``smtp_gui.settings.Settings``
    pointing at this server (sender ``SENDER``, timeout 5 s, the CA file, and
    the credentials when ``auth`` is on); and ``stop()``.

``scripted_server(script, *, host="127.0.0.1", implicit_tls=None, tls_max_version=None) -> ScriptedServer``
    A raw socket server that runs ``script(connection)`` for each connection
    (see ``tests/support/scripted.py``). Ready-made scripts: ``no_greeting()``,
    ``late_greeting(s)``, ``greeting_reply(line)``, ``drop_after_starttls()``,
    ``stall_tls_handshake()``, ``endless_line()``, ``garbage()``,
    ``drop_after_auth()``, ``stall_after(verb)``, ``replies(*lines)``.
    ``implicit_tls`` ("good" or another certificate name, as above) makes the
    server run a TLS handshake before the script, as an SSL port does, and
    ``tls_max_version`` limits that handshake's TLS version. The server has
    ``host``, ``port``, ``connections`` (with the lines each received) and
    ``stop()``.

``slow_smtp_server(delay_ms, **options) -> SlowSmtpServer``
    An ``smtp_server`` behind a relay that delays every chunk the server sends
    (greeting, each reply, TLS handshake records) by ``delay_ms``. It has the
    same attributes as ``SmtpServer`` but ``port`` is the relay's.

Every server is stopped at teardown, and stopping checks that no server
thread is left running. Tests that compare threads or open files before and
after an operation can call ``stop()`` themselves first (it is idempotent).
"""

from __future__ import annotations

import datetime
import functools
import socket
import ssl
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from smtp_gui.settings import Security, Settings
from tests.support import scripted
from tests.support.scripted import Script, ScriptedServer

USERNAME = "tecnico@example.test"
PASSWORD = "Pässwörd-é!#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\""
SENDER = "centralino@example.test"
RECIPIENT = "destinatario@example.test"
ACCEPT_REPLY = "250 2.0.0 Ok: queued as TEST1234"
SERVER_NAME = "mail.localhost.test"


# --- Certificates -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Certificates:
    """The test CA and the server certificates the TLS tests need."""

    ca: trustme.CA
    ca_file: str
    good: trustme.LeafCert
    wrong_host: trustme.LeafCert
    expired: trustme.LeafCert
    unknown_ca: trustme.LeafCert

    def issue(self, *names: str) -> trustme.LeafCert:
        """Return a new certificate from the test CA, valid for ``names``."""
        return self.ca.issue_cert(*names)

    def lookup(self, cert: str | trustme.LeafCert) -> trustme.LeafCert:
        """Return the certificate named "good", "wrong_host", "expired" or "unknown_ca"."""
        if isinstance(cert, trustme.LeafCert):
            return cert
        return getattr(self, cert)


def server_tls_context(cert: trustme.LeafCert, tls_max_version: ssl.TLSVersion | None = None) -> ssl.SSLContext:
    """Return a server-side TLS context presenting ``cert``.

    With ``tls_max_version`` below TLS 1.2 the context also allows those old
    versions, which OpenSSL 3 hides behind security level 0.
    """
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    if tls_max_version is not None and tls_max_version < ssl.TLSVersion.TLSv1_2:
        context.set_ciphers("DEFAULT:@SECLEVEL=0")
        with warnings.catch_warnings():
            # Python 3.10+ warns when a context enables TLS 1.0 or 1.1, which is the point here.
            warnings.filterwarnings("ignore", r"ssl\.TLSVersion\.TLSv1(_1)? is deprecated", DeprecationWarning)
            context.minimum_version = ssl.TLSVersion.TLSv1
            context.maximum_version = tls_max_version
    elif tls_max_version is not None:
        context.maximum_version = tls_max_version
    return context


@pytest.fixture(scope="session")
def smtp_certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    """A test CA written to a PEM file, with good and deliberately bad server certificates."""
    ca = trustme.CA(organization_name="smtp_gui test CA")
    ca_file = tmp_path_factory.mktemp("ca") / "test-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))

    now = datetime.datetime.now(datetime.timezone.utc)
    expired = ca.issue_cert(
        "localhost", "127.0.0.1", "::1",
        not_before=now - datetime.timedelta(days=30),
        not_after=now - datetime.timedelta(days=1),
    )
    return Certificates(
        ca=ca,
        ca_file=str(ca_file),
        good=ca.issue_cert("localhost", "127.0.0.1", "::1"),
        wrong_host=ca.issue_cert("mail.example.test"),
        expired=expired,
        unknown_ca=trustme.CA(organization_name="Unknown CA").issue_cert("localhost", "127.0.0.1", "::1"),
    )


# --- aiosmtpd server --------------------------------------------------------------------------


@dataclass
class ReceivedMessage:
    """One message the server accepted."""

    sender: str
    recipients: list[str]
    data: bytes  # the content as received, CRLF line endings, dot-stuffing removed
    mail_options: list[str]
    login: str | None  # the user name the client logged in with, if any
    tls: bool


class _RecordingHandler:
    """The aiosmtpd handler: records each message and sends the configured final reply."""

    def __init__(self, server: SmtpServer) -> None:
        self._server = server

    async def handle_EHLO(  # noqa: N802
        self, smtp: SMTP, session: Session, envelope: Envelope, hostname: str, responses: list[str]
    ) -> list[str]:
        session.host_name = hostname  # aiosmtpd leaves this to a handler that has this hook
        if not self._server.username:
            # Without AUTH configured aiosmtpd would still list "250-AUTH" with no mechanism.
            return [line for line in responses if not line.startswith("250-AUTH")]
        return responses

    async def handle_DATA(self, smtp: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802
        refusal = self._server.refuse.get("message")
        if refusal is not None:
            return refusal
        credentials = session.auth_data
        login = credentials.login.decode("utf-8") if isinstance(credentials, LoginPassword) else None
        self._server.messages.append(
            ReceivedMessage(
                sender=envelope.mail_from or "",
                recipients=list(envelope.rcpt_tos),
                data=bytes(envelope.original_content or b""),
                mail_options=list(envelope.mail_options),
                login=login,
                tls=session.ssl is not None or self._server.security == "ssl",
            )
        )
        return self._server.accept_reply


def _recorded(verb: str) -> Callable[..., Any]:
    """Wrap aiosmtpd's ``smtp_<verb>`` so it records the command and applies a configured refusal."""
    original = getattr(SMTP, f"smtp_{verb}")

    @functools.wraps(original)
    async def method(self: _ConfigurableSMTP, arg: str) -> None:
        self.owner.commands.append(f"{verb} {arg}" if arg and verb != "AUTH" else verb)
        refusal = self.owner.refuse.get(verb.lower())
        if verb == "MAIL" and refusal is None and not self.session.authenticated:
            refusal = self.owner.require_auth
        if refusal is not None and verb != "AUTH":
            await self.push(refusal)
            return
        await original(self, arg)

    return method


class _ConfigurableSMTP(SMTP):
    """aiosmtpd's SMTP with recorded commands and configurable refusals."""

    def __init__(self, handler: Any, owner: SmtpServer, **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self.owner = owner

    smtp_EHLO = _recorded("EHLO")  # noqa: N815
    smtp_HELO = _recorded("HELO")  # noqa: N815
    smtp_STARTTLS = _recorded("STARTTLS")  # noqa: N815
    smtp_AUTH = _recorded("AUTH")  # noqa: N815
    smtp_MAIL = _recorded("MAIL")  # noqa: N815
    smtp_RCPT = _recorded("RCPT")  # noqa: N815
    smtp_DATA = _recorded("DATA")  # noqa: N815
    smtp_RSET = _recorded("RSET")  # noqa: N815
    smtp_NOOP = _recorded("NOOP")  # noqa: N815
    smtp_QUIT = _recorded("QUIT")  # noqa: N815


class _BoundController(Controller):
    """An aiosmtpd controller serving on an already bound socket, so the port is never raced."""

    def __init__(self, owner: SmtpServer, listener: socket.socket, **kwargs: Any) -> None:
        host, port = listener.getsockname()[:2]
        super().__init__(_RecordingHandler(owner), hostname=host, port=port, **kwargs)
        self._owner = owner
        self._listener = listener

    def _create_server(self) -> Any:
        return self.loop.create_server(self._factory_invoker, sock=self._listener, ssl=self.ssl_context)

    def factory(self) -> SMTP:
        return _ConfigurableSMTP(self.handler, self._owner, **self.SMTP_kwargs)

    def _trigger_server(self) -> None:
        # aiosmtpd builds the protocol object lazily, at the first accepted connection.
        # Its own trigger runs a TLS handshake with default client settings, and that
        # fails against a server limited to old TLS versions. Accepting is enough.
        with socket.create_connection((self.hostname, self.port), timeout=1.0) as probe:
            if self.ssl_context is None:
                probe.recv(1024)


@dataclass
class SmtpServer:
    """A running aiosmtpd server and what it received. The module docstring lists the options."""

    host: str
    port: int
    security: str
    ca_file: str
    username: str = ""
    password: str = field(default="", repr=False)
    refuse: dict[str, str] = field(default_factory=dict)
    require_auth: str | None = None
    accept_reply: str = ACCEPT_REPLY
    messages: list[ReceivedMessage] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    controller: Controller | None = field(default=None, repr=False)

    def settings(self, **changes: Any) -> Settings:
        """Return settings that point the engine at this server, with ``changes`` applied."""
        values: dict[str, Any] = {
            "server": self.host,
            "port": self.port,
            "security": Security(self.security),
            "sender": SENDER,
            "auth": bool(self.username),
            "username": self.username,
            "password": self.password,
            "timeout": 5,
            "ca_file": self.ca_file,
        }
        values.update(changes)
        return Settings(**values)

    def authenticate(self, mechanism: str, credentials: LoginPassword) -> AuthResult:
        """Check a login. A configured ``refuse["auth"]`` reply wins over matching credentials."""
        refusal = self.refuse.get("auth")
        if refusal is not None:
            return AuthResult(success=False, handled=False, message=refusal)
        if credentials.login == self.username.encode("utf-8") and credentials.password == self.password.encode("utf-8"):
            self.logins.append(self.username)
            return AuthResult(success=True, auth_data=credentials)
        return AuthResult(success=False, handled=False)

    def stop(self) -> None:
        """Stop the server and wait for its thread. Calling it again does nothing."""
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def _bind_listener(host: str) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        listener = socket.socket(family, socket.SOCK_STREAM)
    except OSError as error:
        pytest.skip(f"cannot open a socket for {host}: {error}")
    try:
        listener.bind((host, 0))
    except OSError as error:
        listener.close()
        pytest.skip(f"cannot listen on {host}: {error}")
    return listener


def start_smtp_server(
    certificates: Certificates,
    *,
    security: str = "starttls",
    host: str = "127.0.0.1",
    cert: str | trustme.LeafCert = "good",
    tls_max_version: ssl.TLSVersion | None = None,
    auth: bool = False,
    username: str = USERNAME,
    password: str = PASSWORD,
    auth_mechanisms: tuple[str, ...] = ("PLAIN", "LOGIN"),
    auth_require_tls: bool | None = None,
    require_auth: str | None = None,
    require_starttls: bool = False,
    refuse: dict[str, str] | None = None,
    accept_reply: str = ACCEPT_REPLY,
) -> SmtpServer:
    """Start an aiosmtpd server as the module docstring describes, and return it."""
    Security(security)  # raises ValueError for an unknown mode
    listener = _bind_listener(host)
    server = SmtpServer(
        host=host,
        port=listener.getsockname()[1],
        security=security,
        ca_file=certificates.ca_file,
        username=username if auth else "",
        password=password if auth else "",
        refuse=dict(refuse or {}),
        require_auth=require_auth,
        accept_reply=accept_reply,
    )
    context = server_tls_context(certificates.lookup(cert), tls_max_version)
    if auth_require_tls is None:
        auth_require_tls = security == "starttls"
    excluded = [name for name in ("PLAIN", "LOGIN") if name not in auth_mechanisms] if auth else ["PLAIN", "LOGIN"]

    server.controller = _BoundController(
        server,
        listener,
        ssl_context=context if security == "ssl" else None,
        tls_context=context if security == "starttls" else None,
        require_starttls=require_starttls,
        server_hostname=SERVER_NAME,
        authenticator=lambda smtp, session, envelope, mechanism, data: server.authenticate(mechanism, data),
        auth_require_tls=auth_require_tls,
        auth_exclude_mechanism=excluded,
        timeout=30,
    )
    server.controller.start()
    server.controller._thread.name = f"aiosmtpd-{host}-{server.port}"  # shows in thread listings
    return server


@pytest.fixture
def smtp_server(smtp_certificates: Certificates) -> Iterator[Callable[..., SmtpServer]]:
    """Factory: ``smtp_server(security=..., auth=..., refuse=...)`` starts an aiosmtpd server."""
    started: list[SmtpServer] = []

    def start(**options: Any) -> SmtpServer:
        server = start_smtp_server(smtp_certificates, **options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


# --- Raw scripted server and slow relay --------------------------------------------------------


@pytest.fixture
def scripted_server(smtp_certificates: Certificates) -> Iterator[Callable[..., ScriptedServer]]:
    """Factory: ``scripted_server(script, host=..., implicit_tls=None)`` starts a raw server."""
    started: list[ScriptedServer] = []

    def start(
        script: Script,
        *,
        host: str = "127.0.0.1",
        implicit_tls: str | trustme.LeafCert | None = None,
        tls_max_version: ssl.TLSVersion | None = None,
    ) -> ScriptedServer:
        _bind_listener(host).close()  # skips the test when the address family is missing
        context = None
        if implicit_tls is not None:
            context = server_tls_context(smtp_certificates.lookup(implicit_tls), tls_max_version)
        server = ScriptedServer(script, host=host, tls_context=context)
        started.append(server)
        server.start()
        return server

    yield start
    for server in started:
        server.stop()


@dataclass
class SlowSmtpServer:
    """An ``SmtpServer`` reached through a delaying relay: ``port`` is the relay's."""

    backend: SmtpServer
    relay: ScriptedServer
    delay_ms: int

    def __getattr__(self, name: str) -> Any:
        return getattr(self.backend, name)

    @property
    def port(self) -> int:
        """The relay's port: connect here to get the delayed replies."""
        return self.relay.port

    def settings(self, **changes: Any) -> Settings:
        """Return settings for the relay, as ``SmtpServer.settings`` does."""
        return self.backend.settings(port=self.relay.port, **changes)

    def stop(self) -> None:
        """Stop the relay and the server behind it."""
        self.relay.stop()
        self.backend.stop()


@pytest.fixture
def slow_smtp_server(
    smtp_server: Callable[..., SmtpServer], scripted_server: Callable[..., ScriptedServer]
) -> Callable[..., SlowSmtpServer]:
    """Factory: ``slow_smtp_server(delay_ms, **smtp_server options)``."""

    def start(delay_ms: int, **options: Any) -> SlowSmtpServer:
        backend = smtp_server(**options)
        relay = scripted_server(scripted.delayed_relay((backend.host, backend.port), delay_ms / 1000), host=backend.host)
        return SlowSmtpServer(backend=backend, relay=relay, delay_ms=delay_ms)

    return start


__all__ = [
    "ACCEPT_REPLY",
    "PASSWORD",
    "RECIPIENT",
    "SENDER",
    "USERNAME",
    "Certificates",
    "ReceivedMessage",
    "ScriptedServer",
    "SlowSmtpServer",
    "SmtpServer",
    "scripted",
    "server_tls_context",
    "start_smtp_server",
]
