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
from typing import TYPE_CHECKING, Any

from aiortc import RTCSessionDescription

from .errors import PeerClosedError, quote
from .events import DataChannelChanged, Peer, notice_event
from .faults import FaultInjector
from .heartbeat import CHANNEL_ID, LABEL, Heartbeat
from .ice import compat
from .ice.channels import drain_channel
from .ice.introspect import local_candidates
from .ice.peerconnection import IcePeerConnection
from .iceservers import config_diagnoses, gathering_diagnoses
from .ledger import HeartbeatLedger
from .limits import TrickleBudget, cap_candidates
from .peerevents import PeerEvents
from .receiving import receive_loop
from .reports import RemoteReport
from .restartpacer import RestartPacer
from .rtcconfig import rtc_configuration
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
_ANSWER_DRAIN = BYE_ANSWER_TIMEOUT / 2
"""At most this long an answering peer waits for its last heartbeats to be acknowledged (the
closing side waits BYE_ANSWER_TIMEOUT for the answer)."""
_ANSWERING = frozenset({Provenance.REMOTE_CLOSE, Provenance.PAGE_CLOSED})
"""Close causes that are an answer to the other side's ``bye``. (``replaced`` sends none: the
remote it would go to is gone.)"""


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
        self._bye_cause = bye_cause
        self._close_task: asyncio.Task[None] | None = None
        self._restarts = RestartPacer(
            self._restart_now, lambda: self.pc.restart_in_progress, self.notice
        )
        self.remote_report = RemoteReport(
            clock, publish, on_final=lambda: self.ledger.remote_final.set()
        )
        """What an out-of-process remote (a browser) reports about its own states."""
        self._diagnosis: asyncio.Task[None] | None = None
        channel = self.pc.createDataChannel(LABEL, negotiated=True, id=CHANNEL_ID)
        channel.on("open", lambda: self._on_channel(LABEL, "open"))
        channel.on("close", lambda: self._on_channel(LABEL, "closed"))
        self.heartbeat = Heartbeat(
            channel,
            settings.heartbeat_interval,
            on_peer_final=lambda sent: self.ledger.on_peer_final(sent),
        )
        self.ledger = HeartbeatLedger(
            peer, self.heartbeat, clock, publish, remote_in_process=remote_in_process
        )
        """Final heartbeat counts, this peer's and the remote's."""
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
        phase = info.get("phase")
        if phase == "complete":
            try:
                self.heartbeat.beat_now()
            except Exception:
                logger.exception("peer(%s) failed to send a heartbeat", self.peer)
        if phase in ("complete", "abandoned"):
            self._restarts.ended()

    def _on_channel(self, label: str, state: str) -> None:
        ts, wall = self._clock.stamp()
        self._publish(
            DataChannelChanged(ts=ts, wall=wall, peer=self.peer, label=label, state=state)
        )
        if state == "open":
            self.heartbeat.start()

    def notice(
        self, level: str, code: str, message: str | None = None, /, *, key: str = "", **args: Any
    ) -> None:
        """Publish a :class:`Notice` for this peer (:class:`~icescope.core.texts.Notify`)."""
        ts, wall = self._clock.stamp()
        self._publish(notice_event(ts, wall, self.peer, level, code, message, key, args))

    def _diagnose_gathering(self) -> None:
        """Once, after the first gathering: explain missing relay/srflx candidates."""
        if self.peer is not Peer.LOCAL or self._diagnosis is not None:
            return
        types = [c.type for _, c in local_candidates(self.pc)]

        async def run() -> None:
            for finding in await gathering_diagnoses(self._settings, types):
                self.notice(finding.level, finding.code, key=finding.key, **finding.args)

        self._diagnosis = asyncio.get_running_loop().create_task(run())

    # ------------------------------------------------------------------ life cycle
    async def start(self) -> None:
        """Start the receive loop and, as offerer, send the first offer."""
        self._recv_task = asyncio.get_running_loop().create_task(
            receive_loop(
                self._signaling,
                self._handle,
                self.notice,
                ending=lambda: self.closed or self.closing,
            )
        )
        self.sampler.start()
        if self.peer is Peer.LOCAL:
            for finding in config_diagnoses(self._settings):
                self.notice(finding.level, finding.code, key=finding.key, **finding.args)
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

        One restart at a time: a request while one is under way (from its offer until it
        completes or is abandoned) is queued, and starts when that one ends; a request while
        one is also queued is refused. Either is said in a notice (``restart-queued``,
        ``restart-refused``): no request is merged or dropped without a word.

        Raises:
            PeerClosedError: the connection is closed.
            NotImplementedError: the ICE engine in use cannot restart.
        """
        reason = self.pc.capabilities.restart
        if reason is not None:
            raise NotImplementedError(f"ICE restart is {reason}")
        if self.closed or self.closing:
            raise PeerClosedError("the peer connection is closed")
        await self._restarts.request()

    async def _restart_now(self) -> None:
        self.pc.restartIce()
        await self.negotiate()

    async def _handle(self, message: Message) -> None:
        kind = message["type"]
        if kind == "event":
            self.remote_report.handle(message)
            return
        if kind == "hello":
            who = str(message.get("agent") or "unknown")[:200]
            self.notice("info", "remote-hello", who=who)
            return
        if kind == "bye":
            self.ledger.on_bye(message)
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
                    key="notice:candidates-dropped.trickle",
                    limit=str(self._trickle.limit),
                    candidate=quote(text),
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
            self.notice("warning", "candidates-dropped", kind=kind, dropped=dropped)
        return capped

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
        answering = cause in _ANSWERING
        said_bye = False
        if not self.closed and not answering and cause is not Provenance.REPLACED:
            # Tell the other side, with our counts so far (its heartbeats may still be on the
            # way: the received count is not final); it answers a bye with its own.
            with contextlib.suppress(Exception):
                await self._signaling.send(
                    {"type": "bye", **self.ledger.final_counts(), "heartbeats_final": False}
                )
                said_bye = True
            listening = self._recv_task is not None and not self._recv_task.done()
            if not self.ledger.remote_in_process and listening and self.events.connected.is_set():
                # Wait (bounded) for the remote's answer, which carries its final counts
                # (only for a remote that was there: a session that never connected has none).
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(BYE_ANSWER_TIMEOUT):
                        await self.ledger.remote_final.wait()
        elif answering and not self.closed:
            # Let our last heartbeats (and hb_fin) be acknowledged before the association
            # goes: one still queued when it closes was never delivered.
            await drain_channel(self.heartbeat.channel, min(self._settings.drain, _ANSWER_DRAIN))
        if self._diagnosis is not None and not self._diagnosis.done():
            self._diagnosis.cancel()
        self._restarts.stop()
        await self.pc.close()
        self.faults.close()
        # Counted now that nothing more can arrive: these are the final counts.
        self.ledger.publish_own()
        self.events.closed.set()
        if answering or said_bye:
            # The answer goes after our closed states (relayed to the other side before it);
            # a closing side's second bye gives the final counts its first could not.
            with contextlib.suppress(Exception):
                await self._signaling.send({"type": "bye", **self.ledger.final_counts()})
        if answering:
            # Read the other side's last reports (and its final counts) until it closes the
            # channel (bounded).
            reading = self._recv_task
            if reading is not None and reading is not asyncio.current_task():
                await asyncio.wait({reading}, timeout=BYE_ANSWER_TIMEOUT)
        await self._signaling.close()
        if self._recv_task is not None and self._recv_task is not asyncio.current_task():
            self._recv_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._recv_task
