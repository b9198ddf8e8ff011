"""The store: atomic JSON file with one backup, unusable files moved aside, password only in the keyring."""

from __future__ import annotations

import errno
import json
import logging
import os
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from hypothesis import given, settings as hypothesis_settings, strategies

from smtp_gui import i18n, store as store_module
from smtp_gui.settings import Security, Settings
from smtp_gui.passwords import KEYRING_SERVICE, keyring_account
from smtp_gui.store import Store, StoreError, default_config_dir
from tests.support.keyrings import FailingKeyring, MemoryKeyring, SecretService

PASSWORD = "Pàssw0rd-€-unique-7f3a"

EVERY_FIELD = Settings(
    server="posta.bücher.example",
    sender="tvox@bücher.example",
    port=2525,
    security=Security.STARTTLS,
    auth=True,
    username="tvox@bücher.example",
    reports_enabled=True,
    reports_recipient="support@example.com",
    timeout=42,
    ca_file="/etc/ssl/company-ca.pem",
)

ACCOUNT = Settings(
    server="smtp.example.com",
    sender="tvox@example.com",
    port=465,
    security=Security.SSL,
    auth=True,
    username="tvox@example.com",
    password=PASSWORD,
)


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def store(config_dir: Path) -> Store:
    return Store(config_dir)


def _files_containing(folder: Path, text: str) -> list[Path]:
    needles = {text.encode("utf-8"), text.encode("utf-16-le"), json.dumps(text).encode("ascii")}
    return [
        path for path in folder.rglob("*")
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    ]


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


# --- config folder --------------------------------------------------------------------------


def test_config_dir_override_wins(tmp_path: Path) -> None:
    assert default_config_dir(tmp_path / "portable") == tmp_path / "portable"


def test_config_dir_from_environment(isolated_user_folders: Path) -> None:
    assert default_config_dir() == isolated_user_folders


def test_config_dir_default_is_platform_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("SMTP_GUI_CONFIG_DIR")

    assert default_config_dir() == Path(platformdirs.user_config_dir("smtp-gui", appauthor=False))


# --- load and save ------------------------------------------------------------------------------


def test_load_missing_file_gives_defaults(store: Store, config_dir: Path) -> None:
    result = store.load()

    assert result.settings == Settings()
    assert result.broken_path is None
    assert not config_dir.exists()


def test_round_trip_every_field(store: Store) -> None:
    store.save(EVERY_FIELD)

    loaded = store.load().settings

    assert loaded == EVERY_FIELD
    for field_name in EVERY_FIELD.__dataclass_fields__:
        assert getattr(loaded, field_name) == getattr(EVERY_FIELD, field_name), field_name


_ANY_TEXT = strategies.text(alphabet=strategies.characters(blacklist_categories=()), max_size=80)


@hypothesis_settings(max_examples=100, deadline=None)
@given(server=_ANY_TEXT, sender=_ANY_TEXT, username=_ANY_TEXT, recipient=_ANY_TEXT, ca_file=_ANY_TEXT)
def test_round_trip_any_text(server: str, sender: str, username: str, recipient: str, ca_file: str) -> None:
    settings = EVERY_FIELD.replace(
        server=server, sender=sender, username=username, reports_recipient=recipient, ca_file=ca_file, auth=False
    )
    with tempfile.TemporaryDirectory() as folder:
        store = Store(folder)
        store.save(settings)

        loaded = store.load()

    assert loaded.settings == settings
    assert loaded.broken_path is None


def test_file_has_schema_and_no_password(store: Store) -> None:
    store.save(ACCOUNT)

    data = json.loads(store.path.read_text(encoding="utf-8"))

    assert data["schema"] == 1
    assert "password" not in data
    assert data["security"] == "ssl"


def test_save_creates_missing_folders(tmp_path: Path) -> None:
    store = Store(tmp_path / "a" / "b" / "config")

    store.save(EVERY_FIELD)

    assert store.load().settings == EVERY_FIELD


