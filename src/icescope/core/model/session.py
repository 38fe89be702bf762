"""SessionModel: the one read model of a session, a pure fold of its events.

Every reader reads it: the window's indicators, controls and status line, the probe's summary
and verdict, exports and reports. It never calls a peer, never polls and never sleeps; durations
are computed from event timestamps and a ``now`` the reader passes in (session time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..events import (
    CallStarted,
    ExpectationResult,
    Listening,
    LocalDescription,
    Notice,
    Peer,
    ScenarioPlan,
    SessionMarker,
)
from .calls import CallOutcome, Totals, outcome
from .conditions import Conditions
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
    waiting: str | None = None
    """Why the session waits for its next call (its current call ended), or None."""
    """True once the session's ``end`` marker arrived."""
    notices: list[Notice] = field(default_factory=list)
    """Warnings and errors, in order."""
    listening: Listening | None = None
    local_description: LocalDescription | None = None
    history: History = field(default_factory=History)
    """What graphs and the timeline draw (bounded series, state changes, marks)."""
    call: int = 1
    """The current call's number (a new one each time the remote came back as a new peer)."""
    call_started: float = 0.0
    """Session time the current call began."""
    finished_calls: list[CallOutcome] = field(default_factory=list)
    """The calls before the current one, in order (each with its own figures)."""
    earlier: dict[Peer, Totals] = field(
        default_factory=lambda: {p: Totals() for p in (Peer.LOCAL, Peer.REMOTE)}
    )
    """Per peer: the finished calls' figures summed (add the current call's for a total)."""
    conditions: Conditions = field(default_factory=Conditions)
    """Problems open now (what a banner shows; closed when the problem ends)."""
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

    def calls(self, now: float) -> list[CallOutcome]:
        """Every call so far, the current one last (its figures as of ``now``)."""
        current = outcome(self.call, self.call_started, None, self.local, self.remote)
        return [*self.finished_calls, current]

    def time_in_state_total(self, peer: Peer, now: float) -> dict[str, float]:
        """Seconds per ICE state over every call, the current one up to ``now``."""
        totals = dict(self.earlier[peer].time_in)
        for state, spent in self.peers[peer].time_in_state(now).items():
            totals[state] = totals.get(state, 0.0) + spent
        return {k: round(v, 6) for k, v in totals.items()}

    def _new_call(self, event: CallStarted) -> None:
        local, remote = self.local, self.remote
        self.finished_calls.append(outcome(self.call, self.call_started, event.ts, local, remote))
        self.earlier[Peer.LOCAL].add(local, remote, event.ts)
        self.earlier[Peer.REMOTE].add(remote, local, event.ts)
        fresh = PeerModel(Peer.REMOTE)
        fresh.channel = remote.channel  # the channel carrying reports is the session's
        self.peers = {Peer.LOCAL: PeerModel(Peer.LOCAL), Peer.REMOTE: fresh}
        self.call = event.number
        self.call_started = event.ts
        self.waiting = None

    def apply(self, event: SessionEvent) -> None:
        """Fold one event; never raises for a well-typed event."""
        self.events += 1
        self.last_ts = max(self.last_ts, event.ts)
        self.history.apply(event)
        self.conditions.apply(event)
        if isinstance(event, SessionMarker):
            if event.phase == "start":
                self.started = True
                self.description = event.detail
            elif event.phase == "end":
                self.ended, self.waiting = True, None
            elif event.phase == "waiting":
                self.waiting = event.detail
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
        if isinstance(event, CallStarted):
            self._new_call(event)
            return
        self.peers[event.peer].apply(event)
