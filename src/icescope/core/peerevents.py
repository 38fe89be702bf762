"""PeerEvents: one peer connection's pyee events, turned into typed session events.

One private setter per state machine drops duplicates, keeps the time spent in each
``iceConnectionState``, and publishes :class:`~icescope.core.events.StateChanged`; the engine's
own events (per-transport states, ICE restarts, selected pair) and gathered candidates are
translated here too. Listeners never raise: pyee would re-emit an exception as an ``error``
event and the peer would stop reporting.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from .events import (
    CandidateGathered,
    ConnectivityWait,
    IceRestart,
    SelectedPairChanged,
    StateChanged,
)
from .ice.introspect import describe_candidate, local_candidates, selected_pair
from .states import (
    CLOSE_CAUSES,
    STATE_TYPES,
    ConnectionState,
    IceConnectionState,
    IceGatheringState,
    IceTransportState,
    Machine,
    Provenance,
    SignalingState,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from .clock import SessionClock
    from .events import Peer, SessionEvent
    from .ice.peerconnection import IcePeerConnection

logger = logging.getLogger(__name__)

_PC_EVENTS: dict[str, Machine] = {
    "iceconnectionstatechange": Machine.ICE,
    "connectionstatechange": Machine.CONNECTION,
    "icegatheringstatechange": Machine.GATHERING,
    "signalingstatechange": Machine.SIGNALING,
}

_ATTRIBUTES: dict[Machine, str] = {
    Machine.ICE: "iceConnectionState",
    Machine.CONNECTION: "connectionState",
    Machine.GATHERING: "iceGatheringState",
    Machine.SIGNALING: "signalingState",
}


class PeerEvents:
    """Translate the events of ``pc`` into typed events for ``peer``.

    Args:
        peer: which side ``pc`` is.
        pc: the peer connection to listen to.
        clock: the session clock, for timestamps.
        publish: where typed events go.
    """

    def __init__(
        self,
        peer: Peer,
        pc: IcePeerConnection,
        clock: SessionClock,
        publish: Callable[[SessionEvent], None],
    ) -> None:
        self.peer = peer
        self.pc = pc
        self._clock = clock
        self._publish = publish
        self._states: dict[Machine, tuple[str, float]] = {
            Machine.ICE: (IceConnectionState.NEW.value, 0.0),
            Machine.CONNECTION: (ConnectionState.NEW.value, 0.0),
            Machine.GATHERING: (IceGatheringState.NEW.value, 0.0),
            Machine.SIGNALING: (SignalingState.STABLE.value, 0.0),
        }
        self.closing_cause: Provenance | None = None
        """Set by the owner when it starts closing: the cause the ``closed`` events carry."""
        self.connected = asyncio.Event()
        """Set once ICE reached connected or completed."""
        self.closed = asyncio.Event()
        """Set once ``connectionState`` is closed."""
        self.selected: tuple[str, str] | None = None
        """The selected pair as ``(local, remote)`` descriptions, once known."""
        self._reported_candidates: set[tuple[str, str, int, str]] = set()
        self._transport_since: dict[str, float] = {}
        for name, machine in _PC_EVENTS.items():
            pc.on(name, self._listener(machine))
        pc.on("icetransportstatechange", self._on_transport_state)
        pc.on("icerestart", self._on_restart)
        pc.on("icepac", self._on_pac)
        pc.on("selectedcandidatepairchange", self._on_selected_pair)

    def count_from(self, ts: float) -> None:
        """Time in the initial states counts from session time ``ts`` (a later call's peer)."""
        self._states = {m: (value, ts) for m, (value, _) in self._states.items()}

    @property
    def ice_state(self) -> IceConnectionState:
        """The last published ``iceConnectionState``."""
        return IceConnectionState(self._states[Machine.ICE][0])

    def _listener(self, machine: Machine) -> Callable[[], None]:
        def listener() -> None:
            # Listeners never raise: pyee would re-emit as an "error" event.
            try:
                value = getattr(self.pc, _ATTRIBUTES[machine])
                STATE_TYPES[machine](value)  # boundary check: a W3C value
                self._set_state(machine, value, self._provenance_for(machine, value))
            except Exception:
                logger.exception("peer(%s) failed to translate %s", self.peer, machine.value)

        return listener

    def _on_transport_state(self, transport_id: str, previous: str, state: str) -> None:
        # Listeners never raise: pyee would re-emit as an "error" event.
        try:
            IceTransportState(state)  # boundary check: a W3C value
            ts, wall = self._clock.stamp()
            since = self._transport_since.get(transport_id)
            self._transport_since[transport_id] = ts
            self._publish(
                StateChanged(
                    ts=ts,
                    wall=wall,
                    peer=self.peer,
                    machine=Machine.TRANSPORT,
                    previous=previous,
                    state=state,
                    provenance=(
                        self._provenance_for(Machine.TRANSPORT, state)
                        if state == "closed"
                        else Provenance.DERIVED
                    ),
                    in_previous=None if since is None else ts - since,
                    generation=self.pc.local_ufrag(),
                    detail=f"ICE transport {transport_id}",
                )
            )
        except Exception:
            logger.exception("peer(%s) failed to translate a transport state", self.peer)

    def _on_restart(self, info: dict[str, Any]) -> None:
        try:
            ts, wall = self._clock.stamp()
            duration = info.get("duration")
            self._publish(
                IceRestart(
                    ts=ts,
                    wall=wall,
                    peer=self.peer,
                    phase=str(info["phase"]),
                    old_ufrag=str(info.get("old_ufrag") or ""),
                    new_ufrag=str(info.get("new_ufrag") or ""),
                    initiator=str(info.get("initiator") or ""),
                    duration=None if duration is None else float(duration),
                    detail=str(info.get("detail") or ""),
                )
            )
            if info["phase"] == "complete":
                self.report_selected_pair()
        except Exception:
            logger.exception("peer(%s) failed to translate an ICE restart", self.peer)

    def _on_pac(self, info: dict[str, Any]) -> None:
        try:
            ts, wall = self._clock.stamp()
            self._publish(
                ConnectivityWait(
                    ts=ts,
                    wall=wall,
                    peer=self.peer,
                    phase=str(info["phase"]),
                    deadline=ts + float(info["left"]),
                    timeout=float(info["timeout"]),
                    restart=bool(info.get("restart")),
                )
            )
        except Exception:
            logger.exception("peer(%s) failed to translate an ICE PAC event", self.peer)

    def _on_selected_pair(self) -> None:
        try:
            self.report_selected_pair()
        except Exception:
            logger.exception("peer(%s) failed to report the selected pair", self.peer)

    def _provenance_for(self, machine: Machine, value: str) -> Provenance:
        if value == "closed":
            return self.closing_cause or Provenance.AUTO_CLOSE
        if machine is Machine.ICE:
            return self.pc.ice_state_provenance
        return Provenance.REPORTED

    def _set_state(
        self, machine: Machine, value: str, provenance: Provenance, detail: str = ""
    ) -> None:
        previous, since = self._states[machine]
        if value == previous:
            return
        ts, wall = self._clock.stamp()
        self._states[machine] = (value, ts)
        if machine is Machine.ICE and value in ("connected", "completed"):
            self.connected.set()
        if not detail:
            detail = CLOSE_CAUSES.get(provenance, "")
        logger.debug("peer(%s) %s %s -> %s", self.peer.value, machine.value, previous, value)
        self._publish(
            StateChanged(
                ts=ts,
                wall=wall,
                peer=self.peer,
                machine=machine,
                previous=previous,
                state=value,
                provenance=provenance,
                in_previous=ts - since,
                generation=self.pc.local_ufrag(),
                detail=detail,
            )
        )
        if machine is Machine.ICE and value in ("connected", "completed"):
            self.report_selected_pair()
        if value == "closed" and machine is Machine.CONNECTION:
            self.closed.set()

    def report_candidates(self) -> None:
        """Publish every local candidate not reported yet (all generations)."""
        for ufrag, candidate in local_candidates(self.pc):
            key = (ufrag, candidate.host, candidate.port, candidate.type)
            if key in self._reported_candidates:
                continue
            self._reported_candidates.add(key)
            ts, wall = self._clock.stamp()
            self._publish(
                CandidateGathered(
                    ts=ts,
                    wall=wall,
                    peer=self.peer,
                    candidate_type=candidate.type,
                    protocol=candidate.transport.lower(),
                    address=candidate.host,
                    port=candidate.port,
                    ufrag=ufrag,
                )
            )

    def report_selected_pair(self) -> None:
        """Publish the selected pair if it changed."""
        pair = selected_pair(self.pc)
        if pair is None:
            return
        local, remote = pair
        described = (describe_candidate(local), describe_candidate(remote))
        if described == self.selected:
            return
        self.selected = described
        ts, wall = self._clock.stamp()
        self._publish(
            SelectedPairChanged(
                ts=ts,
                wall=wall,
                peer=self.peer,
                local=described[0],
                remote=described[1],
                local_type=local.type,
                remote_type=remote.type,
            )
        )
