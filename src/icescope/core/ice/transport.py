"""ManagedIceTransport: W3C transport states and ICE generations under one RTCIceTransport.

``RTCDtlsTransport`` only ever calls ``transport._recv()`` / ``transport._send(data)``. Here both
are a mux over every ICE generation (one aioice connection each): all generations feed one
receive queue, sending uses the active one. An ICE restart is therefore a second connection
that is checked next to the first and then *promoted*; DTLS, SCTP and SRTP never notice, they
just see datagrams from a new 5-tuple (RFC 8445 §9: keep sending on the old pair meanwhile).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Final

from aiortc import RTCIceTransport
from aiortc.exceptions import InvalidStateError
from aiortc.rtcicetransport import candidate_to_aioice

from .consent import ConnectionHealth, MonitoredConnection
from .internals import (
    closing,
    remote_candidates_end,
    set_remote_is_lite,
    set_stock_transport_state,
    stock_monitor_task,
    stock_transport_state,
)
from .mux import GenerationMux
from .routing import generation_for as route_by_ufrag
from .usable import connect_until_usable
from .w3c import transport_state

if TYPE_CHECKING:
    from aiortc import RTCIceCandidate, RTCIceParameters

    from .gatherer import ManagedIceGatherer

logger = logging.getLogger(__name__)

GRACE: Final = 3.0
"""Seconds a retired generation keeps its sockets, so datagrams in flight still arrive."""

CHANGE_EVENT: Final = "icescope:change"
"""Emitted on every health, nomination or generation change (the PC then re-derives)."""
GENERATION_EVENT: Final = "icescope:generation"
"""Emitted as ``(phase, detail)`` when a new generation is promoted or abandoned."""
PAC_EVENT: Final = "icescope:pac"
"""Emitted as ``(phase, seconds_left, restart)`` by a generation's Tpac (RFC 8863):
``waiting``, ``connected`` or ``expired``; ``restart`` is True for a pending generation."""


class ManagedIceTransport(RTCIceTransport):
    """An ``RTCIceTransport`` with the seven W3C states, generations and a data mux."""

    def __init__(self, gatherer: ManagedIceGatherer) -> None:
        super().__init__(gatherer)
        self._gatherer = gatherer
        self._mux = GenerationMux()
        # The contract with RTCDtlsTransport: it looks these two up on every call.
        self._recv = self._mux.recv
        self._send = self._mux_send
        self._w3c = "new"
        self._stopped = False
        self._pending_task: asyncio.Task[bool] | None = None
        self._retiring: dict[MonitoredConnection, asyncio.TimerHandle] = {}
        self._closers: set[asyncio.Task[None]] = set()
        self._parked: set[asyncio.Future[None]] = set()
        self._attach(self.active)

    # ------------------------------------------------------------------ generations
    @property
    def active(self) -> MonitoredConnection:
        """The generation that carries data now (the gatherer's; promoted in lockstep)."""
        return self._gatherer.active

    @property
    def pending(self) -> MonitoredConnection | None:
        """The restart generation being negotiated or checked, if any."""
        return self._gatherer.pending

    def generations(self) -> list[MonitoredConnection]:
        """Active, pending and retiring generations (the ones with open sockets)."""
        found = [self.active]
        if self.pending is not None:
            found.append(self.pending)
        found.extend(c for c in self._retiring if c not in found)
        return found

    @property
    def started(self) -> bool:
        """True once ``start()`` ran (the active generation knows its remote credentials)."""
        return self._stock_state() != "new"

    def _attach(self, conn: MonitoredConnection) -> None:
        conn.on_change = self._changed
        conn.on_data = self._mux.feed
        conn.on_lost = lambda: self._lost(conn)
        conn.on_pac = lambda phase, left: self._pac(conn, phase, left)

    def _pac(self, conn: MonitoredConnection, phase: str, left: float) -> None:
        if not conn.retired and not self._stopped:
            self.emit(PAC_EVENT, phase, left, conn is self.pending)

    async def begin_generation(self, ice_controlling: bool | None = None) -> MonitoredConnection:
        """Create and gather the next generation (new ufrag/pwd and sockets).

        Args:
            ice_controlling: its ICE role (None: the active generation's; see
                :func:`~icescope.core.ice.restart.restart_role` for what a restart takes).
        """
        if self._stopped:
            raise InvalidStateError("RTCIceTransport is closed")
        conn = await self._gatherer.new_generation(ice_controlling)
        self._attach(conn)
        return conn

    def align_roles(self) -> None:
        """Give every older generation the pending generation's ICE role.

        Called once a restart is negotiated. A browser's ICE role belongs to its whole
        transport, so its checks on the old generation (kept until the new one is selected)
        carry the new role too; an old generation still in the old role would see a role
        conflict there and might answer it with 487, which flips the browser's role on the
        new generation as well.
        """
        pending = self.pending
        if pending is None:
            return
        for conn in self.generations():
            if conn is not pending and conn.ice_controlling != pending.ice_controlling:
                logger.debug(
                    "%s takes the restart's role (controlling=%s)", conn, pending.ice_controlling
                )
                conn.ice_controlling = pending.ice_controlling

    def abandon_pending(self, detail: str) -> None:
        """Give up the pending generation and stay on the active one."""
        conn = self._gatherer.drop_pending()
        if conn is None:
            return
        conn.retired = True
        if self._pending_task is not None and not self._pending_task.done():
            self._pending_task.cancel()
        self._pending_task = None
        self._close_later(conn, 0.0)
        self._changed()
        self.emit(GENERATION_EVENT, "abandoned", detail)

    def _promote(self, conn: MonitoredConnection) -> None:
        old = self.active
        self._connection = conn
        self._gatherer.promote(conn)
        old.retire()
        self._close_later(old, GRACE)
        if self._stock_state() == "failed":
            # Recovery after an initial failure: release the parked connect step as if the
            # first start() had succeeded, so DTLS starts over the new generation.
            set_stock_transport_state(self, "completed")
        for waiter in list(self._parked):
            if not waiter.done():
                waiter.set_result(None)
        logger.debug("promoted %s over %s", conn, old)
        self._changed()
        self.emit(GENERATION_EVENT, "complete", "")

    def _close_later(self, conn: MonitoredConnection, delay: float) -> None:
        loop = asyncio.get_running_loop()
        self._retiring[conn] = loop.call_later(delay, self._close_retired, conn)

    def _close_retired(self, conn: MonitoredConnection) -> None:
        self._retiring.pop(conn, None)
        task = asyncio.get_running_loop().create_task(conn.close())
        self._closers.add(task)
        task.add_done_callback(self._closers.discard)

    async def _connect_generation(self, conn: MonitoredConnection) -> bool:
        try:
            await connect_until_usable(conn, self._closers)
        except ConnectionError:
            if self.pending is conn:
                self.abandon_pending(
                    f"no candidate pair succeeded within Tpac ({conn.pac_timeout:g} s)"
                    if conn.pac_expired
                    else "the new generation's connectivity checks failed"
                )
            return False
        if self.pending is not conn or self._stopped:
            return False
        self._promote(conn)
        return True

    # ------------------------------------------------------------------ W3C state
    @property
    def state(self) -> str:
        """The W3C ``RTCIceTransportState`` (webrtc-pc §5.6.6)."""
        return self._w3c

    def _stock_state(self) -> str:
        return stock_transport_state(self)

    def _changed(self) -> None:
        stopped = self._stopped or self._stock_state() == "closed"
        state = transport_state(self.active, self.pending, stopped=stopped)
        if state == "completed" and self._w3c not in ("connected", "completed"):
            # Never skip connected on the way up (libwebrtc emits a synthetic one too).
            self._set_w3c("connected")
        self._set_w3c(state)
        self.emit(CHANGE_EVENT)

    def _set_w3c(self, state: str) -> None:
        if state != self._w3c:
            logger.debug("ice transport %s -> %s", self._w3c, state)
            self._w3c = state
            self.emit("statechange")

    # ------------------------------------------------------------------ mux
    def _lost(self, conn: MonitoredConnection) -> None:
        if conn is self.active:
            self._mux.lose()

    async def _mux_send(self, data: bytes) -> None:
        if self._stopped:
            raise ConnectionError("Cannot send data, transport closed")
        await self.active.send(data)

    # ------------------------------------------------------------------ remote side
    def generation_for(self, ufrag: str | None) -> MonitoredConnection:
        """The generation a remote candidate of ``ufrag`` belongs to (None: the newest).

        Raises:
            UnknownGenerationError: no generation has that remote ufrag.
        """
        return route_by_ufrag(self.active, self.pending, ufrag, self.generations())

    async def add_candidate_to(
        self, conn: MonitoredConnection, candidate: RTCIceCandidate | None
    ) -> None:
        """Add a remote candidate (None: end-of-candidates) to one generation."""
        if remote_candidates_end(conn) or closing(conn):
            return  # as stock: candidates after end-of-candidates are ignored
        await conn.add_remote_candidate(
            None if candidate is None else candidate_to_aioice(candidate)
        )
        if candidate is None:
            self._changed()

    async def addRemoteCandidate(self, candidate: RTCIceCandidate | None) -> None:
        """Add a remote candidate to the newest generation (stock API, no ufrag)."""
        await self.add_candidate_to(self.generation_for(None), candidate)

    # ------------------------------------------------------------------ life cycle
    async def start(self, remoteParameters: RTCIceParameters) -> None:
        """Start checks of the generation whose remote credentials these are.

        The first call is stock. A call with the pending generation's credentials checks and
        then promotes it. Every caller is parked while the first generation failed before it
        ever connected, so the connect step does not start DTLS over a dead generation.
        """
        if self._stopped:
            raise InvalidStateError("RTCIceTransport is closed")
        pending = self.pending
        if (
            pending is not None
            and pending.remote_username == remoteParameters.usernameFragment
            and pending.remote_password == remoteParameters.password
        ):
            if self._pending_task is None:
                set_remote_is_lite(pending, remoteParameters.iceLite)
                self._pending_task = asyncio.ensure_future(self._connect_generation(pending))
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(self._pending_task)
            if self._pending_task is not None and self._pending_task.done():
                self._pending_task = None
        else:
            await super().start(remoteParameters)
            self._changed()
        await self._park_while_failed()

    async def _park_while_failed(self) -> None:
        while (
            not self._stopped
            and self.active.health is ConnectionHealth.FAILED
            and not self.active.connect_done
        ):
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._parked.add(waiter)
            try:
                await waiter  # cancelled by stop(): the connect step ends quietly
            finally:
                self._parked.discard(waiter)

    async def _monitor(self) -> None:
        # Stock marks the transport failed when the (first) connection closes; ours never
        # closes on its own and retired generations close on purpose.
        return None

    async def stop(self) -> None:
        """Irreversibly stop: every generation, timer, parked caller and pending check."""
        if self._stopped:
            return
        self._stopped = True
        for waiter in list(self._parked):
            waiter.cancel()
        conns = self.generations()
        for handle in self._retiring.values():
            handle.cancel()
        self._retiring.clear()
        if self._pending_task is not None:
            self._pending_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pending_task
            self._pending_task = None
        self._w3c = "closed"
        if self._stock_state() != "closed":
            # emits statechange, then drops every listener (stock behaviour)
            set_stock_transport_state(self, "closed")
        for conn in conns:
            conn.retired = True
            await conn.close()
        if self._closers:
            await asyncio.gather(*self._closers, return_exceptions=True)
        self._mux.close()
        monitor = stock_monitor_task(self)
        if monitor is not None:
            await monitor
