"""A keyring backend that keeps passwords in one JSON file, for the benchmark's child processes only.

The children run without a desktop session, where keyring has no usable
backend. This one lets the program read back a password stored before it
started, as it would from the system keyring. It stores the dummy benchmark
password in plain text: never use it for a real password.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

# The file the passwords live in; the benchmark sets it for every child.
FILE_VARIABLE = "SMTP_BENCH_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    """Passwords in the JSON file named by ``SMTP_BENCH_KEYRING_FILE``."""

    priority = 1  # type: ignore[assignment]  # chosen only when named explicitly

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._load()
        entries[f"{service}\n{username}"] = password
        self._path().write_text(json.dumps(entries), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        if entries.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(f"no password stored for {username!r} in {service!r}")
        self._path().write_text(json.dumps(entries), encoding="utf-8")

    def _path(self) -> Path:
        return Path(os.environ[FILE_VARIABLE])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self._path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