def test_save_keeps_one_backup(store: Store) -> None:
    store.save(EVERY_FIELD.replace(timeout=1))
    first = store.path.read_bytes()
    store.save(EVERY_FIELD.replace(timeout=2))
    second = store.path.read_bytes()

    store.save(EVERY_FIELD.replace(timeout=3))

    assert store.backup_path.read_bytes() == second
    assert first not in (store.path.read_bytes(), store.backup_path.read_bytes())
    assert sorted(path.name for path in store.config_dir.iterdir()) == ["settings.json", "settings.json.bak"]


def test_unchanged_save_keeps_backup(store: Store) -> None:
    store.save(EVERY_FIELD.replace(timeout=1))
    store.save(EVERY_FIELD.replace(timeout=2))
    backup = store.backup_path.read_bytes()

    store.save(EVERY_FIELD.replace(timeout=2))

    assert store.backup_path.read_bytes() == backup


def test_unknown_keys_survive_save(store: Store) -> None:
    _write_json(store.path, {"schema": 1, "server": "old.example.com", "theme": {"dark": True}, "retries": 3})

    store.save(EVERY_FIELD)

    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["theme"] == {"dark": True}
    assert data["retries"] == 3
    assert data["server"] == EVERY_FIELD.server


def test_missing_keys_take_defaults(store: Store) -> None:
    _write_json(store.path, {"schema": 1, "server": "smtp.example.com"})

    result = store.load()

    assert result.settings == Settings(server="smtp.example.com")
    assert result.broken_path is None


@pytest.mark.parametrize(
    "change", [{"port": "25"}, {"auth": "yes"}, {"server": None}, {"security": "tls"}], ids=str
)
def test_wrong_type_not_saved(store: Store, change: dict) -> None:
    store.save(EVERY_FIELD)
    before = store.path.read_bytes()

    with pytest.raises((TypeError, ValueError)):
        store.save(EVERY_FIELD.replace(**change))

    assert store.path.read_bytes() == before


def test_password_in_file_ignored_and_dropped(store: Store) -> None:
    _write_json(store.path, {"schema": 1, "server": "smtp.example.com", "password": PASSWORD})

    loaded = store.load().settings
    store.save(loaded)

    assert loaded.password == ""
    assert "password" not in json.loads(store.path.read_text(encoding="utf-8"))


# --- unusable files -------------------------------------------------------------------------------

BROKEN_FILES = {
    "not json": b'{"schema": 1, "server": ',
    "not utf-8": b'{"schema": 1, "server": "\xff"}',
    "list": b"[1, 2]",
    "no schema": b'{"server": "smtp.example.com"}',
    "schema text": b'{"schema": "1"}',
    "newer schema": b'{"schema": 2, "server": "smtp.example.com"}',
    "port text": b'{"schema": 1, "port": "25"}',
    "port boolean": b'{"schema": 1, "port": true}',
    "auth number": b'{"schema": 1, "auth": 1}',
    "server number": b'{"schema": 1, "server": 42}',
    "security number": b'{"schema": 1, "security": 1}',
}


@pytest.mark.parametrize("content", BROKEN_FILES.values(), ids=BROKEN_FILES.keys())
def test_unusable_file_moved_aside(store: Store, content: bytes) -> None:
    store.config_dir.mkdir(parents=True)
    store.path.write_bytes(content)

    result = store.load()

    assert result.settings == Settings()
    assert result.broken_path is not None
    assert result.broken_path.name.startswith("settings.broken-")
    assert result.broken_path.suffix == ".json"
    assert result.broken_path.read_bytes() == content
    assert result.broken_reason
    assert not store.path.exists()


@pytest.mark.parametrize("content", BROKEN_FILES.values(), ids=BROKEN_FILES.keys())
def test_load_without_moving_leaves_file(store: Store, content: bytes) -> None:
    store.config_dir.mkdir(parents=True)
    store.path.write_bytes(content)

    result = store.load(move_broken=False)

    assert result.settings == Settings()
    assert result.broken_path is None
    assert result.broken_reason
    assert store.path.read_bytes() == content
    assert list(store.config_dir.iterdir()) == [store.path]


