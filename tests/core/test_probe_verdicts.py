"""The probe's verdict for a path that never existed, and its Tpac flag (real loopback peers)."""

from __future__ import annotations

import io
import json
import time
from typing import Any

import pytest

from icescope import cli
from icescope.core.config import IceTimings, Settings
from icescope.core.events import Peer
from icescope.core.probe import Blackout, ProbePlan, run_probe


def _settings(pac: float) -> Settings:
    return Settings(
        journal_enabled=False,
        drain=0.05,
        timings=IceTimings(
            keepalive_interval=0.2, disconnected_timeout=0.6, failed_timeout=2.0, pac_timeout=pac
        ),
    )


async def _probe(settings: Settings, plan: ProbePlan) -> tuple[int, list[dict[str, Any]], float]:
    out = io.StringIO()
    start = time.monotonic()
    code = await run_probe(settings, plan, out)
    took = time.monotonic() - start
    return code, [json.loads(x) for x in out.getvalue().splitlines()], took


def _ice(lines: list[dict[str, Any]], peer: str) -> list[dict[str, Any]]:
    return [x for x in lines if x["type"] == "iceconnectionstatechange" and x["peer"] == peer]


async def test_blackout_from_zero_cuts_before_the_first_check_and_fails_at_tpac() -> None:
    # The path never exists: failed at Tpac (2 s) from the start of checks, the probe ends
    # right then (not at --duration 30 nor at the connect timeout 20) and says why.
    plan = ProbePlan(
        duration=30, connect_timeout=20, blackouts=(Blackout(0, 100, Peer.REMOTE, "both"),)
    )
    code, lines, took = await _probe(_settings(2.0), plan)
    assert code == 1
    impairments = [x for x in lines if x["type"] == "impairment"]
    checking = next(x["ts"] for x in _ice(lines, "local") if x["state"] == "checking")
    assert impairments and impairments[0]["ts"] < checking  # in place before any check
    failed = [x for x in _ice(lines, "local") if x["state"] == "failed"]
    assert failed and failed[0]["ts"] - checking == pytest.approx(2.0, abs=0.4)
    assert not [x for x in _ice(lines, "local") if x["state"] in ("connected", "completed")]
    pac = [x for x in lines if x["type"] == "icepac" and x["peer"] == "local"]
    assert pac and pac[-1]["phase"] == "expired"
    notice = next(x for x in lines if x["type"] == "notice" and x["code"] == "not-connected")
    assert "no candidate pair succeeded within Tpac (2 s)" in notice["message"]
    assert took < 8, took
    assert lines[-1]["type"] == "summary"


async def test_connect_timeout_counts_from_the_start_of_checking() -> None:
    # Checks held off by a long Tpac: the probe gives up connect_timeout after checking began.
    plan = ProbePlan(
        duration=30, connect_timeout=1.5, blackouts=(Blackout(0, 100, Peer.REMOTE, "both"),)
    )
    code, lines, took = await _probe(_settings(39.5), plan)
    assert code == 1
    checking = next(x["ts"] for x in _ice(lines, "local") if x["state"] == "checking")
    notice = next(x for x in lines if x["type"] == "notice" and x["code"] == "not-connected")
    assert "of the start of checks" in notice["message"]
    assert notice["ts"] - checking == pytest.approx(1.5, abs=0.3)
    assert took < 8


async def test_probe_ends_once_failed_is_final() -> None:
    # Connected, then a held blackout: failed at 2 s of silence; nothing else is scheduled,
    # so the probe ends then instead of running to --duration 30.
    # A remote that vanished for good: the session failed, exit 1 (issue 11, item 9).
    plan = ProbePlan(duration=30, blackouts=(Blackout(1, 100, Peer.REMOTE, "both"),))
    code, lines, took = await _probe(_settings(2.0), plan)
    assert code == 1
    states = [x["state"] for x in _ice(lines, "local")]
    assert states[-2:] == ["failed", "closed"]
    assert lines[-1]["verdict"]["ended_failed"] is True
    failed_ts = next(x["ts"] for x in _ice(lines, "local") if x["state"] == "failed")
    assert took < failed_ts + 4, (took, failed_ts)


async def test_a_restart_that_brings_a_failed_session_back_exits_0() -> None:
    # The path is gone long enough for failed (2 s), comes back at 4 s; the restart at 4.5 s
    # reconnects: the session did not end failed.
    plan = ProbePlan(
        duration=7, restart_at=(4.5,), blackouts=(Blackout(1, 3, Peer.REMOTE, "both"),)
    )
    code, lines, _ = await _probe(_settings(2.0), plan)
    states = [x["state"] for x in _ice(lines, "local")]
    assert "failed" in states
    assert states[-2] in ("connected", "completed"), states
    verdict = lines[-1]["verdict"]
    assert verdict["failed_seen"] is True and verdict["ended_failed"] is False, verdict
    assert code == 0, lines[-1]


@pytest.mark.parametrize("value", ["0.5", "601", "nan", "inf", "-1"])
def test_pac_timeout_flag_range(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = cli.main(["probe", "--pac-timeout", value])
    except SystemExit as exc:
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err


def test_pac_timeout_flag_sets_the_timing() -> None:
    args = cli.build_parser().parse_args(["probe", "--pac-timeout", "5"])
    assert cli.settings_from_args(args).timings.pac_timeout == 5.0
    args = cli.build_parser().parse_args(["probe"])
    assert cli.settings_from_args(args).timings.pac_timeout == 39.5
