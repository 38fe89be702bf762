"""QtStatusLine: ICE roles, selected pair, heartbeat counts and journal path, as plain values."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget


@dataclass(frozen=True, slots=True)
class PeerStatus:
    """What the status line says about one peer."""

    name: str
    roles: tuple[str, ...] = ()
    """ICE roles of the peer's transports (``controlling``/``controlled``)."""
    selected: tuple[str, str] | None = None
    """``(local, remote)`` candidate descriptions of the selected pair."""
    sent: int = 0
    received: int = 0


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    """Everything the status line shows."""

    peers: tuple[PeerStatus, ...] = field(default_factory=tuple)
    journal: str | None = None
    journal_error: str | None = None


class QtStatusLine(QWidget):
    """Four labels for the status bar: roles, selected pair, heartbeats, journal.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roles = QLabel(self)
        self.pair = QLabel(self)
        self.heartbeats = QLabel(self)
        self.journal = QLabel(self)
        self.journal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long path must not force the window wider; the tooltip has the full text.
        self.journal.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for i, label in enumerate((self.roles, self.pair, self.heartbeats, self.journal)):
            if i:
                line = QFrame(self)
                line.setFrameShape(QFrame.Shape.VLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                layout.addWidget(line)
            layout.addWidget(label, 1 if label is self.journal else 0)
        self.roles.setToolTip("ICE agent roles (RFC 8445 §6.1.1)")
        self.heartbeats.setToolTip(
            "Heartbeat messages on the data channel, per peer: sent ↑ / received ↓"
        )
        self.set_status(StatusSnapshot())

    def set_status(self, status: StatusSnapshot) -> None:
        """Show ``status``."""
        roles = [f"{p.name} {'/'.join(p.roles) or '?'}" for p in status.peers]
        self.roles.setText("roles: " + ", ".join(roles) if roles else "no session")
        pair = next((p.selected for p in status.peers if p.selected), None)
        self.pair.setText(f"pair: {pair[0]} ⇄ {pair[1]}" if pair else "pair: none selected yet")
        self.pair.setToolTip("Selected candidate pair of the local peer (local ⇄ remote)")
        beats = [f"{p.name} {p.sent}↑ {p.received}↓" for p in status.peers]
        self.heartbeats.setText("heartbeats: " + ", ".join(beats) if beats else "")
        if status.journal_error:
            text = f"journal error: {status.journal_error}"
        elif status.journal:
            text = f"journal: {status.journal}"
        else:
            text = "journal: off"
        self.journal.setText(text)
        self.journal.setToolTip(text)
