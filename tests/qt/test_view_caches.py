"""Timeline and graphs keep what they computed between paints and stay exact.

A view painted second by second while a session grows (so its caches are extended, not
rebuilt) must give the same pixels as a fresh view painted once at the end; the caches must
actually be reused (only the live tail recomputed); and a one-second outage stays visible.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QImage

from icescope.core.events import HeartbeatCount, Peer
from icescope.core.model import SessionModel
from icescope.core.states import Machine
from icescope.qt.widgets.graphs import QtGraphs
from icescope.qt.widgets.timeline import QtTimeline
from icescope.qt.widgets.timeline_cache import BandCache, live_scale
from tests.builders import WALL0, candidate, ice, impair, notice, pair, restart, stats

L, R = Peer.LOCAL, Peer.REMOTE


def _sample(peer: Peer, t: float) -> Any:
    entries = [
        candidate("IL", "g1", 0, "127.0.0.1"),
        candidate("IR", "g1", 0, "127.0.0.1"),
        pair(
            "g1",
            0,
            currentRoundTripTime=0.001 + (int(t) % 7) * 0.0004,
            responsesReceived=int(t),
            lastPacketReceivedTimestamp=(WALL0 + t) * 1000,
        ),
    ]
    return stats(peer, t, entries, "CPg1-0-0", bytesReceived=int(t * t * 10))


def _second(t: int) -> list[Any]:
    out: list[Any] = []
    for peer in (L, R):
        out.append(_sample(peer, float(t)))
        out.append(HeartbeatCount(ts=t, wall=WALL0 + t, peer=peer, sent=t * 10, received=t * 9))
    if t == 0:
        out += [ice(L, 0.1, "new", "checking"), ice(L, 0.2, "checking", "connected")]
        out += [ice(R, 0.1, "new", "connected")]
    elif t % 97 == 0:
        out += [restart(L, t + 0.5, "start", "a", "b"), restart(L, t + 0.6, "complete", "a", "b")]
    elif t % 151 == 0:  # a one-second outage
        out += [impair(R, t + 0.1, "blackout"), ice(L, t + 0.2, "connected", "disconnected")]
        out += [impair(R, t + 1.1, "blackout", active=False)]
        out += [ice(L, t + 1.2, "disconnected", "connected")]
    elif t % 41 == 0:
        out.append(notice(t + 0.3, "tick", "a warning"))
    return out


class Clock:
    t = 0.0

    def __call__(self) -> float:
        return self.t


def _image(widget: Any) -> QImage:
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    widget.render(image)
    return image


def _feed(model: SessionModel, clock: Clock, start: int, end: int) -> None:
    for t in range(start, end):
        for event in _second(t):
            model.apply(event)
        clock.t = t + 1.0


@pytest.mark.parametrize("span", [None, 120.0])
def test_graphs_painted_live_match_a_fresh_paint_and_are_not_rebuilt(qtbot, span) -> None:
    model, clock = SessionModel(), Clock()
    live = QtGraphs()
    qtbot.addWidget(live)
    live.resize(900, 360)
    live.follow(model.history, clock)
    live.span = span
    _feed(model, clock, 0, 1500)
    _image(live)
    rebuilt = [t.rebuilt for t in live.traces().values()]
    for t in range(1500, 1530):  # thirty more seconds, painted one by one
        _feed(model, clock, t, t + 1)
        _image(live)
    assert [t.rebuilt for t in live.traces().values()] == rebuilt  # extended, not rebuilt
    fresh = QtGraphs()
    qtbot.addWidget(fresh)
    fresh.resize(900, 360)
    fresh.follow(model.history, clock)
    fresh.span = span
    assert _image(live) == _image(fresh)


def test_timeline_painted_live_matches_a_fresh_paint_and_recomputes_only_the_tail(qtbot):
    model, clock = SessionModel(), Clock()
    live = QtTimeline()
    qtbot.addWidget(live)
    live.resize(1000, 200)
    live.follow(model.history, clock)
    _feed(model, clock, 0, 3000)
    _image(live)
    start = live.view_range()
    band = live._bands[(L, Machine.ICE)]
    for t in range(3000, 3030):
        _feed(model, clock, t, t + 1)
        _image(live)
    assert live.view_range() == start  # the scale did not move with every second
    _feed(model, clock, 3030, 3032)
    model.apply(ice(L, 3031.5, "connected", "disconnected"))
    _image(live)
    # only the columns from the new change on (to the view's edge, a few % after now)
    assert 0 < band.recomputed < 0.06 * len(band.columns)
    fresh = QtTimeline()
    qtbot.addWidget(fresh)
    fresh.resize(1000, 200)
    fresh.follow(model.history, clock)
    assert _image(live) == _image(fresh)
    # the scale steps by about 4 %; the view always reaches now
    t0, t1 = live.view_range()
    assert t1 >= clock.t and (t1 - t0) <= (clock.t - t0) * 1.05


def test_a_one_second_outage_stays_visible_in_a_day(qtbot) -> None:
    times = [0.0, 40_000.0, 40_001.0]
    states = ["connected", "disconnected", "connected"]
    dt = live_scale(86_400, 1000)
    columns = BandCache({"disconnected": 5}).update((0.0, dt, 1000), times, states)
    assert columns.count("disconnected") == 1
    assert live_scale(86_400, 1000) == live_scale(86_401, 1000)
    assert 86.4 <= dt <= 86.4 * 1.045