BROKEN_REASONS = {
    "not json": "it is not valid JSON (error at line 1, column 25)",
    "not utf-8": "it is not UTF-8 text",
    "newer schema": "schema 2",
    "port text": "the value of “port” is not a whole number",
    "auth number": "the value of “auth” is not true or false",
    "server number": "the value of “server” is not text",
}


@pytest.mark.parametrize(("case", "reason"), BROKEN_REASONS.items(), ids=BROKEN_REASONS.keys())
def test_broken_reason_names_kind(store: Store, case: str, reason: str) -> None:
    store.config_dir.mkdir(parents=True)
    store.path.write_bytes(BROKEN_FILES[case])

    result = store.load(move_broken=False)

    assert result.broken_reason is not None
    assert reason in result.broken_reason
    # Python's own English text goes only to the log.
    assert "Expecting" not in result.broken_reason
    assert "codec" not in result.broken_reason


def test_broken_reason_italian_has_position(store: Store) -> None:
    store.config_dir.mkdir(parents=True)
    store.path.write_bytes(BROKEN_FILES["not json"])
    i18n.set_language("it")

    result = store.load(move_broken=False)

    assert result.broken_reason == "non è un JSON valido (errore alla riga 1, colonna 25)"


INVALID_VALUES = {
    "port zero": ({"port": 0}, "port", 25, "Port 0"),
    "port too high for ssl": ({"security": "ssl", "port": 70000}, "port", 465, "Port 70000"),
    "timeout too long": ({"timeout": 99999}, "timeout", 15, "Timeout 99999"),
    "timeout zero": ({"timeout": 0}, "timeout", 15, "Timeout 0"),
    "unknown security": ({"security": "tls"}, "security", Security.NONE, "“tls”"),
    "server too long": ({"server": "a" * 300}, "server", "", "300 characters"),
    "sender too long": ({"sender": "a" * 250 + "@example.com"}, "sender", "", "262 characters"),
}


@pytest.mark.parametrize(
    ("values", "field_name", "default", "shown"), INVALID_VALUES.values(), ids=INVALID_VALUES.keys()
)
def test_invalid_value_replaced_by_default(
    store: Store, values: dict[str, object], field_name: str, default: object, shown: str
) -> None:
    store.config_dir.mkdir(parents=True)
    content = json.dumps({"schema": 1, "username": "kept@example.com", "timeout": 30, **values}).encode()
    store.path.write_bytes(content)

    result = store.load()

    assert getattr(result.settings, field_name) == default
    assert len(result.problems) == 1
    assert shown in result.problems[0]
    assert result.broken_path is None
    assert result.broken_reason is None
    assert store.path.read_bytes() == content
    assert result.settings.username == "kept@example.com"


def test_valid_file_has_no_problems(store: Store) -> None:
    store.save(EVERY_FIELD)

    result = store.load()

    assert result.problems == ()


def test_invalid_value_problem_in_italian(store: Store) -> None:
    store.config_dir.mkdir(parents=True)
    store.path.write_bytes(b'{"schema": 1, "port": 0, "security": "none"}')
    i18n.set_language("it")

    result = store.load()

    assert result.problems == (
        "Porta 0 nel file delle impostazioni non è valida: viene usato il valore predefinito 25.",
    )


def test_newer_schema_reason_names_version(store: Store) -> None:
    store.config_dir.mkdir(parents=True)
    store.path.write_bytes(BROKEN_FILES["newer schema"])

    result = store.load()

    assert result.broken_reason is not None
    assert "schema 2" in result.broken_reason


