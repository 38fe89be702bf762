"""QtPeerPanel: every state machine of one peer, ICE large and the others small."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from ...core.states import IceConnectionState, Machine, Provenance
from .state_indicator import QtMiniState, QtStateIndicator

if TYPE_CHECKING:
    from ...core.events import StateChanged

NOT_REPORTED = "not reported"
"""Shown for a machine whose engine publishes no events (stock aiortc has no transport events)."""

_MINI = (
    (Machine.CONNECTION, "connectionState", "new"),
    (Machine.GATHERING, "iceGatheringState", "new"),
    (Machine.SIGNALING, "signalingState", "stable"),
    (Machine.TRANSPORT, "iceTransport", NOT_REPORTED),
)


class QtPeerPanel(QGroupBox):
    """One peer's states.

    Args:
        title: e.g. ``Local peer``.
        description: who this peer is, in words (shown under the title).
        parent: the owning widget.
    """

    def __init__(self, title: str, description: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.indicator = QtStateIndicator("iceConnectionState", self)
        self.minis: dict[Machine, QtMiniState] = {}
        self.description = QLabel(description, self)
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: palette(placeholder-text);")
        grid = QGridLayout(self)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.description, 0, 0, 1, 2)
        grid.addWidget(self.indicator, 1, 0, 1, 2)
        for i, (machine, caption, initial) in enumerate(_MINI):
            mini = QtMiniState(caption, initial, self)
            self.minis[machine] = mini
            grid.addWidget(mini, 2 + i // 2, i % 2)

    def set_description(self, text: str) -> None:
        """Say who this peer is."""
        self.description.setText(text)

    def show_state(self, event: StateChanged) -> None:
        """Show a state change of this peer (the window routes only this peer's events)."""
        if event.machine is Machine.ICE:
            self.indicator.set_state(event.state, event.provenance)
        elif event.machine in self.minis:
            self.minis[event.machine].set_state(event.state)

    def reset(self) -> None:
        """Back to the initial values (a new session starts)."""
        self.indicator.set_state(IceConnectionState.NEW, Provenance.REPORTED)
        for machine, _caption, initial in _MINI:
            self.minis[machine].set_state(initial)
