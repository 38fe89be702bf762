"""The settings file: round trip, broken and hand-edited files, backups, the probe's --config."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest

from icescope import cli
from icescope.core.config import IceServer, IceTimings, Settings
from icescope.core.credentials import keyring_problem, store_credential
from icescope.core.netif import AddressSelection
from icescope.core.settings_store import SettingsFileError, SettingsStore, default_path
from tests.subproc import run_python

if TYPE_CHECKING:
    from pathlib import Path

CHOSEN = Settings(
    mode="tcp-connect",
    remote_address="tcp://192.0.2.7:7400/?token=t0ken-for-the-test",
    ice_servers=(
        IceServer(urls=("stun:stun.example.org:3478",)),
        IceServer(urls=("turn:turn.example.org",), username="qa", credential="secret"),
    ),
    relay_only=True,
    timings=IceTimings(keepalive_interval=0.5, disconnected_timeout=1.5, pac_timeout=12),
    addresses=AddressSelection(addresses=("127.0.0.1",)),
    stats_interval=2.0,
)


def test_default_path_follows_xdg_config_home(tmp_path: Path) -> None:
    assert default_path() == tmp_path / "config" / "icescope" / "settings.json"


def test_round_trip_keeps_choices_and_never_the_password(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    assert store.problems == [] and not store.damaged
    store.set_session(CHOSEN)
    store.set_section("impair", {"peer": "remote", "loss": 12.5})
    store.set_section("log", {"widths": [80, 120], "types": {"notice": False}})
    assert store.save() is None
    assert "secret" not in path.read_text()
    again = SettingsStore(path)
    assert again.problems == []
    settings, notes = again.session(Settings(), lambda url, user: "pw" if user == "qa" else None)
    # The listener's token is never written; without it the connection is not restored.
    assert "t0ken-for-the-test" not in path.read_text()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert notes == [
        "the connection to 192.0.2.7:7400 was not restored: a listener's token is never "
        "stored; paste the URL the listening IceScope shows in New session"
    ]
    assert settings.mode == "loopback" and settings.remote_address is None
    assert settings.relay_only and settings.stats_interval == 2.0
    assert settings.timings.pac_timeout == 12 and settings.timings.keepalive_interval == 0.5
    assert settings.addresses.addresses == ("127.0.0.1",)
    assert settings.ice_servers[1] == IceServer(("turn:turn.example.org",), "qa", "pw")
    assert again.section("impair") == {"peer": "remote", "loss": 12.5}
    assert again.section("log")["widths"] == [80, 120]


def test_turn_server_without_stored_password_is_left_out_with_a_note(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "s.json")
    store.set_session(CHOSEN)
    settings, notes = store.session(Settings())
    assert [s.urls for s in settings.ice_servers] == [("stun:stun.example.org:3478",)]
    assert notes[1:] == [
        "TURN server turn:turn.example.org left out: its password is not stored "
        "(enter it in New session)"
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ("[1, 2]", "does not hold a JSON object"),
        ('{"version": 9}', "version 9"),
        ('{"session": {"mode": "telepathy"}}', "cannot be stored"),
        ('{"session": {"timings": {"failed_timeout": 1}}}', "must exceed"),
        ('{"session": {"ice_servers": [{"urls": ["turn:x"], "credential": "pw"}]}}', "password"),
        ('{"session": {"stats_interval": "fast"}}', "must be a number"),
        ('{"log": {"widths": [[[[1]]]]}}', "plain values"),
        ('{"recent": [{"when": 1}]}', "recent must be"),
        ("\xff\xfe garbage", "not valid JSON"),
    ],
)
def test_broken_file_gives_a_message_and_defaults_and_a_backup(
    tmp_path: Path, text: str, words: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    store = SettingsStore(path)
    assert store.damaged
    assert len(store.problems) == 1 and words in store.problems[0], store.problems
    assert str(path) in store.problems[0]
    settings, _notes = store.session(Settings())
    assert settings == Settings()
    # Never overwritten silently: the first save moves the old file aside and says so.
    store.set_section("ui", {"language": "de"})
    note = store.save()
    assert note is not None and str(tmp_path / "settings.json.bak") in note
    assert (tmp_path / "settings.json.bak").read_text(encoding="utf-8") == text
    assert json.loads(path.read_text())["ui"] == {"language": "de"}
    # A second damaged file gets the next free backup name.
    path.write_text("{", encoding="utf-8")
    again = SettingsStore(path)
    again.save()
    assert (tmp_path / "settings.json.bak2").read_text() == "{"


def test_a_good_section_survives_a_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"session": {"mode": 5}, "ui": {"language": "de"}}))
    store = SettingsStore(path)
    assert store.section("ui") == {"language": "de"}
    assert "section 'session'" in store.problems[0]


def test_unwritable_directory_is_a_readable_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = SettingsStore(blocker / "settings.json")
    with pytest.raises(SettingsFileError, match="cannot save settings to"):
        store.save()


def test_recent_sessions_newest_first_without_duplicates(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "s.json")
    store.add_recent(Settings(), "/j1", when=1)
    store.add_recent(CHOSEN, None, when=2)
    store.add_recent(Settings(), "/j3", when=3)
    store.save()
    recent = SettingsStore(tmp_path / "s.json").recent()
    assert [(r.when, r.journal) for r in recent] == [(3, "/j3"), (2, None)]
    assert recent[1].session["mode"] == "tcp-connect"


def test_keyring_absent_is_said_in_words() -> None:
    problem = keyring_problem()
    if problem is None:
        pytest.skip("a usable keyring is installed here")
    assert "keyring" in problem
    assert store_credential("turn:x", "u", "pw") == f"TURN password not stored: {problem}"


def test_cli_flags_override_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    store = SettingsStore(path)
    store.set_session(CHOSEN.replace(ice_servers=CHOSEN.ice_servers[:1]))
    store.save()
    # A probe's hand-written config may carry the listener's URL with its token.
    data = json.loads(path.read_text())
    data["session"]["remote_address"] = CHOSEN.remote_address
    path.write_text(json.dumps(data))
    args = cli.build_parser().parse_args(["probe", "--config", str(path)])
    settings = cli.settings_from_args(args, cli.open_store(args))
    assert settings.mode == "tcp-connect" and settings.timings.pac_timeout == 12
    assert settings.relay_only and len(settings.ice_servers) == 1
    args = cli.build_parser().parse_args(
        ["probe", "--config", str(path), "--loopback", "--pac-timeout", "20"]
    )
    settings = cli.settings_from_args(args, cli.open_store(args))
    assert settings.mode == "loopback" and settings.timings.pac_timeout == 20
    assert settings.timings.keepalive_interval == 0.5  # still from the file


@pytest.mark.e2e
def test_probe_reads_config_file_and_refuses_a_broken_one(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    store = SettingsStore(path)
    store.set_session(Settings(stats_interval=0.5))
    store.save()
    journal = tmp_path / "j.jsonl"
    result = run_python(
        "-m", "icescope", "probe", "--config", str(path), "--duration", "1.2", "--stats",
        "--journal", str(journal),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    stats = [json.loads(x) for x in result.stdout.splitlines() if '"type": "stats"' in x]
    local = [s["ts"] for s in stats if s["peer"] == "local"]
    assert len(local) >= 2 and 0.4 < local[1] - local[0] < 0.8  # 0.5 s from the file, not 1 s
    path.write_text("{oops")
    bad = run_python("-m", "icescope", "probe", "--config", str(path))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "not valid JSON" in bad.stderr and str(path) in bad.stderr
    missing = run_python("-m", "icescope", "probe", "--config", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "no such settings file" in missing.stderr
    assert path.read_text() == "{oops"  # the probe never writes it
    assert not os.path.exists(str(path) + ".bak")
