"""W3C webrtc-stats computed by the engine (aiortc 1.16's ``getStats()`` is empty here).

:func:`collect_stats` builds one report: a ``transport`` entry per ICE transport, a
``candidate-pair``, ``local-candidate`` and ``remote-candidate`` entry for every pair and
candidate of every ICE generation (a restart's old generation stays listed, marked
``icescopeActive: false``), and a ``data-channel`` entry per data channel. The counters come
from :mod:`.meters` (ICE sockets) and :mod:`.channels` (data channels); entries are built in
:mod:`.stats_entries`.

Ids: ``T01`` for transports (as in ``icetransportstatechange``), ``IL<ufrag>-<n>`` /
``IR<ufrag>-<n>`` for the n-th local / remote candidate of the generation with local ufrag
``<ufrag>``, ``CP<ufrag>-<l>-<r>`` for the pair of those two, ``D<stream id>`` for data channels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from .channels import queued_messages
from .internals import check_list, role_decided, transport_connection
from .internals import nominated as nominated_pairs
from .meters import COUNTED_TOTALS
from .stats_entries import candidate_stats, data_channel_stats, pair_stats
from .transport import ManagedIceTransport

if TYPE_CHECKING:
    import aioice
    from aioice.ice import CandidatePair
    from aiortc import RTCDtlsTransport, RTCIceTransport

    from .gatherer import ManagedIceGatherer
    from .peerconnection import IcePeerConnection

__all__ = ["collect_stats", "ice_role", "queued_messages"]


def collect_stats(pc: IcePeerConnection, timestamp_ms: float) -> tuple[dict[str, Any], ...]:
    """One statistics report of ``pc``: plain JSON-ready webrtc-stats dictionaries.

    Args:
        pc: the peer connection.
        timestamp_ms: the report's ``timestamp`` (Unix time in ms, as browsers report it).
    """
    entries: list[dict[str, Any]] = []
    for dtls in _dtls_transports(pc):
        entries.extend(_transport_report(pc, dtls, timestamp_ms))
    for channel in pc.data_channels:
        entries.append(data_channel_stats(channel, timestamp=timestamp_ms))
    return tuple(entries)


def ice_role(pc: IcePeerConnection) -> str | None:
    """``controlling``/``controlled`` of the active generation; None before it is decided."""
    for transport in pc.ice_transports():
        if not role_decided(transport):
            return None
        return str(transport.role)
    return None


def _dtls_transports(pc: IcePeerConnection) -> list[RTCDtlsTransport]:
    found: list[RTCDtlsTransport] = []
    for transceiver in pc.getTransceivers():
        if transceiver.receiver.transport not in found:
            found.append(transceiver.receiver.transport)
    if pc.sctp is not None and pc.sctp.transport not in found:
        found.append(pc.sctp.transport)
    return found


def _generations(
    ice: RTCIceTransport,
) -> tuple[list[aioice.Connection], aioice.Connection | None, dict[str, int] | None]:
    """The generations of ``ice`` kept for statistics (oldest first), the active one, etc.

    The third value holds the counter totals of generations no longer kept (None: unknown).
    """
    if isinstance(ice, ManagedIceTransport):
        gatherer = cast("ManagedIceGatherer", ice.iceGatherer)
        return list(gatherer.history), ice.active, gatherer.folded
    conn = transport_connection(ice)  # a stock transport has one connection
    if conn is None:
        return [], None, {}
    return [conn], conn, {}


@dataclass(slots=True)
class _Generation:
    """Ids handed out while one generation's entries are built."""

    ufrag: str
    transport_id: str
    timestamp: float
    entries: list[dict[str, Any]] = field(default_factory=list)
    local: dict[int, str] = field(default_factory=dict)
    remote: dict[int, str] = field(default_factory=dict)

    def local_id(self, candidate: aioice.Candidate, conn: aioice.Connection) -> str:
        key = id(candidate)
        if key not in self.local:
            self.local[key] = f"IL{self.ufrag}-{len(self.local)}"
            entry = self._candidate("local-candidate", self.local[key], candidate, conn)
            self.entries.append(entry)
        return self.local[key]

    def remote_id(self, candidate: aioice.Candidate, ufrag: str | None) -> str:
        key = id(candidate)
        if key not in self.remote:
            self.remote[key] = f"IR{self.ufrag}-{len(self.remote)}"
            entry = self._candidate("remote-candidate", self.remote[key], candidate, None, ufrag)
            self.entries.append(entry)
        return self.remote[key]

    def _candidate(
        self,
        kind: str,
        stats_id: str,
        candidate: aioice.Candidate,
        conn: aioice.Connection | None,
        ufrag: str | None = None,
    ) -> dict[str, Any]:
        return candidate_stats(
            kind,
            stats_id,
            candidate,
            transport_id=self.transport_id,
            ufrag=self.ufrag if conn is not None else ufrag,
            timestamp=self.timestamp,
            conn=conn,
        )


