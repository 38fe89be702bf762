"""MainWindow composition: events from a real hub, folded by a real SessionModel, reach the
right widgets (no session, no loop)."""

from __future__ import annotations

import ast
import inspect

import pytest

from icescope.core.config import Settings
from icescope.core.events import (
    HeartbeatCount,
    Impairment,
    Notice,
    Peer,
    RemoteChannel,
    RoleChanged,
    SelectedPairChanged,
    StatsSample,
)
from icescope.core.states import IceConnectionState, Machine, Provenance
from icescope.qt import main_window as main_window_module
from icescope.qt import window_layout
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
    assert "no session" in window.controls.close_action.toolTip()
    assert window.controls.new_action.isEnabled()
    assert window.status_line.roles.text() == "no session"
    assert not window.impair_panel.available
    assert "no session" in window.impair_panel.toolTip()


def test_events_are_routed_by_peer_and_kind(window, qtbot, fed) -> None:
    window.follow(fed.hub, fed.model, fed.now)
    fed.start()
    fed.publish(
        RemoteChannel(**fed.stamp(), peer=Peer.REMOTE, channel="in-process", alive=True),
        state_event(Machine.ICE, "new", "checking", peer=Peer.LOCAL, ts=fed.now()),
        state_event(
            Machine.ICE,
            "checking",
            "failed",
            peer=Peer.REMOTE,
            provenance=Provenance.DERIVED,
            ts=fed.now(),
        ),
        state_event(Machine.SIGNALING, "stable", "have-local-offer", ts=fed.now()),
        Notice(**fed.stamp(), peer=Peer.LOCAL, level="error", code="bad-sdp", message="no ufrag"),
        Notice(**fed.stamp(), peer=Peer.LOCAL, level="info", code="i", message="fyi"),
        Impairment(**fed.stamp(), peer=Peer.REMOTE, kind="loss", value=10, active=True),
        RoleChanged(**fed.stamp(), peer=Peer.LOCAL, role="controlling"),
        HeartbeatCount(**fed.stamp(), peer=Peer.LOCAL, sent=7, received=6),
        StatsSample(**fed.stamp(), peer=Peer.LOCAL, report=()),
        HeartbeatCount(**fed.stamp(), peer=Peer.REMOTE, sent=3, received=3, final=True),
    )
    local, remote = window.panels[Peer.LOCAL], window.panels[Peer.REMOTE]
    assert local.indicator.state is IceConnectionState.CHECKING
    assert remote.indicator.state is IceConnectionState.FAILED
    assert remote.indicator.provenance is Provenance.DERIVED
    assert local.minis[Machine.SIGNALING].state == "have-local-offer"
    assert remote.minis[Machine.SIGNALING].state == "stable"
    assert "offerer" in local.description.text()  # from the model's first signaling change
    assert window.banner.level == "error"
    assert window.banner.text() == "no ufrag"
    assert "remote: loss 10%" in window.impair_panel.active_label.text()
    assert window.status_line.roles.text() == "roles: local controlling, remote unknown"
    assert window.status_line.heartbeats.text().startswith("heartbeats: local 7↑ 6↓")
    # the log lists what happened: periodic samples (stats, running counts) are not rows
    qtbot.waitUntil(lambda: window.log_model.rowCount() == 10, timeout=1000)
    shown = window.log_model.visible_events()
    assert not [e for e in shown if e.type == "stats" or (e.type == "heartbeat" and not e.final)]
    assert [e.final for e in shown if e.type == "heartbeat"] == [True]
    # controls follow (coalesced): a followed hub without a session offers no commands
    qtbot.waitUntil(lambda: window.windowTitle() == "IceScope — checking", timeout=1000)
    assert not window.controls.restart_action.isEnabled()
    window.bridge.detach()


