"""IcePeerConnection: ``RTCPeerConnection`` with all seven ICE states and real ICE restart.

With the engine installed (:func:`icescope.core.ice.compat.install`) every ICE transport is a
:class:`~icescope.core.ice.transport.ManagedIceTransport`. This class then

* derives ``iceConnectionState`` and ``connectionState`` with the webrtc-pc precedence
  (§4.3.3/§4.3.4) and replaces aiortc's own events with ours, so app code reads like browser
  code; per-transport changes are emitted as ``icetransportstatechange(id, previous, state)``;
* implements ``restartIce()`` (a flag, then new credentials in the next offer), detects remote
  restarts in ``setRemoteDescription`` before aiortc ignores them, falls back visibly when the
  peer answers with its old credentials, and routes trickled candidates by ufrag.

Degraded (stock classes), it behaves exactly like aiortc and says so via
``ice_state_provenance``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from aiortc import RTCDataChannel, RTCPeerConnection

from ..config import IceTimings
from ..errors import PeerClosedError
from ..netif import AddressSelection
from ..states import Provenance
from . import compat
from .capabilities import Capabilities
from .channels import meter_channel
from .derived import DerivedStates
from .internals import remote_is_lite
from .introspect import ice_transports
from .restart import RestartRecord, detect_restart, learn_remote_credentials, restart_role
from .transport import CHANGE_EVENT, GENERATION_EVENT, PAC_EVENT, ManagedIceTransport

if TYPE_CHECKING:
    from aiortc import RTCConfiguration, RTCIceCandidate, RTCIceTransport, RTCSessionDescription

    from ..faults import FaultInjector

logger = logging.getLogger(__name__)

_DERIVED_EVENTS = frozenset({"iceconnectionstatechange", "connectionstatechange"})
CONNECT_SETTLE_TIMEOUT = 1.0
"""Seconds close() waits for aiortc's connect step to end once the transports are stopped."""


