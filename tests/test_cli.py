"""The command line, run as the real ``python -m smtp_gui`` process against local SMTP servers.

Tests that need a password from the keyring call ``cli.main`` in process,
because a child process does not see the in-memory keyring of the test.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from smtp_gui import app, cli, i18n
from smtp_gui.settings import Security, Settings
from smtp_gui.store import Store
from tests.support import scripted
from tests.support.servers import ACCEPT_REPLY, PASSWORD, RECIPIENT, SENDER, USERNAME

REPOSITORY = Path(__file__).resolve().parent.parent
RESULT_KEYS = {
    "ok", "step", "diagnosis", "tls_version", "certificate", "reply", "queue_id", "elapsed_s", "warnings",
    "transcript",
}
PROCESS_TIMEOUT_S = 60


def run_cli(*arguments: str, stdin: str | None = None, language: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """Run ``python -m smtp_gui`` with ``arguments``, with ``language`` as the LANG of its environment."""
    env = dict(os.environ)
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(variable, None)
    env["LANG"] = language
    env["PYTHONIOENCODING"] = "utf-8"
    completed = subprocess.run(
        [sys.executable, "-m", "smtp_gui", *arguments],
        input=(stdin or "").encode("utf-8"),
        capture_output=True,
        env=env,
        cwd=REPOSITORY,
        timeout=PROCESS_TIMEOUT_S,
    )
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    )


def server_options(server: Any, *, auth: bool = False) -> list[str]:
    """Return the options that point the command line at ``server``."""
    options = [
        "--server", server.host, "--port", str(server.port), "--security", server.security,
        "--sender", SENDER, "--timeout", "5", "--cafile", server.ca_file,
    ]
    if auth:
        options += ["--user", server.username, "--password-stdin"]
    return options


def files_containing(folder: Path, secret: str) -> list[Path]:
    """Return every file under ``folder`` whose bytes contain ``secret`` in UTF-8."""
    needle = secret.encode("utf-8")
    return [path for path in folder.rglob("*") if path.is_file() and needle in path.read_bytes()]


def save_settings(config_dir: Path, settings: Settings) -> Store:
    store = Store(config_dir)
    result = store.save(settings)
    assert result.password_error is None
    return store


# --- check and send-test, as a process ----------------------------------------------------------


@pytest.mark.parametrize("security", ["ssl", "starttls", "none"])
def test_check_succeeds_in_each_security_mode(smtp_server: Any, security: str) -> None:
    server = smtp_server(security=security)

    completed = run_cli("check", *server_options(server), "--lang", "en")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Connection check succeeded" in completed.stdout
    assert "Transcript" in completed.stdout
    assert completed.stderr == ""


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_check_reports_tls_and_certificate(smtp_server: Any, security: str) -> None:
    server = smtp_server(security=security)

    completed = run_cli("check", *server_options(server), "--lang", "en")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "TLS: TLSv1." in completed.stdout
    assert "SHA-256:" in completed.stdout
    assert "valid for:" in completed.stdout


def test_check_over_ipv6(smtp_server: Any) -> None:
    server = smtp_server(security="starttls", host="::1")

    completed = run_cli("check", *server_options(server), "--lang", "en")

    assert completed.returncode == 0, completed.stdout + completed.stderr


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_check_password_stdin_logs_in(smtp_server: Any, mechanism: str) -> None:
    server = smtp_server(security="starttls", auth=True, auth_mechanisms=(mechanism,))

    completed = run_cli("check", *server_options(server, auth=True), "--lang", "en", stdin=PASSWORD + "\n")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert server.logins == [USERNAME]
    assert f"logged in as {USERNAME}" in completed.stdout


def test_password_stdin_keeps_spaces_and_strips_crlf(smtp_server: Any) -> None:
    password = "  spazi e ünïcödé !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~  "
    server = smtp_server(security="ssl", auth=True, password=password)

    completed = run_cli("check", *server_options(server, auth=True), "--lang", "en", stdin=password + "\r\n")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert server.logins == [USERNAME]


def test_password_in_no_output_or_file(smtp_server: Any, isolated_user_folders: Path) -> None:
    server = smtp_server(security="starttls", auth=True)

    completed = run_cli("check", *server_options(server, auth=True), "--json", stdin=PASSWORD)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert PASSWORD not in completed.stdout
    assert PASSWORD not in completed.stderr
    assert files_containing(isolated_user_folders.parent, PASSWORD) == []


def test_wrong_password_gives_failure_exit_and_diagnosis(smtp_server: Any, isolated_user_folders: Path) -> None:
    server = smtp_server(security="starttls", auth=True)
    wrong = "wrong-Pässwörd"

    completed = run_cli("check", *server_options(server, auth=True), "--json", stdin=wrong)

    assert completed.returncode == 1, completed.stdout + completed.stderr
    data = json.loads(completed.stdout)
    assert data["ok"] is False
    assert data["step"] == "auth"
    assert data["diagnosis"]["code"] == "auth_failed"
    assert wrong not in completed.stdout
    assert files_containing(isolated_user_folders.parent, wrong) == []


def test_json_has_every_result_key(smtp_server: Any) -> None:
    server = smtp_server(security="ssl")

    completed = run_cli("check", *server_options(server), "--json")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    data = json.loads(completed.stdout)
    assert RESULT_KEYS <= set(data)
    assert data["ok"] is True
    assert data["diagnosis"] is None
    assert isinstance(data["transcript"], list)
    assert data["transcript"]
    assert data["tls_version"].startswith("TLSv1.")
    assert set(data["certificate"]) >= {"subject", "names", "issuer", "not_after", "sha256"}


def test_json_warns_about_offered_starttls(smtp_server: Any) -> None:
    server = smtp_server(security="starttls")

    completed = run_cli("check", *server_options(server), "--security", "none", "--json")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    data = json.loads(completed.stdout)
    assert "starttls_available" in [warning["code"] for warning in data["warnings"]]
    assert data["settings_warnings"]


def test_send_test_reports_queue_id(smtp_server: Any) -> None:
    server = smtp_server(security="starttls")

    completed = run_cli("send-test", *server_options(server), "--to", RECIPIENT, "--lang", "en")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "TEST1234 (accepted by the server, not yet delivered)" in completed.stdout
    assert len(server.messages) == 1
    assert server.messages[0].sender == SENDER
    assert server.messages[0].recipients == [RECIPIENT]


def test_send_test_json_queue_id(smtp_server: Any) -> None:
    server = smtp_server(security="ssl", accept_reply=ACCEPT_REPLY)

    completed = run_cli("send-test", *server_options(server), "--to", RECIPIENT, "--json")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    data = json.loads(completed.stdout)
    assert data["queue_id"] == "TEST1234"
    assert data["step"] == "done"


def test_send_test_refused_recipient(smtp_server: Any) -> None:
    server = smtp_server(security="starttls", refuse={"rcpt": "550 5.1.1 User unknown"})

    completed = run_cli("send-test", *server_options(server), "--to", RECIPIENT, "--lang", "en")

    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "[recipient_refused]" in completed.stdout
    assert "Last server reply: 550 5.1.1 User unknown" in completed.stdout
    assert "Failed at: recipient (RCPT TO)" in completed.stdout
    assert server.messages == []


def test_report_wording_in_italian(smtp_server: Any) -> None:
    server = smtp_server(security="none", refuse={"rcpt": "550 5.1.1 User unknown"})

    completed = run_cli("send-test", *server_options(server), "--to", RECIPIENT, "--lang", "it")

    assert "Fase non riuscita: destinatario (RCPT TO)" in completed.stdout
    assert "connessione sicura Nessuno" in completed.stdout


def test_success_report_has_no_step_line(smtp_server: Any) -> None:
    server = smtp_server(security="starttls")

    completed = run_cli("send-test", *server_options(server), "--to", RECIPIENT, "--lang", "it")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "ID di coda: TEST1234" in completed.stdout
    assert "Fase" not in completed.stdout
    assert "Passo" not in completed.stdout


def test_refused_connection_in_english(unused_port: int) -> None:
    completed = run_cli("check", "--server", "127.0.0.1", "--port", str(unused_port), "--sender", SENDER, "--lang", "en")

    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "Connection check failed" in completed.stdout
    assert "[refused]" in completed.stdout
    assert "Traceback" not in completed.stderr


def test_refused_connection_in_italian(unused_port: int) -> None:
    completed = run_cli("check", "--server", "127.0.0.1", "--port", str(unused_port), "--sender", SENDER, "--lang", "it")

    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "Verifica della connessione non riuscita" in completed.stdout
    assert "Problema:" in completed.stdout
    assert "Cosa provare:" in completed.stdout
    assert "[refused]" in completed.stdout


def test_system_language_italian_by_default(unused_port: int) -> None:
    completed = run_cli("check", "--server", "127.0.0.1", "--port", str(unused_port), "--sender", SENDER, language="it_IT.UTF-8")

    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "Verifica della connessione non riuscita" in completed.stdout


def test_lang_option_overrides_system_language(unused_port: int) -> None:
    arguments = ("check", "--server", "127.0.0.1", "--port", str(unused_port), "--sender", SENDER, "--lang", "en")

    completed = run_cli(*arguments, language="it_IT.UTF-8")

    assert "Connection check failed" in completed.stdout


@pytest.fixture
def unused_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (bound, then closed)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- Ctrl+C ---------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX only")
def test_ctrl_c_cancels_cleanly(scripted_server: Any) -> None:
    server = scripted_server(scripted.no_greeting())
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "smtp_gui", "check", "--server", "127.0.0.1", "--port", str(server.port),
         "--sender", SENDER, "--timeout", "60", "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPOSITORY,
    )
    try:
        _wait_for(lambda: server.connections, timeout_s=20)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()

    assert process.returncode == 1, stdout.decode() + stderr.decode()
    assert "[cancelled]" in stdout.decode("utf-8")
    assert b"Traceback" not in stderr
    assert b"KeyboardInterrupt" not in stderr


def _wait_for(condition: Any, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "the condition was not met in time"
        time.sleep(0.05)


# --- Saved settings ------------------------------------------------------------------------------


def test_saved_settings_used_without_server_option(smtp_server: Any, isolated_user_folders: Path) -> None:
    server = smtp_server(security="ssl")
    save_settings(isolated_user_folders, server.settings())

    completed = run_cli("check", "--json")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert json.loads(completed.stdout)["ok"] is True
    assert any(command.startswith("EHLO") for command in server.commands)


def test_option_overrides_one_saved_field(smtp_server: Any, isolated_user_folders: Path) -> None:
    server = smtp_server(security="starttls")
    save_settings(isolated_user_folders, server.settings(security=Security.SSL))

    completed = run_cli("check", "--security", "starttls", "--port", str(server.port), "--json")

    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_config_dir_option_picks_the_folder(smtp_server: Any, tmp_path: Path) -> None:
    server = smtp_server(security="none")
    folder = tmp_path / "portable"
    save_settings(folder, server.settings())

    completed = run_cli("check", "--config-dir", str(folder), "--json")

    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_saved_password_from_keyring(
    smtp_server: Any, isolated_user_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = smtp_server(security="starttls", auth=True)
    save_settings(isolated_user_folders, server.settings())

    status = cli.main(["check", "--json"])

    output = capsys.readouterr()
    assert status == 0, output.out + output.err
    assert server.logins == [USERNAME]
    assert PASSWORD not in output.out + output.err
    assert files_containing(isolated_user_folders, PASSWORD) == []


def test_saved_password_missing_is_usage_error(
    smtp_server: Any, isolated_user_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = smtp_server(security="starttls", auth=True)
    save_settings(isolated_user_folders, server.settings(password=""))

    status = cli.main(["check", "--lang", "en"])

    output = capsys.readouterr()
    assert status == 2
    assert "--password-stdin" in output.err
    assert server.logins == []


def test_password_stdin_overrides_saved_password(
    smtp_server: Any, isolated_user_folders: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server = smtp_server(security="starttls", auth=True)
    save_settings(isolated_user_folders, server.settings(password="an old password"))
    monkeypatch.setattr(sys, "stdin", _StandardInput(PASSWORD + "\n"))

    status = cli.main(["check", "--password-stdin"])

    output = capsys.readouterr()
    assert status == 0, output.out + output.err
    assert server.logins == [USERNAME]


class _StandardInput:
    """A piped standard input holding ``text``, with the ``buffer`` the command line reads."""

    def __init__(self, text: str) -> None:
        import io

        self.buffer = io.BytesIO(text.encode("utf-8"))

    def isatty(self) -> bool:
        return False


def test_keyring_failure_is_reported_not_raised(
    smtp_server: Any, isolated_user_folders: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    server = smtp_server(security="starttls", auth=True)
    save_settings(isolated_user_folders, server.settings())
    request.getfixturevalue("failing_keyring")

    status = cli.main(["check", "--lang", "en"])

    output = capsys.readouterr()
    assert status == 1
    assert output.err.strip()
    assert "Traceback" not in output.err
    assert server.logins == []


def test_no_usable_keyring_asks_for_password_stdin(smtp_server: Any, isolated_user_folders: Path) -> None:
    server = smtp_server(security="starttls", auth=True)
    save_settings(isolated_user_folders, server.settings())

    # The child process gets keyring's "fail" backend from the memory_keyring fixture,
    # which the store reads as "no password stored".
    completed = run_cli("check", "--lang", "en")

    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "--password-stdin" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert server.logins == []


@pytest.mark.secret_service
def test_saved_password_from_secret_service(
    smtp_server: Any, isolated_user_folders: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    request.getfixturevalue("secret_service")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    server = smtp_server(security="starttls", auth=True)
    save_settings(isolated_user_folders, server.settings())

    completed = run_cli("check", "--json")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert server.logins == [USERNAME]
    assert PASSWORD not in completed.stdout + completed.stderr
    assert files_containing(isolated_user_folders, PASSWORD) == []


def test_saved_check_without_auth_skips_keyring(
    smtp_server: Any, isolated_user_folders: Path
) -> None:
    server = smtp_server(security="none")
    save_settings(isolated_user_folders, server.settings())

    modules = _modules_after("from smtp_gui import app; status = app.main(['check', '--json'])")

    assert not [name for name in modules if name.startswith("PySide6")]
    assert not [name for name in modules if name == "keyring"]


# --- show ---------------------------------------------------------------------------------------


def test_show_prints_settings_and_path(isolated_user_folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(
        server="smtp.example.test", sender=SENDER, port=587, security=Security.STARTTLS, auth=True,
        username=USERNAME, password=PASSWORD,
    )
    store = save_settings(isolated_user_folders, settings)

    status = cli.main(["show", "--lang", "en"])

    output = capsys.readouterr().out
    assert status == 0
    assert f"Settings file: {store.path}" in output
    assert "Server: smtp.example.test" in output
    assert "Password: set" in output
    assert PASSWORD not in output


def test_show_password_not_set(isolated_user_folders: Path) -> None:
    save_settings(isolated_user_folders, Settings(server="smtp.example.test", sender=SENDER))

    completed = run_cli("show", "--lang", "it")

    assert completed.returncode == 0, completed.stderr
    assert "Password: non impostata" in completed.stdout
    assert "Server: smtp.example.test" in completed.stdout


def test_show_json(isolated_user_folders: Path) -> None:
    store = save_settings(isolated_user_folders, Settings(server="smtp.example.test", sender=SENDER, port=2525))

    completed = run_cli("show", "--json")

    data = json.loads(completed.stdout)
    assert data["path"] == str(store.path)
    assert data["port"] == 2525
    assert data["password_set"] is False
    assert "password" not in data


def test_show_with_refusing_keyring(
    isolated_user_folders: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    save_settings(isolated_user_folders, Settings(server="smtp.example.test", sender=SENDER, auth=True, username=USERNAME))
    request.getfixturevalue("failing_keyring")

    status = cli.main(["show", "--lang", "en"])

    output = capsys.readouterr()
    assert status == 0, output.err
    assert "Password: unknown:" in output.out
    assert "Traceback" not in output.err


UNUSABLE_FILES = {
    "not json": (b"{ not json", "it is not valid JSON (error at line 1, column 3)"),
    "no schema": (b'{"server": "smtp.example.test"}', "the schema version is missing"),
    "newer schema": (
        b'{"schema": 2, "server": "smtp.example.test"}', "written by a newer version of the program (schema 2;"
    ),
}


@pytest.mark.parametrize("command", [["show"], ["check"], ["send-test", "--to", RECIPIENT]], ids=lambda c: c[0])
@pytest.mark.parametrize(("content", "reason"), UNUSABLE_FILES.values(), ids=UNUSABLE_FILES.keys())
def test_unusable_settings_file_left_untouched(
    isolated_user_folders: Path, command: list[str], content: bytes, reason: str
) -> None:
    isolated_user_folders.mkdir(parents=True, exist_ok=True)
    settings_file = isolated_user_folders / "settings.json"
    settings_file.write_bytes(content)

    completed = run_cli(*command, "--lang", "en")

    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert f"The settings file cannot be used: {reason}" in completed.stderr
    assert f"({settings_file})" in completed.stderr
    assert settings_file.read_bytes() == content
    assert not list(isolated_user_folders.glob("settings.broken-*"))


def test_unusable_settings_file_in_italian(isolated_user_folders: Path) -> None:
    isolated_user_folders.mkdir(parents=True, exist_ok=True)
    (isolated_user_folders / "settings.json").write_bytes(b"\xff\xfe")

    completed = run_cli("show", "--lang", "it")

    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "Il file delle impostazioni non può essere usato: non è testo UTF-8" in completed.stderr
    assert "codec" not in completed.stderr


def test_saved_value_out_of_range_warned(isolated_user_folders: Path) -> None:
    isolated_user_folders.mkdir(parents=True, exist_ok=True)
    settings_file = isolated_user_folders / "settings.json"
    content = b'{"schema": 1, "server": "smtp.example.test", "port": 0, "timeout": 99999}'
    settings_file.write_bytes(content)

    completed = run_cli("show", "--lang", "en")

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Port 0 in the settings file is not valid: the default value 25 is used." in completed.stderr
    assert "Timeout 99999 in the settings file is not valid" in completed.stderr
    assert "Port: 25" in completed.stdout
    assert "Server: smtp.example.test" in completed.stdout
    assert settings_file.read_bytes() == content


def test_saved_invalid_value_names_saved_setting(isolated_user_folders: Path) -> None:
    isolated_user_folders.mkdir(parents=True, exist_ok=True)
    (isolated_user_folders / "settings.json").write_text(
        json.dumps({"schema": 1, "server": "smtp://mail.example.test", "sender": SENDER}), encoding="utf-8"
    )

    completed = run_cli("check", "--lang", "en")

    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "saved setting Server: Remove “smtp://”" in completed.stderr
    assert "--server" not in completed.stderr


def test_saved_setting_flagged_in_json(isolated_user_folders: Path) -> None:
    isolated_user_folders.mkdir(parents=True, exist_ok=True)
    (isolated_user_folders / "settings.json").write_text(
        json.dumps({"schema": 1, "server": "smtp://mail.example.test", "sender": SENDER}), encoding="utf-8"
    )

    completed = run_cli("check", "--timeout", "0", "--json")

    problems = {problem["field"]: problem for problem in json.loads(completed.stdout)["problems"]}
    assert problems["server"]["saved"] is True
    assert problems["timeout"]["saved"] is False


def test_saved_setting_named_in_italian(isolated_user_folders: Path) -> None:
    isolated_user_folders.mkdir(parents=True, exist_ok=True)
    (isolated_user_folders / "settings.json").write_text(
        json.dumps({"schema": 1, "server": "smtp://mail.example.test", "sender": SENDER}), encoding="utf-8"
    )

    completed = run_cli("check", "--lang", "it")

    assert "impostazione salvata Server:" in completed.stderr
    assert "quindi non è stata fatta nessuna verifica" in completed.stderr


def test_given_option_named_over_saved_setting(isolated_user_folders: Path) -> None:
    save_settings(isolated_user_folders, Settings(server="smtp.example.test", sender=SENDER))

    completed = run_cli("check", "--sender", "not an address", "--lang", "en")

    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "(--sender):" in completed.stderr
    assert "saved setting" not in completed.stderr


def test_show_without_saved_file_gives_defaults(isolated_user_folders: Path) -> None:
    completed = run_cli("show", "--json")

    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["server"] == ""


# --- Usage errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "arguments",
    [
        ["--server", "127.0.0.1"],  # no command
        ["check", "--bogus"],
        ["check", "--security", "tls"],
        ["check", "--port", "many"],
        ["send-test", "--server", "127.0.0.1"],  # no --to
        ["check", "--server", "127.0.0.1", "--to", RECIPIENT],
        ["show", "--server", "127.0.0.1"],
        ["show", "--port", "0"],
        ["check", "--server", "127.0.0.1", "--password-stdin"],  # no user
        ["check", "--serv", "127.0.0.1"],  # abbreviations are off
    ],
    ids=["no-command", "unknown-option", "bad-security", "bad-port", "no-recipient", "to-with-check",
         "show-with-server", "show-with-port-0", "password-without-user", "abbreviation"],
)
def test_usage_error_exits_2(arguments: list[str]) -> None:
    completed = run_cli(*arguments, "--lang", "en", stdin="x\n")

    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert completed.stderr.strip()
    assert "Traceback" not in completed.stderr


def test_port_not_a_number_message() -> None:
    english = run_cli("check", "--server", "127.0.0.1", "--port", "many", "--lang", "en")
    italian = run_cli("check", "--server", "127.0.0.1", "--port", "many", "--lang", "it")

    assert "argument --port: invalid value 'many': a whole number is expected" in english.stderr
    assert "valore non valido 'many': serve un numero intero" in italian.stderr
    assert "int" not in italian.stderr.replace("intero", "")


def test_help_mentions_self_check() -> None:
    completed = run_cli("--help", "--lang", "en")

    assert completed.returncode == 0, completed.stderr
    assert "--self-check" in completed.stdout


def test_usage_error_in_italian() -> None:
    completed = run_cli("check", "--security", "tls", "--lang", "it")

    assert completed.returncode == 2
    assert "uso:" in completed.stderr
    assert "errore" in completed.stderr
    assert "scelta non valida" in completed.stderr


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        (["--server", "smtp://mail.example.test"], "--server"),
        (["--server", "mail.example.test", "--port", "70000"], "--port"),
        (["--server", "mail.example.test", "--timeout", "0"], "--timeout"),
        (["--server", "mail.example.test", "--cafile", "/nonexistent/ca.pem"], "--cafile"),
    ],
)
def test_invalid_setting_names_the_option(arguments: list[str], option: str) -> None:
    completed = run_cli("check", *arguments, "--lang", "en")

    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert f"({option}):" in completed.stderr
    assert "no check was made" in completed.stderr


def test_invalid_recipient_is_usage_error(smtp_server: Any) -> None:
    server = smtp_server(security="none")

    completed = run_cli("send-test", *server_options(server), "--to", "not an address", "--lang", "en")

    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "(--to):" in completed.stderr
    assert server.commands == []


def test_invalid_reports_recipient_is_ignored_by_check(smtp_server: Any, isolated_user_folders: Path) -> None:
    server = smtp_server(security="none")
    save_settings(isolated_user_folders, server.settings(reports_enabled=True, reports_recipient=""))

    completed = run_cli("check")

    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_control_character_in_password_is_usage_error(smtp_server: Any) -> None:
    server = smtp_server(security="ssl", auth=True)

    completed = run_cli("check", *server_options(server, auth=True), "--json", stdin="pass\x00word\n")

    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert json.loads(completed.stdout)["diagnosis"]["code"] == "invalid_input"
    assert server.logins == []


def test_invalid_settings_json(smtp_server: Any) -> None:
    completed = run_cli("check", "--server", "mail.example.test:25", "--sender", SENDER, "--json")

    assert completed.returncode == 2
    data = json.loads(completed.stdout)
    assert data["ok"] is False
    assert data["step"] == "input"
    assert data["diagnosis"]["code"] == "invalid_input"
    assert [problem["field"] for problem in data["problems"]] == ["server"]


def test_help_and_version_exit_0() -> None:
    help_run = run_cli("--help", "--lang", "it")
    version_run = run_cli("--version")

    assert help_run.returncode == 0
    assert "uso:" in help_run.stdout
    assert "--password-stdin" in help_run.stdout
    assert version_run.returncode == 0
    assert version_run.stdout.strip() == f"smtp-gui {cli.__version__}"


# --- Unexpected errors and imports --------------------------------------------------------------


def test_unexpected_error_is_one_line_and_logged(
    smtp_server: Any, isolated_user_folders: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from smtp_gui import smtp

    def broken_check(*arguments: object, **options: object) -> None:
        raise RuntimeError("engine bug")

    monkeypatch.setattr(smtp, "check", broken_check, raising=False)
    server = smtp_server(security="none")

    status = cli.main(["check", *server_options(server), "--lang", "en"])

    error_output = capsys.readouterr().err
    log_text = "".join(path.read_text("utf-8") for path in isolated_user_folders.rglob("*.log"))
    assert status == 1
    assert len(error_output.strip().splitlines()) == 1
    assert "Unexpected error: RuntimeError: engine bug" in error_output
    assert "Traceback" not in error_output
    assert "Traceback" in log_text


def _modules_after(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter and return the names in its ``sys.modules`` afterwards."""
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPOSITORY, timeout=PROCESS_TIMEOUT_S,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_importing_cli_imports_no_qt_and_no_keyring() -> None:
    modules = _modules_after("import smtp_gui.cli")

    assert not [name for name in modules if name.startswith("PySide6")]
    assert "keyring" not in modules
    assert "smtp_gui.smtp.engine" not in modules


