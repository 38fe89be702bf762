"""Exports read every event: from the journal when memory dropped some (only this session's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from icescope.core.eventlog import EventLog
from icescope.core.events import Peer, StateChanged, StatsSample
from icescope.core.journal import Journal
from icescope.core.recorded import read_from, recorded_events
from icescope.core.states import Machine

if TYPE_CHECKING:
    from pathlib import Path


def _stats(ts: float) -> StatsSample:
    report = ({"id": "CP1", "type": "candidate-pair", "timestamp": ts * 1000.0},)
    return StatsSample(ts=ts, wall=1000 + ts, peer=Peer.LOCAL, report=report, source="engine")


def _change(ts: float) -> StateChanged:
    return StateChanged(
        ts=ts,
        wall=1000 + ts,
        peer=Peer.LOCAL,
        machine=Machine.ICE,
        previous="new",
        state="checking",
    )


def _session(path: Path, log: EventLog) -> tuple[Journal, list[object]]:
    journal = Journal(path)
    published = [_change(0.5), *(_stats(float(t)) for t in range(1, 8))]
    for event in published:
        log.append(event)
        journal.write(event)
    return journal, published


def test_a_trimmed_log_is_read_back_from_this_sessions_part_of_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "given.jsonl"
    earlier = Journal(path)  # a journal file given again: the earlier session stays in it
    earlier.write(_change(9.0))
    earlier.close()
    log = EventLog(periodic_maxlen=2)
    journal, published = _session(path, log)
    assert log.trimmed() is not None and len(log) == 4  # the change, the key moment, 2 recent
    events, trimmed = recorded_events(log, journal)
    assert trimmed is None
    assert events == published  # every one, and none of the earlier session's
    journal.write_record({"type": "summary"})  # not an event: skipped
    with path.open("ab") as handle:
        handle.write(b'{"ts": 9, "type": "iceconn')  # a line being written: the end
    assert read_from(path, journal.start) == published


def test_without_a_readable_journal_memory_is_used_and_says_what_is_missing(
    tmp_path: Path,
) -> None:
    log = EventLog(periodic_maxlen=2)
    journal, published = _session(tmp_path / "j.jsonl", log)
    events, trimmed = recorded_events(log, None)
    assert events == list(log) and len(events) < len(published)
    assert trimmed is not None and "journal has every one" in trimmed
    (tmp_path / "j.jsonl").write_text("not json\n")
    events, trimmed = recorded_events(log, journal)
    assert events == list(log)
    assert trimmed is not None and "reading it back failed" in trimmed and "not JSON" in trimmed
    untrimmed = EventLog()
    untrimmed.append(_change(1))
    assert recorded_events(untrimmed, journal) == ([_change(1)], None)
