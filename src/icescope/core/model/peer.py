"""PeerModel: everything known about one peer, folded from its events (no I/O, no clock)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..events import (
    CandidateGathered,
    Cause,
    ConnectivityWait,
    HeartbeatCount,
    IceRestart,
    Impairment,
    RemoteChannel,
    RoleChanged,
    SelectedPairChanged,
    StateChanged,
    StatsSample,
)
from ..states import CLOSE_PROVENANCES, INITIAL_STATES, Machine, Provenance

if TYPE_CHECKING:
    from ..events import Peer, SessionEvent

_INITIAL: dict[Machine, str] = {
    m: v for m, v in INITIAL_STATES.items() if m is not Machine.TRANSPORT
}
_PC_MACHINES = frozenset(_INITIAL)


def _applies_remote(previous: str, state: str) -> bool:
    """Whether a ``signalingState`` change means a remote description was applied."""
    if state in ("have-remote-offer", "have-remote-pranswer"):
        return True  # the remote's offer (or provisional answer)
    return state == "stable" and previous in ("have-local-offer", "have-local-pranswer")


@dataclass(frozen=True, slots=True)
class StateValue:
    """One machine's value, when it was entered and who says so."""

    value: str
    since: float | None
    """Session time the value was entered; None for the initial value nobody reported."""
    provenance: Provenance = Provenance.REPORTED
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Staleness:
    """Why a peer's last reported values may no longer be true."""

    reason: str
    last_report: float | None
    """Session time of the last fact about the peer (None: never reported)."""


