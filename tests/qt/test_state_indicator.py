"""QtStateIndicator and QtMiniState driven by model values."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from icescope.core.model import StateValue
from icescope.core.states import (
    CLOSE_CAUSES,
    CLOSE_PROVENANCES,
    ICE_MEANINGS,
    IceConnectionState,
    Provenance,
)
from icescope.qt.peer_view import PROVENANCE_TEXT
from icescope.qt.state_style import SHAPES, look_of
from icescope.qt.widgets.mini_state import QtMiniState
from icescope.qt.widgets.state_indicator import QtStateIndicator, format_duration

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


def _value(state: str, provenance: Provenance = Provenance.REPORTED, since: float = 1.0):
    return StateValue(state, since, provenance)


@pytest.mark.parametrize("state", list(IceConnectionState))
def test_indicator_shows_each_state(qtbot, state: IceConnectionState) -> None:
    w = QtStateIndicator()
    qtbot.addWidget(w)
    w.resize(360, 104)
    w.show()
    w.show_value(_value(state.value, Provenance.DERIVED))
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
        w.show_value(_value("up"))
    assert w.state is IceConnectionState.NEW


def test_time_in_state_is_session_time_minus_entry(qtbot) -> None:
    """The age comes from the value's entry ts and the session's now, not from arrival."""
    now = [50.0]
    w = QtStateIndicator()
    qtbot.addWidget(w)
    w.set_clock(lambda: now[0])
    w.show_value(_value("checking", since=45.0))
    assert w.time_in_state() == 5.0
    assert w.time_text() == "for 5.0 s"
    now[0] = 61.5
    assert w.time_text() == "for 16.5 s"
    w.show_value(StateValue("new", None))  # the initial value nobody reported
    assert w.time_in_state() is None
    assert w.time_text() == ""
    assert w.provenance_text() == "initial value (nothing reported yet)"


def test_elapsed_text_repaints_while_shown_and_stops_when_hidden(qtbot) -> None:
    w = QtStateIndicator()
    qtbot.addWidget(w)
    assert not w.ticking
    w.show()
    assert w.ticking
    w.show_value(_value("connected"))
    painted = w.last_paint
    qtbot.waitUntil(lambda: w.last_paint > painted, timeout=2000)  # the 1 Hz tick repaints
    w.hide()
    assert not w.ticking


@pytest.mark.parametrize(
    ("provenance", "words"),
    [
        (Provenance.LOCAL_CLOSE, "closed here: close()"),
        (Provenance.AUTO_CLOSE, "closed by the library on its own"),
        (Provenance.REMOTE_CLOSE, "the remote said goodbye"),
        (Provenance.PAGE_CLOSED, "the browser page closed it"),
        (Provenance.SIGNALING_LOST, "signaling to the remote was lost"),
        (Provenance.PROCESS_EXIT, "IceScope is exiting"),
    ],
)
def test_close_causes_are_worded_distinctly(qtbot, provenance, words) -> None:
    w = QtStateIndicator()
    qtbot.addWidget(w)
    w.show_value(_value("closed", provenance))
    assert words in w.provenance_text()
    assert CLOSE_CAUSES[provenance] in w.toolTip()


def test_every_close_cause_has_its_own_words() -> None:
    texts = {PROVENANCE_TEXT[p] for p in CLOSE_PROVENANCES}
    assert len(texts) == len(CLOSE_PROVENANCES)


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
    w.set_state("connected", live=False)
    assert not w.live
    assert "stale" in w.toolTip()
    w.set_state("unknown", live=False)
    assert w.shape_id == "question"