def test_second_broken_file_gets_own_name(store: Store) -> None:
    store.config_dir.mkdir(parents=True)
    store.path.write_bytes(b"first")
    first = store.load().broken_path
    store.path.write_bytes(b"second")

    second = store.load().broken_path

    assert first != second
    assert first is not None and first.read_bytes() == b"first"
    assert second is not None and second.read_bytes() == b"second"


def test_broken_file_found_on_save_moved_aside(store: Store) -> None:
    store.config_dir.mkdir(parents=True)
    store.path.write_bytes(b"{broken")

    result = store.save(EVERY_FIELD)

    assert result.broken_path is not None
    assert result.broken_path.read_bytes() == b"{broken"
    assert store.load().settings == EVERY_FIELD


def test_wrong_type_found_on_save_moved_aside(store: Store) -> None:
    store.config_dir.mkdir(parents=True)
    store.path.write_bytes(BROKEN_FILES["port text"])

    result = store.save(EVERY_FIELD)

    assert result.broken_path is not None
    assert result.broken_path.read_bytes() == BROKEN_FILES["port text"]
    assert not store.backup_path.exists()


def test_broken_reason_translated(store: Store) -> None:
    store.config_dir.mkdir(parents=True)
    store.path.write_bytes(BROKEN_FILES["newer schema"])
    i18n.set_language("it")

    result = store.load()

    assert result.broken_reason is not None
    assert "versione più recente" in result.broken_reason


# --- write failures leave the old file ----------------------------------------------------------


def _fail_on(monkeypatch: pytest.MonkeyPatch, name: str, code: int) -> None:
    def failing(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store_module.os, name, failing)


@pytest.mark.parametrize(
    ("function", "code", "reason"),
    [
        ("replace", errno.EIO, "input/output error"),
        ("replace", errno.EACCES, "another program has the file open"),
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.EROFS, "the disk is read-only"),
    ],
)
def test_failed_write_keeps_old_file(
    store: Store, monkeypatch: pytest.MonkeyPatch, function: str, code: int, reason: str
) -> None:
    store.save(EVERY_FIELD)
    before = store.path.read_bytes()
    _fail_on(monkeypatch, function, code)

    with pytest.raises(StoreError) as raised:
        store.save(EVERY_FIELD.replace(server="new.example.com"))

    assert store.path.read_bytes() == before
    assert reason in raised.value.message
    assert str(store.path) in raised.value.message
    assert isinstance(raised.value.__cause__, OSError)
    assert not [path for path in store.config_dir.iterdir() if path.name.endswith(".tmp")]