@dataclass(slots=True)
class PeerModel:
    """The fold of one peer's events. Read by every view; written only by :meth:`apply`."""

    peer: Peer
    observed: bool = False
    """True once any fact about this peer's own states arrived."""
    states: dict[Machine, StateValue] = field(
        default_factory=lambda: {m: StateValue(v, None) for m, v in _INITIAL.items()}
    )
    transports: dict[str, StateValue] = field(default_factory=dict)
    """Per ICE transport (``icetransportstatechange`` detail names it)."""
    time_in: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each ``iceConnectionState`` already left (where its entry is known)."""
    checking_at: float | None = None
    """Session time ICE first went ``checking``."""
    connected_at: float | None = None
    """Session time ICE first reached ``connected``/``completed``."""
    failed_seen: bool = False
    selected: SelectedPairChanged | None = None
    selected_changes: int = 0
    role: RoleChanged | None = None
    offerer: bool | None = None
    """Whether this peer sent the first offer (from its first signaling change; None before)."""
    remote_described: bool = False
    """True once this peer applied a description from its remote (an offer or an answer):
    from then on it has a remote to restart ICE with."""
    restarts_completed: int = 0
    restarts_abandoned: int = 0
    restart_pending: IceRestart | None = None
    pac: ConnectivityWait | None = None
    """The latest ICE PAC (RFC 8863) fact of the active generation's checks."""
    restart_pac: ConnectivityWait | None = None
    """The latest ICE PAC fact of a restart's generation (cleared when the restart ends)."""
    impairments: dict[tuple[str, str], Impairment] = field(default_factory=dict)
    """Active impairments by ``(kind, direction)``."""
    heartbeat: HeartbeatCount | None = None
    """The latest heartbeat counters (``final`` once the peer stopped)."""
    stats: StatsSample | None = None
    """The latest statistics sample."""
    candidates: list[CandidateGathered] = field(default_factory=list)
    channel: RemoteChannel | None = None
    """For a peer that reports its own states: the channel carrying the reports."""
    last_report: float | None = None
    """Session time of the latest fact about this peer."""
    ended_in: str | None = None
    """The ``iceConnectionState`` the peer was in when it closed (None while open)."""
    closed_by: Provenance | None = None
    """Why the peer closed, once ``connectionState`` is ``closed``."""
    cause: Cause | None = None
    """The cause of the latest ``disconnected``/``failed``/``closed`` or abandoned restart."""

    # ------------------------------------------------------------------ reading
    @property
    def ice(self) -> StateValue:
        """``iceConnectionState``."""
        return self.states[Machine.ICE]

    def state(self, machine: Machine) -> StateValue:
        """The value of one peer-connection-level machine."""
        return self.states[machine]

    @property
    def closed(self) -> bool:
        """True once ``connectionState`` (or ``iceConnectionState``) is ``closed``."""
        return "closed" in (self.ice.value, self.states[Machine.CONNECTION].value)

    def time_in_state(self, now: float) -> dict[str, float]:
        """Seconds per ICE state, the current one up to ``now`` (unknown entries left out)."""
        totals = dict(self.time_in)
        current = self.ice
        if current.since is not None:
            totals[current.value] = totals.get(current.value, 0.0) + max(0.0, now - current.since)
        return {k: round(v, 6) for k, v in totals.items()}

    def in_state_for(self, now: float) -> float | None:
        """Seconds in the current ICE state (None when its entry is unknown)."""
        since = self.ice.since
        return None if since is None else max(0.0, now - since)

    def time_to_connect(self) -> float | None:
        """Seconds from the start of checking to the first ``connected`` (None until then)."""
        if self.checking_at is None or self.connected_at is None:
            return None
        return round(self.connected_at - self.checking_at, 6)

    def pac_notice(self, now: float) -> str | None:
        """What ICE PAC is waiting for, with the seconds left at ``now`` (None: not waiting)."""
        for wait in (self.pac, self.restart_pac):
            if wait is not None and wait.phase == "waiting":
                return wait.message(now)
        return None

    @property
    def no_path(self) -> ConnectivityWait | None:
        """The Tpac expiry that failed the first checks (a path that never existed), if any."""
        if self.pac is not None and self.pac.phase == "expired" and self.connected_at is None:
            return self.pac
        return None

    def staleness(self) -> Staleness | None:
        """Why the reported values may be out of date, or None while they are live."""
        if self.channel is not None and not self.channel.alive and not self.closed:
            reason = self.channel.detail or f"the {self.channel.channel} channel is gone"
            return Staleness(reason, self.last_report)
        return None

    # ------------------------------------------------------------------ folding
    def apply(self, event: SessionEvent) -> None:
        """Fold one event that belongs to this peer."""
        if isinstance(event, StateChanged):
            self._state(event)
        elif isinstance(event, SelectedPairChanged):
            self.selected = event
            self.selected_changes += 1
        elif isinstance(event, RoleChanged):
            self.role = event
        elif isinstance(event, IceRestart):
            self._restart(event)
        elif isinstance(event, ConnectivityWait):
            if event.restart:
                self.restart_pac = event
            else:
                self.pac = event
        elif isinstance(event, Impairment):
            self._impairment(event)
        elif isinstance(event, HeartbeatCount):
            if self.heartbeat is None or event.final or not self.heartbeat.final:
                self.heartbeat = event  # a late running count never replaces a final one
        elif isinstance(event, StatsSample):
            self.stats = event
        elif isinstance(event, CandidateGathered):
            self.candidates.append(event)
        elif isinstance(event, Cause):
            self.cause = event
            return  # an explanation, not a fact reported by the peer
        elif isinstance(event, RemoteChannel):
            self.channel = event
            return  # news about the channel, not about the peer's own states
        else:
            return
        if not isinstance(event, Impairment):
            self.last_report = event.ts

    def _state(self, event: StateChanged) -> None:
        self.observed = True
        value = StateValue(event.state, event.ts, event.provenance, event.detail)
        if event.machine is Machine.TRANSPORT:
            self.transports[event.detail or "transport"] = value
            return
        if event.machine not in _PC_MACHINES:
            return
        if self.offerer is None and event.state in ("have-local-offer", "have-remote-offer"):
            self.offerer = event.state == "have-local-offer"
        if event.machine is Machine.SIGNALING and _applies_remote(event.previous, event.state):
            self.remote_described = True
        if event.machine is Machine.CONNECTION and event.state == "closed":
            self.impairments.clear()  # they lived on its sockets, which are gone
        if event.machine is Machine.ICE:
            previous = self.states[Machine.ICE]
            left = event.in_previous
            if left is None and previous.since is not None:
                left = event.ts - previous.since
            if left is not None:
                self.time_in[event.previous] = self.time_in.get(event.previous, 0.0) + left
            if event.state == "checking" and self.checking_at is None:
                self.checking_at = event.ts
            if event.state in ("connected", "completed") and self.connected_at is None:
                self.connected_at = event.ts
            if event.state == "failed":
                self.failed_seen = True
            if event.state == "closed" and self.ended_in is None:
                self.ended_in = event.previous
        if event.state == "closed" and event.provenance in CLOSE_PROVENANCES:
            self.closed_by = self.closed_by or event.provenance
        self.states[event.machine] = value

    def _restart(self, event: IceRestart) -> None:
        if event.phase != "start":
            self.restart_pac = None
        if event.phase == "start":
            self.restart_pending = event
        elif event.phase == "complete":
            self.restarts_completed += 1
            self.restart_pending = None
        elif event.phase == "abandoned":
            self.restarts_abandoned += 1
            self.restart_pending = None

    def _impairment(self, event: Impairment) -> None:
        if event.kind == "clear":
            if event.direction == "both":
                self.impairments.clear()
                return
            other = "out" if event.direction == "in" else "in"
            for (kind, direction), active in list(self.impairments.items()):
                if direction == event.direction:
                    del self.impairments[(kind, direction)]
                elif direction == "both":
                    # a one-way clear leaves the other direction of a two-way impairment
                    del self.impairments[(kind, direction)]
                    self.impairments[(kind, other)] = active
            return
        key = (event.kind, event.direction)
        if event.active:
            self.impairments[key] = event
        else:
            self.impairments.pop(key, None)
