"""QtPeerPanel rendering a real SessionModel fed hand-built events (no peers).

What the remote panel shows is what is known: live, stale (greyed, hatched, "stale" with the
age of the last report), or unknown with why; never a live green value nobody reported.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from icescope.core.events import Peer, RemoteChannel
from icescope.core.states import IceConnectionState, Machine, Provenance
from icescope.qt.state_style import look_of
from icescope.qt.widgets.peer_panel import NOT_REPORTED, QtPeerPanel

from .conftest import Fed, state_event


def _colour_pixels(widget, colour: str, tolerance: int = 30) -> int:
    image = widget.grab().toImage()
    want = QColor(colour)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            diff = abs(c.red() - want.red()) + abs(c.green() - want.green())
            if diff + abs(c.blue() - want.blue()) < tolerance:
                count += 1
    return count


@pytest.fixture
def panel(qtbot, fed: Fed) -> QtPeerPanel:
    w = QtPeerPanel("Remote peer")
    qtbot.addWidget(w)
    w.resize(420, 200)
    w.set_clock(fed.now)
    w.show()
    return w


def _remote_connected(fed: Fed, channel: str, *, ago: float) -> None:
    fed.publish(
        RemoteChannel(**fed.stamp(ago + 2), peer=Peer.REMOTE, channel=channel, alive=True),
        state_event(Machine.ICE, "checking", "connected", peer=Peer.REMOTE, ts=fed.now() - ago),
        state_event(
            Machine.CONNECTION, "connecting", "connected", peer=Peer.REMOTE, ts=fed.now() - ago
        ),
    )


def test_live_browser_remote_says_who_reports(panel, fed) -> None:
    _remote_connected(fed, "websocket", ago=3)
    panel.show_peer(fed.model.remote, "browser", "browser peer page")
    ind = panel.indicator
    assert ind.state is IceConnectionState.CONNECTED
    assert not ind.stale
    assert ind.provenance_text() == "reported by the browser page"
    assert ind.time_text().startswith("for 3.")
    assert _colour_pixels(ind, look_of("connected").color) > 20  # live: green


def test_stale_remote_is_shown_stale_never_live_green(panel, fed) -> None:
    """Defect 1: the page died 49 s ago; the panel must not show a live green connected."""
    _remote_connected(fed, "websocket", ago=49)
    fed.publish(
        RemoteChannel(
            **fed.stamp(45),
            peer=Peer.REMOTE,
            channel="websocket",
            alive=False,
            detail="page closed",
        )
    )
    # the last fact about the remote is its last state report
    panel.show_peer(fed.model.remote, "browser", "browser peer page")
    ind = panel.indicator
    assert ind.state is IceConnectionState.CONNECTED  # the last report, kept as a fact
    assert ind.stale
    assert ind.time_text().startswith("stale · last reported 49 s ago · page closed")
    assert "STALE" not in ind.accessibleName() and "stale connected" in ind.accessibleName()
    assert "not a live one" in ind.toolTip()
    assert _colour_pixels(ind, look_of("connected").color) == 0  # no live green anywhere
    mini = panel.minis[Machine.CONNECTION]
    assert mini.state == "connected" and not mini.live
    assert _colour_pixels(mini, look_of("connected").color) == 0


@pytest.mark.parametrize(
    ("mode", "why"),
    [
        ("paste", "this remote does not report its states"),
        ("manual", "this remote does not report its states"),
        ("browser", "the browser page has not reported its states yet"),
        ("tcp-connect", "the other IceScope has not reported its states yet"),
    ],
)
def test_unobserved_remote_is_unknown_with_why(panel, fed, mode, why) -> None:
    fed.start(mode)
    panel.show_peer(fed.model.remote, mode, "someone")
    ind = panel.indicator
    assert ind.state is None
    assert ind.shape_id == "question"
    assert why in ind.provenance_text()
    assert "unknown" in ind.accessibleName()
    assert all(m.state == "unknown" and not m.live for m in panel.minis.values())
    assert _colour_pixels(ind, look_of("new").color, tolerance=12) > 0  # grey question mark
    assert "not observable" not in panel.description.text()


def test_loopback_remote_is_the_in_process_peer(panel, fed) -> None:
    _remote_connected(fed, "in-process", ago=1)
    panel.show_peer(fed.model.remote, "loopback", "embedded loopback peer")
    assert panel.indicator.state is IceConnectionState.CONNECTED
    assert panel.indicator.provenance_text() == "reported by the library (in-process peer)"
    assert panel.description.text() == "embedded loopback peer"
    assert panel.minis[Machine.TRANSPORT].state == NOT_REPORTED


@pytest.mark.parametrize(
    ("cause", "words"),
    [
        (Provenance.LOCAL_CLOSE, "closed here"),
        (Provenance.REMOTE_CLOSE, "the remote said goodbye"),
        (Provenance.PAGE_CLOSED, "the browser page closed it"),
        (Provenance.SIGNALING_LOST, "signaling to the remote was lost"),
        (Provenance.PROCESS_EXIT, "IceScope is exiting"),
        (Provenance.AUTO_CLOSE, "closed by the library on its own"),
    ],
)
def test_close_cause_from_the_model(qtbot, fed, cause, words) -> None:
    panel = QtPeerPanel("Local peer")
    qtbot.addWidget(panel)
    panel.set_clock(fed.now)
    fed.publish(
        state_event(Machine.ICE, "connected", "closed", provenance=cause, ts=fed.now() - 1),
        state_event(Machine.CONNECTION, "connected", "closed", provenance=cause, ts=fed.now()),
    )
    assert fed.model.local.closed_by is cause
    panel.show_peer(fed.model.local, "loopback")
    assert panel.indicator.state is IceConnectionState.CLOSED
    assert words in panel.indicator.provenance_text()


def test_local_panel_says_offerer_or_answerer_from_the_model(qtbot, fed) -> None:
    panel = QtPeerPanel("Local peer")
    qtbot.addWidget(panel)
    panel.show_peer(fed.model.local, "tcp-listen")
    assert panel.description.text() == "IceScope's aiortc peer"
    fed.publish(state_event(Machine.SIGNALING, "stable", "have-remote-offer", ts=fed.now()))
    fed.publish(state_event(Machine.SIGNALING, "have-remote-offer", "stable", ts=fed.now()))
    panel.show_peer(fed.model.local, "tcp-listen")
    assert panel.description.text() == "IceScope's aiortc peer · answerer"
