"""The one table of library internals IceScope relies on: owner, name, shape, where, why.

A *private name* is anything outside a library's public API that IceScope reads, writes,
overrides or relies on: a ``_name``, a name-mangled ``_Class__name``, a hook method the library
does not document, or a module-level helper its package does not export (not in the package's
``__all__``). Every one of them is a row here. ``tests/core/ice/test_compat.py`` checks each
row against the installed libraries (it exists, with the shape given) and fails when code under
``core/ice/`` reaches a private name that has no row; ``docs/ice-engine.md`` shows the table
(regenerate it with ``python -m icescope.core.ice.private_doc``).

Adding a row: put it next to the rows of the same owner; ``used_in`` names the IceScope modules
(dotted, below ``icescope.``) that touch the name, directly or through an accessor of
:mod:`icescope.core.ice.internals`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class PrivateName:
    """One internal name of aiortc, aioice (or aiohttp) that IceScope depends on."""

    owner: str
    """Dotted path of the class or module that defines it (``aioice.Connection``)."""
    name: str
    """The attribute name as IceScope spells it (``_nominated``, ``_RTCIceTransport__state``)."""
    shape: str
    """What is relied on: ``attribute`` / ``attribute: <type>`` (on a fresh instance),
    ``method(<params>)`` / ``function(<params>)`` (exact parameter names), ``property``,
    ``class``, ``module``, ``constant: <type>`` or ``annotated: <type>`` (declared on the class,
    set by the library while it uses the object)."""
    used_in: tuple[str, ...]
    """IceScope modules that use it (dotted, below ``icescope.``)."""
    why: str
    """What IceScope needs it for."""


def _r(owner: str, name: str, shape: str, used_in: str, why: str) -> PrivateName:
    return PrivateName(owner, name, shape, tuple(used_in.split()), why)


_PC = "aiortc.rtcpeerconnection.RTCPeerConnection"
_GATHERER = "aiortc.rtcicetransport.RTCIceGatherer"
_TRANSPORT = "aiortc.rtcicetransport.RTCIceTransport"
_CONN = "aioice.Connection"
_PROTO = "aioice.ice.StunProtocol"
_PAIR = "aioice.ice.CandidatePair"

# fmt: off
PRIVATE_NAMES: Final[tuple[PrivateName, ...]] = (
    # ------------------------------------------------------------ aiortc: peer connection
    _r("aiortc.rtcpeerconnection", "RTCIceGatherer", "class", "core.ice.compat",
       "module global the PC builds gatherers from; replaced by ManagedIceGatherer"),
    _r("aiortc.rtcpeerconnection", "RTCIceTransport", "class", "core.ice.compat",
       "module global the PC builds ICE transports from; replaced by ManagedIceTransport"),
    _r("aiortc.rtcpeerconnection", "add_transport_description",
       "function(media, dtlsTransport)", "core.ice.gatherer",
       "writes the SDP from the gatherer's public getters, so a restart's credentials show"),
    _r(_PC, "_RTCPeerConnection__createDtlsTransport", "method(self)", "core.ice.compat",
       "builds gatherer and transport by module-global name (the injection point)"),
    _r(_PC, "_RTCPeerConnection__connect", "method(self)",
       "core.ice.transport core.ice.peerconnection",
       "starts ICE before DTLS (a failed first generation is parked in between); overridden"
       " to keep the task aiortc does not, so close() awaits it"),
    _r(_PC, "_RTCPeerConnection__updateIceConnectionState", "method(self)",
       "core.ice.peerconnection", "emits through self.emit, which the engine intercepts"),
    _r(_PC, "_RTCPeerConnection__updateConnectionState", "method(self)",
       "core.ice.peerconnection", "emits through self.emit, which the engine intercepts"),
    _r(_PC, "_RTCPeerConnection__pendingLocalDescription", "attribute: NoneType",
       "core.ice.peerconnection", "rolls back a restart offer that got no answer (no rollback)"),
    _r(_PC, "_RTCPeerConnection__setSignalingState", "method(self, state)",
       "core.ice.peerconnection", "signaling back to stable when an unanswered offer is undone"),
    # ------------------------------------------------------------ aiortc: ICE gatherer/transport
    _r(_GATHERER, "_connection", "attribute", "core.ice.gatherer",
       "the aioice connection; swapped for a MonitoredConnection, read on stock peers"),
    _r(_GATHERER, "_RTCIceGatherer__state", "attribute: str",
       "core.ice.internals core.ice.gatherer",
       "the stock gathering state, reported while no restart gathers"),
    _r(_TRANSPORT, "_connection", "attribute", "core.ice.internals core.ice.transport",
       "the connection the transport drives; follows the promoted generation"),
    _r(_TRANSPORT, "_role_set", "attribute: bool", "core.ice.internals",
       "whether the ICE role was decided yet (iceRole in the transport statistics)"),
    _r(_TRANSPORT, "_recv", "attribute", "core.ice.transport",
       "what RTCDtlsTransport reads from: the generation mux"),
    _r(_TRANSPORT, "_send", "attribute", "core.ice.transport",
       "what RTCDtlsTransport sends with: the active generation"),
    _r(_TRANSPORT, "_RTCIceTransport__state", "attribute: str",
       "core.ice.internals core.ice.transport",
       "the stock state: started, failed (parked) or closed"),
    _r(_TRANSPORT, "_RTCIceTransport__setState", "method(self, state)",
       "core.ice.internals core.ice.transport",
       "releases a parked connect step after recovery; closes with the stock events"),
    _r(_TRANSPORT, "_RTCIceTransport__monitor_task", "attribute",
       "core.ice.internals core.ice.transport",
       "awaited on stop()"),
    _r(_TRANSPORT, "_monitor", "method(self)", "core.ice.transport",
       "overridden: stock fails the transport when the first connection closes"),
    # ------------------------------------------------------------ aiortc: helpers
    _r("aiortc.rtcicetransport", "candidate_to_aioice", "function(x)",
       "core.ice.transport core.ice.introspect", "RTCIceCandidate -> aioice.Candidate"),
    _r("aiortc.rtcicetransport", "candidate_from_aioice", "function(x)", "core.ice.gatherer",
       "aioice.Candidate -> RTCIceCandidate for the SDP"),
    _r("aiortc.rtcicetransport", "connection_kwargs", "function(servers)", "core.ice.servers",
       "which STUN/TURN URL aiortc uses; effective_servers mirrors it for diagnoses"),
    _r("aiortc.rtcicetransport", "parse_stun_turn_uri", "function(uri)", "core.ice.servers",
       "host, port and transport of a STUN/TURN URL, parsed as aiortc does"),
    _r("aiortc.sdp", "SessionDescription", "class", "core.ice.sdp",
       "SessionDescription.parse: validate pasted SDP, read ice-ufrag/ice-pwd"),
    _r("aiortc.sdp", "candidate_from_sdp", "function(sdp)", "core.ice.sdp",
       "parse a trickled candidate line"),
    _r("aiortc.exceptions", "OperationError", "class", "core.ice.routing",
       "base of UnknownGenerationError (webrtc-pc: OperationError)"),
    _r("aiortc.rtcsctptransport", "SCTP_DATA_LAST_FRAG", "constant: int", "core.ice.channels",
       "marks a message's last DATA chunk: one per message in the SCTP queues"),
    _r("aiortc.rtcsctptransport", "WEBRTC_DCEP", "constant: int", "core.ice.channels",
       "the DCEP payload protocol, not a user message"),
    _r("aiortc.rtcsctptransport.RTCSctpTransport", "_data_channel_queue", "attribute",
       "core.ice.channels", "messages waiting for SCTP (queued_messages)"),
    _r("aiortc.rtcsctptransport.RTCSctpTransport", "_outbound_queue", "attribute",
       "core.ice.channels", "DATA chunks not yet sent (queued_messages)"),
    _r("aiortc.rtcsctptransport.RTCSctpTransport", "_sent_queue", "attribute",
       "core.ice.channels", "DATA chunks sent but not acknowledged (queued_messages)"),
    _r("aiortc.rtcsctptransport.DataChunk", "_acked", "annotated: bool", "core.ice.channels",
       "a chunk the peer acknowledged (delivered)"),
    _r("aiortc.rtcsctptransport.DataChunk", "_abandoned", "annotated: bool",
       "core.ice.channels", "a chunk SCTP gave up on"),
    _r("aiortc.rtcsctptransport.RTCSctpTransport", "_t3_expired", "method(self)",
       "core.ice.transport", "relied on not to abort SCTP during a long outage"),
    # ------------------------------------------------------------ aioice: Connection state
    _r(_CONN, "_nominated", "attribute: dict", "core.ice.internals core.ice.consent",
       "component -> nominated pair: the selected pair, and when a generation is usable"),
    _r(_CONN, "_components", "attribute: set", "core.ice.consent core.ice.pac",
       "every component nominated means connected"),
    _r(_CONN, "_check_list", "attribute: list", "core.ice.internals core.ice.pac",
       "every candidate pair of a generation, for candidate-pair statistics (kept after close)"),
    _r(_CONN, "_check_list_done", "attribute: bool", "core.ice.internals core.ice.pac",
       "completed needs the check list done"),
    _r(_CONN, "_local_candidates_end", "attribute: bool", "core.ice.internals",
       "completed needs local gathering done; the gatherer state of a restart"),
    _r(_CONN, "_remote_candidates_end", "attribute: bool", "core.ice.internals",
       "completed needs remote end-of-candidates; candidates after it are ignored"),
    _r(_CONN, "_closing", "attribute: bool", "core.ice.internals core.ice.consent core.ice.pac",
       "no health changes and no candidates while closing"),
    _r(_CONN, "_protocols", "attribute: list", "core.ice.consent",
       "every socket, made impairable after gathering"),
    _r(_CONN, "_query_consent_task", "attribute: NoneType", "core.ice.consent",
       "cancelled when a generation retires"),
    _r(_CONN, "_use_ipv4", "attribute: bool", "core.ice.connection core.ice.internals",
       "address family choice, copied into a restart generation"),
    _r(_CONN, "_use_ipv6", "attribute: bool", "core.ice.connection core.ice.internals",
       "address family choice, copied into a restart generation"),
    _r(_CONN, "_transport_policy", "attribute: TransportPolicy",
       "core.ice.connection core.ice.internals",
       "relay-only gathers no host candidates; copied into a restart generation"),
    _r(_CONN, "remote_is_lite", "attribute: bool", "core.ice.internals",
       "a restart generation learns whether the peer is ICE-lite; a restart with an "
       "ICE-lite peer stays controlling"),
    _r(_CONN, "stun_server", "attribute: NoneType", "core.ice.internals",
       "copied into a restart generation"),
    _r(_CONN, "turn_server", "attribute: NoneType", "core.ice.internals",
       "copied into a restart generation"),
    _r(_CONN, "turn_username", "attribute: NoneType", "core.ice.internals",
       "copied into a restart generation"),
    _r(_CONN, "turn_password", "attribute: NoneType", "core.ice.internals",
       "copied into a restart generation"),
    _r(_CONN, "turn_ssl", "attribute: bool", "core.ice.internals",
       "copied into a restart generation"),
    _r(_CONN, "turn_transport", "attribute: str", "core.ice.internals",
       "copied into a restart generation"),
    # ------------------------------------------------------------ aioice: Connection hooks
    _r(_CONN, "query_consent", "method(self)", "core.ice.consent",
       "replaced by the consent/liveness machine (never closes)"),
    _r(_CONN, "check_complete", "method(self, pair)", "core.ice.consent",
       "a nomination: connected, or a new selected pair"),
    _r(_CONN, "data_received", "method(self, data, component)", "core.ice.consent",
       "every datagram: the generation mux and a liveness hint"),
    _r(_CONN, "request_received", "method(self, message, addr, protocol)", "core.ice.consent",
       "a STUN request from the selected pair's peer is a liveness hint"),
    _r(_CONN, "protocol_lost", "method(self, protocol)", "core.ice.consent",
       "a dead selected-pair socket fails the mux's readers"),
    _r(_CONN, "build_request", "method(self, pair, nominate)", "core.ice.consent",
       "builds the consent probes"),
    _r(_CONN, "_check_list_maybe_fail", "method(self)", "core.ice.pac",
       "ICE PAC (RFC 8863): no failure before Tpac while peer-reflexive pairs may come"),
    _r(_CONN, "_check_periodic", "method(self)", "core.ice.pac",
       "ICE PAC: connect() keeps checking an empty check list until Tpac"),
    _r(_CONN, "_check_list_maybe_complete", "method(self)", "core.ice.pac",
       "a complete check list ends the wait for peer-reflexive connectivity"),
    _r(_CONN, "_prune_components", "method(self)", "core.ice.pac",
       "a remote with no candidate at all keeps its components (prflx pairs fill them)"),
    _r(_CONN, "_remote_candidates_expected", "method(self)", "core.ice.pac",
       "the wait starts only once no more remote candidates can come"),
    _r(_CONN, "_remote_candidates", "attribute: list", "core.ice.pac",
       "whether the remote signalled any candidate at all"),
    _r(_CONN, "_check_list_state", "attribute: Queue", "core.ice.pac",
       "Tpac's expiry fails the check list the way aioice does"),
    _r("aioice.ice", "ICE_FAILED", "constant: int", "core.ice.pac",
       "the value connect() reads from the check-list queue as failure"),
    _r(_CONN, "get_component_candidates", "method(self, component, addresses, timeout)",
       "core.ice.connection core.ice.consent",
       "host address selection; sockets made impairable"),
    # ------------------------------------------------------------ aioice: sockets and pairs
    _r("aioice.ice", "StunProtocol", "class", "core.ice.impair core.ice.consent core.ice.meters",
       "the socket protocol whose class is switched to ImpairableStunProtocol"),
    _r(_PROTO, "datagram_received", "method(self, data, addr)", "core.ice.impair",
       "incoming datagrams pass the fault injector"),
    _r(_PROTO, "send_stun", "method(self, message, addr)", "core.ice.impair",
       "outgoing STUN passes the fault injector"),
    _r(_PROTO, "send_data", "method(self, data, addr)", "core.ice.impair",
       "outgoing DTLS/SCTP passes the fault injector"),
    _r(_PROTO, "request", "method(self, request, addr, integrity_key, retransmissions)",
       "core.ice.consent", "consent probes with one retransmission"),
    _r(_PROTO, "receiver", "attribute", "core.ice.impair",
       "the owning connection, which holds the fault injector"),
    _r(_PROTO, "transport", "attribute", "core.ice.impair",
       "the datagram transport delayed datagrams are sent on"),
    _r("aioice.ice", "CandidatePair", "class",
       "core.ice.consent core.ice.introspect core.ice.internals core.ice.meters core.ice.stats"
       " core.ice.stats_entries core.ice.pac",
       "a nominated pair: its protocol and addresses"),
    _r(_PAIR, "protocol", "attribute", "core.ice.consent",
       "the socket a consent probe is sent on"),
    _r(_PAIR, "remote_addr", "property", "core.ice.consent",
       "where a consent probe goes; which traffic is a liveness hint"),
    _r(_PAIR, "local_candidate", "property", "core.ice.introspect",
       "the selected pair's local candidate"),
    _r(_PAIR, "remote_candidate", "attribute", "core.ice.introspect",
       "the selected pair's remote candidate"),
    # ------------------------------------------------------------ aioice: STUN and TURN
    _r("aioice", "stun", "module",
       "core.ice.consent core.ice.servers core.ice.impair core.ice.meters",
       "STUN messages and transaction errors"),
    _r("aioice.stun", "Message", "class",
       "core.ice.servers core.ice.consent core.ice.impair core.ice.meters",
       "a STUN message: a Binding request, a request received, one sent"),
    _r("aioice.stun", "Method", "class", "core.ice.servers core.ice.consent core.ice.meters",
       "BINDING"),
    _r("aioice.stun", "Class", "class", "core.ice.servers core.ice.meters", "REQUEST"),
    _r("aioice.stun", "parse_message", "function(data)", "core.ice.servers",
       "parse a STUN server's answer"),
    _r("aioice.stun", "TransactionError", "class", "core.ice.consent",
       "a failed probe; its response carries a 403 that revokes consent"),
    _r("aioice.stun", "TransactionFailed", "class", "core.ice.servers",
       "a TURN server's error answer (401 and others)"),
    _r("aioice.stun", "TransactionTimeout", "class", "core.ice.servers",
       "a TURN server that does not answer"),
    _r("aioice", "turn", "module", "core.ice.servers", "TURN allocations"),
    _r("aioice.turn", "create_turn_endpoint",
       "function(protocol_factory, server_addr, username, password, lifetime, "
       "channel_refresh_time, ssl, transport)",
       "core.ice.servers", "one test allocation, to name why no relay candidate came"),
    # ------------------------------------------------------------ aiohttp
    _r("aiohttp.web_runner.BaseSite", "_server", "attribute: NoneType", "core.webpeer.server",
       "the listening socket, for the port actually bound (port 0)"),
)
"""Every row, grouped by owner."""
# fmt: on


def rows_named(name: str) -> list[PrivateName]:
    """The rows for ``name`` (one name can belong to several owners, e.g. ``_connection``)."""
    return [row for row in PRIVATE_NAMES if row.name == name]
