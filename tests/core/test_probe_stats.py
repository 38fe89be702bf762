"""The probe's statistics flags and the statistics interval setting."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from icescope import cli
from icescope.core.config import Settings
from icescope.core.errors import ConfigError
from icescope.core.journal import read_journal
from tests.subproc import run_python

if TYPE_CHECKING:
    from pathlib import Path

STATS_TYPES = {"transport", "candidate-pair", "local-candidate", "remote-candidate", "data-channel"}


def probe(*args: str) -> list[dict[str, object]]:
    result = run_python("-m", "icescope", "probe", "--duration", "1.5", *args, timeout=60)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.e2e
def test_probe_prints_stats_lines_only_with_the_flag(tmp_path: Path) -> None:
    lines = probe("--no-journal", "--stats", "--stats-interval", "0.25")
    stats = [x for x in lines if x["type"] == "stats"]
    assert {x["peer"] for x in stats} == {"local", "remote"}
    for line in stats:
        assert isinstance(line["ts"], float) and isinstance(line["report"], list)
    assert {e["type"] for x in stats for e in x["report"]} == STATS_TYPES
    assert any(x["type"] == "heartbeat" for x in lines)
    assert lines[-1]["type"] == "summary"

    journal = tmp_path / "j.jsonl"
    quiet = probe("--journal", str(journal), "--stats-interval", "0.25")
    assert not [x for x in quiet if x["type"] == "stats"]
    # Running counts are periodic too; each peer's final count is a fact and always printed.
    beats = [x for x in quiet if x["type"] == "heartbeat"]
    assert beats and all(x["final"] for x in beats)
    journaled = [r for r in read_journal(journal) if r.get("type") == "stats"]
    assert journaled and {e["type"] for r in journaled for e in r["report"]} == STATS_TYPES


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0.01", "61", "abc"])
def test_bad_stats_interval_exits_2_with_one_line(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = cli.main(["probe", "--stats-interval", value])
    except SystemExit as exc:
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "error" in err and "Traceback" not in err


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1.0, 0.049, 60.5, True])
def test_settings_reject_bad_stats_intervals(value: float) -> None:
    with pytest.raises(ConfigError, match="statistics interval"):
        Settings(stats_interval=value)


def test_settings_accept_off_and_the_range() -> None:
    for value in (0, 0.05, 1.0, 60):
        assert Settings(stats_interval=value).stats_interval == value
    assert Settings().stats_interval == 1.0
