"""Browser log rows into IceScope's typed events, one builder per peer connection.

Both browser formats come down to rows ``(method, value, wall_ms)`` named like rtcstats
methods (``oniceconnectionstatechange``, ``onicecandidate``, ``restartIce``, ``getStats`` …).
The builder keeps what a browser does not log itself and IceScope's events carry: the previous
state and the time spent in it, the ICE generation (local ufrag, from the descriptions), ICE
restarts (``restartIce`` or a remote offer with new credentials, complete once the selected pair
moved), and the selected pair (from the transport's ``selectedCandidatePairId`` in getStats).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from ..events import (
    CandidateGathered,
    IceRestart,
    Notice,
    Peer,
    SelectedPairChanged,
    SessionMarker,
    StateChanged,
    StatsSample,
)
from ..states import STATE_TYPES, Machine, Provenance
from . import values

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..events import SessionEvent

STATE_METHODS: Final[dict[str, Machine]] = {
    "oniceconnectionstatechange": Machine.ICE,
    "onconnectionstatechange": Machine.CONNECTION,
    "onicegatheringstatechange": Machine.GATHERING,
    "onsignalingstatechange": Machine.SIGNALING,
}
_INITIAL: Final = {
    Machine.ICE: "new",
    Machine.CONNECTION: "new",
    Machine.GATHERING: "new",
    Machine.SIGNALING: "stable",
}
OLD_NAMES: Final = {
    "iceconnectionstatechange": "oniceconnectionstatechange",
    "connectionstatechange": "onconnectionstatechange",
    "icegatheringstatechange": "onicegatheringstatechange",
    "signalingstatechange": "onsignalingstatechange",
    "icecandidate": "onicecandidate",
    "onIceCandidate": "onicecandidate",
    "addIceCandidate": "addIceCandidate",
    "datachannel": "ondatachannel",
}
"""Chromium's ~2023 ``updateLog`` names onto the current (rtcstats) ones."""


