"""Pytest fixtures that give every test its own keyring, so no test ever touches the user's keyring.

Fixtures (all loaded by ``tests/conftest.py``):

``memory_keyring`` (autouse)
    A fresh ``MemoryKeyring`` installed with ``keyring.set_keyring`` for every
    test. Its ``passwords`` dict maps (service, username) to the password.
    Child processes get ``PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring``,
    so a command run by a test sees no keyring at all.

``failing_keyring``
    Installs ``FailingKeyring``, whose every call raises a
    ``keyring.errors.KeyringError`` subclass, as a locked backend does.

``no_keyring``
    Installs keyring's own ``fail`` backend, the one keyring chooses when the
    system has no usable keyring: every call raises ``NoKeyringError``.

``secret_service``
    Starts a private D-Bus session and ``gnome-keyring-daemon`` with an
    unlocked login keyring in a temporary folder, points keyring at its Secret
    Service, yields a ``SecretService`` with the folder and the process ids,
    and stops both daemons by PID. The D-Bus and XDG variables are set for
    child processes too; a child also needs
    ``PYTHON_KEYRING_BACKEND=keyring.backends.SecretService.Keyring``. Skipped
    when a program is missing, except under CI (``CI=true``), where it fails.
    Tests that use it carry the marker ``secret_service``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

_BUS_NAME = "org.freedesktop.secrets"
_START_TIMEOUT = 10.0  # seconds for the daemons to start on a loaded CI machine


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring backend that keeps passwords in a dict, for tests.

    Its priority is negative, so keyring never picks it by itself; tests
    install it with ``keyring.set_keyring`` or ``PYTHON_KEYRING_BACKEND``.
    """

    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.passwords:
            raise keyring.errors.PasswordDeleteError("no such password")
        del self.passwords[(service, username)]


class FailingKeyring(keyring.backend.KeyringBackend):
    """A backend that rejects every call, as a locked keyring does when its unlock prompt is dismissed."""

    priority = -1  # type: ignore[assignment]
    message = "the keyring is locked"

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked(self.message)

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError(self.message)

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError(self.message)


@pytest.fixture(autouse=True)
def memory_keyring(isolated_user_folders: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Install a fresh in-memory keyring for the test, and restore the previous backend after.

    Child processes the test starts get keyring's ``fail`` backend through
    PYTHON_KEYRING_BACKEND, so they cannot reach the user's keyring either.
    """
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring() if keyring.core._keyring_backend is not None else None
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    _restore(previous)


@pytest.fixture
def failing_keyring(memory_keyring: MemoryKeyring) -> FailingKeyring:
    """Install a keyring that rejects every call."""
    backend = FailingKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def no_keyring(memory_keyring: MemoryKeyring) -> keyring.backends.fail.Keyring:
    """Install keyring's ``fail`` backend, the one used when no keyring is usable."""
    backend = keyring.backends.fail.Keyring()
    keyring.set_keyring(backend)
    return backend


def _restore(previous: keyring.backend.KeyringBackend | None) -> None:
    # keyring keeps its backend in a module global; None makes the next call detect again.
    if previous is None:
        keyring.core._keyring_backend = None
    else:
        keyring.set_keyring(previous)


@dataclass(frozen=True)
class SecretService:
    """A running private Secret Service: its folder, the D-Bus address and the daemons' process ids."""

    folder: Path
    bus_address: str
    dbus_pid: int
    keyring_pid: int


@pytest.fixture
def secret_service(monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring) -> Iterator[SecretService]:
    """Start D-Bus and gnome-keyring in a temporary folder and make keyring use their Secret Service."""
    _require_programs("dbus-daemon", "gnome-keyring-daemon", "dbus-send")
    # A short folder of its own, because a Unix socket path must fit in 108 bytes (104 on macOS).
    folder = Path(tempfile.mkdtemp(prefix="smtp-gui-keyring-"))
    try:
        yield from _run_secret_service(folder, monkeypatch)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run_secret_service(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretService]:
    runtime = folder / "runtime"
    data = folder / "data"
    runtime.mkdir(mode=0o700)
    data.mkdir(mode=0o700)
    environment = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "XDG_DATA_HOME": str(data)}

    dbus = _start_dbus(environment, folder)
    try:
        bus_address = dbus.stdout.readline().strip() if dbus.stdout else ""
        if not bus_address:
            pytest.fail(f"dbus-daemon printed no address (exit code {dbus.poll()})")
        environment["DBUS_SESSION_BUS_ADDRESS"] = bus_address
        daemon = _start_gnome_keyring(environment)
        try:
            _wait_for_owner(environment, daemon)
            for name in ("XDG_RUNTIME_DIR", "XDG_DATA_HOME", "DBUS_SESSION_BUS_ADDRESS"):
                monkeypatch.setenv(name, environment[name])
            keyring.set_keyring(_secret_service_backend())
            yield SecretService(folder, bus_address, dbus.pid, daemon.pid)
        finally:
            _stop(daemon)
    finally:
        _stop(dbus)


def _require_programs(*names: str) -> None:
    missing = [name for name in names if shutil.which(name) is None]
    if not missing:
        return
    message = f"not installed: {', '.join(missing)} (apt packages gnome-keyring, dbus-daemon, dbus-bin)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def _start_dbus(environment: dict[str, str], folder: Path) -> subprocess.Popen[str]:
    # The socket goes in the test's folder, not in /tmp as the session default puts it. The
    # daemon's messages (such as "Failed to set fd limit" in a container) go to a log file there.
    with (folder / "dbus-daemon.log").open("w") as log:
        return subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1",
             f"--address=unix:path={folder / 'bus'}"],
            env=environment, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, stderr=log, text=True,
        )


def _start_gnome_keyring(environment: dict[str, str]) -> subprocess.Popen[str]:
    # --unlock reads the new login keyring's password from standard input; without it
    # the first write fails with "Prompt dismissed", as no one can answer a prompt.
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        env=environment, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
    )
    assert daemon.stdin is not None
    daemon.stdin.write("test keyring password")
    daemon.stdin.close()
    return daemon


def _wait_for_owner(environment: dict[str, str], daemon: subprocess.Popen[str]) -> None:
    """Wait until the Secret Service bus name has an owner, or fail the test."""
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        if daemon.poll() is not None:
            pytest.fail(f"gnome-keyring-daemon exited with code {daemon.returncode}")
        reply = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
             "org.freedesktop.DBus.NameHasOwner", f"string:{_BUS_NAME}"],
            env=environment, capture_output=True, text=True, check=False,
        )
        if "boolean true" in reply.stdout:
            return
        time.sleep(0.05)
    pytest.fail(f"{_BUS_NAME} had no owner after {_START_TIMEOUT} s")


def _secret_service_backend() -> keyring.backend.KeyringBackend:
    from keyring.backends import SecretService as secret_service_module

    backend = secret_service_module.Keyring()
    backend.priority  # noqa: B018 - raises RuntimeError when the Secret Service is not reachable
    return backend


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None and not stream.closed:
            stream.close()