def test_check_run_imports_no_qt_and_no_keyring(smtp_server: Any) -> None:
    server = smtp_server(security="starttls")
    arguments = ["check", *server_options(server), "--json"]

    modules = _modules_after(f"from smtp_gui import app; assert app.main({arguments!r}) == 0")

    assert not [name for name in modules if name.startswith("PySide6")]
    assert "keyring" not in modules


# --- Dispatch in app.py -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["check"], True),
        (["--lang", "it", "send-test", "--to", RECIPIENT], True),
        (["--server", "check"], True),  # a command-line option without a command: "command missing"
        (["--config-dir", "check"], False),  # a folder named "check" for the window
        (["--lang", "it"], False),
        ([], False),
        (["--version"], True),
    ],
)
def test_app_dispatch(arguments: list[str], expected: bool) -> None:
    assert app._wants_command_line(arguments) is expected


def test_app_knows_every_option_that_takes_a_value() -> None:
    with cli._argparse_language():
        parser = cli._build_parser()
    takes_value = {
        option for action in parser._actions if action.nargs is None and action.option_strings
        for option in action.option_strings
    }

    assert app.CLI_OPTIONS_WITH_VALUE == takes_value


def test_language_option_restores_argparse_messages() -> None:
    i18n.set_language("it")
    with cli._argparse_language():
        translated = cli.argparse._("usage: ")  # type: ignore[attr-defined]

    assert translated == "uso: "
    assert cli.argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
