"""The in-memory event log stays bounded in a long session: old samples go, facts stay."""

from __future__ import annotations

from icescope.core.eventlog import EventLog
from icescope.core.events import HeartbeatCount, Notice, Peer, is_periodic


def sample(i: int, peer: Peer) -> HeartbeatCount:
    return HeartbeatCount(ts=float(i), wall=1e9 + i, peer=peer, sent=i, received=i)


def test_periodic_samples_are_bounded_and_every_other_event_is_kept() -> None:
    log = EventLog(periodic_maxlen=100)
    notices = []
    for i in range(1000):
        for peer in Peer:
            log.append(sample(i, peer))
        if i % 10 == 0:
            notice = Notice(
                ts=float(i), wall=1e9 + i, peer=Peer.LOCAL, level="info", code="n", message=str(i)
            )
            notices.append(notice)
            log.append(notice)
    periodic = [e for e in log if is_periodic(e)]
    assert len(periodic) == 100
    assert log.dropped_periodic == 2000 - 100 and log.dropped == 0
    assert [e for e in log if not is_periodic(e)] == notices, "no fact is ever dropped"
    for peer in Peer:
        mine = [e.ts for e in periodic if e.peer is peer]
        assert mine == [float(t) for t in range(950, 1000)], "the newest samples stay"
    times = [e.ts for e in log]
    assert times == sorted(times), "order is kept"
    assert log.trimmed() is not None  # and it says so


def test_a_short_session_keeps_everything() -> None:
    log = EventLog(periodic_maxlen=100)
    for i in range(50):
        log.append(sample(i, Peer.LOCAL))
    assert len(log) == 50 and log.dropped_periodic == 0 and log.trimmed() is None
