"""MainWindow composition: events from a real hub reach the right widgets (no session/loop)."""

from __future__ import annotations

import time

import pytest

from icescope.core.config import Settings
from icescope.core.events import Impairment, Notice, Peer
from icescope.core.hub import EventHub
from icescope.core.states import IceConnectionState, Machine, Provenance
from icescope.qt.main_window import MainWindow

from .conftest import state_event


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(Settings(journal_dir=tmp_path))
    qtbot.addWidget(w)
    w.show()
    return w


def test_initial_state_without_session(window) -> None:
    assert window.session is None
    assert window.session_label.text() == "No session"
    assert not window.controls.close_action.isEnabled()
    assert window.controls.new_action.isEnabled()
    assert window.status_line.roles.text() == "no session"


def test_events_are_routed_by_peer_and_kind(window, qtbot) -> None:
    hub = EventHub()
    window.bridge.attach(hub)
    hub.publish(state_event(Machine.ICE, "new", "checking", peer=Peer.LOCAL))
    hub.publish(
        state_event(
            Machine.ICE, "checking", "failed", peer=Peer.REMOTE, provenance=Provenance.DERIVED
        )
    )
    hub.publish(state_event(Machine.SIGNALING, "stable", "have-local-offer", peer=Peer.LOCAL))
    hub.publish(
        Notice(
            ts=2,
            wall=time.time(),
            peer=Peer.LOCAL,
            level="error",
            code="bad-sdp",
            message="no ice-ufrag",
        )
    )
    hub.publish(
        Notice(ts=2, wall=time.time(), peer=Peer.LOCAL, level="info", code="i", message="fyi")
    )
    hub.publish(
        Impairment(ts=3, wall=time.time(), peer=Peer.REMOTE, kind="loss", value=10, active=True)
    )
    local, remote = window.panels[Peer.LOCAL], window.panels[Peer.REMOTE]
    assert local.indicator.state is IceConnectionState.CHECKING
    assert remote.indicator.state is IceConnectionState.FAILED
    assert remote.indicator.provenance is Provenance.DERIVED
    assert local.minis[Machine.SIGNALING].state == "have-local-offer"
    assert remote.minis[Machine.SIGNALING].state == "stable"
    assert window.banner.level == "error"
    assert window.banner.text() == "no ice-ufrag"
    assert "remote: loss 10%" in window.impair_panel.active_label.text()
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 6, timeout=1000)
    window.bridge.detach()


def test_about_opens_non_modal(window, qtbot) -> None:
    dialog = window.show_about()
    assert dialog.isVisible()
    assert not dialog.isModal()
    assert dialog.versions["aiortc"] == "1.16.0"
    dialog.close()