def test_error_between_write_and_replace_keeps_old_file(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(EVERY_FIELD)
    before = store.path.read_bytes()
    written: list[bytes] = []
    real_replace = os.replace

    def crash_after_write(source: str, target: str) -> None:
        written.append(Path(source).read_bytes())
        if Path(target) == store.path:
            raise OSError(errno.EIO, "injected failure before the rename")
        real_replace(source, target)

    monkeypatch.setattr(store_module.os, "replace", crash_after_write)

    with pytest.raises(StoreError):
        store.save(EVERY_FIELD.replace(server="new.example.com"))

    assert b"new.example.com" in written[-1]
    assert store.path.read_bytes() == before
    assert store.load().settings == EVERY_FIELD


def test_store_error_translated(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(EVERY_FIELD)
    _fail_on(monkeypatch, "fsync", errno.ENOSPC)
    i18n.set_language("it")

    with pytest.raises(StoreError) as raised:
        store.save(EVERY_FIELD.replace(timeout=3))

    assert "il disco è pieno" in raised.value.message


def test_folder_blocked_by_file(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    store = Store(blocker / "config")

    with pytest.raises(StoreError) as raised:
        store.save(EVERY_FIELD)

    assert str(blocker / "config") in raised.value.message
    assert f"{blocker} is a file, not a folder" in raised.value.message


def test_folder_blocked_by_file_higher_up(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    store = Store(blocker / "a" / "b" / "config")

    with pytest.raises(StoreError) as raised:
        store.save(EVERY_FIELD)

    assert f"{blocker} is a file, not a folder" in raised.value.message


def test_settings_file_unreadable(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(EVERY_FIELD)

    def refuse(path: Path) -> bytes:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    # root reads any file whatever its mode, so the refusal is injected.
    monkeypatch.setattr(Path, "read_bytes", refuse)

    with pytest.raises(StoreError) as raised:
        store.load()

    assert "could not be read: permission denied" in raised.value.message
    assert str(store.path) in raised.value.message


def test_settings_file_is_folder(store: Store) -> None:
    store.path.mkdir(parents=True)

    with pytest.raises(StoreError) as raised:
        store.load()

    assert "it is a folder, not a file" in raised.value.message
    assert "Is a directory" not in raised.value.message


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    """A config folder with a saved file, that the test process cannot write to.

    root ignores file modes, so under root the save runs in a child process
    as the user nobody; the folder is made outside pytest's temporary folder,
    which only root can enter.
    """
    parent = Path(tempfile.mkdtemp(prefix="smtp-gui-read-only-"))
    parent.chmod(0o755)
    folder = parent / "config"
    Store(folder).save(EVERY_FIELD)
    folder.chmod(0o555)
    (folder / "settings.json").chmod(0o444)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
        parent.rmdir()


def _save_without_permission(folder: Path) -> str:
    """Save into ``folder`` as a user without write permission; return the StoreError message.

    Under root the save runs in a forked child that first becomes the user
    nobody, because the interpreter itself may sit in a folder nobody cannot
    enter.
    """
    if os.geteuid() != 0:
        with pytest.raises(StoreError) as raised:
            Store(folder).save(Settings(server="new.example.com"))
        return raised.value.message

    reader, writer = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12 warns about fork while threads run (Qt, servers of earlier tests). The
        # child only changes user, tries the save and exits, and logging resets its locks on fork.
        warnings.simplefilter("ignore", DeprecationWarning)
        child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child, which reports through the pipe
        code = 1
        try:
            os.setgid(65534)
            os.setuid(65534)
            Store(folder).save(Settings(server="new.example.com"))
        except StoreError as error:
            os.write(writer, error.message.encode("utf-8"))
            code = 3
        finally:
            os._exit(code)

    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        message = pipe.read().decode("utf-8")
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 3, "the save did not raise StoreError"
    return message


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_read_only_folder_clear_error(read_only_folder: Path) -> None:
    before = (read_only_folder / "settings.json").read_bytes()

    message = _save_without_permission(read_only_folder)

    assert "access denied" in message
    assert str(read_only_folder / "settings.json") in message
    assert (read_only_folder / "settings.json").read_bytes() == before
    assert sorted(path.name for path in read_only_folder.iterdir()) == ["settings.json"]


# --- password in the keyring ------------------------------------------------------------------


def test_save_stores_password_in_keyring(store: Store, memory_keyring: MemoryKeyring) -> None:
    result = store.save(ACCOUNT)

    assert result.password_error is None
    assert memory_keyring.passwords == {(KEYRING_SERVICE, "smtp.example.com/tvox@example.com"): PASSWORD}
    assert _files_containing(store.config_dir, PASSWORD) == []


def test_loaded_settings_have_no_password(store: Store) -> None:
    store.save(ACCOUNT)

    loaded = store.load().settings

    assert loaded.password == ""
    assert store.has_password(loaded)
    assert store.password(loaded) == PASSWORD
    assert store.with_password(loaded).password == PASSWORD


def test_empty_password_keeps_stored_one(store: Store, memory_keyring: MemoryKeyring) -> None:
    store.save(ACCOUNT)

    store.save(ACCOUNT.replace(password="", timeout=60, port=2465))

    assert store.password(ACCOUNT) == PASSWORD


def test_new_password_replaces_stored_one(store: Store, memory_keyring: MemoryKeyring) -> None:
    store.save(ACCOUNT)

    store.save(ACCOUNT.replace(password="second secret"))

    assert list(memory_keyring.passwords.values()) == ["second secret"]


def test_auth_off_removes_password(store: Store, memory_keyring: MemoryKeyring) -> None:
    store.save(ACCOUNT)

    result = store.save(ACCOUNT.replace(auth=False, password=""))

    assert result.password_error is None
    assert memory_keyring.passwords == {}


@pytest.mark.parametrize(
    "change", [{"username": "other@example.com"}, {"server": "smtp2.example.com"}], ids=["username", "server"]
)
def test_account_change_removes_old_entry(store: Store, memory_keyring: MemoryKeyring, change: dict) -> None:
    store.save(ACCOUNT)
    changed = ACCOUNT.replace(password="new secret", **change)

    store.save(changed)

    assert memory_keyring.passwords == {(KEYRING_SERVICE, keyring_account(changed)): "new secret"}


def test_account_change_without_password_stores_none(store: Store, memory_keyring: MemoryKeyring) -> None:
    store.save(ACCOUNT)
    changed = ACCOUNT.replace(username="other@example.com", password="")

    store.save(changed)

    assert memory_keyring.passwords == {}
    assert not store.has_password(changed)


def test_same_server_in_other_forms_shares_entry(store: Store) -> None:
    idn = ACCOUNT.replace(server="posta.bücher.example")
    store.save(idn)

    assert store.password(idn.replace(server=" POSTA.Bücher.example ", password="")) == PASSWORD
    assert store.password(idn.replace(server="posta.xn--bcher-kva.example", password="")) == PASSWORD


def test_keyring_account_forms() -> None:
    assert keyring_account(ACCOUNT) == "smtp.example.com/tvox@example.com"
    assert keyring_account(ACCOUNT.replace(server="[2001:db8::1]")) == "2001:db8::1/tvox@example.com"
    assert keyring_account(ACCOUNT.replace(auth=False)) is None
    assert keyring_account(ACCOUNT.replace(username="")) is None


def test_auth_off_touches_no_keyring(store: Store, failing_keyring: FailingKeyring) -> None:
    result = store.save(EVERY_FIELD.replace(auth=False))

    assert result.password_error is None


def test_password_without_entry_is_empty(store: Store) -> None:
    assert store.password(ACCOUNT) == ""
    assert not store.has_password(ACCOUNT)
    assert store.with_password(ACCOUNT.replace(password="")).password == ""


def test_typed_password_wins_over_stored(store: Store) -> None:
    store.save(ACCOUNT)

    assert store.with_password(ACCOUNT.replace(password="typed")).password == "typed"


def test_password_in_no_file_after_any_operation(store: Store, memory_keyring: MemoryKeyring) -> None:
    operations = [
        lambda: store.save(ACCOUNT),
        lambda: store.load(),
        lambda: store.with_password(store.load().settings),
        lambda: store.save(ACCOUNT.replace(password="", timeout=20)),
        lambda: store.save(ACCOUNT.replace(username="other@example.com")),
        lambda: store.path.write_bytes(b"{broken"),
        lambda: store.load(),
        lambda: store.save(ACCOUNT),
        lambda: store.save(ACCOUNT.replace(auth=False)),
    ]

    for step, operation in enumerate(operations):
        operation()

        assert _files_containing(store.config_dir, PASSWORD) == [], f"after step {step}"


def test_load_does_not_import_keyring(tmp_path: Path) -> None:
    script = (
        "import sys; from smtp_gui.store import Store; Store(sys.argv[1]).load(); "
        "print('keyring' in sys.modules)"
    )

    completed = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True
    )

    assert completed.stdout.strip() == "False"


def test_password_never_logged(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    store.save(ACCOUNT)
    store.save(ACCOUNT.replace(username="other@example.com", password=PASSWORD + "2"))
    store.save(ACCOUNT.replace(auth=False))

    assert caplog.records
    assert all(PASSWORD not in record.getMessage() for record in caplog.records)


# --- keyring missing or refusing ------------------------------------------------------------------


def test_no_keyring_saves_rest_without_plaintext(store: Store, no_keyring: object) -> None:
    result = store.save(ACCOUNT)

    assert result.password_error is not None
    assert result.password_error.startswith("The password was not saved: no system keyring is available.")
    assert "other settings were saved" in result.password_error
    assert "fail Keyring" not in result.password_error
    assert store.load().settings == ACCOUNT.replace(password="")
    assert _files_containing(store.config_dir, PASSWORD) == []
    assert PASSWORD not in result.password_error


def test_no_keyring_reads_no_password(store: Store, no_keyring: object) -> None:
    assert store.password(ACCOUNT) == ""


def test_refusing_keyring_names_cause(store: Store, failing_keyring: FailingKeyring) -> None:
    result = store.save(ACCOUNT)

    assert result.password_error is not None
    assert FailingKeyring.message in result.password_error
    assert store.load().settings == ACCOUNT.replace(password="")
    assert _files_containing(store.config_dir, PASSWORD) == []


def test_refusing_keyring_read_raises(store: Store, failing_keyring: FailingKeyring) -> None:
    with pytest.raises(StoreError) as raised:
        store.password(ACCOUNT)

    assert FailingKeyring.message in raised.value.message


def test_refusing_keyring_delete_names_entry(store: Store, memory_keyring: MemoryKeyring) -> None:
    store.save(ACCOUNT)
    keyring.set_keyring(FailingKeyring())

    result = store.save(ACCOUNT.replace(auth=False))

    assert result.password_error is not None
    assert "smtp.example.com/tvox@example.com" in result.password_error
    assert store.load().settings.auth is False


def test_child_process_sees_no_keyring() -> None:
    script = "import keyring; print(type(keyring.get_keyring()).__module__)"

    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)

    assert completed.stdout.strip() == "keyring.backends.fail"


def test_environment_backend_honoured(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.keyrings.FailingKeyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)

    result = store.save(ACCOUNT)

    assert isinstance(keyring.get_keyring(), FailingKeyring)
    assert result.password_error is not None
    assert FailingKeyring.message in result.password_error


def test_unloadable_environment_backend_reported(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no_such_module.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)

    result = store.save(ACCOUNT)

    assert result.password_error is not None
    assert "PYTHON_KEYRING_BACKEND" in result.password_error
    assert store.load().settings == ACCOUNT.replace(password="")


def test_config_file_backend_honoured(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.util import platform_

    config = platform_.config_root() / "keyringrc.cfg"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[backend]\ndefault-keyring=tests.support.keyrings.MemoryKeyring\n", encoding="utf-8")
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)

    store.save(ACCOUNT)

    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    assert backend.passwords == {(KEYRING_SERVICE, "smtp.example.com/tvox@example.com"): PASSWORD}


# --- the real Secret Service ----------------------------------------------------------------------


@pytest.mark.secret_service
def test_secret_service_round_trip(store: Store, secret_service: SecretService) -> None:
    from keyring.backends import SecretService as secret_service_backend

    result = store.save(ACCOUNT)
    loaded = store.load().settings
    stored = store.with_password(loaded).password
    store.save(ACCOUNT.replace(username="other@example.com", password="other secret"))
    old_entry = keyring.get_password(KEYRING_SERVICE, "smtp.example.com/tvox@example.com")
    new_entry = keyring.get_password(KEYRING_SERVICE, "smtp.example.com/other@example.com")
    store.save(ACCOUNT.replace(username="other@example.com", auth=False))

    assert isinstance(keyring.get_keyring(), secret_service_backend.Keyring)
    assert result.password_error is None
    assert stored == PASSWORD
    assert old_entry is None
    assert new_entry == "other secret"
    assert keyring.get_password(KEYRING_SERVICE, "smtp.example.com/other@example.com") is None
    assert _files_containing(store.config_dir, PASSWORD) == []
