"""The baseline: the STARTTLS + AUTH dialogue written directly with smtplib.

This is what a careful programmer writes by hand: a verifying TLS context
(system trust store plus one extra CA file, as the program builds it), EHLO,
STARTTLS, EHLO, AUTH, then for a check MAIL FROM and RSET (the sender is
tried but no message is sent, as the program's check does), QUIT. The
benchmarks call these functions in process, and run this file as a cold
process:

    python benchmarks/raw_smtp.py HOST PORT USER SENDER CA_FILE    # password on standard input

It imports nothing beyond what the dialogue needs, so its start-up is the
floor for a command-line check.
"""

from __future__ import annotations

import functools
import smtplib
import ssl
import sys


@functools.lru_cache(maxsize=1)
def tls_context(ca_file: str) -> ssl.SSLContext:
    """Build a verifying context: the system trust store plus ``ca_file``, TLS 1.2 or newer.

    The context is built once and reused, as the program's engine does, because
    loading the system trust store costs more than the whole local dialogue.
    """
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_verify_locations(cafile=ca_file)
    return context


def check(
    host: str, port: int, username: str, password: str, sender: str, ca_file: str, timeout: float = 15
) -> None:
    """Connect, upgrade with STARTTLS, authenticate, try ``sender`` with MAIL FROM and RSET, and quit.

    Raises:
        smtplib.SMTPException: a command was refused.
        OSError: the connection or the TLS handshake failed.
    """
    with smtplib.SMTP(host, port, timeout=timeout) as client:
        client.ehlo()
        client.starttls(context=tls_context(ca_file))
        client.ehlo()
        client.login(username, password)
        code, reply = client.mail(sender)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, reply, sender)
        client.rset()


def send(
    host: str, port: int, username: str, password: str, ca_file: str, message: bytes, recipient: str
) -> None:
    """Do the same as ``check``, then send ``message`` to ``recipient``; raise on any failure."""
    with smtplib.SMTP(host, port, timeout=15) as client:
        client.ehlo()
        client.starttls(context=tls_context(ca_file))
        client.ehlo()
        client.login(username, password)
        client.sendmail(username, [recipient], message)


def main(argv: list[str]) -> int:
    host, port, username, sender, ca_file = argv
    password = sys.stdin.readline().rstrip("\n")
    check(host, int(port), username, password, sender, ca_file)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
