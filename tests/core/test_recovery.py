"""Interrupted journals: a session killed with SIGKILL is found, a clean or running one is not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from icescope.core.recovery import interrupted_journals, is_interrupted, last_record_type
from tests.subproc import child_env, run_python

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _wait_for(path_of: Callable[[], Path | None], deadline_s: float = 20.0) -> Path:
    """Poll (bounded) until ``path_of()`` gives a journal holding a connected state."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        path = path_of()
        if path is not None and '"state": "connected"' in path.read_text(encoding="utf-8"):
            return path
        time.sleep(0.05)
    raise AssertionError("the session never wrote a connected state to its journal")


@pytest.mark.e2e
def test_a_killed_session_is_interrupted_a_clean_one_is_not(tmp_path: Path) -> None:
    journals = tmp_path / "journals"  # the conftest points ICESCOPE_JOURNAL_DIR here
    clean = run_python("-m", "icescope", "probe", "--duration", "1", timeout=60)
    assert clean.returncode == 0, clean.stderr
    (clean_journal,) = list(journals.glob("session-*.jsonl"))
    assert last_record_type(clean_journal) == "summary"
    assert interrupted_journals(journals) == []

    proc = subprocess.Popen(
        [sys.executable, "-m", "icescope", "probe", "--duration", "60"],
        stdout=subprocess.DEVNULL,
        env=child_env(),
    )
    try:
        name = f"-{proc.pid}.jsonl"
        journal = _wait_for(lambda: next(iter(journals.glob(f"session-*{name}")), None))
        # Still running: its journal has no summary, but it is not interrupted.
        assert not is_interrupted(journal)
        assert interrupted_journals(journals) == []
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert last_record_type(journal) != "summary"
    assert is_interrupted(journal)
    assert interrupted_journals(journals) == [journal]
    assert interrupted_journals(journals, skip=[str(journal)]) == []


def test_names_torn_lines_and_empty_files(tmp_path: Path) -> None:
    dead = 4242
    gone = lambda pid: False  # noqa: E731 - the process table as the test defines it
    older = tmp_path / f"session-20260101-101010-{dead}.jsonl"
    older.write_text('{"ts": 0, "type": "session"}\n{"ts": 1, "type": "iceconnectionst')
    newer = tmp_path / f"session-20260102-101010-{dead}.jsonl"
    newer.write_text('{"ts": 0, "type": "session"}\n')
    (tmp_path / f"session-20260103-101010-{dead}.jsonl").write_text("")  # nothing to open
    (tmp_path / "notes.jsonl").write_text('{"ts": 0, "type": "session"}\n')  # not ours
    done = tmp_path / f"session-20260104-101010-{dead}.jsonl"
    done.write_text('{"ts": 0, "type": "session"}\n{"type": "summary"}\n')
    ours = tmp_path / f"session-20260105-101010-{os.getpid()}.jsonl"
    ours.write_text('{"ts": 0, "type": "session"}\n')
    # a torn last line: the whole one before it decides
    assert last_record_type(older) == "session"
    assert interrupted_journals(tmp_path, alive=gone) == [newer, older]
    assert interrupted_journals(tmp_path / "missing", alive=gone) == []


def test_sessions_started_in_the_same_second_get_their_own_journal(tmp_path: Path) -> None:
    from icescope.core.journal import Journal, new_journal_path

    first = new_journal_path(tmp_path)
    Journal(first).close()  # the file exists now
    second = new_journal_path(tmp_path)
    if second.name[:23] == first.name[:23]:  # same second (almost always)
        assert second.name == first.name.replace(".jsonl", "-2.jsonl")
    assert second != first and not second.exists()
    first.write_text('{"ts": 0, "type": "session"}\n')
    second.write_text('{"ts": 0, "type": "session"}\n')
    from icescope.core.recovery import writer_pid

    assert writer_pid(first) == writer_pid(second) == os.getpid()
    assert interrupted_journals(tmp_path, alive=lambda pid: False) == []  # this process's
