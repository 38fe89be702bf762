"""A real loopback probe session (restart, blackout, statistics) read back from every format.

The journal and the rtcstats export must fold into the same model as the live session: the
same state sequence, the same statistics, the same summary.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from icescope.core.formats import open_evidence
from icescope.core.journal import read_journal
from icescope.core.model import summary
from tests.formats.helpers import events_of, fold, states, stats
from tests.subproc import run_python

pytestmark = pytest.mark.e2e


def same(a: Any, b: Any) -> bool:
    """Equal, floats within 2 µs: the journal keeps times to 6 decimals, the live model does not."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 2e-6
    return bool(a == b)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("probe")
    files = {"journal": out / "j.jsonl", "dump": out / "d.gz", "report": out / "r.html"}
    result = run_python(
        "-m", "icescope", "probe", "--duration", "6", "--restart-at", "1",
        "--blackout", "1.5+3.5:remote:both", "--stats-interval", "0.25",
        "--journal", str(files["journal"]), "--rtcstats", str(files["dump"]),
        "--report", str(files["report"]), timeout=90,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return {"files": files, "stdout": [json.loads(x) for x in result.stdout.splitlines()]}


def test_journal_import_folds_to_the_live_summary(session: dict[str, Any]) -> None:
    journal = session["files"]["journal"]
    records = read_journal(journal)
    live = records[-1]
    assert live["type"] == "summary"
    events = events_of(journal)
    assert [json.loads(json.dumps(e.to_dict())) for e in events] == records[:-1]
    again = summary(fold(events), live["ts"], live["journal"])
    assert same(again, live), (again, live)


def test_rtcstats_round_trip_same_states_and_statistics(session: dict[str, Any]) -> None:
    files = session["files"]
    imported = open_evidence(files["dump"])
    assert imported.format == "rtcstats" and imported.connections == ()
    original, back = events_of(files["journal"]), events_of(files["dump"])
    assert states(back) == states(original) and any(s[3] == "disconnected" for s in states(back))
    assert [s.report for s in stats(back)] == [s.report for s in stats(original)]
    assert {s.peer.value for s in stats(back)} == {"local", "remote"}
    types = {e["type"] for s in stats(back) for e in s.report}
    assert {"candidate-pair", "local-candidate", "remote-candidate", "transport"} <= types
    assert all(isinstance(e["timestamp"], float) and e["timestamp"] > 1e12
               for s in stats(back) for e in s.report)  # fmt: skip
    live = read_journal(files["journal"])[-1]
    assert same(summary(fold(back), live["ts"], live["journal"]), live)


def test_html_report_of_the_session(session: dict[str, Any]) -> None:
    html = session["files"]["report"].read_text()
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html.lower()
    for needed in (
        "Verdict",
        "<svg",
        "Timeline",
        "State events",
        "Round-trip time",
        "first connected",
        "ICE restart complete",
        "blackout",
        "OpenSSL (DTLS",
    ):
        assert needed in html, needed  # fmt: skip
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