def _generation_report(
    conn: aioice.Connection, *, active: bool, transport_id: str, timestamp: float
) -> tuple[list[dict[str, Any]], str | None]:
    """Candidate and pair entries of one generation, and its selected pair's id (if any)."""
    gen = _Generation(str(conn.local_username), transport_id, timestamp)
    remote_ufrag = conn.remote_username
    gathered: list[aioice.Candidate] = list(getattr(conn, "gathered", []))
    for candidate in gathered + [c for c in conn.local_candidates if c not in gathered]:
        gen.local_id(candidate, conn)
    for candidate in conn.remote_candidates:
        gen.remote_id(candidate, remote_ufrag)
    nominated: dict[int, CandidatePair] = nominated_pairs(conn)
    pairs: list[CandidatePair] = check_list(conn)
    pairs += [p for p in nominated.values() if p not in pairs]
    selected = nominated.get(1)
    selected_id = None
    for pair in pairs:
        local_id = gen.local_id(pair.local_candidate, conn)
        remote_id = gen.remote_id(pair.remote_candidate, remote_ufrag)
        pair_id = f"CP{gen.ufrag}-{local_id.rsplit('-', 1)[1]}-{remote_id.rsplit('-', 1)[1]}"
        if pair is selected and active:
            selected_id = pair_id
        gen.entries.append(
            pair_stats(
                pair_id,
                pair,
                transport_id=transport_id,
                local_id=local_id,
                remote_id=remote_id,
                generation=gen.ufrag,
                active=active,
                timestamp=timestamp,
            )
        )
    return gen.entries, selected_id


def _transport_report(
    pc: IcePeerConnection, dtls: RTCDtlsTransport, timestamp: float
) -> list[dict[str, Any]]:
    """The transport entry of ``dtls``'s ICE transport, then its generations' entries."""
    ice = dtls.transport
    transport_id = pc.transport_id(ice)
    generations, active, folded = _generations(ice)
    entries: list[dict[str, Any]] = []
    selected_id = None
    for conn in generations:
        found, selected = _generation_report(
            conn, active=conn is active, transport_id=transport_id, timestamp=timestamp
        )
        entries.extend(found)
        selected_id = selected_id or selected
    transport: dict[str, Any] = {
        "type": "transport",
        "id": transport_id,
        "timestamp": timestamp,
        "iceState": ice.state,
        "dtlsState": dtls.state,
    }
    if active is not None:
        transport["iceLocalUsernameFragment"] = active.local_username
    changes = pc.selected_pair_changes(ice)
    if changes is not None:
        transport["selectedCandidatePairChanges"] = changes
    if role_decided(ice):
        transport["iceRole"] = ice.role
    if selected_id is not None:
        transport["selectedCandidatePairId"] = selected_id
    pairs = [e for e in entries if e["type"] == "candidate-pair"]
    if pairs and folded is not None and all("bytesSent" in e for e in pairs):
        for name in COUNTED_TOTALS:
            transport[name] = sum(e[name] for e in pairs) + folded.get(name, 0)
    return [transport, *entries]
