"""Per-candidate-pair counters, kept where the traffic passes: on each ICE socket.

aioice's ``CandidatePair`` keeps no counters, RTT or timestamps, so every ICE socket of a
monitored connection is switched to :class:`MeteredStunProtocol`, which counts per remote
address (one local socket + one remote address = one candidate pair):

* STUN Binding requests sent (new transactions only, not retransmissions) and responses sent,
  in ``send_stun``; requests received in the connection's ``request_received``;
* authenticated success responses received and their round-trip time, in ``request``;
* application datagrams (DTLS/SCTP/SRTP) sent in ``send_data`` and received once past the
  fault injector (so a blacked-out datagram is never counted as received).

RTT rule for a retransmitted request (RFC 8489 gives the response no way to say which
transmission it answers): measured from the *latest* transmission before the response. A late
answer to an earlier transmission can then only look faster than it was, never slower, and
every counted response has exactly one RTT sample, so ``totalRoundTripTime /
responsesReceived`` is the mean as webrtc-stats defines it.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, cast

from aioice import stun
from aioice.ice import StunProtocol

from .impair import ImpairableStunProtocol, make_impairable

if TYPE_CHECKING:
    from aioice.ice import CandidatePair

STUN_FIRST_BYTE_MAX: Final = 3
"""RFC 7983 §7: a datagram whose first byte is 0-3 is STUN; anything else is application data
(DTLS 20-63, RTP/RTCP 128-191)."""


@dataclass(slots=True)
class PairCounters:
    """What one candidate pair carried (webrtc-stats ``RTCIceCandidatePairStats`` counters)."""

    requests_sent: int = 0
    requests_received: int = 0
    responses_sent: int = 0
    responses_received: int = 0
    consent_requests_sent: int = 0
    consent_responses_received: int = 0
    """Authenticated responses to IceScope's consent checks (loss = 1 - responses/sent)."""
    total_rtt: float = 0.0
    """Sum of the RTT samples in seconds (one per counted response)."""
    current_rtt: float | None = None
    """The latest RTT sample in seconds (None before the first response)."""
    bytes_sent: int = 0
    bytes_received: int = 0
    packets_sent: int = 0
    packets_received: int = 0
    last_sent_ms: float | None = None
    """Unix time in ms of the latest application datagram sent."""
    last_received_ms: float | None = None
    """Unix time in ms of the latest application datagram received."""
    in_flight: dict[bytes, float] = field(default_factory=dict)
    """Loop time of the latest transmission of each open request transaction."""

    def data_sent(self, size: int) -> None:
        """Count one application datagram sent."""
        self.bytes_sent += size
        self.packets_sent += 1
        self.last_sent_ms = time.time() * 1000.0

    def data_received(self, size: int) -> None:
        """Count one application datagram received."""
        self.bytes_received += size
        self.packets_received += 1
        self.last_received_ms = time.time() * 1000.0

    def response(self, rtt: float) -> None:
        """Count one authenticated success response with its round-trip time (s)."""
        self.responses_received += 1
        self.total_rtt += rtt
        self.current_rtt = rtt


class MeteredStunProtocol(ImpairableStunProtocol):
    """An impairable ICE socket that counts its traffic per remote address.

    Instances are made by switching the class of sockets aioice created (:func:`make_metered`).
    """

    meters: dict[tuple[str, int], PairCounters]

    def counters(self, addr: tuple[Any, ...]) -> PairCounters:
        """The counters of the pair from this socket to ``addr`` (created on first use)."""
        key = (str(addr[0]), int(addr[1]))
        found = self.meters.get(key)
        if found is None:
            found = self.meters[key] = PairCounters()
        return found

    def _arrived(self, data: bytes | str, addr: tuple[Any, ...]) -> None:
        """Count an application datagram the faults let through, then deliver it."""
        if isinstance(data, bytes) and data and data[0] > STUN_FIRST_BYTE_MAX:
            self.counters(addr).data_received(len(data))
        StunProtocol.datagram_received(self, data, addr)

    def send_stun(self, message: stun.Message, addr: tuple[str, int]) -> None:
        """Count Binding requests (new transactions) and responses, then send."""
        if message.message_method == stun.Method.BINDING:
            counters = self.counters(addr)
            if message.message_class == stun.Class.REQUEST:
                txid = message.transaction_id
                if txid not in counters.in_flight:
                    counters.requests_sent += 1
                counters.in_flight[txid] = asyncio.get_running_loop().time()
            elif message.message_class in (stun.Class.RESPONSE, stun.Class.ERROR):
                counters.responses_sent += 1
        super().send_stun(message, addr)

    async def send_data(self, data: bytes, addr: tuple[str, int]) -> None:
        """Count an application datagram, then send it (faults may still drop it)."""
        self.counters(addr).data_sent(len(data))
        await super().send_data(data, addr)

    async def request(
        self,
        request: stun.Message,
        addr: tuple[str, int],
        integrity_key: bytes | None = None,
        retransmissions: int | None = None,
    ) -> tuple[stun.Message, tuple[str, int]]:
        """Run a STUN transaction; count its success response and round-trip time."""
        counters = self.counters(addr)
        txid = request.transaction_id
        try:
            result = await super().request(request, addr, integrity_key, retransmissions)
        finally:
            sent_at = counters.in_flight.pop(txid, None)
        if sent_at is not None:
            counters.response(max(0.0, asyncio.get_running_loop().time() - sent_at))
        return result


def make_metered(protocol: StunProtocol) -> None:
    """Switch an aioice socket to :class:`MeteredStunProtocol` (impairable and counted)."""
    make_impairable(protocol)
    if type(protocol) is ImpairableStunProtocol:
        protocol.__class__ = MeteredStunProtocol
        cast("MeteredStunProtocol", protocol).meters = {}


def socket_counters(protocol: object, addr: tuple[Any, ...]) -> PairCounters | None:
    """The counters of ``protocol`` towards ``addr``, or None for an unmetered socket."""
    if isinstance(protocol, MeteredStunProtocol):
        return protocol.counters(addr)
    return None


def pair_counters(pair: CandidatePair) -> PairCounters | None:
    """The counters of a candidate pair, or None when its socket is not metered."""
    return socket_counters(pair.protocol, pair.remote_addr)


def peek_counters(pair: CandidatePair) -> PairCounters | None:
    """Like :func:`pair_counters`, without creating counters for a pair that carried nothing.

    Returns a zeroed :class:`PairCounters` for a metered pair with no traffic yet.
    """
    protocol = pair.protocol
    if not isinstance(protocol, MeteredStunProtocol):
        return None
    addr = pair.remote_addr
    return protocol.meters.get((str(addr[0]), int(addr[1]))) or PairCounters()


COUNTED_TOTALS: Final = ("bytesSent", "bytesReceived", "packetsSent", "packetsReceived")
"""The pair counters an ``RTCIceTransportStats`` sums over its pairs (webrtc-stats names)."""


def pairs_totals(pairs: list[CandidatePair]) -> dict[str, int] | None:
    """The :data:`COUNTED_TOTALS` of ``pairs`` summed, or None when one is not metered."""
    totals = dict.fromkeys(COUNTED_TOTALS, 0)
    for pair in pairs:
        counters = peek_counters(pair)
        if counters is None:
            return None
        totals["bytesSent"] += counters.bytes_sent
        totals["bytesReceived"] += counters.bytes_received
        totals["packetsSent"] += counters.packets_sent
        totals["packetsReceived"] += counters.packets_received
    return totals
