"""Scenario files: the shipped examples parse; a bad file is one line naming file, line, field."""

from __future__ import annotations

import contextlib
import string
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icescope import cli
from icescope.core.errors import ConfigError
from icescope.core.scenario.fields import ScenarioError
from icescope.core.scenario.parse import load, parse
from tests.subproc import ROOT

if TYPE_CHECKING:
    from pathlib import Path

EXAMPLES = sorted((ROOT / "resources" / "scenarios").glob("*.toml"))


def test_the_four_examples_are_shipped() -> None:
    names = {p.stem for p in EXAMPLES}
    assert {"outage-then-restart", "lossy-wifi", "relay-only-turn", "restart-every-10s"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_parses_and_scales(path: Path) -> None:
    scenario = load(path)
    assert scenario.expectations, "an example without expectations checks nothing"
    scaled = scenario.scaled(0.1)
    assert [a.at for a in scaled.actions] == pytest.approx([a.at * 0.1 for a in scenario.actions])


def test_restart_every_10s_expands_to_30_restarts_and_expects_them_all() -> None:
    scenario = load(ROOT / "resources" / "scenarios" / "restart-every-10s.toml")
    assert [a.at for a in scenario.actions] == [10.0 * i for i in range(1, 31)]
    (restarts,) = [e for e in scenario.expectations if e.check == "restarts-completed"]
    assert restarts.count == 30


def test_relay_example_asks_for_relay_through_its_turn_server() -> None:
    scenario = load(ROOT / "resources" / "scenarios" / "relay-only-turn.toml")
    assert scenario.settings["relay_only"] is True
    (server,) = scenario.settings["ice_servers"]
    assert server.urls[0].startswith("turn:") and server.username


BAD = [
    # (text, line, words the message must contain)
    (
        "name = 'x'\n[[action]]\nat = 1\ndo = 'blackout'\nlength = -3\n",
        5,
        ["action 1", "'length'", "(0, 86400]"],
    ),
    ("[[action]]\nat = 1\ndo = 'explode'\n", 3, ["action 1", "'do'", "restart, blackout"]),
    ("duraton = 3\n", 1, ["'duraton'", "unknown field"]),
    ("[remote]\nkind = 'listen'\naddress = 'nowhere'\n", 3, ["[remote]", "'address'", "HOST:PORT"]),
    ("[[expect]]\ncheck = 'reaches'\n", 1, ["expect 1", "'state'", "required"]),
    ("[[expect]]\ncheck = 'reaches'\nstate = 'sleeping'\n", 3, ["'state'", "disconnected"]),
    (
        "[[expect]]\ncheck = 'never'\nstate = 'failed'\nseconds = 3\n",
        4,
        ["'seconds'", "does not apply"],
    ),
    ("[settings]\nfailed_timeout = 1\n", 1, ["[settings]", "failed timeout"]),
    ("[settings]\nkeepalive_interval = nan\n", 2, ["'keepalive_interval'", "finite"]),
    ("[[action]]\nat = 1\ndo = 'restart'\nevery = 1\n", 4, ["'every'", "needs until"]),
    (
        "[[action]]\nat = 0\ndo = 'restart'\nevery = 0.001\nuntil = 86400\n",
        4,
        ["'every'", "more than"],
    ),
    ("a = [[[\n", 1, ["not valid TOML"]),
    ("[[remote.ice_server]]\nurl = 'turn:127.0.0.1'\n", 2, ["ice_server 1", "'url'", "--username"]),
    ("[[expect]]\ncheck = 'restarts-completed'\ncount = 1.5\n", 3, ["'count'", "whole number"]),
    ("[[action]]\nat = true\ndo = 'restart'\n", 2, ["'at'", "finite number"]),
]


@pytest.mark.parametrize(("text", "line", "words"), BAD)
def test_bad_files_name_file_line_and_field(text: str, line: int, words: list[str]) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse(text, "bad.toml")
    message = str(caught.value)
    assert message.startswith(f"scenario bad.toml, line {line}"), message
    assert "\n" not in message
    for word in words:
        assert word in message, (word, message)


def test_cli_bad_scenario_is_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "outage.toml"
    bad.write_text("name = 'x'\n\n[[action]]\nat = -1\ndo = 'restart'\n", encoding="utf-8")
    code = cli.main(["probe", "--no-journal", "--scenario", str(bad)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(bad) in err and "line 4" in err and "'at'" in err


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"name = '\xff'\n", ["line 1", "not UTF-8"]), (b"x" * (1 << 21), ["larger than"])],
)
def test_unreadable_files(tmp_path: Path, content: bytes, words: list[str]) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(content)
    with pytest.raises(ScenarioError) as caught:
        load(path)
    assert all(w in str(caught.value) for w in words)
    with pytest.raises(ScenarioError, match="cannot read"):
        load(tmp_path / "missing.toml")


def test_scaling_below_a_range_is_refused_with_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "resources" / "scenarios" / "outage-then-restart.toml"
    code = cli.main(["probe", "--no-journal", "--scenario", str(path), "--time-scale", "0.001"])
    _, err = capsys.readouterr()
    assert code == 2 and "--time-scale 0.001" in err and "keepalive" in err


# ------------------------------------------------------------------ property: never a traceback
_KEYS = [
    "name",
    "duration",
    "at",
    "do",
    "length",
    "check",
    "state",
    "seconds",
    "from",
    "to",
    "kind",
    "address",
    "every",
    "until",
    "count",
    "percent",
    "peer",
    "direction",
    "url",
]
_TABLES = [
    "",
    "[remote]",
    "[settings]",
    "[[action]]",
    "[[expect]]",
    "[[remote.ice_server]]",
    "[action]",
    "[[settings]]",
]
_VALUES = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda f: repr(f).replace("inf", "inf")),
    st.sampled_from(
        [
            "nan",
            "inf",
            "-inf",
            "true",
            "false",
            "[]",
            "{}",
            "[1, 'a']",
            "{a = 1}",
            "'blackout'",
            "'restart'",
            "'reaches'",
            "'failed'",
            "'listen'",
            "'x:1'",
            "1979-05-27",
            "'''\nmulti\n'''",
        ]
    ),
    st.text(alphabet=string.printable + "²\x00\ud800é", max_size=12).map(lambda s: repr(s)),
)
_LINE = st.one_of(
    st.sampled_from(_TABLES),
    st.tuples(st.sampled_from(_KEYS), _VALUES).map(lambda kv: f"{kv[0]} = {kv[1]}"),
    st.text(max_size=20),
)


def _check_outcome(text: str) -> None:
    try:
        scenario = parse(text, "prop.toml")
    except ScenarioError as exc:
        message = str(exc)
        assert message.startswith("scenario prop.toml"), message
        assert "\n" not in message, message
        return
    # accepted: every number in it is inside its range, scaling is checked too
    for action in scenario.actions:
        assert 0 <= action.at <= 86400
    with contextlib.suppress(ConfigError):
        scenario.scaled(0.5)


@settings(
    max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(_LINE, max_size=25).map("\n".join))
def test_structured_noise_never_escapes(text: str) -> None:
    _check_outcome(text)


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_escapes(text: str) -> None:
    _check_outcome(text)
