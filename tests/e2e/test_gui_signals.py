"""Ending the window with a signal closes the session as Close does, every time."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from icescope.core.journal import read_journal
from tests.subproc import child_env

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e


def _connected(journal_dir: Path) -> list[dict[str, object]] | None:
    journals = list(journal_dir.glob("*.jsonl"))
    if not journals:
        return None
    records = read_journal(journals[0])
    ok = any(r.get("state") in ("connected", "completed") for r in records)
    return records if ok else None


@pytest.mark.parametrize(
    ("sig", "attempt"),
    [(signal.SIGINT, n) for n in range(4)] + [(signal.SIGTERM, 0), (signal.SIGHUP, 0)],
)
def test_a_signal_closes_both_peers_before_exit(
    tmp_path: Path, sig: signal.Signals, attempt: int
) -> None:
    """Defect 5: Ctrl-C used to race the remote's close (2 of 10 printed a RuntimeError)."""
    env = child_env(QT_QPA_PLATFORM="offscreen", ICESCOPE_JOURNAL_DIR=str(tmp_path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "icescope"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 20
        while _connected(tmp_path) is None:
            assert time.monotonic() < deadline, "the loopback session did not connect"
            assert proc.poll() is None, proc.communicate()[1]
            time.sleep(0.05)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "RuntimeError" not in err, err
    records = read_journal(next(tmp_path.glob("*.jsonl")))
    summary = records[-1]
    assert summary["type"] == "summary"
    assert summary["final_state"] == {"local": "closed", "remote": "closed"}
    # A signal ends the session as the process ending, not as the Close button.
    assert summary["closed_by"]["local"] == "process-exit", summary["closed_by"]
    closes = [
        r
        for r in records
        if r["type"] in ("iceconnectionstatechange", "connectionstatechange")
        and r.get("peer") == "local"
        and r.get("state") == "closed"
    ]
    assert len(closes) == 2 and all(r.get("provenance") == "process-exit" for r in closes), closes
    assert all(r["type"] != "summary" for r in records[:-1])