class ConnectionBuilder:
    """Turns one peer connection's rows into events, in order."""

    def __init__(self, pc: str, start_wall: float, source: str) -> None:
        self.pc = pc
        self.start_wall = start_wall
        self.source = source
        self.config: object = None
        self.url = ""
        self._states: dict[Machine, tuple[str, float | None]] = {
            m: (v, None) for m, v in _INITIAL.items()
        }
        self._local_ufrag = ""
        self._remote_ufrag = ""
        self._restart: IceRestart | None = None
        self._selected_id: str | None = None
        self._unknown_states = 0

    def _stamp(self, wall_ms: float) -> tuple[float, float]:
        wall = wall_ms / 1000.0
        return round(wall - self.start_wall, 6), wall

    def row(self, method: str, value: Any, wall_ms: float) -> Iterator[SessionEvent]:
        """The events one row stands for (often none)."""
        method = OLD_NAMES.get(method, method)
        ts, wall = self._stamp(wall_ms)
        if method == "create":
            self.config = value
            yield SessionMarker(
                ts=ts,
                wall=wall,
                peer=Peer.LOCAL,
                phase="start",
                detail=f"imported from {self.source}: peer connection {self.pc}",
            )
        elif method in STATE_METHODS:
            yield from self._state(STATE_METHODS[method], values.unquote(value), ts, wall)
        elif method in ("onicecandidate", "addIceCandidate"):
            peer = Peer.LOCAL if method == "onicecandidate" else Peer.REMOTE
            yield from self._candidate(peer, value, ts, wall)
        elif method == "restartIce":
            yield from self._restart_start("local", ts, wall)
        elif method in ("setLocalDescriptionOnSuccess", "setLocalDescription"):
            self._description(value, local=True)
        elif method == "setRemoteDescription":
            yield from self._remote_description(value, ts, wall)
        elif method == "getStats":
            yield from self._stats(value, ts, wall)
        elif method == "close":
            for machine in (Machine.ICE, Machine.CONNECTION, Machine.SIGNALING):
                yield from self._state(machine, "closed", ts, wall, Provenance.LOCAL_CLOSE)

    def _state(
        self,
        machine: Machine,
        state: str | None,
        ts: float,
        wall: float,
        provenance: Provenance = Provenance.REPORTED,
    ) -> Iterator[SessionEvent]:
        allowed = {v.value for v in STATE_TYPES[machine]}
        if state not in allowed:
            self._unknown_states += 1
            if self._unknown_states <= 3:
                yield Notice.of(
                    ts=ts,
                    wall=wall,
                    peer=Peer.LOCAL,
                    level="warning",
                    code="import-value",
                    machine=machine.value,
                    value=str(state)[:60],
                )
            return
        previous, since = self._states[machine]
        if state == previous:
            return
        self._states[machine] = (state, ts)
        detail = (
            "close() was called (the dump's close entry)"
            if provenance is Provenance.LOCAL_CLOSE
            else ""
        )
        yield StateChanged(
            ts=ts,
            wall=wall,
            peer=Peer.LOCAL,
            machine=machine,
            previous=previous,
            state=state,
            provenance=provenance,
            in_previous=None if since is None else round(ts - since, 6),
            generation=self._local_ufrag,
            detail=detail,
        )
        if (
            machine is Machine.ICE
            and state in ("connected", "completed")
            and previous not in ("connected", "completed")
        ):
            yield from self._restart_done(ts, wall, "ICE reached " + state)

    def _candidate(self, peer: Peer, value: Any, ts: float, wall: float) -> Iterator[SessionEvent]:
        line = values.candidate_line(value)
        if line is None:
            return
        if line == "":
            yield CandidateGathered(ts=ts, wall=wall, peer=peer, candidate_type="", end=True)
            return
        found = values.parse_candidate(line)
        if found is None:
            return
        yield CandidateGathered(
            ts=ts,
            wall=wall,
            peer=peer,
            candidate_type=found.candidate_type,
            protocol=found.protocol,
            address=found.address,
            port=found.port,
            ufrag=found.ufrag,
        )

    def _description(self, value: Any, *, local: bool) -> str | None:
        found = values.description(value)
        ufrag = values.ice_ufrag(found[1]) if found else None
        if ufrag is None:
            return None
        if local:
            self._local_ufrag = ufrag
        return found[0] if found else None

    def _remote_description(self, value: Any, ts: float, wall: float) -> Iterator[SessionEvent]:
        found = values.description(value)
        ufrag = values.ice_ufrag(found[1]) if found else None
        if found is None or ufrag is None:
            return
        changed = bool(self._remote_ufrag) and ufrag != self._remote_ufrag
        self._remote_ufrag = ufrag
        if changed and found[0] == "offer" and self._restart is None:
            yield from self._restart_start("remote", ts, wall)

    def _restart_start(self, initiator: str, ts: float, wall: float) -> Iterator[SessionEvent]:
        if self._restart is not None:
            return
        self._restart = IceRestart(
            ts=ts,
            wall=wall,
            peer=Peer.LOCAL,
            phase="start",
            old_ufrag=self._local_ufrag,
            new_ufrag="",
            initiator=initiator,
        )
        yield self._restart

    def _restart_done(self, ts: float, wall: float, why: str) -> Iterator[SessionEvent]:
        start = self._restart
        if start is None or self._local_ufrag in ("", start.old_ufrag):
            return
        self._restart = None
        yield IceRestart(
            ts=ts,
            wall=wall,
            peer=Peer.LOCAL,
            phase="complete",
            old_ufrag=start.old_ufrag,
            new_ufrag=self._local_ufrag,
            initiator=start.initiator,
            duration=round(ts - start.ts, 6),
            detail=why,
        )

    def _stats(self, value: Any, ts: float, wall: float) -> Iterator[SessionEvent]:
        report = values.stats_entries(value)
        if report is None:
            return
        stamps = [e["timestamp"] for e in report if isinstance(e.get("timestamp"), int | float)]
        if stamps:
            ts, wall = self._stamp(max(stamps))
        yield StatsSample(ts=ts, wall=wall, peer=Peer.LOCAL, report=report, source=self.source)
        by_id = {e["id"]: e for e in report}
        transport = next((e for e in report if e.get("type") == "transport"), None)
        chosen = transport.get("selectedCandidatePairId") if transport else None
        if not isinstance(chosen, str) or chosen == self._selected_id or chosen not in by_id:
            return
        self._selected_id = chosen
        pair = by_id[chosen]
        local = by_id.get(pair.get("localCandidateId"))
        remote = by_id.get(pair.get("remoteCandidateId"))
        yield SelectedPairChanged(
            ts=ts,
            wall=wall,
            peer=Peer.LOCAL,
            local=values.describe(local),
            remote=values.describe(remote),
            local_type=str((local or {}).get("candidateType", "")),
            remote_type=str((remote or {}).get("candidateType", "")),
        )
        yield from self._restart_done(ts, wall, "the selected pair moved to the new generation")
