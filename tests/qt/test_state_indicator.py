"""QtStateIndicator / QtMiniState / QtPeerPanel driven by plain values and real events."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from icescope.core.events import Peer
from icescope.core.states import ICE_MEANINGS, IceConnectionState, Machine, Provenance
from icescope.qt.state_style import SHAPES, look_of
from icescope.qt.widgets.peer_panel import NOT_REPORTED, QtPeerPanel
from icescope.qt.widgets.state_indicator import QtMiniState, QtStateIndicator, format_duration

from .conftest import state_event

EXPECTED_SHAPES = {
    "new": "hollow-circle",
    "checking": "ring",
    "connected": "filled-circle",
    "completed": "check",
    "disconnected": "triangle",
    "failed": "cross",
    "closed": "square",
}


def _colour_pixels(widget: QtStateIndicator, colour: str) -> int:
    """Pixels of the rendered widget within a small distance of ``colour``."""
    image = widget.grab().toImage()
    want = QColor(colour)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, min(image.width(), 110), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - want.red())
                + abs(c.green() - want.green())
                + abs(c.blue() - want.blue())
                < 30
            ):
                count += 1
    return count


@pytest.mark.parametrize("state", list(IceConnectionState))
def test_indicator_shows_each_state(qtbot, state: IceConnectionState) -> None:
    w = QtStateIndicator()
    qtbot.addWidget(w)
    w.resize(360, 104)
    w.show()
    w.set_state(state, Provenance.DERIVED)
    assert w.state is state
    assert w.shape_id == EXPECTED_SHAPES[state.value]
    assert ICE_MEANINGS[state] in w.toolTip()
    assert state.value in w.accessibleName()
    assert w.provenance_text() == "derived by IceScope (W3C rules)"
    # The state colour is really painted (the shape occupies the left part of the widget).
    assert _colour_pixels(w, look_of(state.value).color) > 20


def test_every_ice_state_has_its_own_shape_and_colour() -> None:
    looks = [look_of(s.value) for s in IceConnectionState]
    assert len({lk.shape for lk in looks}) == 7
    assert {lk.shape for lk in looks} <= set(SHAPES)
    # connected and completed share the "up" family but still differ in colour or shape
    assert len({(lk.shape, lk.color) for lk in looks}) == 7


def test_indicator_rejects_non_w3c_state(qtbot) -> None:
    w = QtStateIndicator()
    qtbot.addWidget(w)
    with pytest.raises(ValueError):
        w.set_state("up")
    assert w.state is IceConnectionState.NEW


def test_time_in_state_ticks_while_shown_and_stops_when_hidden(qtbot) -> None:
    w = QtStateIndicator()
    qtbot.addWidget(w)
    assert not w.ticking
    w.show()
    assert w.ticking
    w.set_state("checking", entered_at=None)
    first = w.time_in_state()
    qtbot.wait(250)
    assert w.time_in_state() > first + 0.2
    painted = w.last_paint
    qtbot.waitUntil(lambda: w.last_paint > painted, timeout=1000)  # the tick repaints
    w.hide()
    assert not w.ticking


def test_local_close_provenance_is_worded(qtbot) -> None:
    w = QtStateIndicator()
    qtbot.addWidget(w)
    w.set_state("closed", Provenance.LOCAL_CLOSE)
    assert "local close()" in w.provenance_text()
    w.set_state("closed", Provenance.AUTO_CLOSE)
    assert "library itself" in w.provenance_text()


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.04, "0.0 s"), (4.25, "4.2 s"), (125, "2 min 05 s"), (3725, "1 h 02 min")],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_mini_state(qtbot) -> None:
    w = QtMiniState("connectionState", "new")
    qtbot.addWidget(w)
    w.set_state("failed")
    assert w.state == "failed"
    assert w.shape_id == "cross"
    assert "failed" in w.toolTip()
    assert w.minimumSizeHint().width() >= w.fontMetrics().horizontalAdvance(
        "connectionState: failed"
    )


def test_peer_panel_routes_each_machine(qtbot) -> None:
    panel = QtPeerPanel("Local peer")
    qtbot.addWidget(panel)
    assert panel.minis[Machine.TRANSPORT].state == NOT_REPORTED
    panel.show_state(state_event(Machine.ICE, "new", "checking"))
    panel.show_state(state_event(Machine.CONNECTION, "new", "connecting"))
    panel.show_state(state_event(Machine.GATHERING, "new", "complete"))
    panel.show_state(state_event(Machine.SIGNALING, "stable", "have-local-offer"))
    panel.show_state(state_event(Machine.TRANSPORT, "new", "checking", peer=Peer.LOCAL))
    assert panel.indicator.state is IceConnectionState.CHECKING
    assert panel.minis[Machine.CONNECTION].state == "connecting"
    assert panel.minis[Machine.GATHERING].state == "complete"
    assert panel.minis[Machine.SIGNALING].state == "have-local-offer"
    assert panel.minis[Machine.TRANSPORT].state == "checking"
    panel.reset()
    assert panel.indicator.state is IceConnectionState.NEW
    assert panel.minis[Machine.SIGNALING].state == "stable"
