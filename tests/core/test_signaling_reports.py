"""A remote's ``event`` messages become typed ``peer=remote`` events; bad ones are refused."""

from __future__ import annotations

import json

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
    selected_pair_stats,
)
from icescope.core.model import SessionModel
from icescope.core.reports import RemoteReport
from icescope.core.signaling.base import decode
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
    # The model folds them: time in the first value is unknown, the others are counted.
    model = SessionModel()
    for event in out:
        model.apply(event)
    assert set(model.remote.time_in) == {"checking", "connected", "disconnected"}


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


PAIR = {"type": "candidate-pair", "id": "CP1", "state": "succeeded", "nominated": True,
        "currentRoundTripTime": 0.012, "bytesSent": 4096, "localCandidateId": "L1"}  # fmt: skip


def test_stats_become_a_remote_sample_and_reach_the_model() -> None:
    model = SessionModel()
    report = RemoteReport(SessionClock(), model.apply)
    entries = [
        {"type": "transport", "id": "T1", "selectedCandidatePairId": "CP1"},
        PAIR,
        {"type": "codec", "id": "C1", "mimeType": "video/VP8"},  # not kept
    ]
    report.handle({"type": "event", "event": "stats", "report": entries})
    sample = model.remote.stats
    assert sample is not None and sample.peer is Peer.REMOTE and sample.source == "remote"
    assert [e["id"] for e in sample.report] == ["T1", "CP1"]
    assert selected_pair_stats(sample.report) == PAIR
    assert model.remote.last_report == sample.ts


def test_heartbeat_counts_reach_the_model_and_a_final_one_is_announced() -> None:
    model = SessionModel()
    finals: list[bool] = []
    report = RemoteReport(SessionClock(), model.apply, on_final=lambda: finals.append(True))
    report.handle({"type": "event", "event": "heartbeat", "sent": 10, "received": 9})
    assert model.remote.heartbeat is not None and not model.remote.heartbeat.final
    assert finals == []
    report.handle(
        {"type": "event", "event": "heartbeat", "sent": 12, "received": 12, "final": True}
    )
    report.handle({"type": "event", "event": "heartbeat", "sent": 11, "received": 11})
    counts = model.remote.heartbeat
    assert counts is not None and counts.final and counts.source == "reported"
    assert (counts.sent, counts.received, counts.queued) == (12, 12, None)
    assert finals == [True]


WIDE: dict[str, object] = {"type": "transport", "id": "T", **{f"f{i}": i for i in range(69)}}
NESTED: dict[str, object] = {"type": "candidate-pair", "id": "x", "deep": {"a": [1, 2]}}


@pytest.mark.parametrize(
    ("message", "match"),
    [
        ({"event": "stats"}, "'report' must be a list"),
        ({"event": "stats", "report": "CP1"}, "'report' must be a list"),
        ({"event": "stats", "report": {"CP1": PAIR}}, "'report' must be a list"),
        ({"event": "stats", "report": [PAIR] * 257}, "257 entries"),
        ({"event": "stats", "report": [PAIR, 7]}, "entry 1 must be an object"),
        ({"event": "stats", "report": [{"type": "transport"}]}, "non-empty text 'id'"),
        ({"event": "stats", "report": [{"type": 3, "id": "x"}]}, "text 'type'"),
        ({"event": "stats", "report": [NESTED]}, "field 'deep': must be a number"),
        (
            {"event": "stats", "report": [{"type": "transport", "id": "T", "l": [1]}]},
            "not a list",
        ),
        (
            {"event": "stats", "report": [{"type": "transport", "id": "T", "s": "x" * 600}]},
            "longer than 512",
        ),
        (
            {"event": "stats", "report": [{"type": "transport", "id": "T", "n": float("inf")}]},
            "finite",
        ),
        (
            {"event": "stats", "report": [{"type": "transport", "id": "T", "n": 10**30}]},
            "out of range",
        ),
        ({"event": "stats", "report": [WIDE]}, "71 fields"),
        ({"event": "heartbeat"}, "'sent' must be a whole number"),
        ({"event": "heartbeat", "sent": -1}, "'sent' must be a whole number"),
        ({"event": "heartbeat", "sent": 1.5}, "'sent' must be a whole number"),
        ({"event": "heartbeat", "sent": True}, "'sent' must be a whole number"),
        ({"event": "heartbeat", "sent": "12"}, "'sent' must be a whole number"),
        ({"event": "heartbeat", "sent": 2**60}, "'sent' must be a whole number"),
        ({"event": "heartbeat", "sent": 1, "received": [1]}, "'received' must be"),
        ({"event": "heartbeat", "sent": 1, "final": "yes"}, "'final' must be true or false"),
    ],
)
def test_hostile_stats_and_heartbeats_are_refused(message: dict[str, object], match: str) -> None:
    model = SessionModel()
    finals: list[bool] = []
    report = RemoteReport(SessionClock(), model.apply, on_final=lambda: finals.append(True))
    with pytest.raises(SignalingError, match=match):
        report.handle({"type": "event", **message})
    assert model.events == 0 and model.remote.stats is None and model.remote.heartbeat is None
    assert finals == []


def test_a_huge_report_over_the_wire_is_refused_before_parsing() -> None:
    # The signaling decoder refuses anything above 1 MiB: never parsed, never published.
    text = json.dumps({"type": "event", "event": "stats", "report": [PAIR] * 20000})
    with pytest.raises(SignalingError, match="too large"):
        decode(text)
