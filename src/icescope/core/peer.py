"""PeerAgent: one aiortc peer, its negotiation over a signaling channel, and its events.

The agent owns an :class:`~icescope.core.ice.peerconnection.IcePeerConnection`, turns every
pyee event of it into typed events (one private setter per state machine, dropping
duplicates), runs offer/answer over a :class:`~icescope.core.signaling.base.Signaling`, and drives
the heartbeat data channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

from aiortc import RTCConfiguration, RTCIceServer, RTCSessionDescription
from aiortc.rtcconfiguration import RTCBundlePolicy, RTCIceTransportPolicy

from .errors import PeerClosedError, SdpError, SignalingError
from .events import (
    CandidateGathered,
    DataChannelChanged,
    IceRestart,
    Notice,
    Peer,
    SelectedPairChanged,
    StateChanged,
)
from .faults import FaultInjector
from .heartbeat import CHANNEL_ID, LABEL, Heartbeat
from .ice import compat
from .ice.introspect import describe_candidate, local_candidates, selected_pair
from .ice.peerconnection import IcePeerConnection
from .iceservers import config_diagnoses, gathering_diagnoses
from .reports import RemoteReport
from .sdp import parse_candidate, validate_sdp
from .states import (
    STATE_TYPES,
    ConnectionState,
    IceConnectionState,
    IceGatheringState,
    IceTransportState,
    Machine,
    Provenance,
    SignalingState,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from .clock import SessionClock
    from .config import Settings
    from .events import SessionEvent
    from .signaling.base import Message, Signaling

logger = logging.getLogger(__name__)

_PC_EVENTS: dict[str, Machine] = {
    "iceconnectionstatechange": Machine.ICE,
    "connectionstatechange": Machine.CONNECTION,
    "icegatheringstatechange": Machine.GATHERING,
    "signalingstatechange": Machine.SIGNALING,
}


def rtc_configuration(settings: Settings) -> RTCConfiguration:
    """The W3C configuration for ``settings``.

    ``iceServers`` is always an explicit list: with ``None`` aiortc would silently contact a
    public STUN server.
    """
    servers = [
        RTCIceServer(urls=list(s.urls), username=s.username, credential=s.credential)
        for s in settings.ice_servers
    ]
    return RTCConfiguration(
        iceServers=servers,
        bundlePolicy=RTCBundlePolicy.MAX_BUNDLE,
        iceTransportPolicy=(
            RTCIceTransportPolicy.RELAY if settings.relay_only else RTCIceTransportPolicy.ALL
        ),
    )


class PeerAgent:
    """One peer of a session.

    Args:
        peer: which side this agent is (``local`` or ``remote``).
        settings: session settings.
        clock: the session clock, for timestamps.
        publish: where typed events go (the session hub).
        signaling: this agent's end of the signaling channel.
        offerer: whether this agent sends the initial offer.
    """

    def __init__(
        self,
        peer: Peer,
        settings: Settings,
        clock: SessionClock,
        publish: Callable[[SessionEvent], None],
        signaling: Signaling,
        *,
        offerer: bool,
    ) -> None:
        compat.install()
        self.peer = peer
        self._settings = settings
        self._clock = clock
        self._publish = publish
        self._signaling = signaling
        self.offerer = offerer
        self.faults = FaultInjector()
        """Network impairment on this peer's ICE sockets (see :meth:`Session.impair`)."""
        self.pc = IcePeerConnection(
            rtc_configuration(settings),
            addresses=settings.addresses,
            timings=settings.timings,
            faults=self.faults,
        )
        self._states: dict[Machine, tuple[str, float]] = {
            Machine.ICE: (IceConnectionState.NEW.value, 0.0),
            Machine.CONNECTION: (ConnectionState.NEW.value, 0.0),
            Machine.GATHERING: (IceGatheringState.NEW.value, 0.0),
            Machine.SIGNALING: (SignalingState.STABLE.value, 0.0),
        }
        self.time_in_state: dict[str, float] = {}
        """Seconds spent in each ``iceConnectionState`` value that was left already."""
        self._closing_locally = False
        self._closed = asyncio.Event()
        self._connected = asyncio.Event()
        self._reported_candidates: set[tuple[str, str, int, str]] = set()
        self._selected: tuple[str, str] | None = None
        self._recv_task: asyncio.Task[None] | None = None
        self._negotiating = asyncio.Lock()
        self.peer_sent: int | None = None
        self.peer_received: int | None = None
        """Heartbeats the other side says it received (from its ``bye``), if known."""
        """Heartbeats the other side says it sent (from its ``hb_fin``), if known."""
        self.remote_report = RemoteReport(clock, publish)
        """What an out-of-process remote (a browser) reports about its own states."""
        self._diagnosis: asyncio.Task[None] | None = None

        self._transport_since: dict[str, float] = {}
        for name, machine in _PC_EVENTS.items():
            self.pc.on(name, self._make_listener(machine))
        self.pc.on("icetransportstatechange", self._on_transport_state)
        self.pc.on("icerestart", self._on_restart)
        self.pc.on("selectedcandidatepairchange", self._on_selected_pair)
        channel = self.pc.createDataChannel(LABEL, negotiated=True, id=CHANNEL_ID)
        channel.on("open", lambda: self._on_channel(LABEL, "open"))
        channel.on("close", lambda: self._on_channel(LABEL, "closed"))
        self.heartbeat = Heartbeat(channel, settings.heartbeat_interval)

    # ------------------------------------------------------------------ state
    @property
    def ice_state(self) -> IceConnectionState:
        """The last published ``iceConnectionState``."""
        return IceConnectionState(self._states[Machine.ICE][0])

    @property
    def closed(self) -> bool:
        """True once the peer connection is closed."""
        return self._closed.is_set()

    def state_of(self, machine: Machine) -> str:
        """The last published value of ``machine``."""
        return self._states[machine][0]

    def entered_at(self, machine: Machine) -> float:
        """Session time at which ``machine`` entered its current value."""
        return self._states[machine][1]

    def final_time_in_state(self) -> dict[str, float]:
        """Time per ICE state, including the time in the current state until now."""
        totals = dict(self.time_in_state)
        state, since = self._states[Machine.ICE]
        totals[state] = totals.get(state, 0.0) + self._clock.ts() - since
        return {k: round(v, 6) for k, v in totals.items()}

    def _make_listener(self, machine: Machine) -> Callable[[], None]:
        def listener() -> None:
            # Listeners never raise: pyee would re-emit as an "error" event.
            try:
                value = getattr(self.pc, _attr_of(machine))
                STATE_TYPES[machine](value)  # boundary check: a W3C value
                self._set_state(machine, value, self._provenance_for(machine, value))
            except Exception:
                logger.exception("peer(%s) failed to translate %s", self.peer, machine.value)

        return listener

    def _on_transport_state(self, transport_id: str, previous: str, state: str) -> None:
        # Listeners never raise: pyee would re-emit as an "error" event.
        try:
            IceTransportState(state)  # boundary check: a W3C value
            ts, wall = self._clock.stamp()
            since = self._transport_since.get(transport_id)
            self._transport_since[transport_id] = ts
            self._publish(
                StateChanged(
                    ts=ts,
                    wall=wall,
                    peer=self.peer,
                    machine=Machine.TRANSPORT,
                    previous=previous,
                    state=state,
                    provenance=(
                        self._provenance_for(Machine.TRANSPORT, state)
                        if state == "closed"
                        else Provenance.DERIVED
                    ),
                    in_previous=None if since is None else ts - since,
                    generation=self.pc.local_ufrag(),
                    detail=f"ICE transport {transport_id}",
                )
            )
        except Exception:
            logger.exception("peer(%s) failed to translate a transport state", self.peer)

    def _on_restart(self, info: dict[str, Any]) -> None:
        try:
            ts, wall = self._clock.stamp()
            duration = info.get("duration")
            self._publish(
                IceRestart(
                    ts=ts,
                    wall=wall,
                    peer=self.peer,
                    phase=str(info["phase"]),
                    old_ufrag=str(info.get("old_ufrag") or ""),
                    new_ufrag=str(info.get("new_ufrag") or ""),
                    initiator=str(info.get("initiator") or ""),
                    duration=None if duration is None else float(duration),
                    detail=str(info.get("detail") or ""),
                )
            )
            if info["phase"] == "complete":
                self._report_selected_pair()
        except Exception:
            logger.exception("peer(%s) failed to translate an ICE restart", self.peer)

    def _on_selected_pair(self) -> None:
        try:
            self._report_selected_pair()
        except Exception:
            logger.exception("peer(%s) failed to report the selected pair", self.peer)

    def _provenance_for(self, machine: Machine, value: str) -> Provenance:
        if value == "closed":
            return Provenance.LOCAL_CLOSE if self._closing_locally else Provenance.AUTO_CLOSE
        if machine is Machine.ICE:
            return self.pc.ice_state_provenance
        return Provenance.REPORTED

    def _set_state(
        self, machine: Machine, value: str, provenance: Provenance, detail: str = ""
    ) -> None:
        previous, since = self._states[machine]
        if value == previous:
            return
        ts, wall = self._clock.stamp()
        self._states[machine] = (value, ts)
        if machine is Machine.ICE:
            self.time_in_state[previous] = self.time_in_state.get(previous, 0.0) + ts - since
            if value in ("connected", "completed"):
                self._connected.set()
        if not detail and provenance is Provenance.LOCAL_CLOSE:
            detail = "local close: close() was called here (webrtc-pc fires no event for it)"
        elif not detail and provenance is Provenance.AUTO_CLOSE:
            detail = "the library closed the connection on its own"
        logger.debug("peer(%s) %s %s -> %s", self.peer.value, machine.value, previous, value)
        self._publish(
            StateChanged(
                ts=ts,
                wall=wall,
                peer=self.peer,
                machine=machine,
                previous=previous,
                state=value,
                provenance=provenance,
                in_previous=ts - since,
                generation=self.pc.local_ufrag(),
                detail=detail,
            )
        )
        if machine is Machine.ICE and value in ("connected", "completed"):
            self._report_selected_pair()
        if value == "closed" and machine is Machine.CONNECTION:
            self._closed.set()

    def _on_channel(self, label: str, state: str) -> None:
        ts, wall = self._clock.stamp()
        self._publish(
            DataChannelChanged(ts=ts, wall=wall, peer=self.peer, label=label, state=state)
        )
        if state == "open":
            self.heartbeat.start()

    def notice(self, level: str, code: str, message: str) -> None:
        """Publish a :class:`Notice` for this peer."""
        ts, wall = self._clock.stamp()
        self._publish(
            Notice(ts=ts, wall=wall, peer=self.peer, level=level, code=code, message=message)
        )

    def _report_candidates(self) -> None:
        for ufrag, candidate in local_candidates(self.pc):
            key = (ufrag, candidate.host, candidate.port, candidate.type)
            if key in self._reported_candidates:
                continue
            self._reported_candidates.add(key)
            ts, wall = self._clock.stamp()
            self._publish(
                CandidateGathered(
                    ts=ts,
                    wall=wall,
                    peer=self.peer,
                    candidate_type=candidate.type,
                    protocol=candidate.transport.lower(),
                    address=candidate.host,
                    port=candidate.port,
                    ufrag=ufrag,
                )
            )

    def _diagnose_gathering(self) -> None:
        """Once, after the first gathering: explain missing relay/srflx candidates."""
        if self.peer is not Peer.LOCAL or self._diagnosis is not None:
            return
        types = [c.type for _, c in local_candidates(self.pc)]

        async def run() -> None:
            for finding in await gathering_diagnoses(self._settings, types):
                self.notice(finding.level, finding.code, finding.message)

        self._diagnosis = asyncio.get_running_loop().create_task(run())

    def _report_selected_pair(self) -> None:
        pair = selected_pair(self.pc)
        if pair is None:
            return
        local, remote = pair
        described = (describe_candidate(local), describe_candidate(remote))
        if described == self._selected:
            return
        self._selected = described
        ts, wall = self._clock.stamp()
        self._publish(
            SelectedPairChanged(
                ts=ts,
                wall=wall,
                peer=self.peer,
                local=described[0],
                remote=described[1],
                local_type=local.type,
                remote_type=remote.type,
            )
        )

    @property
    def selected(self) -> tuple[str, str] | None:
        """The selected pair as ``(local, remote)`` descriptions, once known."""
        return self._selected

    # ------------------------------------------------------------------ life cycle
    async def start(self) -> None:
        """Start the receive loop and, as offerer, send the first offer."""
        self._recv_task = asyncio.get_running_loop().create_task(self._receive_loop())
        if self.peer is Peer.LOCAL:
            for finding in config_diagnoses(self._settings):
                self.notice(finding.level, finding.code, finding.message)
        if self.offerer:
            await self.negotiate()

    async def wait_connected(self, timeout: float) -> bool:
        """Wait until ICE reaches connected/completed; False on timeout."""
        try:
            async with asyncio.timeout(timeout):
                await self._connected.wait()
        except TimeoutError:
            return False
        return True

    async def negotiate(self) -> None:
        """Create and send an offer (also used to carry an ICE restart)."""
        if self.closed:
            raise PeerClosedError("the peer connection is closed")
        async with self._negotiating:
            offer = await self.pc.createOffer()
            await self.pc.setLocalDescription(offer)
            self._report_candidates()
            self._diagnose_gathering()
            await self._signaling.send({"type": "offer", "sdp": self.pc.localDescription.sdp})

    async def restart_ice(self) -> None:
        """Restart ICE as a browser does: flag it, then send a new offer.

        Raises:
            PeerClosedError: the connection is closed.
            NotImplementedError: the ICE engine in use cannot restart.
        """
        if not self.pc.can_restart:
            raise NotImplementedError("ICE restart is not available with this ICE engine")
        self.pc.restartIce()
        await self.negotiate()

    async def _receive_loop(self) -> None:
        while True:
            try:
                message = await self._signaling.receive()
            except SignalingError as exc:
                # Garbage on the channel: say so, keep the session and the channel.
                self.notice("error", "signaling-garbage", f"ignored signaling message: {exc}")
                continue
            except (ConnectionError, OSError) as exc:
                self.notice("error", "signaling-lost", f"signaling channel lost: {exc}")
                return
            if message is None:
                if not self.closed and not self._closing_locally:
                    self.notice(
                        "warning",
                        "signaling-closed",
                        "the signaling channel ended without a bye: the remote is gone "
                        "(ICE may still carry on until consent expires)",
                    )
                return
            try:
                await self._handle(message)
                if message["type"] == "bye":
                    return
            except SdpError as exc:
                self.notice("error", "bad-sdp", str(exc))
            except SignalingError as exc:
                self.notice("warning", "signaling-garbage", f"ignored signaling message: {exc}")
            except PeerClosedError:
                return
            except Exception as exc:
                logger.exception("peer(%s) failed to handle %s", self.peer, message.get("type"))
                self.notice(
                    "error",
                    "signaling-rejected",
                    f"could not apply remote {message.get('type')}: {exc}",
                )

    async def _handle(self, message: Message) -> None:
        kind = message["type"]
        if kind == "event":
            self.remote_report.handle(message)
            return
        if kind == "hello":
            who = str(message.get("agent") or "unknown")[:200]
            self.notice("info", "remote-hello", f"remote peer: {who}")
            return
        if kind == "bye":
            sent = message.get("heartbeats_sent")
            if isinstance(sent, int) and not isinstance(sent, bool) and sent >= 0:
                self.peer_sent = sent
            received = message.get("heartbeats_received")
            if isinstance(received, int) and not isinstance(received, bool) and received >= 0:
                self.peer_received = received
            if not self.closed:
                await self.close(remote_bye=True)
            return
        if self.closed:
            raise PeerClosedError("closed")
        if kind == "offer":
            validate_sdp(message["sdp"], "offer")
            async with self._negotiating:
                await self.pc.setRemoteDescription(
                    RTCSessionDescription(sdp=message["sdp"], type="offer")
                )
                answer = await self.pc.createAnswer()
                await self.pc.setLocalDescription(answer)
                self._report_candidates()
                self._diagnose_gathering()
                await self._signaling.send({"type": "answer", "sdp": self.pc.localDescription.sdp})
        elif kind == "answer":
            validate_sdp(message["sdp"], "answer")
            await self.pc.setRemoteDescription(
                RTCSessionDescription(sdp=message["sdp"], type="answer")
            )
        elif kind == "candidate":
            await self._add_candidate(message)
        elif kind == "restart-request":
            await self.restart_ice()

    async def _add_candidate(self, message: Message) -> None:
        text: str = message.get("candidate") or ""
        if not text:
            # end-of-candidates, for the generation the ufrag names (None: the newest)
            await self.pc.add_ice_candidate(None, message.get("usernameFragment"))
            return
        candidate = parse_candidate(text)
        candidate.sdpMid = message.get("sdpMid")
        candidate.sdpMLineIndex = message.get("sdpMLineIndex")
        await self.pc.add_ice_candidate(candidate, message.get("usernameFragment"))

    async def close(self, *, remote_bye: bool = False) -> None:
        """Stop the heartbeat, close the peer connection, tell the other side.

        Safe to call more than once and in any phase.
        """
        if self.closed or self._closing_locally:
            return
        self._closing_locally = True
        await self.heartbeat.stop()
        # Give the fin message a moment to leave before SCTP shuts down.
        await asyncio.sleep(0.05)
        if not remote_bye:
            with contextlib.suppress(Exception):
                await self._signaling.send(
                    {
                        "type": "bye",
                        "heartbeats_sent": self.heartbeat.sent,
                        "heartbeats_received": self.heartbeat.received,
                    }
                )
        if self._diagnosis is not None and not self._diagnosis.done():
            self._diagnosis.cancel()
        await self.pc.close()
        self.faults.close()
        self._closed.set()
        await self._signaling.close()
        if self._recv_task is not None and self._recv_task is not asyncio.current_task():
            self._recv_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._recv_task


def _attr_of(machine: Machine) -> str:
    return {
        Machine.ICE: "iceConnectionState",
        Machine.CONNECTION: "connectionState",
        Machine.GATHERING: "iceGatheringState",
        Machine.SIGNALING: "signalingState",
    }[machine]