def test_the_window_shows_the_state_age_from_event_time(window, fed) -> None:
    """An event stamped 5 s ago (it reached the window late) is shown as 5 s old at once."""
    window.follow(fed.hub, fed.model, fed.now)
    fed.start()
    fed.publish(state_event(Machine.ICE, "checking", "connected", ts=fed.now() - 5.0))
    indicator = window.panels[Peer.LOCAL].indicator
    assert 5.0 <= indicator.time_in_state() < 6.0
    assert indicator.time_text().startswith("for 5.")
    window.bridge.detach()


def test_window_and_layout_have_no_import_cycle() -> None:
    """window_layout takes widgets, not the window: it imports nothing of main_window."""
    tree = ast.parse(inspect.getsource(window_layout))
    imported = {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    assert not any("main_window" in name for name in imported), imported


def test_nothing_in_the_window_probes_the_session() -> None:
    source = inspect.getsource(main_window_module)
    assert "getattr(self.session" not in source
    assert "hasattr(" not in source
    assert "ice_transports" not in source
    assert ".local.pc" not in source and "session.peers()" not in source


def test_about_opens_non_modal(window, qtbot) -> None:
    dialog = window.show_about()
    assert dialog.isVisible()
    assert not dialog.isModal()
    assert dialog.versions["aiortc"] == "1.16.0"
    dialog.close()


def test_window_fits_a_1280x800_laptop(window, fed) -> None:
    """Long status texts (an IPv6 pair, a deep journal path) must not widen the window."""
    window.follow(fed.hub, fed.model, fed.now)
    fed.start()
    v6 = "host udp [2001:db8:1234:5678:9abc:def0:1234:5678]:50000"
    fed.publish(
        SelectedPairChanged(**fed.stamp(), peer=Peer.LOCAL, local=v6, remote=v6),
        HeartbeatCount(**fed.stamp(), peer=Peer.LOCAL, sent=123456, received=123456),
        HeartbeatCount(**fed.stamp(), peer=Peer.REMOTE, sent=123456, received=123456),
    )
    widest = (
        (Machine.ICE, "disconnected"),
        (Machine.CONNECTION, "disconnected"),
        (Machine.GATHERING, "gathering"),
        (Machine.SIGNALING, "have-remote-offer"),
        (Machine.TRANSPORT, "disconnected"),
    )
    for peer in Peer:
        fed.publish(RemoteChannel(**fed.stamp(), peer=Peer.REMOTE, channel="websocket", alive=True))
        for machine, state in widest:
            fed.publish(state_event(machine, "new", state, peer=peer, ts=fed.now()))
    window.status_line.show_model(fed.model, "/home/tester/.local/share/icescope/" + "j" * 80)
    assert window.panels[Peer.REMOTE].minis[Machine.SIGNALING].state == "have-remote-offer"
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800, hint
    assert window.width() <= 1280 and window.height() <= 800
    assert v6 in window.status_line.pair.toolTip()  # the full text stays reachable
    window.bridge.detach()


def test_a_new_call_shows_fresh_peers_and_a_log_row(window, qtbot, fed) -> None:
    """A ``call`` event: the indicators show the new call's peers, the log has its row."""
    from icescope.core.events import CallStarted

    window.follow(fed.hub, fed.model, fed.now)
    fed.start()
    fed.publish(
        state_event(Machine.ICE, "checking", "connected", peer=Peer.LOCAL, ts=fed.now()),
        state_event(Machine.ICE, "connected", "closed", peer=Peer.LOCAL, ts=fed.now()),
    )
    local = window.panels[Peer.LOCAL]
    assert local.indicator.state is IceConnectionState.CLOSED
    fed.publish(
        CallStarted(**fed.stamp(), peer=Peer.LOCAL, number=2, reason="page-rejoined", detail="x")
    )
    assert local.indicator.state is IceConnectionState.NEW
    qtbot.waitUntil(
        lambda: any(e.type == "call" for e in window.log_model.visible_events()), timeout=1000
    )
    window.bridge.detach()
