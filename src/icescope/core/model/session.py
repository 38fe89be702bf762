"""SessionModel: the one read model of a session, a pure fold of its events.

Every reader reads it: the window's indicators, controls and status line, the probe's summary
and verdict, exports and reports. It never calls a peer, never polls and never sleeps; durations
are computed from event timestamps and a ``now`` the reader passes in (session time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..events import (
    ExpectationResult,
    Listening,
    LocalDescription,
    Notice,
    Peer,
    ScenarioPlan,
    SessionMarker,
)
from .history import History
from .peer import PeerModel

if TYPE_CHECKING:
    from ..events import SessionEvent


@dataclass(slots=True)
class SessionModel:
    """Both peers' models plus what belongs to the session as a whole."""

    peers: dict[Peer, PeerModel] = field(
        default_factory=lambda: {p: PeerModel(p) for p in (Peer.LOCAL, Peer.REMOTE)}
    )
    events: int = 0
    """Events folded so far."""
    last_ts: float = 0.0
    """Session time of the latest event."""
    description: str = ""
    """The start marker's description of the session (mode, addresses, timings)."""
    started: bool = False
    ended: bool = False
    """True once the session's ``end`` marker arrived."""
    notices: list[Notice] = field(default_factory=list)
    """Warnings and errors, in order."""
    listening: Listening | None = None
    local_description: LocalDescription | None = None
    history: History = field(default_factory=History)
    """What graphs and the timeline draw (bounded series, state changes, marks)."""
    scenario: ScenarioPlan | None = None
    """The scenario this session runs, if any."""
    expectations: list[ExpectationResult] = field(default_factory=list)
    """The scenario's verdicts, in order (judged once the session ended)."""

    @property
    def local(self) -> PeerModel:
        """The local peer (this process's aiortc peer)."""
        return self.peers[Peer.LOCAL]

    @property
    def remote(self) -> PeerModel:
        """The remote peer, as observed in process or as it reports itself."""
        return self.peers[Peer.REMOTE]

    def apply(self, event: SessionEvent) -> None:
        """Fold one event; never raises for a well-typed event."""
        self.events += 1
        self.last_ts = max(self.last_ts, event.ts)
        self.history.apply(event)
        if isinstance(event, SessionMarker):
            if event.phase == "start":
                self.started = True
                self.description = event.detail
            elif event.phase == "end":
                self.ended = True
            return
        if isinstance(event, Notice):
            if event.level in ("warning", "error"):
                self.notices.append(event)
            return
        if isinstance(event, Listening):
            self.listening = event
            return
        if isinstance(event, ScenarioPlan):
            self.scenario = event
            return
        if isinstance(event, ExpectationResult):
            self.expectations.append(event)
            return
        if isinstance(event, LocalDescription):
            self.local_description = event
            return
        self.peers[event.peer].apply(event)
