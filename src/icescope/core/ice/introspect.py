"""Read-only views into aiortc/aioice internals: local candidates and the selected pair."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import aioice
    from aiortc import RTCPeerConnection


def ice_transports(pc: RTCPeerConnection) -> list[Any]:
    """The ICE transports reachable through public getters (transceivers, then SCTP)."""
    found: list[Any] = []
    for transceiver in pc.getTransceivers():
        transport = transceiver.receiver.transport.transport
        if transport not in found:
            found.append(transport)
    if pc.sctp is not None and pc.sctp.transport.transport not in found:
        found.append(pc.sctp.transport.transport)
    return found


def local_candidates(pc: RTCPeerConnection) -> list[tuple[str, aioice.Candidate]]:
    """``(ufrag, candidate)`` for every local candidate of every generation gathered so far."""
    out: list[tuple[str, aioice.Candidate]] = []
    for transport in ice_transports(pc):
        gatherer = transport.iceGatherer
        connections = getattr(gatherer, "generations", None)
        for conn in connections() if callable(connections) else [gatherer._connection]:
            for candidate in conn.local_candidates:
                out.append((conn.local_username, candidate))
    return out


def selected_pair(pc: RTCPeerConnection) -> tuple[aioice.Candidate, aioice.Candidate] | None:
    """The nominated pair of the first transport's active connection (component 1)."""
    for transport in ice_transports(pc):
        nominated = getattr(transport._connection, "_nominated", {})
        pair = nominated.get(1)
        if pair is not None:
            return pair.local_candidate, pair.remote_candidate
    return None


def describe_candidate(candidate: aioice.Candidate) -> str:
    """``type protocol address:port`` for logs and the status bar."""
    return f"{candidate.type} {candidate.transport.lower()} {candidate.host}:{candidate.port}"
