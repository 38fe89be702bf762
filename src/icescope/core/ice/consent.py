"""MonitoredConnection: consent freshness and liveness that report, and never close.

Stock aioice checks consent every 5 s with a 0.5 s deadline and *closes* the connection after
six misses, which makes aiortc tear the whole peer connection down: there is no
``disconnected``, no recoverable ``failed``, and nothing left to restart. This subclass replaces
that loop with a health machine (``new → checking → connected ⇄ disconnected → failed``) driven
by authenticated consent responses only (RFC 7675), keeps sockets, DTLS and SCTP up, and
tells its owner (the ICE transport) about every change.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

import aioice
from aioice import stun

from ..config import IceTimings
from .internals import closing, twin_kwargs
from .meters import make_metered, pair_counters, socket_counters
from .pac import PatientConnection

if TYPE_CHECKING:
    from collections.abc import Callable

    from aioice.ice import CandidatePair, StunProtocol

    from ..faults import FaultInjector

logger = logging.getLogger(__name__)

CONSENT_RETRANSMISSIONS: Final = 1
"""One retransmission per probe: a late answer (≤ 1.5 s with aioice's 0.5 s RTO) still counts,
so a path with RTT > 0.5 s is not declared dead as stock aioice does."""
DISCONNECTED_PROBE_INTERVAL: Final = 0.2
"""Probe cadence while ``disconnected`` (capped by the keepalive interval), so recovery is
noticed within about one round trip after either side's next probe; costs 5 small STUN
requests per second, only while the path is down."""
TRIGGERED_PROBE_SPACING: Final = 0.1
"""At most 10 traffic-triggered probes per second while ``disconnected``."""
RETRY_RTT_FACTOR: Final = 3.0
"""An unanswered consent check is retried after this many measured RTTs (RFC 8445 §14.3's
RTO shape: a few RTTs, never less than :data:`RETRY_MIN`)..."""
RETRY_MIN: Final = 0.1
"""...and never sooner than this, so a lossy path costs at most 10 extra checks per second."""
RETRY_RTT_UNKNOWN: Final = 0.1
"""The RTT assumed before the first measured response."""
DATA_SILENCE: Final = 0.5
"""Application data on the selected pair holds ``disconnected`` off while it arrived within
this fraction of the disconnected timeout (a lossy path still carries data; a cut does not,
and is then detected as fast as with STUN alone)..."""
UNANSWERED: Final = 2.0
"""...but not once no consent response arrived for this many disconnected timeouts (traffic
arrives yet our checks go unanswered: a one-way path)."""


class ConnectionHealth(StrEnum):
    """Liveness of one ICE generation (one aioice connection)."""

    NEW = "new"
    CHECKING = "checking"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    FAILED = "failed"
    CLOSED = "closed"


class MonitoredConnection(PatientConnection):
    """An aioice connection with IceScope's consent/liveness machine.

    Attributes set by the owner: ``timings`` (consent timers), ``faults`` (network
    impairment), ``on_change`` (health or nomination changed), ``on_data`` (every non-STUN
    datagram, for the transport's generation mux) and ``on_lost`` (a socket of the selected
    pair died).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.timings = IceTimings()
        self.faults: FaultInjector | None = None
        self.on_change: Callable[[], None] | None = None
        self.on_data: Callable[[bytes, int], None] | None = None
        self.on_lost: Callable[[], None] | None = None
        self.health = ConnectionHealth.NEW
        self.connect_done = False
        """True once ``connect()`` returned successfully (the check list completed)."""
        self.retired = False
        """True once a newer generation took over; it no longer reports health."""
        self.was_disconnected = False
        """True once consent was lost at least once (recovery then reports ``connected``)."""
        self.last_consent = 0.0
        """Loop time of the last authenticated consent (or check) response."""
        self._last_probe = 0.0
        """Loop time the latest consent check of the selected pair was sent."""
        self.gathered: list[aioice.Candidate] = []
        """Every local candidate gathered (aioice forgets them on close; statistics do not)."""
        self._probes: set[asyncio.Task[None]] = set()
        self._last_triggered = 0.0

    # ------------------------------------------------------------------ construction
    @classmethod
    def like(
        cls,
        other: aioice.Connection,
        *,
        local_username: str | None = None,
        local_password: str | None = None,
        ice_controlling: bool | None = None,
    ) -> MonitoredConnection:
        """A fresh connection with ``other``'s configuration and role.

        Args:
            other: a configured connection (stock or monitored) to copy the settings of.
            local_username: the ufrag to use (None: a new random one, as a restart needs).
            local_password: the password to use (None: a new random one).
            ice_controlling: the ICE role to take (None: ``other``'s).
        """
        kwargs = twin_kwargs(other)
        if ice_controlling is not None:
            kwargs["ice_controlling"] = ice_controlling
        conn = cls(**kwargs, local_username=local_username, local_password=local_password)
        if isinstance(other, MonitoredConnection):
            conn.address_selection = other.address_selection
            conn.timings = other.timings
            conn.faults = other.faults
        return conn

    # ------------------------------------------------------------------ health
    def _set_health(self, health: ConnectionHealth) -> None:
        if health is self.health:
            return
        logger.debug("%s health %s -> %s", self, self.health.value, health.value)
        if health is ConnectionHealth.DISCONNECTED:
            self.was_disconnected = True
        self.health = health
        self._notify()

    def _notify(self) -> None:
        if self.on_change is not None and not self.retired:
            self.on_change()

    def _all_nominated(self) -> bool:
        return bool(self._nominated) and len(self._nominated) == len(self._components)

    def _now(self) -> float:
        return asyncio.get_running_loop().time()

    # ------------------------------------------------------------------ aioice hooks
    async def get_component_candidates(
        self, component: int, addresses: list[str], timeout: int = 5
    ) -> list[aioice.Candidate]:
        """Gather as usual, then route every new socket through the faults and the meters."""
        candidates = await super().get_component_candidates(component, addresses, timeout)
        for protocol in self._protocols:
            make_metered(protocol)
        self.gathered.extend(candidates)
        return candidates

    async def connect(self) -> None:
        """Run the checks (stock, with Tpac), reporting ``checking`` then the outcome."""
        self._set_health(ConnectionHealth.CHECKING)
        self.pac_timeout = self.timings.pac_timeout
        self.start_pac()
        try:
            await super().connect()
        except ConnectionError:
            self.stop_pac()
            if not self._closing:
                self._set_health(ConnectionHealth.FAILED)
            raise
        self.last_consent = self._now()
        self.connect_done = True
        if self.health is ConnectionHealth.CHECKING:
            self.health = ConnectionHealth.CONNECTED
        self._notify()

    def check_complete(self, pair: CandidatePair) -> None:
        """Stock bookkeeping; every component nominated means ``connected``."""
        before = dict(self._nominated)
        super().check_complete(pair)
        if self._all_nominated() and self.health is ConnectionHealth.CHECKING:
            self.last_consent = self._now()
            self._set_health(ConnectionHealth.CONNECTED)
        elif self._nominated != before:
            self._notify()  # a different selected pair

    async def query_consent(self) -> None:
        """Replace aioice's consent loop: probe, age, report; never close (RFC 7675)."""
        interval = self.timings.keepalive_interval
        next_probe = self._now() + interval * random.uniform(0.8, 1.2)
        while True:
            if closing(self) or self.retired:
                # aioice starts this loop when its checks complete, which can be after close()
                # began or after the generation was retired (a restart nominated a newer one
                # first: retire() found no loop to stop): end instead of probing.
                return
            now = self._now()
            self._evaluate(now)
            if self.health is ConnectionHealth.FAILED:
                return  # RFC 7675 §5.1: consent expired, stop probing (and sending)
            retry_at = self._retry_at()
            if now >= next_probe or now >= retry_at:
                self._probe_all()
                if self.health is ConnectionHealth.DISCONNECTED:
                    next_probe = now + min(interval, DISCONNECTED_PROBE_INTERVAL)
                else:
                    # RFC 7675 §5.1: randomise ×[0.8, 1.2] so checks do not synchronise.
                    next_probe = now + interval * random.uniform(0.8, 1.2)
            limit = (
                self.last_consent + self.timings.failed_timeout
                if self.health is ConnectionHealth.DISCONNECTED
                else self._disconnect_at()
            )
            deadline = min(next_probe, self._retry_at(), limit + 0.001)
            await asyncio.sleep(max(0.005, deadline - self._now()))

    def _retry_at(self) -> float:
        """When to retry an unanswered check while ``connected`` (inf: nothing to retry).

        Retries go out within the disconnected window, one every few measured RTTs, so one
        lost request or response on a lossy path does not cost a keepalive interval.
        """
        if self.health is not ConnectionHealth.CONNECTED or self.last_consent >= self._last_probe:
            return float("inf")
        rtt = None
        for pair in self._nominated.values():
            counters = pair_counters(pair)
            if counters is not None and counters.current_rtt is not None:
                rtt = counters.current_rtt
        timeout = max(RETRY_MIN, RETRY_RTT_FACTOR * (RETRY_RTT_UNKNOWN if rtt is None else rtt))
        return self._last_probe + min(timeout, self.timings.keepalive_interval)

    def _disconnect_at(self) -> float:
        """The earliest loop time at which ``disconnected`` can be due, given what arrived.

        No consent response for the disconnected timeout ``D`` *and* either no application
        datagram on the selected pair for ``D/2`` (nothing arrives: a cut) or no consent
        response for ``2 D`` (traffic arrives but our checks go unanswered: a one-way path).
        """
        d = self.timings.disconnected_timeout
        quiet = min(self._data_since() + d * DATA_SILENCE, self.last_consent + d * UNANSWERED)
        return max(self.last_consent + d, quiet)

    def _data_since(self) -> float:
        """Loop time of the latest application datagram on the selected pair (-inf: none).

        DTLS/SCTP/SRTP from the pair's remote address, as counted by the pair's meters.
        """
        latest = float("-inf")
        wall_offset = self._now() - time.time()
        for pair in self._nominated.values():
            counters = pair_counters(pair)
            if counters is not None and counters.last_received_ms is not None:
                latest = max(latest, counters.last_received_ms / 1000.0 + wall_offset)
        return latest

    def _evaluate(self, now: float) -> None:
        # Consent (RFC 7675) expires on authenticated STUN responses only; "receiving" (any
        # traffic on the selected pair) only holds off disconnected (spec-notes §15).
        if now - self.last_consent > self.timings.failed_timeout:
            self._cancel_probes()
            self._set_health(ConnectionHealth.FAILED)
        elif now > self._disconnect_at() and self.health is ConnectionHealth.CONNECTED:
            self._set_health(ConnectionHealth.DISCONNECTED)

    def _probe_all(self) -> None:
        loop = asyncio.get_running_loop()
        self._last_probe = loop.time()
        for pair in list(self._nominated.values()):
            # Each probe is its own task, so a timeout never delays the cadence.
            task = loop.create_task(self._probe(pair))
            self._probes.add(task)
            task.add_done_callback(self._probes.discard)

    async def _probe(self, pair: CandidatePair) -> None:
        assert self.remote_password is not None
        request = self.build_request(pair, nominate=False)
        counters = pair_counters(pair)
        if counters is not None:
            counters.consent_requests_sent += 1
        try:
            await pair.protocol.request(
                request,
                pair.remote_addr,
                integrity_key=self.remote_password.encode("utf8"),
                retransmissions=CONSENT_RETRANSMISSIONS,
            )
        except stun.TransactionError as exc:
            response = exc.response
            if response is not None and response.error_code == 403:
                # RFC 7675 §5.2: an authenticated 403 revokes consent at once.
                self.last_consent = float("-inf")
                self._evaluate(self._now())
            return
        except (ConnectionError, OSError):
            return
        if self.health in (ConnectionHealth.FAILED, ConnectionHealth.CLOSED) or self._closing:
            return  # RFC 7675 §5.1: responses after expiry do not restore consent
        self.last_consent = self._now()
        if counters is not None:
            counters.consent_responses_received += 1
        if self.health is ConnectionHealth.DISCONNECTED:
            self._set_health(ConnectionHealth.CONNECTED)

    def _on_traffic(self, addr: tuple[str, int] | None = None) -> None:
        # Traffic is a hint, never proof (it is unauthenticated): probe at once while
        # disconnected, so recovery takes one round trip instead of a probe interval.
        if self.health is not ConnectionHealth.DISCONNECTED or self._closing:
            return
        if addr is not None and not any(p.remote_addr == addr for p in self._nominated.values()):
            return
        now = self._now()
        if now - self._last_triggered >= TRIGGERED_PROBE_SPACING:
            self._last_triggered = now
            self._probe_all()

    def data_received(self, data: bytes, component: int) -> None:
        """Feed the owner's mux (or the stock queue) and count it as a liveness hint."""
        self._on_traffic()
        if self.on_data is not None:
            self.on_data(data, component)
        else:
            super().data_received(data, component)

    def request_received(
        self, message: stun.Message, addr: tuple[str, int], protocol: StunProtocol
    ) -> None:
        """Count and answer as usual; a request from the selected pair's peer is a liveness hint."""
        counters = socket_counters(protocol, addr)
        if counters is not None and message.message_method == stun.Method.BINDING:
            counters.requests_received += 1
        super().request_received(message, addr, protocol)
        self._on_traffic(addr)

    def protocol_lost(self, protocol: StunProtocol) -> None:
        """A socket died; if it carried the selected pair, the owner's receiver must know."""
        if any(p.protocol is protocol for p in self._nominated.values()) and self.on_lost:
            self.on_lost()
        super().protocol_lost(protocol)

    async def sendto(self, data: bytes, component: int) -> None:
        """Send as usual, except after consent expired (RFC 7675 §5.1: MUST stop sending)."""
        if self.health is ConnectionHealth.FAILED:
            return
        await super().sendto(data, component)

    # ------------------------------------------------------------------ life cycle
    def retire(self) -> None:
        """Stop consent checks and health reports; the sockets stay open for late data."""
        self.retired = True
        if self._query_consent_task is not None:
            self._query_consent_task.cancel()
        self._cancel_probes()

    def _cancel_probes(self) -> None:
        for task in list(self._probes):
            task.cancel()

    async def close(self) -> None:
        """Close sockets and tasks (stock), then report ``closed``."""
        self.stop_pac()
        probes = list(self._probes)
        self._cancel_probes()
        for task in probes:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await super().close()
        self._set_health(ConnectionHealth.CLOSED)
