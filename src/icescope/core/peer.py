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
from .events import DataChannelChanged, HeartbeatCount, Notice, Peer
from .faults import FaultInjector
from .heartbeat import CHANNEL_ID, LABEL, Heartbeat
from .ice import compat
from .ice.introspect import local_candidates
from .ice.peerconnection import IcePeerConnection
from .ice.stats import queued_messages
from .iceservers import config_diagnoses, gathering_diagnoses
from .limits import TrickleBudget, cap_candidates
from .peerevents import PeerEvents
from .reports import RemoteReport
from .sdp import parse_candidate, validate_sdp
from .states import Provenance
from .stats_sampler import StatsSampler

if TYPE_CHECKING:
    from collections.abc import Callable

    from .clock import SessionClock
    from .config import Settings
    from .events import SessionEvent
    from .signaling.base import Message, Signaling

logger = logging.getLogger(__name__)

BYE_ANSWER_TIMEOUT = 1.0
"""Seconds a closing peer waits for the remote's answering ``bye`` (its final counts), and an
answering peer for the other side to close the channel (its last reports come before)."""
_ANSWERING = frozenset({Provenance.REMOTE_CLOSE, Provenance.PAGE_CLOSED})
"""Close causes that are an answer to the other side's ``bye``."""


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
        remote_in_process: the other peer is an agent of this process (loopback), which
            publishes its own counts; otherwise what the remote says of itself is published
            here as ``peer=remote`` facts.
        bye_cause: the provenance of a close in answer to the remote's ``bye`` (the browser
            page's Close button is ``page-closed``, another IceScope's ``remote-close``).
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
        remote_in_process: bool = False,
        bye_cause: Provenance = Provenance.REMOTE_CLOSE,
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
        self._remote_in_process = remote_in_process
        self._bye_cause = bye_cause
        self._close_task: asyncio.Task[None] | None = None
        self._remote_final = asyncio.Event()
        """Set when the other side's final heartbeat counts arrived (its ``bye``)."""
        self.remote_report = RemoteReport(clock, publish, on_final=self._remote_final.set)
        """What an out-of-process remote (a browser) reports about its own states."""
        self._diagnosis: asyncio.Task[None] | None = None
        channel = self.pc.createDataChannel(LABEL, negotiated=True, id=CHANNEL_ID)
        channel.on("open", lambda: self._on_channel(LABEL, "open"))
        channel.on("close", lambda: self._on_channel(LABEL, "closed"))
        self.heartbeat = Heartbeat(
            channel, settings.heartbeat_interval, on_peer_final=self._on_peer_heartbeat_final
        )
        self.sampler = StatsSampler(
            peer, self.pc, self.heartbeat, clock, publish, settings.stats_interval
        )
        """Publishes this peer's statistics, heartbeat counts and ICE role on an interval."""
        self.pc.on("icerestart", self._on_restart)  # after PeerEvents' own listener

    # ------------------------------------------------------------------ life-cycle state
    @property
    def closed(self) -> bool:
        """True once the peer connection is closed (by us, the remote or the library)."""
        return self.events.closed.is_set()

    @property
    def closing(self) -> bool:
        """True once :meth:`close` has begun (it may still be under way)."""
        return self._close_task is not None

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
        self.sampler.start()
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
        reason = self.pc.capabilities.restart
        if reason is not None:
            raise NotImplementedError(f"ICE restart is {reason}")
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
                if not self.closed and not self.closing:
                    self.notice(
                        "warning",
                        "signaling-closed",
                        "the signaling channel ended without a bye: the remote is gone "
                        "(ICE may still carry on until consent expires)",
                    )
                return
            try:
                await self._handle(message)
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
            self._on_bye(message)
            # Not awaited: this loop goes on reading what the other side sends after its bye
            # (its closed states) until it closes the channel.
            self._begin_close(self._bye_cause)
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

    # ------------------------------------------------------------------ heartbeat accounting
    def final_counts(self) -> dict[str, int | None]:
        """This peer's heartbeat counts for its ``bye`` (sent, received, still queued)."""
        return {
            "heartbeats_sent": self.heartbeat.sent,
            "heartbeats_received": self.heartbeat.received,
            "heartbeats_queued": queued_messages(self.heartbeat.channel),
        }

    def _publish_counts(self) -> None:
        counts = self.final_counts()
        ts, wall = self._clock.stamp()
        self._publish(
            HeartbeatCount(
                ts=ts,
                wall=wall,
                peer=self.peer,
                sent=self.heartbeat.sent,
                received=self.heartbeat.received,
                queued=counts["heartbeats_queued"],
                final=True,
            )
        )

    def _publish_remote_counts(
        self, sent: int | None, received: int | None, queued: int | None
    ) -> None:
        if self._remote_in_process or sent is None:
            return  # an in-process remote publishes its own, measured counts
        ts, wall = self._clock.stamp()
        self._publish(
            HeartbeatCount(
                ts=ts,
                wall=wall,
                peer=self.peer.other,
                sent=sent,
                received=received,
                queued=queued,
                final=True,
                source="reported",
            )
        )

    def _on_peer_heartbeat_final(self, sent: int) -> None:
        # The other side's in-band ``hb_fin``: its final sent count, carried by the data channel
        # (the only channel left in paste and file sessions).
        if not self._remote_final.is_set():
            self._publish_remote_counts(sent, None, None)

    def _on_bye(self, message: Message) -> None:
        def count(key: str) -> int | None:
            value = message.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**53:
                return value
            return None

        sent = count("heartbeats_sent")
        if sent is not None:
            self._publish_remote_counts(
                sent, count("heartbeats_received"), count("heartbeats_queued")
            )
            self._remote_final.set()

    # ------------------------------------------------------------------ closing
    async def close(self, *, cause: Provenance = Provenance.LOCAL_CLOSE) -> None:
        """Stop the heartbeat, close the peer connection, tell the other side.

        Safe to call more than once, concurrently and in any phase: every call returns when
        the one close (started by the first call, with its ``cause``) has finished.
        """
        await asyncio.shield(self._begin_close(cause))

    def _begin_close(self, cause: Provenance) -> asyncio.Task[None]:
        if self._close_task is None:
            self._close_task = asyncio.get_running_loop().create_task(self._close(cause))
        return self._close_task

    async def _close(self, cause: Provenance) -> None:
        self.events.closing_cause = cause
        await self.sampler.stop()
        await self.heartbeat.stop()
        self._publish_counts()
        answering = cause in _ANSWERING
        if not self.closed and not answering:
            # Tell the other side, with our final counts; it answers a bye with its own.
            with contextlib.suppress(Exception):
                await self._signaling.send({"type": "bye", **self.final_counts()})
            listening = self._recv_task is not None and not self._recv_task.done()
            if not self._remote_in_process and listening and self.events.connected.is_set():
                # Wait (bounded) for the remote's answer, which carries its final counts
                # (only for a remote that was there: a session that never connected has none).
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(BYE_ANSWER_TIMEOUT):
                        await self._remote_final.wait()
        if self._diagnosis is not None and not self._diagnosis.done():
            self._diagnosis.cancel()
        await self.pc.close()
        self.faults.close()
        self.events.closed.set()
        if answering:
            # The answer goes after our closed states (relayed to the other side before it);
            # then read the other side's last reports until it closes the channel (bounded).
            with contextlib.suppress(Exception):
                await self._signaling.send({"type": "bye", **self.final_counts()})
            reading = self._recv_task
            if reading is not None and reading is not asyncio.current_task():
                await asyncio.wait({reading}, timeout=BYE_ANSWER_TIMEOUT)
        await self._signaling.close()
        if self._recv_task is not None and self._recv_task is not asyncio.current_task():
            self._recv_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._recv_task
