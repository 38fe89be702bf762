"""History and Series: the drawable fold (state bands, marks, rates) and the min/max pyramid."""

from __future__ import annotations

from icescope.core.events import HeartbeatCount, Peer
from icescope.core.model.series import Series
from icescope.core.states import Machine
from tests.builders import WALL0, fold, ice, impair, pair, restart, stats

L, R = Peer.LOCAL, Peer.REMOTE


def test_envelope_is_exact_min_max_at_any_level_and_includes_the_newest_points() -> None:
    series = Series(capacity=1 << 12)
    for i in range(1001):
        series.append(float(i), float((i * 37) % 101))
    blocks = series.envelope(0.0, 1000.0, 10)
    assert 10 <= len(blocks) <= 40
    assert min(b[1] for b in blocks) == 0.0 and max(b[2] for b in blocks) == 100.0
    assert blocks[-1][0] == 1000.0  # the odd last point is not lost in a half-filled block
    window = series.envelope(100.0, 110.0, 500)  # fewer points than pixels: the raw points
    assert [b[0] for b in window] == [float(t) for t in range(99, 112)]


def test_series_is_bounded_and_keeps_the_newest_half_when_full() -> None:
    series = Series(capacity=1 << 10)
    for i in range(5000):
        series.append(float(i), 1.0)
    assert len(series) <= 1 << 10 and series.last() == (4999.0, 1.0)
    series.append(10.0, 2.0)  # out of order: dropped, not inserted
    assert series.last() == (4999.0, 1.0)


def test_history_folds_bands_marks_impairment_intervals_and_rates() -> None:
    def sample(ts: float, received: int, rtt: float, responses: int | None = None) -> object:
        entry = pair("u", 0, currentRoundTripTime=rtt, responsesReceived=responses or int(ts))
        return stats(L, ts, [entry], "CPu-0-0", bytesReceived=received)

    def beat(ts: float, received: int) -> HeartbeatCount:
        return HeartbeatCount(ts=ts, wall=WALL0 + ts, peer=L, sent=received, received=received)

    model = fold(
        ice(L, 0.1, "new", "checking"),
        ice(L, 0.2, "checking", "connected"),
        sample(1.0, 1000, 0.002),
        beat(1.0, 10),
        impair(R, 1.5, "blackout"),
        sample(2.0, 3000, 0.05),
        beat(2.0, 20),
        impair(R, 4.0, "blackout", active=False),
        restart(L, 5.0, "start", "u", "v"),
        sample(6.0, 10, 0.003),  # a counter that went back starts a new run
        sample(7.0, 20, 0.003, responses=6),  # no new response: no new RTT measurement
    )
    history = model.history
    assert history.state_at(L, Machine.ICE, 0.15) == "checking"
    assert history.state_at(L, Machine.ICE, 0.05) is None
    assert list(history.series[(L, "rtt")].values) == [2.0, 50.0, 3.0]
    assert list(history.series[(L, "bytes")].values) == [2000.0, 10.0]
    assert list(history.series[(L, "heartbeat")].values) == [10.0]
    (interval,) = history.impairments
    assert (interval.peer, interval.start, interval.end) == (R, 1.5, 4.0)
    assert [m.kind for m in history.marks] == ["impairment", "impairment", "restart"]


def test_bands_stop_at_what_was_reported_when_the_reports_stop() -> None:
    """A remote whose report channel is gone is drawn ``unknown`` from then on, not as its last
    reported state; a closed one stays closed (final), and reports that come back resume."""
    from icescope.core.events import RemoteChannel
    from icescope.core.model.history import STALE

    def channel(ts: float, alive: bool) -> RemoteChannel:
        return RemoteChannel(ts=ts, wall=WALL0 + ts, peer=R, channel="websocket", alive=alive)

    model = fold(
        channel(0.0, True),
        ice(R, 0.1, "new", "checking"),
        ice(R, 0.2, "checking", "connected"),
        channel(5.0, False),  # the page closed: nothing is known after this
        channel(5.5, False),
        channel(8.0, True),  # a new page
        ice(R, 8.2, "new", "checking"),
    )
    history = model.history
    assert history.state_at(R, Machine.ICE, 4.9) == "connected"
    assert history.state_at(R, Machine.ICE, 6.0) == STALE
    assert history.state_at(R, Machine.CONNECTION, 6.0) is None  # never reported: stays unknown
    assert history.changes[(R, Machine.ICE)][1].count(STALE) == 1
    assert history.state_at(R, Machine.ICE, 8.3) == "checking"
    closed = fold(ice(R, 0.1, "connected", "closed"), channel(1.0, False)).history
    assert closed.state_at(R, Machine.ICE, 2.0) == "closed"
