"""The journal: one JSON line per event, flushed per event, readable after kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from icescope.core.events import Peer, StateChanged
from icescope.core.journal import Journal, read_journal
from icescope.core.states import Machine

SRC = str(Path(__file__).resolve().parents[2] / "src")


def test_write_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "j" / "s.jsonl"
    journal = Journal(path)
    for i in range(3):
        journal.write(
            StateChanged(
                ts=i, wall=i, peer=Peer.LOCAL, machine=Machine.ICE, previous="a", state=str(i)
            )
        )
    # Readable while still open: every line was flushed when written.
    assert [r["state"] for r in read_journal(path)] == ["0", "1", "2"]
    journal.write_record({"type": "summary"})
    journal.close()
    journal.write_record({"type": "late"})  # ignored, not an error
    assert [r["type"] for r in read_journal(path)][-1] == "summary"


def test_torn_last_line_is_skipped_but_corruption_inside_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"a": 1}\n{"b": 2}\n{"c": ')
    assert read_journal(path) == [{"a": 1}, {"b": 2}]
    path.write_text('{"a": 1}\nnot json\n{"c": 3}\n')
    with pytest.raises(ValueError, match=r"s.jsonl:2"):
        read_journal(path)


def test_unwritable_journal_reports_once() -> None:
    errors: list[str] = []
    journal = Journal(Path("/dev/full"), on_error=errors.append)  # every write: ENOSPC
    journal.write_record({"x": 1})
    journal.write_record({"x": 2})
    journal.close()
    assert journal.error is not None and "cannot write journal" in journal.error
    assert errors == [journal.error]


@pytest.mark.e2e
def test_kill_minus_nine_mid_session_loses_nothing(tmp_path: Path) -> None:
    """A probe killed with SIGKILL leaves a journal whose every line parses and that holds
    every event the probe had printed before the kill."""
    journal = tmp_path / "killed.jsonl"
    env = {**os.environ, "PYTHONPATH": SRC}
    proc = subprocess.Popen(
        [sys.executable, "-m", "icescope", "probe", "--duration", "30", "--journal", str(journal)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    printed: list[dict[str, object]] = []
    deadline = time.monotonic() + 20
    try:
        for line in proc.stdout:
            printed.append(json.loads(line))
            if printed[-1].get("type") == "datachannel" or time.monotonic() > deadline:
                break
        time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert any(p.get("state") in ("connected", "completed") for p in printed)
    records = read_journal(journal)
    for line in journal.read_text().splitlines():
        json.loads(line)  # every line parses: nothing torn
    stamps = {(r["ts"], r["type"], r["peer"]) for r in records}
    for p in printed:
        assert (p["ts"], p["type"], p["peer"]) in stamps
    assert records[0]["type"] == "session" and records[0]["phase"] == "start"
    assert not any(r["type"] == "summary" for r in records)  # it really died mid-session
