"""One webrtc-stats dictionary per object: candidates, candidate pairs, data channels.

Field names and meanings are those of the W3C webrtc-stats Editor's Draft (§6.2 of
``formats-and-stats.md``). A field IceScope cannot measure is left out, never invented;
``availableOutgoingBitrate``/``availableIncomingBitrate`` are always left out (they "MUST NOT
exist" without a congestion-control estimate, and data channels have none).

Non-standard fields, prefixed ``icescope``: on candidate pairs, ``icescopeGeneration`` (the
local ufrag of the ICE generation the pair belongs to) and ``icescopeActive`` (False for the
pairs of a generation an ICE restart replaced, or of one that was abandoned).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from aioice.ice import CandidatePair

from .channels import channel_counters
from .meters import peek_counters

if TYPE_CHECKING:
    import aioice
    from aiortc import RTCDataChannel

PAIR_STATES: Final = {
    CandidatePair.State.FROZEN: "frozen",
    CandidatePair.State.WAITING: "waiting",
    CandidatePair.State.IN_PROGRESS: "in-progress",
    CandidatePair.State.SUCCEEDED: "succeeded",
    CandidatePair.State.FAILED: "failed",
}
"""aioice's check states onto ``RTCStatsIceCandidatePairState`` (both are RFC 8445 §6.1.2.6)."""


def server_url(conn: aioice.Connection, candidate_type: str) -> str | None:
    """The STUN/TURN URL a srflx/relay candidate came from (aiortc uses one of each).

    Rebuilt from the server aioice used (host and port as resolved from the configured URL).
    """
    if candidate_type == "srflx" and conn.stun_server:
        return f"stun:{_hostport(*conn.stun_server)}"
    if candidate_type == "relay" and conn.turn_server:
        scheme = "turns" if conn.turn_ssl else "turn"
        return f"{scheme}:{_hostport(*conn.turn_server)}?transport={conn.turn_transport}"
    return None


def _hostport(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def relay_protocol(conn: aioice.Connection) -> str:
    """``relayProtocol``: how this peer reaches its TURN server (``udp``, ``tcp``, ``tls``)."""
    return "tls" if conn.turn_ssl else str(conn.turn_transport)


def candidate_stats(
    kind: str,
    stats_id: str,
    candidate: aioice.Candidate,
    *,
    transport_id: str,
    ufrag: str | None,
    timestamp: float,
    conn: aioice.Connection | None = None,
) -> dict[str, Any]:
    """An ``RTCIceCandidateStats`` entry.

    Args:
        kind: ``local-candidate`` or ``remote-candidate``.
        stats_id: the entry's id.
        candidate: the aioice candidate.
        transport_id: id of the transport entry it belongs to.
        ufrag: the ICE ufrag of the candidate's generation (None if unknown).
        timestamp: Unix time in ms.
        conn: for a local candidate, its connection (gives ``url``/``relayProtocol``).
    """
    entry: dict[str, Any] = {
        "type": kind,
        "id": stats_id,
        "timestamp": timestamp,
        "transportId": transport_id,
        "address": candidate.host,
        "port": candidate.port,
        "protocol": candidate.transport.lower(),
        "candidateType": candidate.type,
        "priority": candidate.priority,
        "foundation": candidate.foundation,
    }
    if candidate.related_address is not None:
        entry["relatedAddress"] = candidate.related_address
        entry["relatedPort"] = candidate.related_port
    if candidate.tcptype:
        entry["tcpType"] = candidate.tcptype
    if ufrag:
        entry["usernameFragment"] = ufrag
    if conn is not None:
        url = server_url(conn, candidate.type)
        if url is not None:
            entry["url"] = url
        if candidate.type == "relay":
            entry["relayProtocol"] = relay_protocol(conn)
    return entry


def pair_stats(
    stats_id: str,
    pair: CandidatePair,
    *,
    transport_id: str,
    local_id: str,
    remote_id: str,
    generation: str,
    active: bool,
    timestamp: float,
) -> dict[str, Any]:
    """An ``RTCIceCandidatePairStats`` entry, with the engine's counters where it has them."""
    entry: dict[str, Any] = {
        "type": "candidate-pair",
        "id": stats_id,
        "timestamp": timestamp,
        "transportId": transport_id,
        "localCandidateId": local_id,
        "remoteCandidateId": remote_id,
        "state": PAIR_STATES[pair.state],
        "nominated": bool(pair.nominated),
        "icescopeGeneration": generation,
        "icescopeActive": active,
    }
    counters = peek_counters(pair)
    if counters is None:
        return entry  # a stock socket: nothing was counted, so nothing is said
    entry.update(
        requestsSent=counters.requests_sent,
        requestsReceived=counters.requests_received,
        responsesSent=counters.responses_sent,
        responsesReceived=counters.responses_received,
        consentRequestsSent=counters.consent_requests_sent,
        icescopeConsentResponsesReceived=counters.consent_responses_received,
        totalRoundTripTime=round(counters.total_rtt, 6),
        bytesSent=counters.bytes_sent,
        bytesReceived=counters.bytes_received,
        packetsSent=counters.packets_sent,
        packetsReceived=counters.packets_received,
    )
    if counters.current_rtt is not None:
        entry["currentRoundTripTime"] = round(counters.current_rtt, 6)
    if counters.last_sent_ms is not None:
        entry["lastPacketSentTimestamp"] = round(counters.last_sent_ms, 3)
    if counters.last_received_ms is not None:
        entry["lastPacketReceivedTimestamp"] = round(counters.last_received_ms, 3)
    return entry


def data_channel_stats(channel: RTCDataChannel, *, timestamp: float) -> dict[str, Any]:
    """An ``RTCDataChannelStats`` entry (message counters only for a metered channel)."""
    ident = channel.id
    entry: dict[str, Any] = {
        "type": "data-channel",
        "id": f"D{ident}" if ident is not None else f"D-{channel.label}",
        "timestamp": timestamp,
        "label": channel.label,
        "protocol": channel.protocol,
        "state": channel.readyState,
    }
    if ident is not None:
        entry["dataChannelIdentifier"] = ident
    counters = channel_counters(channel)
    if counters is not None:
        entry.update(
            messagesSent=counters.messages_sent,
            bytesSent=counters.bytes_sent,
            messagesReceived=counters.messages_received,
            bytesReceived=counters.bytes_received,
        )
    return entry