class IcePeerConnection(RTCPeerConnection):
    """A peer connection with IceScope's ICE engine.

    Args:
        configuration: the W3C configuration (ICE servers, transport policy).
        addresses: which local addresses may become host candidates.
        timings: consent/liveness timers.
        faults: network impairment applied to every ICE socket of this peer.
    """

    def __init__(
        self,
        configuration: RTCConfiguration | None = None,
        *,
        addresses: AddressSelection | None = None,
        timings: IceTimings | None = None,
        faults: FaultInjector | None = None,
    ) -> None:
        super().__init__(configuration)
        self.address_selection = addresses or AddressSelection()
        """Host candidate selection applied to every ICE transport."""
        self.timings = timings or IceTimings()
        """Consent/liveness timers."""
        self.faults = faults
        """Network impairment on this peer's sockets (None: none)."""
        self.managed = compat.engine_active()
        """True when the engine's classes are in use (not degraded)."""
        self._is_closed = False
        self._derived = DerivedStates()
        self._watched: set[ManagedIceTransport] = set()
        self._refreshing = False
        self._refresh_again = False
        self._restart_requested = False
        self._restart: RestartRecord | None = None
        self._answer_timer: asyncio.TimerHandle | None = None
        self.data_channels: list[RTCDataChannel] = []
        """Every data channel of this connection (made here or announced by the remote)."""
        self._connecting: set[asyncio.Task[Any]] = set()

    # ------------------------------------------------------------------ capabilities
    @property
    def capabilities(self) -> Capabilities:
        """What the engine can do for this peer (None per feature = available, else why not)."""
        if not self.managed:
            return Capabilities.degraded(
                compat.degraded_cause() or "this peer was built with aiortc's stock ICE classes"
            )
        if self.faults is None:
            return Capabilities(impair="not available: this peer has no fault injector")
        return Capabilities()

    @property
    def can_restart(self) -> bool:
        """Whether :meth:`restartIce` performs a real ICE restart with this engine."""
        return self.capabilities.restart is None

    @property
    def ice_state_provenance(self) -> Provenance:
        """Whether ``iceConnectionState`` is aiortc's own value or IceScope's derivation."""
        return Provenance.DERIVED if self.managed else Provenance.REPORTED

    @property
    def iceConnectionState(self) -> str:
        """``RTCIceConnectionState``, all seven values (webrtc-pc §4.3.4)."""
        return self._derived.ice if self.managed else super().iceConnectionState

    @property
    def connectionState(self) -> str:
        """``RTCPeerConnectionState`` over ICE and DTLS (webrtc-pc §4.3.3)."""
        return self._derived.connection if self.managed else super().connectionState

    def local_ufrag(self) -> str:
        """The local ICE ufrag of the active generation ("" before any transport exists)."""
        transports = self.ice_transports()
        if not transports:
            return ""
        first = transports[0]
        if isinstance(first, ManagedIceTransport):
            return str(first.active.local_username)
        # stock classes: the public getter (the only generation there is)
        return str(first.iceGatherer.getLocalParameters().usernameFragment)

    def ice_transports(self) -> list[RTCIceTransport]:
        """The ICE transports reachable through public getters (transceivers, then SCTP)."""
        return ice_transports(self)

    def _managed_transports(self) -> list[ManagedIceTransport]:
        return [t for t in self.ice_transports() if isinstance(t, ManagedIceTransport)]

    def transport_id(self, transport: RTCIceTransport) -> str:
        """The stable id of an ICE transport (``T01``...), as in ``icetransportstatechange``."""
        return self._derived.name(transport)

    def selected_pair_changes(self, transport: RTCIceTransport) -> int | None:
        """How often ``transport``'s selected candidate pair changed (None: not tracked)."""
        if not isinstance(transport, ManagedIceTransport):
            return None
        return self._derived.pair_changes.get(transport, 0)

    def createDataChannel(self, label: str, *args: Any, **kwargs: Any) -> RTCDataChannel:
        """Create a data channel (stock), counting its messages for statistics."""
        channel = super().createDataChannel(label, *args, **kwargs)
        self._track_channel(channel)
        return channel

    def _track_channel(self, channel: RTCDataChannel) -> None:
        meter_channel(channel)
        if channel not in self.data_channels:
            self.data_channels.append(channel)

    # ------------------------------------------------------------------ configuration
    def _configure_transports(self) -> None:
        # Stock transports (degraded, or a stock peer) have nothing to configure.
        for transport in self._managed_transports():
            for conn in transport.generations():
                conn.address_selection = self.address_selection
                conn.timings = self.timings
                conn.faults = self.faults
            if transport not in self._watched:
                self._watched.add(transport)
                transport.on(CHANGE_EVENT, self._refresh)
                transport.on(GENERATION_EVENT, self._on_generation)
                transport.on(PAC_EVENT, self._on_pac)

    # ------------------------------------------------------------------ derived states
    def emit(self, event: str, *args: Any, **kwargs: Any) -> bool:
        """Replace aiortc's ICE/connection state events with the derived ones."""
        if self.managed and event in _DERIVED_EVENTS:
            self._refresh()
            return True
        if event == "datachannel" and args and isinstance(args[0], RTCDataChannel):
            self._track_channel(args[0])  # before the application's listeners see it
        return super().emit(event, *args, **kwargs)

    def _refresh(self) -> None:
        # webrtc-pc §5.6 "change the selected candidate pair and state": selected pair, then
        # transport state, then iceConnectionState, then connectionState, each only if changed.
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        try:
            for _ in range(10):  # bounded: listeners may trigger another refresh
                self._refresh_again = False
                self._refresh_once()
                if not self._refresh_again:
                    break
        finally:
            self._refreshing = False

    def _refresh_once(self) -> None:
        self._configure_transports()
        dtls = {t.receiver.transport.state for t in self.getTransceivers()}
        if self.sctp is not None:
            dtls.add(self.sctp.transport.state)
        self._derived.refresh(
            self._managed_transports(), dtls, is_closed=self._is_closed, emit=super().emit
        )

    # ------------------------------------------------------------------ restart
    def restartIce(self) -> None:
        """Flag an ICE restart for the next offer (webrtc-pc §4.4.2.2).

        Raises:
            NotImplementedError: the engine is degraded (stock aiortc cannot restart).
            PeerClosedError: the connection is closed.
        """
        reason = self.capabilities.restart
        if reason is not None:
            raise NotImplementedError(f"ICE restart is {reason}")
        if self._is_closed:
            raise PeerClosedError("the peer connection is closed")
        self._restart_requested = True

    @property
    def restart_in_progress(self) -> bool:
        """True from a restart's ``start`` until it completes or is abandoned."""
        return self._restart is not None

    async def _begin_restart(self, initiator: str, remote: tuple[str, str] | None) -> bool:
        transports = [t for t in self._managed_transports() if t.started and t.pending is None]
        if not transports:
            return False
        old = self.local_ufrag()
        for transport in transports:
            controlling = restart_role(initiator, remote_is_lite(transport.active))
            conn = await transport.begin_generation(controlling)
            if remote is not None:
                conn.remote_username, conn.remote_password = remote
                transport.align_roles()  # the peer took its role when it offered
        self._configure_transports()
        new = transports[0].pending.local_username if transports[0].pending else ""
        now = asyncio.get_running_loop().time()
        self._restart = RestartRecord(initiator, old, new, now)
        logger.info("ICE restart (%s): %s -> %s", initiator, old, new)
        super().emit("icerestart", self._restart.payload("start", None))
        return True

    def _on_pac(self, phase: str, left: float, restart: bool) -> None:
        # RFC 8863 Tpac of one generation, as "icepac" {phase, left, restart, timeout}.
        info = {"phase": phase, "left": left, "restart": restart}
        super().emit("icepac", {**info, "timeout": self.timings.pac_timeout})

    def _on_generation(self, phase: str, detail: str) -> None:
        record = self._restart
        if record is None:
            return
        if phase == "complete" and any(t.pending for t in self._managed_transports()):
            return  # another transport is still checking its new generation
        self._restart = None
        self._cancel_answer_timer()
        now = asyncio.get_running_loop().time()
        super().emit("icerestart", record.payload(phase, now, detail))

    def _cancel_answer_timer(self) -> None:
        if self._answer_timer is not None:
            self._answer_timer.cancel()
            self._answer_timer = None

    def _answer_overdue(self, record: RestartRecord) -> None:
        """Tpac after our restart offer and still no answer: give the restart up."""
        self._answer_timer = None
        if self._restart is not record or self._is_closed:
            return
        if self.signalingState != "have-local-offer":
            return  # answered; the checks of the new generation have their own Tpac
        timeout = self.timings.pac_timeout
        logger.info("ICE restart %s: no answer within %g s", record.new_ufrag, timeout)
        # webrtc-pc's setLocalDescription({type: "rollback"}), which aiortc 1.16 lacks: forget
        # the offer, so an answer that still arrives is refused instead of half-applied.
        self._RTCPeerConnection__pendingLocalDescription = None
        self._RTCPeerConnection__setSignalingState("stable")  # type: ignore[attr-defined]
        for transport in self._managed_transports():
            transport.abandon_pending(
                f"no answer to the restart offer within Tpac ({timeout:g} s): the remote "
                "may be gone; offer rolled back, staying on the current candidate pair"
            )

    async def setLocalDescription(self, sessionDescription: Any = None) -> None:
        """Apply our options to every transport before stock gathering runs.

        A local restart's offer waits Tpac for its answer (see :meth:`_answer_overdue`).
        """
        self._configure_transports()
        await super().setLocalDescription(sessionDescription)
        record = self._restart
        if (
            record is not None
            and record.initiator == "local"
            and self.signalingState == "have-local-offer"
            and self._answer_timer is None
            and not self._is_closed
        ):
            loop = asyncio.get_running_loop()
            self._answer_timer = loop.call_later(
                self.timings.pac_timeout, self._answer_overdue, record
            )

    async def createOffer(self) -> RTCSessionDescription:
        """Create an offer; after :meth:`restartIce` it carries a new ICE generation."""
        if self.managed and self._restart_requested and not self._is_closed:
            self._restart_requested = False
            await self._begin_restart("local", None)
        self._configure_transports()
        return await super().createOffer()

    async def setRemoteDescription(self, sessionDescription: RTCSessionDescription) -> None:
        """Apply a remote description, detecting ICE restarts before aiortc ignores them."""
        created = False
        # Remote credentials of pending generations, to undo our changes if aiortc rejects it.
        saved = [
            (t.pending, t.pending.remote_username, t.pending.remote_password)
            for t in self._managed_transports()
            if t.pending is not None
        ]
        if self.managed and not self._is_closed:
            # Must precede super(): stock code adds the new candidates and may start checks.
            created = await detect_restart(
                self._managed_transports(), sessionDescription, self._begin_restart
            )
        try:
            await super().setRemoteDescription(sessionDescription)
        except Exception as exc:
            for conn, ufrag, pwd in saved:
                conn.remote_username, conn.remote_password = ufrag, pwd
            if created:
                for transport in self._managed_transports():
                    transport.abandon_pending(f"remote description rejected: {exc}")
            raise
        if self.managed and not self._is_closed:
            learn_remote_credentials(self._managed_transports(), sessionDescription)
        self._configure_transports()

    async def add_ice_candidate(
        self, candidate: RTCIceCandidate | None, ufrag: str | None = None
    ) -> None:
        """Add a remote candidate of generation ``ufrag`` (None: the most recent one).

        ``candidate`` None is end-of-candidates for that generation (webrtc-pc §4.4.2.2).

        Raises:
            UnknownGenerationError: ``ufrag`` matches no generation (OperationError).
        """
        transports = self._managed_transports()
        if ufrag is None or not transports:
            await self.addIceCandidate(candidate)
            return
        for transport in transports:
            conn = transport.generation_for(ufrag)
            await transport.add_candidate_to(conn, candidate)

    async def close(self) -> None:
        """Close; the derived states become ``closed``.

        webrtc-pc's close() fires no event; aiortc does, and the session logs it as a local
        close.
        """
        self._restart_requested = False
        self._cancel_answer_timer()
        if self._restart is not None and not self._is_closed:
            record, self._restart = self._restart, None
            now = asyncio.get_running_loop().time()
            super().emit("icerestart", record.payload("abandoned", now, "connection closed"))
        self._is_closed = True
        await super().close()
        # aiortc starts its connect step as a task it does not keep; once the transports are
        # stopped it ends within a few loop turns. Wait for it (bounded), so that a closed
        # connection leaves nothing running behind it.
        pending = {t for t in self._connecting if not t.done()}
        if pending:
            await asyncio.wait(pending, timeout=CONNECT_SETTLE_TIMEOUT)

    async def _RTCPeerConnection__connect(self) -> None:
        """The connect step of aiortc (ICE, DTLS, SCTP), tracked so that close() can await it."""
        task = asyncio.current_task()
        if task is not None:
            self._connecting.add(task)
        try:
            await super()._RTCPeerConnection__connect()  # type: ignore[misc]
        finally:
            if task is not None:
                self._connecting.discard(task)
