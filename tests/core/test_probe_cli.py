"""The headless probe: JSON sequence, summary, exit codes, and no Qt on its path."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from icescope import cli
from icescope.core.config import Settings
from icescope.core.probe import Blackout, ProbePlan, run_probe
from tests.subproc import child_env, run_python

if TYPE_CHECKING:
    import subprocess

SRC = str(Path(__file__).resolve().parents[2] / "src")


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run_python("-m", "icescope", *args, timeout=timeout)


@pytest.mark.e2e
def test_probe_prints_json_lines_and_summary(tmp_path: Path) -> None:
    journal = tmp_path / "probe.jsonl"
    result = run_cli("probe", "--duration", "1.5", "--journal", str(journal))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    for line in lines[:-1]:
        assert {"ts", "peer", "type"} <= line.keys()
        assert line["peer"] in ("local", "remote")
    local_ice = [
        (x["previous"], x["state"])
        for x in lines
        if x["type"] == "iceconnectionstatechange" and x["peer"] == "local"
    ]
    assert local_ice[0] == ("new", "checking")
    assert local_ice[-1][1] == "closed"
    summary = lines[-1]
    assert summary["type"] == "summary"
    assert summary["final_state"] == {"local": "closed", "remote": "closed"}
    assert summary["restarts"] == 0
    assert summary["peers"]["local"]["lost"] == 0 and summary["peers"]["local"]["received"] > 5
    assert set(summary["time_in_state"]["local"]) >= {"new", "checking"}
    assert journal.exists()


async def test_probe_exit_1_when_never_connected(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no usable address there is nothing to connect over: exit 1, readable notice."""
    from icescope.core import netif

    monkeypatch.setattr(netif, "LOOPBACK_V4", "192.0.2.1")  # TEST-NET-1: cannot bind, no traffic
    out = io.StringIO()
    code = await run_probe(
        Settings(journal_enabled=False, drain=0.05),
        ProbePlan(duration=5, connect_timeout=1.5),
        out,
    )
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert code == 1
    assert any(x["type"] == "notice" and x["code"] == "not-connected" for x in lines)
    assert lines[-1]["type"] == "summary"


@pytest.mark.parametrize(
    "argv",
    [
        ["probe", "--bogus"],
        ["probe", "--duration", "abc"],
        ["probe", "--blackout", "2x"],
        ["probe", "--loss", "150"],
        ["probe", "--keepalive-interval", "5", "--disconnected-timeout", "1"],
    ],
)
def test_usage_errors_exit_2_with_one_readable_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "error" in err and "Traceback" not in err


def test_version_and_help() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("icescope ")
    helped = run_cli("probe", "--help")
    assert helped.returncode == 0 and "--restart-at" in helped.stdout


def test_blackout_parsing() -> None:
    b = Blackout.parse("2+5:local:in")
    assert (b.at, b.length, b.peer.value, b.direction) == (2, 5, "local", "in")
    assert Blackout.parse("1.5+0.5").peer.value == "local"  # DEFAULT_IMPAIR_PEER


def test_probe_path_never_imports_qt() -> None:
    code = (
        "import sys, icescope.cli, icescope.core.session, icescope.core.probe;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'qasync')];"
        "assert not bad, bad"
    )
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr


@pytest.mark.e2e
def test_probe_writes_report_and_dump(tmp_path: Path) -> None:
    report, dump = tmp_path / "r.md", tmp_path / "r.jsonl"
    result = run_cli(
        "probe",
        "--duration",
        "0.8",
        "--no-journal",
        "--anonymize",
        "--report",
        str(report),
        "--rtcstats",
        str(dump),
    )
    assert result.returncode == 0, result.stderr
    assert "| local | closed |" in report.read_text()
    assert json.loads(dump.read_text().splitlines()[1])["fileFormat"] == 3
    bad = run_cli("probe", "--duration", "0.3", "--no-journal", "--report", "/nonexistent/r.md")
    assert bad.returncode == 0
    assert "cannot write /nonexistent/r.md" in bad.stdout
    assert json.loads(bad.stdout.splitlines()[-1])["type"] == "summary"


def test_window_without_a_display_is_a_readable_error() -> None:
    env = child_env()
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    result = run_python("-m", "icescope", "--no-journal", env=env)
    assert result.returncode == 2
    assert "no display to open the window on" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("platform", "unset", "reason"),
    [
        ("bogus", (), "there is no Qt platform 'bogus'"),
        ("bogus;also-bogus", (), "there is no Qt platform 'also-bogus'"),
        ("xcb", ("DISPLAY",), "'xcb' needs DISPLAY"),
    ],
)
def test_window_on_a_platform_qt_cannot_start_is_exit_2_with_the_list(
    platform: str, unset: tuple[str, ...], reason: str
) -> None:
    """Qt would print a paragraph and abort (SIGABRT); IceScope says it in one line, exit 2."""
    env = child_env(QT_QPA_PLATFORM=platform)
    for name in unset:
        env.pop(name, None)
    result = run_python("-m", "icescope", "--self-test", "--no-journal", env=env, timeout=30)
    assert result.returncode == 2, result.stderr[-500:]
    assert result.stderr.count("\n") == 1, result.stderr
    assert reason in result.stderr
    assert "Available platforms:" in result.stderr and "offscreen" in result.stderr
