"""A remote's ``event`` messages become typed ``peer=remote`` events; bad ones are refused."""

from __future__ import annotations

import pytest

from icescope.core.clock import SessionClock
from icescope.core.errors import SignalingError
from icescope.core.events import (
    CandidateGathered,
    DataChannelChanged,
    IceRestart,
    Notice,
    Peer,
    SelectedPairChanged,
    StateChanged,
)
from icescope.core.reports import RemoteReport
from icescope.core.states import Machine, Provenance


def make() -> tuple[RemoteReport, list[object]]:
    out: list[object] = []
    return RemoteReport(SessionClock(), out.append), out


def test_state_changes_are_typed_deduplicated_and_timed() -> None:
    report, out = make()
    for state in ("checking", "checking", "connected", "disconnected", "connected"):
        report.handle(
            {"type": "event", "event": "iceconnectionstatechange", "state": state, "at": 12.5}
        )
    report.handle(
        {
            "type": "event",
            "event": "iceconnectionstatechange",
            "state": "closed",
            "provenance": "local-close",
        }
    )
    events = [e for e in out if isinstance(e, StateChanged)]
    assert [(e.previous, e.state) for e in events] == [
        ("new", "checking"),
        ("checking", "connected"),
        ("connected", "disconnected"),
        ("disconnected", "connected"),
        ("connected", "closed"),
    ]
    assert all(e.peer is Peer.REMOTE and e.machine is Machine.ICE for e in events)
    assert events[0].in_previous is None and events[1].in_previous is not None
    assert events[-1].provenance is Provenance.LOCAL_CLOSE
    assert events[0].provenance is Provenance.REPORTED
    assert "remote clock 12.5 ms" in events[0].detail
    assert report.state_of(Machine.ICE) == "closed"
    assert set(report.time_in_state) == {"checking", "connected", "disconnected"}


def test_other_event_kinds() -> None:
    report, out = make()
    report.handle(
        {
            "type": "event",
            "event": "icecandidate",
            "candidate_type": "host",
            "protocol": "udp",
            "address": "10.0.0.1",
            "port": 5000,
            "ufrag": "abcd",
        }
    )
    report.handle({"type": "event", "event": "icecandidate", "end": True})
    report.handle(
        {
            "type": "event",
            "event": "selectedcandidatepairchange",
            "local": "host udp 10.0.0.1:5000",
            "remote": "relay udp 10.0.0.2:6000",
            "local_type": "host",
            "remote_type": "relay",
        }
    )
    report.handle({"type": "event", "event": "datachannel", "label": "hb", "state": "open"})
    report.handle(
        {
            "type": "event",
            "event": "icerestart",
            "phase": "complete",
            "old_ufrag": "a",
            "new_ufrag": "b",
            "initiator": "local",
            "duration": 0.15,
        }
    )
    report.handle({"type": "event", "event": "notice", "level": "bogus", "message": "hi"})
    kinds = [type(e) for e in out]
    assert kinds == [
        CandidateGathered,
        CandidateGathered,
        SelectedPairChanged,
        DataChannelChanged,
        IceRestart,
        Notice,
    ]
    cand, end, pair, _, restart, notice = out
    assert isinstance(cand, CandidateGathered) and cand.port == 5000 and not cand.end
    assert isinstance(end, CandidateGathered) and end.end and end.candidate_type == ""
    assert isinstance(pair, SelectedPairChanged) and pair.remote_type == "relay"
    assert isinstance(restart, IceRestart) and restart.duration == pytest.approx(0.15)
    assert isinstance(notice, Notice) and notice.level == "info"
    assert report.reports == 6


@pytest.mark.parametrize(
    ("message", "match"),
    [
        ({"event": "iceconnectionstatechange", "state": "sad"}, "not a W3C value"),
        ({"event": "connectionstatechange", "state": "completed"}, "not a W3C value"),
        ({"event": "iceconnectionstatechange", "state": 3}, "must be a string"),
        ({"event": "icecandidate", "candidate_type": "host", "port": "x"}, "must be a number"),
        ({"event": "datachannel", "label": "x", "state": "exploded"}, "not a W3C value"),
        ({"event": "icerestart", "phase": "halfway"}, "phase 'halfway'"),
        ({"event": "selectedcandidatepairchange"}, "'local' must be a string"),
        ({"event": "teleport"}, "unknown remote event"),
        ({"event": "icerestart", "phase": "start", "duration": float("nan")}, "number"),
    ],
)
def test_malformed_reports_are_refused(message: dict[str, object], match: str) -> None:
    report, out = make()
    with pytest.raises(SignalingError, match=match):
        report.handle({"type": "event", **message})
    assert out == []
