"""PeerAgent: one aiortc peer, its negotiation over a signaling channel, and its events.

The agent owns an :class:`~icescope.core.ice.peerconnection.IcePeerConnection`, runs
offer/answer over a :class:`~icescope.core.signaling.base.Signaling`, and drives the heartbeat
data channel; :class:`~icescope.core.peerevents.PeerEvents` turns the connection's own events
into typed events.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from aiortc import RTCConfiguration, RTCIceServer, RTCSessionDescription
from aiortc.rtcconfiguration import RTCBundlePolicy, RTCIceTransportPolicy

from .errors import PeerClosedError, SdpError, SignalingError, quote
from .events import (
    DataChannelChanged,
    Notice,
    Peer,
)
from .faults import FaultInjector
from .heartbeat import CHANNEL_ID, LABEL, Heartbeat
from .ice import compat
from .ice.introspect import local_candidates
from .ice.peerconnection import IcePeerConnection
from .iceservers import config_diagnoses, gathering_diagnoses
from .limits import TrickleBudget, cap_candidates
from .peerevents import PeerEvents
from .reports import RemoteReport
from .sdp import parse_candidate, validate_sdp

if TYPE_CHECKING:
    from collections.abc import Callable

    from .clock import SessionClock
    from .config import Settings
    from .events import SessionEvent
    from .signaling.base import Message, Signaling
    from .states import (
        IceConnectionState,
        Machine,
    )

logger = logging.getLogger(__name__)


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
        self.events = PeerEvents(peer, self.pc, clock, publish)
        """The translation of this peer's events into typed events."""
        self._recv_task: asyncio.Task[None] | None = None
        self._negotiating = asyncio.Lock()
        self._trickle = TrickleBudget()
        self.peer_sent: int | None = None
        """Heartbeats the other side says it sent (from its ``bye``), if known."""
        self.peer_received: int | None = None
        """Heartbeats the other side says it received (from its ``bye``), if known."""
        self.remote_report = RemoteReport(clock, publish)
        """What an out-of-process remote (a browser) reports about its own states."""
        self._diagnosis: asyncio.Task[None] | None = None
        channel = self.pc.createDataChannel(LABEL, negotiated=True, id=CHANNEL_ID)
        channel.on("open", lambda: self._on_channel(LABEL, "open"))
        channel.on("close", lambda: self._on_channel(LABEL, "closed"))
        self.heartbeat = Heartbeat(channel, settings.heartbeat_interval)
        self.pc.on("icerestart", self._on_restart)  # after PeerEvents' own listener

    # ------------------------------------------------------------------ state
    @property
    def ice_state(self) -> IceConnectionState:
        """The last published ``iceConnectionState``."""
        return self.events.ice_state

    @property
    def closed(self) -> bool:
        """True once the peer connection is closed."""
        return self.events.closed.is_set()

    @property
    def time_in_state(self) -> dict[str, float]:
        """Seconds spent in each ``iceConnectionState`` value that was left already."""
        return self.events.time_in_state

    @property
    def selected(self) -> tuple[str, str] | None:
        """The selected pair as ``(local, remote)`` descriptions, once known."""
        return self.events.selected

    def state_of(self, machine: Machine) -> str:
        """The last published value of ``machine``."""
        return self.events.state_of(machine)

    def entered_at(self, machine: Machine) -> float:
        """Session time at which ``machine`` entered its current value."""
        return self.events.entered_at(machine)

    def final_time_in_state(self) -> dict[str, float]:
        """Time per ICE state, including the time in the current state until now."""
        return self.events.final_time_in_state()

    def _on_restart(self, info: dict[str, object]) -> None:
        # Data on the new pair at once: libwebrtc's controlled agent moves its selected pair to
        # the new generation only when data arrives on it, so a browser's restart would
        # otherwise wait up to one heartbeat interval more. Listeners never raise (pyee).
        if info.get("phase") == "complete":
            try:
                self.heartbeat.beat_now()
            except Exception:
                logger.exception("peer(%s) failed to send a heartbeat", self.peer)

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

    def _diagnose_gathering(self) -> None:
        """Once, after the first gathering: explain missing relay/srflx candidates."""
        if self.peer is not Peer.LOCAL or self._diagnosis is not None:
            return
        types = [c.type for _, c in local_candidates(self.pc)]

        async def run() -> None:
            for finding in await gathering_diagnoses(self._settings, types):
                self.notice(finding.level, finding.code, finding.message)

        self._diagnosis = asyncio.get_running_loop().create_task(run())

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
                await self.events.connected.wait()
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
            self.events.report_candidates()
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
                if not self.closed and not self.events.closing_locally:
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
            sdp = self._capped(message["sdp"], "offer")
            validate_sdp(sdp, "offer")
            async with self._negotiating:
                await self.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
                answer = await self.pc.createAnswer()
                await self.pc.setLocalDescription(answer)
                self.events.report_candidates()
                self._diagnose_gathering()
                await self._signaling.send({"type": "answer", "sdp": self.pc.localDescription.sdp})
        elif kind == "answer":
            sdp = self._capped(message["sdp"], "answer")
            validate_sdp(sdp, "answer")
            await self.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="answer"))
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
        if not self._trickle.admit(message.get("usernameFragment")):
            if self._trickle.dropped == 1:  # say it once; the summary of drops is the count
                self.notice(
                    "warning",
                    "candidates-dropped",
                    f"remote trickled more than {self._trickle.limit} candidates for one ICE "
                    f"generation: dropping the rest, starting with {quote(text)}",
                )
            return
        candidate = parse_candidate(text)
        candidate.sdpMid = message.get("sdpMid")
        candidate.sdpMLineIndex = message.get("sdpMLineIndex")
        await self.pc.add_ice_candidate(candidate, message.get("usernameFragment"))

    def _capped(self, sdp: str, kind: str) -> str:
        """``sdp`` with at most MAX_DESCRIPTION_CANDIDATES candidates; a notice if cut."""
        capped, dropped = cap_candidates(sdp)
        if dropped is not None:
            self.notice("warning", "candidates-dropped", f"remote {kind}: {dropped}")
        return capped

    async def close(self, *, remote_bye: bool = False) -> None:
        """Stop the heartbeat, close the peer connection, tell the other side.

        Safe to call more than once and in any phase.
        """
        if self.closed or self.events.closing_locally:
            return
        self.events.closing_locally = True
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
        self.events.closed.set()
        await self._signaling.close()
        if self._recv_task is not None and self._recv_task is not asyncio.current_task():
            self._recv_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._recv_task
