"""QtControls: clicks and shortcuts emit requests; commands are enabled only when meaningful."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from icescope.core.events import Peer, RemoteChannel, SessionMarker
from icescope.core.ice.capabilities import Capabilities
from icescope.core.states import Machine, Provenance
from icescope.qt.commands import REMOTE_ELSEWHERE, commands_of
from icescope.qt.widgets.controls import QtControls
from icescope.qt.widgets.impair_panel import QtImpairPanel

from .conftest import state_event


@pytest.fixture
def controls(qtbot):
    w = QtControls()
    qtbot.addWidget(w)
    w.show()
    return w


def _enabled(c: QtControls) -> dict[str, bool]:
    return {k: b.isEnabled() for k, b in c.buttons.items()}


def test_buttons_emit_their_signals(controls, qtbot) -> None:
    controls.set_commands(restart=None, close=None, busy=False)
    for key, signal in (
        ("restart", controls.restart_requested),
        ("close", controls.close_requested),
        ("new", controls.new_session_requested),
        ("repeat", controls.repeat_session_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.mouseClick(controls.buttons[key], Qt.MouseButton.LeftButton)


def test_disabled_buttons_emit_nothing_and_say_why(controls, qtbot) -> None:
    controls.set_commands(restart="session closed", close="session closed", busy=False)
    with qtbot.assertNotEmitted(controls.close_requested, wait=50):
        qtbot.mouseClick(controls.buttons["close"], Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(controls.restart_requested, wait=50):
        qtbot.mouseClick(controls.buttons["restart"], Qt.MouseButton.LeftButton)
    assert "session closed" in controls.buttons["close"].toolTip()
    assert "session closed" in controls.buttons["restart"].toolTip()


def _model(
    fed,
    *,
    closed_by: Provenance | None = None,
    channel: str = "in-process",
    ended: bool = True,
):
    fed.start()
    fed.publish(RemoteChannel(**fed.stamp(), peer=Peer.REMOTE, channel=channel, alive=True))
    if closed_by is not None:
        fed.publish(
            state_event(Machine.CONNECTION, "connected", "closed", provenance=closed_by, ts=1)
        )
        phase = "end" if ended else "waiting"
        fed.publish(SessionMarker(**fed.stamp(), peer=Peer.LOCAL, phase=phase))
    return fed.model


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("no-session", {"restart": False, "close": False, "new": True, "repeat": True}),
        ("open", {"restart": True, "close": True, "new": True, "repeat": True}),
        ("degraded", {"restart": False, "close": True, "new": True, "repeat": True}),
        ("closed", {"restart": False, "close": False, "new": True, "repeat": True}),
        # the call ended, the session waits for the remote to come back: Close ends it
        ("waiting", {"restart": False, "close": True, "new": True, "repeat": True}),
        ("busy", {"restart": False, "close": False, "new": False, "repeat": False}),
    ],
)
def test_enabled_only_when_meaningful(controls, fed, case, expected) -> None:
    model = (
        None
        if case == "no-session"
        else _model(
            fed,
            closed_by=Provenance.AUTO_CLOSE if case in ("closed", "waiting") else None,
            ended=case == "closed",
        )
    )
    caps = Capabilities.degraded("aiortc 1.15") if case == "degraded" else Capabilities()
    commands = commands_of(model, caps, busy=case == "busy")
    controls.set_commands(
        restart=commands.restart,
        close=commands.close,
        busy=commands.busy,
        capability_off=commands.capability_off,
    )
    assert _enabled(controls) == expected
    if case == "waiting":
        assert "waits for the remote to come back" in controls.buttons["restart"].toolTip()


def test_disabled_controls_carry_the_capability_reason(qtbot, controls, fed) -> None:
    """Degraded engine: Restart and the impair panel are off, each with the engine's reason."""
    caps = Capabilities.degraded("aiortc 1.15.0 is not the pinned 1.16.0")
    commands = commands_of(_model(fed), caps, busy=False)
    controls.set_commands(
        restart=commands.restart,
        close=commands.close,
        busy=commands.busy,
        capability_off=commands.capability_off,
    )
    assert not controls.restart_action.isEnabled()
    assert "aiortc 1.15.0 is not the pinned 1.16.0" in controls.buttons["restart"].toolTip()
    assert controls.hint.text() == "Restart ICE unavailable: the ICE engine cannot restart"
    assert controls.close_action.isEnabled()
    panel = QtImpairPanel()
    qtbot.addWidget(panel)
    panel.set_available(commands.impair is None, commands.impair or "")
    assert not panel.available
    assert "aiortc 1.15.0 is not the pinned 1.16.0" in panel.toolTip()


def test_closed_session_says_why_it_is_closed(controls, fed) -> None:
    commands = commands_of(
        _model(fed, closed_by=Provenance.PAGE_CLOSED), Capabilities(), busy=False
    )
    controls.set_commands(restart=commands.restart, close=commands.close, busy=False)
    assert "session closed: the browser page closed its connection" in (
        controls.buttons["close"].toolTip()
    )


def test_remote_impairment_needs_the_remote_in_this_process(qtbot, fed) -> None:
    commands = commands_of(_model(fed, channel="websocket"), Capabilities(), busy=False)
    assert commands.impair is None
    assert commands.impair_remote == REMOTE_ELSEWHERE
    panel = QtImpairPanel()
    qtbot.addWidget(panel)
    panel.peer_combo.setCurrentIndex(1)
    panel.set_available(True)
    panel.set_remote_available(commands.impair_remote)
    assert panel.peer_combo.currentText() == "local"
    item = panel.peer_combo.model().item(1)
    assert not item.isEnabled()
    assert "another process" in item.toolTip()
