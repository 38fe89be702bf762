"""Calls: a session that outlives its remote holds one call per remote peer it met.

A session's first call begins with the session; each :class:`~icescope.core.events.CallStarted`
ends the current call and begins the next one with fresh peer models (a new local peer
connection, a new remote). What a finished call was is kept as a :class:`CallOutcome` (its own
figures, heartbeats accounted within the call, so nothing is counted twice), and the
session-wide running totals a scrape needs (restarts, seconds per state, heartbeats) add the
finished calls' figures to the current one's, so counters never go back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..events import Peer
from .delivery import Delivery, delivery

if TYPE_CHECKING:
    from .peer import PeerModel


@dataclass(frozen=True, slots=True)
class CallOutcome:
    """What one call of the session was, from its peers' models."""

    number: int
    started: float
    """Session time the call began (0 for the first)."""
    ended: float | None
    """Session time the next call replaced it (None: the current call)."""
    connected: bool
    """The local peer reached ``connected``/``completed`` in this call."""
    time_to_connect: float | None
    failed_seen: bool
    final_state: str
    """The local peer's ``iceConnectionState`` at the end of the call (or now)."""
    ended_in: str | None
    """The state the local peer was in when it closed (None while open)."""
    closed_by: str | None
    restarts: int
    heartbeats: dict[str, Delivery]
    """Per receiving peer: what it received of what the other sent, within this call."""

    @property
    def ended_failed(self) -> bool:
        """ICE was ``failed`` when the call ended (no restart brought it back)."""
        last = self.ended_in if self.final_state == "closed" else self.final_state
        return self.connected and last == "failed"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (one entry of the summary's ``call_history``)."""
        return {
            "call": self.number,
            "started": round(self.started, 6),
            "ended": None if self.ended is None else round(self.ended, 6),
            "connected": self.connected,
            "time_to_connect": self.time_to_connect,
            "failed_seen": self.failed_seen,
            "ended_failed": self.ended_failed,
            "final_state": self.final_state,
            "closed_by": self.closed_by,
            "restarts": self.restarts,
            "peers": {name: d.to_dict() for name, d in self.heartbeats.items()},
        }


def outcome(
    number: int, started: float, ended: float | None, local: PeerModel, remote: PeerModel
) -> CallOutcome:
    """The outcome of the call whose peers are ``local`` and ``remote``."""
    return CallOutcome(
        number=number,
        started=started,
        ended=ended,
        connected=local.connected_at is not None,
        time_to_connect=local.time_to_connect(),
        failed_seen=local.failed_seen,
        final_state=local.ice.value,
        ended_in=local.ended_in,
        closed_by=local.closed_by.value if local.closed_by else None,
        restarts=local.restarts_completed,
        heartbeats={
            Peer.LOCAL.value: delivery(local, remote),
            Peer.REMOTE.value: delivery(remote, local),
        },
    )


@dataclass(slots=True)
class Totals:
    """One peer's figures summed over the finished calls (never decreasing)."""

    time_in: dict[str, float] = field(default_factory=dict)
    restarts: int = 0
    heartbeats_sent: int = 0
    heartbeats_received: int = 0
    heartbeats_lost: int = 0
    """Only calls whose loss is known add to it (see :class:`Delivery`)."""

    def add(self, peer: PeerModel, other: PeerModel, now: float) -> None:
        """Add the finished call of ``peer`` (whose counterpart was ``other``)."""
        for state, spent in peer.time_in_state(now).items():
            self.time_in[state] = self.time_in.get(state, 0.0) + spent
        self.restarts += peer.restarts_completed
        beat = peer.heartbeat
        if beat is not None:
            self.heartbeats_sent += beat.sent
            self.heartbeats_received += beat.received or 0
        lost = delivery(peer, other).lost
        self.heartbeats_lost += lost or 0
