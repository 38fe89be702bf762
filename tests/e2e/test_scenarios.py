"""Scenarios run for real: the probe as a subprocess, real aiortc peers on 127.0.0.1."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

import pytest
import xmlschema

from tests.e2e.turn_server import PASSWORD, USER, turn_server
from tests.subproc import ROOT, run_python

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e
EXAMPLES = ROOT / "resources" / "scenarios"
SCHEMA = xmlschema.XMLSchema(ROOT / "tests" / "junit" / "junit.xsd")


def probe(*args: str, timeout: float = 90) -> tuple[int, list[dict[str, Any]], str]:
    result = run_python("-m", "icescope", "probe", "--no-journal", *args, timeout=timeout)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, [json.loads(x) for x in result.stdout.splitlines()], result.stderr


def expectations(lines: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    assert lines and lines[-1]["type"] == "summary", "the summary is the last line"
    return {x["name"]: x for x in lines if x["type"] == "expectation"}


def test_outage_then_restart_scaled_passes_and_writes_junit(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    path = EXAMPLES / "outage-then-restart.toml"
    code, lines, err = probe("--scenario", str(path), "--time-scale", "0.1", "--junit", str(report))
    verdicts = expectations(lines)
    assert code == 0, (err, verdicts)
    assert len(verdicts) == 6 and all(v["passed"] for v in verdicts.values()), verdicts
    assert verdicts["consent expires during the outage"]["message"].startswith("local was failed")
    SCHEMA.validate(str(report))
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("name") == "outage then restart"
    assert suite.get("tests") == "6" and suite.get("failures") == "0"


def test_lossy_wifi_scaled_passes() -> None:
    path = EXAMPLES / "lossy-wifi.toml"
    code, lines, err = probe("--scenario", str(path), "--time-scale", "0.1")
    verdicts = expectations(lines)
    assert code == 0, (err, verdicts)
    loss = [x for x in lines if x["type"] == "impairment" and x["kind"] == "loss"]
    assert loss and loss[0]["value"] == 20


def test_a_failed_expectation_is_exit_3_with_the_observed_sequence(tmp_path: Path) -> None:
    scenario = tmp_path / "cut.toml"
    scenario.write_text(
        "name = 'cut'\nduration = 4\n"
        "[settings]\nkeepalive_interval = 0.2\ndisconnected_timeout = 0.5\n"
        "[[action]]\nat = 1\ndo = 'blackout'\nlength = 1.5\n"
        "[[action]]\nat = 3\ndo = 'restart'\nevery = 0.3\nuntil = 3.6\n"
        "[[expect]]\nname = 'never disconnected'\ncheck = 'never'\nstate = 'disconnected'\n"
        "[[expect]]\ncheck = 'restarts-completed'\n",
        encoding="utf-8",
    )
    report = tmp_path / "junit.xml"
    code, lines, _ = probe("--scenario", str(scenario), "--junit", str(report))
    verdicts = expectations(lines)
    assert code == 3
    failed = verdicts["never disconnected"]
    assert not failed["passed"] and "was disconnected at" in failed["message"]
    assert any(s.endswith(" disconnected") for s in failed["observed"])
    assert any("blackout on (remote both)" in s for s in failed["observed"])
    restarts = verdicts["restarts-completed (local)"]
    assert restarts["passed"] and restarts["measured"] == 3, restarts
    SCHEMA.validate(str(report))
    (failure,) = ET.parse(report).getroot().iter("failure")
    assert "observed:" in (failure.text or "") and "disconnected" in (failure.text or "")


def test_junit_without_a_scenario_reports_the_probes_own_checks(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    code, lines, _ = probe(
        "--duration", "1", "--expect-no-failed", "--expect-no-loss", "--junit", str(report)
    )
    assert code == 0
    assert set(expectations(lines)) == {"connects within 10 s", "never failed", "no heartbeat lost"}
    SCHEMA.validate(str(report))


@pytest.mark.needs_coturn
def test_relay_only_example_through_real_coturn(tmp_path: Path) -> None:
    path = EXAMPLES / "relay-only-turn.toml"
    with turn_server(tmp_path) as turn:
        code, lines, err = probe(
            "--scenario",
            str(path),
            "--duration",
            "3",
            "--ice-server",
            turn.url(),
            "--username",
            USER,
            "--credential",
            PASSWORD,
        )
    verdicts = expectations(lines)
    assert code == 0, (err, verdicts)
    pairs = [
        x for x in lines if x["type"] == "selectedcandidatepairchange" and x["peer"] == "local"
    ]
    assert pairs and pairs[-1]["local_type"] == "relay", pairs


def test_the_plan_and_the_verdicts_are_in_the_journal_and_import_reads_them(
    tmp_path: Path,
) -> None:
    scenario = tmp_path / "short.toml"
    scenario.write_text(
        "name = 'short'\nduration = 2\n"
        "[[action]]\nat = 1\ndo = 'restart'\n"
        "[[expect]]\nname = 'connects fast'\ncheck = 'connect-within'\nseconds = 5\n"
        "[[expect]]\nname = 'never failed'\ncheck = 'never'\nstate = 'failed'\n"
        "[[expect]]\nname = 'two restarts'\ncheck = 'restarts-completed'\ncount = 2\n",
        encoding="utf-8",
    )
    journal = tmp_path / "j.jsonl"
    result = run_python(
        "-m", "icescope", "probe", "--journal", str(journal), "--scenario", str(scenario)
    )
    assert result.returncode == 3, result.stderr  # one restart, not two
    printed = [json.loads(x) for x in result.stdout.splitlines()]
    records = [json.loads(x) for x in journal.read_text(encoding="utf-8").splitlines()]
    assert records[-1]["type"] == "summary", "the summary stays the journal's last record"
    (plan,) = [r for r in records if r["type"] == "scenario"]
    assert plan["name"] == "short" and plan["actions"] == ["1 s: restart ICE"]
    assert plan["expectations"] == ["connects fast", "never failed", "two restarts"]
    journaled = {r["name"]: r for r in records if r["type"] == "expectation"}
    assert journaled == expectations(printed), "the journal has what the probe printed"
    assert journaled["connects fast"]["passed"] and journaled["never failed"]["passed"]
    assert not journaled["two restarts"]["passed"] and journaled["two restarts"]["measured"] == 1
    end = next(r["ts"] for r in records if r.get("phase") == "end")
    assert all(r["ts"] >= end for r in journaled.values()), "judged once the session ended"
    # `icescope import` reads them back as typed events and prints them again.
    shown = run_python("-m", "icescope", "import", str(journal))
    assert shown.returncode == 0, shown.stderr
    imported = [json.loads(x) for x in shown.stdout.splitlines()]
    again = {r["name"]: r for r in imported if r["type"] == "expectation"}
    assert again == journaled
    assert [r for r in imported if r["type"] == "scenario"] == [plan]
