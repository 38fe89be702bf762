"""QtPeerPanel: every state machine of one peer, ICE large and the others small, from its model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from ...core.liveness import liveness_of
from ...core.states import Machine
from ..core_texts import cause_text
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..peer_view import PeerView, describe, view_of
from .mini_state import UNKNOWN, QtMiniState
from .state_indicator import QtStateIndicator

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...core.config import IceTimings
    from ...core.model import PeerModel

NOT_REPORTED = "not reported"
"""Shown for a machine whose engine publishes no events (stock aiortc has no transport events)."""

_MINI = (
    (Machine.CONNECTION, "connectionState", "new"),
    (Machine.GATHERING, "iceGatheringState", "new"),
    (Machine.SIGNALING, "signalingState", "stable"),
    (Machine.TRANSPORT, "RTCIceTransport.state", NOT_REPORTED),
)
_LABELS = {
    Machine.CONNECTION: QT_TRANSLATE_NOOP("PeerPanel", "connection"),
    Machine.GATHERING: QT_TRANSLATE_NOOP("PeerPanel", "gathering"),
    Machine.SIGNALING: QT_TRANSLATE_NOOP("PeerPanel", "signaling"),
    Machine.TRANSPORT: QT_TRANSLATE_NOOP("PeerPanel", "ICE transport"),
}
"""Short captions, so two peers and the impair panel fit a 1280-pixel screen side by side
(the tooltip names the W3C attribute)."""


class QtPeerPanel(QGroupBox):
    """One peer's states, rendered from its :class:`~icescope.core.model.PeerModel`.

    Args:
        title: e.g. ``Local peer``.
        description: who this peer is, in words (shown under the title).
        parent: the owning widget.
        subject: what a screen reader calls its ICE indicator ("ICE connection state of …").
    """

    def __init__(
        self, title: str, description: str = "", parent: QWidget | None = None, *, subject: str = ""
    ) -> None:
        super().__init__(title, parent)
        self.indicator = QtStateIndicator("iceConnectionState", self, subject=subject)
        self.minis: dict[Machine, QtMiniState] = {}
        self.description = QLabel(description, self)
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: palette(placeholder-text);")
        self.view = PeerView(True)
        """What is known of this peer (live, stale, unknown) as last shown."""
        grid = QGridLayout(self)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.description, 0, 0, 1, 2)
        grid.addWidget(self.indicator, 1, 0, 1, 2)
        for i, (machine, caption, initial) in enumerate(_MINI):
            mini = QtMiniState(
                caption, initial, self, label=translate("PeerPanel", _LABELS[machine])
            )
            self.minis[machine] = mini
            grid.addWidget(mini, 2 + i // 2, i % 2)

    def set_clock(self, now: Callable[[], float]) -> None:
        """Session time for the "for N s" and "last reported N s ago" texts."""
        self.indicator.set_clock(now)

    def show_peer(
        self,
        peer: PeerModel,
        mode: str,
        who: str = "",
        timings: IceTimings | None = None,
        stats_interval: float = 1.0,
    ) -> None:
        """Show what the model knows of ``peer`` in a session of ``mode``.

        Args:
            peer: the peer's model.
            mode: the session's ``Settings.mode`` (says why a remote may not report).
            who: the session's description of the remote (ignored for the local peer).
            timings: the consent timings of the engine running ``peer`` (None: not known,
                e.g. a browser's), for the countdown to the next verdict.
            stats_interval: seconds between statistics samples.
        """
        view = self.view = view_of(peer, mode)
        self.description.setText(describe(peer, who))
        cause = peer.cause
        why = cause_text(cause) if cause is not None and cause.state == peer.ice.value else ""
        self.indicator.show_value(peer.ice, view, why)
        self.indicator.set_liveness(liveness_of(peer, timings, stats_interval))
        live = view.known and view.stale is None
        for machine, _caption, _initial in _MINI:
            mini = self.minis[machine]
            if not view.known:
                mini.set_state(UNKNOWN, live=False)
            elif machine is Machine.TRANSPORT:
                transports = list(peer.transports.values())
                mini.set_state(transports[-1].value if transports else NOT_REPORTED, live=live)
            else:
                mini.set_state(peer.state(machine).value, live=live)

    def set_recorded(self, title: str | None) -> None:
        """Title the panel for a recording (``title``), or back to its own title (None)."""
        if not hasattr(self, "_own_title"):
            self._own_title = self.title()
        self.setTitle(self._own_title if title is None else title)

    def set_description(self, text: str) -> None:
        """Say who this peer is."""
        self.description.setText(text)
