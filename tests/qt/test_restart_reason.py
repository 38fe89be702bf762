"""Restart ICE is off, with the reason, while the remote is gone or was never there.

Hand-built event sequences through the real hub and model; the reason on the button is read
from the model only (its tooltip, the action's status tip, the accessible description).
"""

from __future__ import annotations

import pytest

from icescope.core.events import Peer, RemoteChannel
from icescope.core.ice.capabilities import Capabilities
from icescope.core.states import Machine, Provenance
from icescope.qt.commands import commands_of
from icescope.qt.widgets.controls import QtControls

from .conftest import state_event

NO_REMOTE = "no remote peer yet"


@pytest.fixture
def controls(qtbot):
    w = QtControls()
    qtbot.addWidget(w)
    w.show()
    return w


def _show(controls: QtControls, fed) -> str | None:
    """Render the model's commands; return the Restart reason (None: enabled)."""
    commands = commands_of(fed.model, Capabilities(), busy=False)
    controls.set_commands(
        restart=commands.restart,
        close=commands.close,
        busy=commands.busy,
        capability_off=commands.capability_off,
    )
    button = controls.buttons["restart"]
    assert controls.restart_action.isEnabled() is (commands.restart is None)
    # One text everywhere: tooltip, status bar tip and the screen reader's description.
    assert button.toolTip() == controls.restart_action.statusTip()
    assert button.toolTip() == button.accessibleDescription()
    if commands.restart is not None:
        assert commands.restart in button.toolTip()
        assert button.toolTip().startswith("Restart ICE unavailable: ")
        assert controls.hint.text() == ""  # the engine can restart: no capability hint
    return commands.restart


def _channel(fed, channel: str, *, alive: bool, detail: str = "") -> None:
    fed.publish(
        RemoteChannel(**fed.stamp(), peer=Peer.REMOTE, channel=channel, alive=alive, detail=detail)
    )


def test_browser_page_not_yet_joined_then_joined_gone_and_back(controls, fed) -> None:
    fed.start("browser")
    assert NO_REMOTE in (_show(controls, fed) or "")
    _channel(fed, "websocket", alive=True, detail="browser page connected")
    assert _show(controls, fed) is None
    _channel(fed, "websocket", alive=False, detail="the page left without a bye")
    why = _show(controls, fed) or ""
    assert why.startswith("the remote is gone (the page left without a bye)"), why
    _channel(fed, "websocket", alive=True, detail="browser page connected")  # a reload
    assert _show(controls, fed) is None


def test_tcp_peer_gone_after_it_answered(controls, fed) -> None:
    fed.start("tcp-listen")
    assert NO_REMOTE in (_show(controls, fed) or "")
    _channel(fed, "tcp", alive=True, detail="connected with 127.0.0.1:40000")
    fed.publish(state_event(Machine.SIGNALING, "stable", "have-local-offer", ts=fed.now()))
    fed.publish(state_event(Machine.SIGNALING, "have-local-offer", "stable", ts=fed.now()))
    assert _show(controls, fed) is None
    _channel(fed, "tcp", alive=False, detail="connection closed by the other side")
    assert "connection closed by the other side" in (_show(controls, fed) or "")


def test_the_remote_reports_its_own_close(controls, fed) -> None:
    fed.start("browser")
    _channel(fed, "websocket", alive=True)
    fed.publish(
        state_event(Machine.CONNECTION, "connected", "closed", peer=Peer.REMOTE, ts=fed.now())
    )
    assert "the remote peer closed its connection" in (_show(controls, fed) or "")


@pytest.mark.parametrize(
    ("steps", "ready"),
    [
        ([], False),
        ([("stable", "have-local-offer")], False),  # our offer, not answered yet
        ([("stable", "have-local-offer"), ("have-local-offer", "stable")], True),  # answered
        ([("stable", "have-remote-offer")], True),  # their offer applied
        ([("stable", "have-remote-offer"), ("have-remote-offer", "stable")], True),
    ],
)
def test_paste_session_needs_a_remote_description(controls, fed, steps, ready) -> None:
    """A paste session has no channel: the remote exists once its description was applied."""
    fed.start("paste")
    for previous, state in steps:
        fed.publish(state_event(Machine.SIGNALING, previous, state, ts=fed.now()))
    why = _show(controls, fed)
    assert (why is None) is ready, why
    if not ready:
        assert NO_REMOTE in (why or "")


def test_loopback_is_ready_at_once_and_closed_says_closed(controls, fed) -> None:
    fed.start("loopback")
    _channel(fed, "in-process", alive=True)
    assert _show(controls, fed) is None
    fed.publish(
        state_event(
            Machine.CONNECTION, "connected", "closed", provenance=Provenance.LOCAL_CLOSE, ts=1
        )
    )
    assert (_show(controls, fed) or "").startswith("session closed")
