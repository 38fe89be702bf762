"""QtImpairPanel: requests carry the chosen peer/direction/value; state comes from events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from icescope.core.events import Impairment, Peer
from icescope.qt.commands import NO_SESSION
from icescope.qt.widgets.impair_panel import ImpairRequest, QtImpairPanel


@pytest.fixture
def panel(qtbot):
    w = QtImpairPanel()
    qtbot.addWidget(w)
    w.show()
    return w


def test_disabled_until_available_with_reason(panel, qtbot) -> None:
    assert not panel.available
    assert not panel.blackout_now.isEnabled()
    assert panel.toolTip() == NO_SESSION
    with qtbot.assertNotEmitted(panel.impair_requested, wait=50):
        qtbot.mouseClick(panel.blackout_now, Qt.MouseButton.LeftButton)
    panel.set_available(True)
    assert panel.blackout_now.isEnabled()
    assert panel.toolTip() == ""


@pytest.mark.parametrize(
    ("button", "setup", "expected"),
    [
        ("blackout_now", None, ImpairRequest("remote", "blackout", "in", 0.0)),
        (
            "blackout_timed",
            ("blackout_seconds", 2.5),
            ImpairRequest("remote", "blackout", "in", 2.5),
        ),
        ("loss_apply", ("loss_percent", 35), ImpairRequest("remote", "loss", "in", 35.0)),
        ("delay_apply", ("delay_ms", 400), ImpairRequest("remote", "delay", "in", 400.0)),
        ("clear_button", None, ImpairRequest("remote", "clear", "in", 0.0)),
    ],
)
def test_buttons_emit_requests(panel, qtbot, button, setup, expected) -> None:
    panel.set_available(True)
    panel.peer_combo.setCurrentText("remote")
    panel.direction_combo.setCurrentText("in")
    if setup:
        getattr(panel, setup[0]).setValue(setup[1])
    with qtbot.waitSignal(panel.impair_requested, timeout=1000) as blocker:
        qtbot.mouseClick(getattr(panel, button), Qt.MouseButton.LeftButton)
    assert blocker.args == [expected]


def _imp(fed, kind: str, *, active: bool = True, value: float = 0.0, peer: Peer = Peer.LOCAL):
    return Impairment(
        **fed.stamp(), peer=peer, kind=kind, direction="both", value=value, active=active
    )


def test_active_summary_follows_the_model(panel, fed) -> None:
    panel.set_available(True)
    fed.publish(_imp(fed, "loss", value=20), _imp(fed, "blackout", value=5, peer=Peer.REMOTE))
    panel.show_model(fed.model)
    text = panel.active_label.text()
    assert text == "Active: local: loss 20% (both); remote: blackout 5 s (both)"
    fed.publish(_imp(fed, "blackout", active=False, value=5, peer=Peer.REMOTE))
    panel.show_model(fed.model)
    assert "remote" not in panel.active_label.text()
    fed.publish(_imp(fed, "clear"))
    panel.show_model(fed.model)
    assert panel.active_label.text() == "No impairment active"


def test_default_peer_is_the_probes(panel) -> None:
    from icescope.core.events.base import DEFAULT_IMPAIR_PEER

    assert panel.peer_combo.currentData() == DEFAULT_IMPAIR_PEER.value


def test_active_summary_reads_as_the_combos_do_in_german(german, qtbot, fed) -> None:
    # The words of the peer and direction combos and of the buttons, not the core's English.
    panel = QtImpairPanel()
    qtbot.addWidget(panel)
    panel.set_available(True)
    assert [panel.peer_combo.itemText(i) for i in range(2)] == ["lokal", "entfernt"]
    fed.publish(
        _imp(fed, "blackout", peer=Peer.REMOTE),
        Impairment(**fed.stamp(), peer=Peer.LOCAL, kind="delay", direction="out", value=0.5),
    )
    panel.show_model(fed.model)
    assert panel.active_label.text() == (
        "Aktiv: lokal: Verzögerung 0,5 ms (aus); entfernt: Ausfall (beide)"
    )
