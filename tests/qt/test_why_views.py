"""The views that say why, driven by hand-built events through a real hub and SessionModel."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt

from icescope.core.causes import explain
from icescope.core.config import Settings
from icescope.core.events import Peer
from icescope.core.hub import EventHub
from icescope.core.model import SessionModel
from icescope.qt.main_window import MainWindow
from tests.builders import (
    WALL0,
    candidate,
    conn,
    ice,
    impair,
    pair,
    restart,
    stats,
)

L, R = Peer.LOCAL, Peer.REMOTE


class Clock:
    """Session time the test sets."""

    t = 0.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def setup(qtbot, tmp_path) -> tuple[MainWindow, Any, Clock]:
    window = MainWindow(Settings(journal_dir=tmp_path))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    hub, model, clock = EventHub(), SessionModel(), Clock()
    hub.subscribe(model.apply)
    window.follow(hub, model, clock)

    def publish(*events: Any) -> None:
        for event in events:  # as Session._publish: the event, then its cause
            clock.t = max(clock.t, event.ts)
            hub.publish(event)
            cause = explain(model, event)
            if cause is not None:
                hub.publish(cause)

    yield window, publish, clock
    window.bridge.detach()


def _two_generations(ts: float, peer: Peer = L) -> Any:
    entries = [
        candidate("IL", "old1", 0, "127.0.0.1"),
        candidate("IR", "old1", 0, "127.0.0.1"),
        candidate("IL", "new2", 0, "127.0.0.1"),
        candidate("IR", "new2", 0, "127.0.0.1"),
        pair("old1", 0, active=False),
        pair(
            "new2",
            0,
            lastPacketReceivedTimestamp=(WALL0 + ts - 0.1) * 1000,
            responsesReceived=int(ts * 10),
        ),
    ]
    return stats(peer, ts, entries, "CPnew2-0-0", bytesReceived=int(ts * 1000))


def test_pairs_view_shows_every_pair_selected_bold_and_old_generation_marked(setup) -> None:
    window, publish, _clock = setup
    publish(ice(L, 0.1, "new", "checking"), ice(L, 0.15, "checking", "connected"))
    publish(_two_generations(1.0))
    pairs = window.pairs_view.pairs
    assert pairs.rowCount() == 2
    assert pairs.is_selected(0) and not pairs.is_old(0)  # the selected pair comes first
    assert pairs.is_old(1) and not pairs.is_selected(1)
    assert pairs.data(pairs.index(1, 1)) == "old1 (old)"
    assert pairs.data(pairs.index(0, 6)) == "SELECTED"
    assert pairs.data(pairs.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    assert window.pairs_view.candidates.rowCount() == 4
    assert "connected 50 ms after checking" in window.pairs_view.summary.text()
    publish(_two_generations(2.0))  # same rows: updated in place, selection kept
    assert pairs.data(pairs.index(0, 13)) == "1.90 s"  # last packet in, session time
    publish(_two_generations(2.5, R))
    assert pairs.rowCount() == 4


def test_blackout_shows_the_countdown_then_the_cause_in_the_tooltip(setup) -> None:
    window, publish, clock = setup
    publish(ice(L, 0.1, "new", "checking"), ice(L, 0.2, "checking", "connected"))
    publish(_two_generations(1.0), impair(R, 1.0, "blackout"))
    indicator = window.panels[L].indicator
    clock.t = 2.4
    assert indicator.liveness_text() == "no response for 1.5 s · disconnected at 2.5 s"
    assert indicator.liveness_urgent()
    publish(ice(L, 3.4, "connected", "disconnected"))
    clock.t = 15.4
    assert indicator.liveness_text() == "disconnected for 12.0 s · failed in 15.5 s"
    assert "consent-lost" not in indicator.toolTip()  # words, not codes, in the tooltip
    assert "blackout (both) on the remote peer since 1.0 s" in indicator.toolTip()
    window.log_model.flush()
    causes = [e for e in window.log_model.events() if e.type == "cause"]
    assert [c.code for c in causes] == ["consent-lost-impairment"]


def test_graphs_draw_both_peers_series_with_impairments(setup) -> None:
    window, publish, _clock = setup
    for i in range(1, 30):
        publish(_two_generations(float(i)), _two_generations(float(i), R))
    publish(impair(L, 10.0, "delay", value=50), impair(L, 20.0, "delay", active=False))
    window.tabs.setCurrentWidget(window.graphs)
    history = window.model.history
    assert len(history.series[(L, "bytes")]) == 28 and len(history.series[(R, "bytes")]) == 28
    window.graphs.repaint()
    assert window.graphs.last_paint_ms > 0
    assert window.graphs.view_range() == (1.0, 29.0)  # first sample to now
    window.graphs.span = 10.0
    assert window.graphs.view_range() == (19.0, 29.0)
    rtt = history.series[(L, "rtt")].envelope(19.0, 29.0, 100)
    # 19..29 s plus the point before the view (the line enters it); 1 ms, as sampled
    assert len(rtt) == 12 and all(lo == hi == 1.0 for _t, lo, hi in rtt)


def test_timeline_bands_marks_export_and_click_selects_log_rows(setup, qtbot, tmp_path) -> None:
    window, publish, clock = setup
    publish(
        ice(L, 0.1, "new", "checking"),
        conn(L, 0.1, "new", "connecting"),
        ice(L, 0.2, "checking", "connected"),
        conn(L, 0.2, "connecting", "connected"),
        ice(R, 0.2, "new", "connected"),
        restart(L, 5.0, "start", "a", "b"),
        restart(L, 5.1, "complete", "a", "b"),
        ice(L, 20.0, "connected", "disconnected"),
        ice(L, 21.0, "disconnected", "connected"),
    )
    clock.t = 200.0  # a one-second disconnected in a 200 s view still shows (worst state)
    timeline = window.timeline
    prims = timeline.primitives(900, 160)
    bands = [p for p in prims if p[0] == "rect" and p[6]]
    assert "disconnected" in {p[6] for p in bands}
    assert any(p[0] == "line" and p[5] == "#7b3fc4" for p in prims)  # the restart tick
    svg = timeline.svg(900, 160)
    assert svg.startswith("<svg") and "<title>disconnected</title>" in svg
    window.timeline_panel.export(tmp_path / "t.svg", "svg")
    window.timeline_panel.export(tmp_path / "t.png", "png")
    assert (tmp_path / "t.png").read_bytes()[:4] == b"\x89PNG"
    timeline.zoom(0.1, 500)
    assert timeline.view is not None and timeline.view[1] - timeline.view[0] < 25
    timeline.zoom_to_fit()
    assert timeline.view is None
    # a click at t = 20 s selects the log rows of that moment
    x = 150 + (20.0 - 0.1) / (200.0 - 0.1) * (timeline.width() - 158)
    with qtbot.waitSignal(timeline.moment_clicked) as clicked:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPointF(x, 20).toPoint())
    lo, hi = clicked.args
    assert lo <= 20.0 <= hi
    selected = window.log_view.selected_events()
    assert selected and all(lo <= e.ts <= hi for e in selected)
    assert any(e.type == "iceconnectionstatechange" for e in selected)
