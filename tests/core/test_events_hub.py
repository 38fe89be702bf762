"""Typed events serialise as documented; the hub survives failing subscribers."""

from __future__ import annotations

import json
import logging

import pytest

from icescope.core.eventlog import EventLog
from icescope.core.events import (
    EVENT_TYPES,
    HeartbeatCount,
    IceRestart,
    Notice,
    Peer,
    StateChanged,
    StatsSample,
)
from icescope.core.hub import EventHub
from icescope.core.states import Machine, Provenance


def _state(ts: float, prev: str, new: str, peer: Peer = Peer.LOCAL) -> StateChanged:
    return StateChanged(
        ts=ts, wall=1000 + ts, peer=peer, machine=Machine.ICE, previous=prev, state=new
    )


def test_state_event_json_has_probe_fields() -> None:
    d = _state(1.5, "checking", "connected").to_dict()
    assert d["type"] == "iceconnectionstatechange"
    assert (d["ts"], d["peer"], d["previous"], d["state"]) == (
        1.5,
        "local",
        "checking",
        "connected",
    )
    assert d["provenance"] == "reported"
    assert "machine" not in d
    json.dumps(d)


def test_events_are_frozen() -> None:
    event = _state(0, "new", "checking")
    with pytest.raises(AttributeError):
        event.state = "failed"  # type: ignore[misc]


def test_summaries_read_as_text() -> None:
    ev = StateChanged(
        ts=0,
        wall=0,
        peer=Peer.LOCAL,
        machine=Machine.ICE,
        previous="completed",
        state="closed",
        provenance=Provenance.LOCAL_CLOSE,
    )
    assert ev.summary() == "completed → closed (local-close)"
    restart = IceRestart(
        ts=0,
        wall=0,
        peer=Peer.LOCAL,
        phase="complete",
        old_ufrag="a",
        new_ufrag="b",
        initiator="local",
        duration=0.025,
    )
    assert "25 ms" in restart.summary()
    assert "icerestart" in EVENT_TYPES and "iceconnectionstatechange" in EVENT_TYPES


def test_hub_delivers_in_order_and_isolates_failures(caplog: pytest.LogCaptureFixture) -> None:
    hub = EventHub()
    seen: list[str] = []

    def broken(_: object) -> None:
        raise RuntimeError("widget exploded")

    hub.subscribe(lambda e: seen.append("first:" + e.state))  # type: ignore[union-attr]
    hub.subscribe(broken)
    unsubscribe = hub.subscribe(lambda e: seen.append("last:" + e.state))  # type: ignore[union-attr]
    with caplog.at_level(logging.ERROR):
        hub.publish(_state(0, "new", "checking"))
        unsubscribe()
        hub.publish(_state(1, "checking", "connected"))
    assert seen == ["first:checking", "last:checking", "first:connected"]
    assert "widget exploded" in caplog.text
    assert hub.published == 2


def test_eventlog_bounds_and_exports() -> None:
    log = EventLog(maxlen=3)
    for i, (a, b) in enumerate(
        [
            ("new", "checking"),
            ("checking", "connected"),
            ("connected", "completed"),
            ("completed", "closed"),
        ]
    ):
        log.append(_state(i, a, b))
    log.append(Notice(ts=9, wall=9, peer=Peer.REMOTE, level="error", code="x", message='a, "b"'))
    assert len(log) == 3 and log.dropped == 2
    lines = log.to_jsonl().splitlines()
    assert [json.loads(x)["type"] for x in lines] == [
        "iceconnectionstatechange",
        "iceconnectionstatechange",
        "notice",
    ]
    csv_text = log.to_csv()
    assert csv_text.splitlines()[0].startswith("time,ts,peer,type,summary,")
    assert '"a, ""b"""' in csv_text


def test_eventlog_keeps_the_last_periodic_samples_and_those_at_key_moments() -> None:
    """A long session does not keep every statistics sample in memory (the journal does), but
    the first one after each key moment stays, in publication order with the events."""
    log = EventLog(periodic_maxlen=4)

    def stats(ts: float) -> StatsSample:
        return StatsSample(ts=ts, wall=ts, peer=Peer.LOCAL, report=[], source="engine")

    published = [stats(0), stats(1), _state(1.5, "checking", "connected")]
    published += [stats(t) for t in range(2, 12)]
    published += [HeartbeatCount(ts=12, wall=12, peer=Peer.LOCAL, sent=1, received=1)]
    for event in published:
        log.append(event)
    kept = list(log)
    assert [e.ts for e in kept] == [1.5, 2, 9, 10, 11, 12]  # 2: the first after the change
    assert log.dropped_periodic == 8 and log.dropped == 0 and len(log) == 6
    assert [e for e in published if e in kept] == kept  # the order they were published
    assert log.trimmed() == (
        "8 periodic samples (statistics, running heartbeat counts) older than the last 4 are "
        "not kept in memory, except the first statistics after each of the last 200 key "
        "moments; the session's journal has every one."
    )
    assert EventLog().trimmed() is None
    # Samples at key moments are bounded too: only the latest are kept.
    log = EventLog(periodic_maxlen=1, key_maxlen=2)
    for n in range(5):
        log.append(_state(10.0 + n, "checking", "connected"))
        log.append(stats(10.5 + n))
    assert [e.ts for e in log if isinstance(e, StatsSample)] == [13.5, 14.5]
    assert log.dropped_periodic == 3


async def test_stack_warnings_become_notices_and_detach() -> None:
    from icescope.core.config import Settings
    from icescope.core.session import Session

    session = Session(Settings(journal_enabled=False, drain=0.05))
    notices: list[Notice] = []
    session.hub.subscribe(lambda e: notices.append(e) if isinstance(e, Notice) else None)
    await session.start()
    logging.getLogger("aioice.turn").warning("TURN allocation failed: %s", "401 Unauthorized")
    logging.getLogger("unrelated").warning("not ours")
    await session.close()
    logging.getLogger("aioice").warning("after close")
    messages = [n.message for n in notices]
    assert messages == ["TURN allocation failed: 401 Unauthorized"]
    assert notices[0].code == "log:aioice.turn" and notices[0].level == "warning"
