"""Read-only views of a peer connection's ICE objects: local candidates and the selected pair.

They work on the engine's classes and on aiortc's stock ones (degraded mode, a stock peer):
stock objects are read through their public getters where one exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiortc.rtcicetransport import candidate_to_aioice

from .gatherer import ManagedIceGatherer
from .internals import selected_pair as nominated_pair
from .internals import transport_connection

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
        if isinstance(gatherer, ManagedIceGatherer):  # the active and any restart generation
            for conn in gatherer.generations():
                out.extend((conn.local_username, c) for c in conn.local_candidates)
            continue
        # stock (degraded, or a stock peer): the public getters
        ufrag = gatherer.getLocalParameters().usernameFragment
        out.extend((ufrag, candidate_to_aioice(c)) for c in gatherer.getLocalCandidates())
    return out


def selected_pair(pc: RTCPeerConnection) -> tuple[aioice.Candidate, aioice.Candidate] | None:
    """The nominated pair of the first transport's active connection (component 1)."""
    for transport in ice_transports(pc):
        conn = transport_connection(transport)
        pair = None if conn is None else nominated_pair(conn)
        if pair is not None:
            return pair.local_candidate, pair.remote_candidate
    return None


def describe_candidate(candidate: aioice.Candidate) -> str:
    """``type protocol address:port`` for logs and the status bar."""
    return f"{candidate.type} {candidate.transport.lower()} {candidate.host}:{candidate.port}"
