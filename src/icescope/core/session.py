"""Session: the peers of one monitoring run, their event stream, journal and summary."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from .calls import Calls, can_reconnect
from .causes import explain
from .clock import SessionClock
from .config import Settings
from .errors import SignalingError
from .eventlog import EventLog
from .events import Notice, Peer, RemoteChannel, SessionMarker, notice_event
from .events.session import WAITING_DETAIL
from .hub import EventHub
from .ice import compat
from .impairing import impair as apply_impairment
from .journal import Journal, new_journal_path
from .logsetup import attach as attach_log_notices
from .model import SessionModel
from .model import summary as summary_of
from .netif import AddressSelection
from .noticelimit import NoticeLimiter
from .remotes import RemoteContext, RemoteLink, open_remote
from .states import IceConnectionState, Provenance

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .events import SessionEvent
    from .ice.capabilities import Capabilities
    from .peer import PeerAgent

logger = logging.getLogger(__name__)


class Session:
    """One monitoring session: the local peer, its remote, and everything they report.

    Data flows one way: aiortc events → :class:`PeerAgent` → typed events → :attr:`hub` →
    (:attr:`log`, the journal, views). Commands (:meth:`restart_ice`, :meth:`close`) flow back.

    Args:
        settings: fixed for the session's lifetime.
        reconnect: long-running: outlive the remote, whose next peer begins a new call (only
            in modes whose remote can come back: :func:`~icescope.core.calls.can_reconnect`).
    """

    def __init__(self, settings: Settings | None = None, *, reconnect: bool = False) -> None:
        settings = settings or Settings()
        if settings.mode == "loopback":
            # In loopback mode neither peer gathers anything but 127.0.0.1.
            settings = settings.replace(addresses=AddressSelection(loopback_only=True))
        self.settings = settings
        self.clock = SessionClock()
        self.hub = EventHub()
        self.model = SessionModel()
        """The read model every view, the summary and the verdict read (fed first)."""
        self.hub.subscribe(self.model.apply)
        self.log = EventLog()
        self.hub.subscribe(self.log.append)
        self.journal: Journal | None = None
        self.before_summary: list[Callable[[Session], None]] = []
        """Called once the session ended (its end marker is in), before the summary: what
        they publish is journaled (a scenario's expectation verdicts)."""
        self.local: PeerAgent | None = None
        self.remote: PeerAgent | None = None
        self._link: RemoteLink | None = None
        self.remote_description = ""
        self.remote_text: tuple[str, dict[str, Any]] = ("", {})
        """:attr:`remote_description` as a core text (key, arguments) for the views."""
        """Who the remote is, in words (set by :meth:`start`)."""
        self._close_task: asyncio.Task[dict[str, Any]] | None = None
        self._ended = asyncio.Event()
        self._detach_log: Callable[[], None] | None = None
        self._notices = NoticeLimiter(self.hub.publish, self.clock)
        self._calls = Calls(self, reconnect=reconnect and can_reconnect(settings.mode))

    # ------------------------------------------------------------------ queries
    @property
    def journal_path(self) -> Path | None:
        """Where this session's journal is written, if any."""
        return self.journal.path if self.journal else None

    @property
    def ice_state(self) -> IceConnectionState:
        """The local peer's ``iceConnectionState`` (from the model)."""
        return IceConnectionState(self.model.local.ice.value)

    @property
    def restarts(self) -> int:
        """Completed ICE restarts of the local peer (from the model)."""
        return self.model.local.restarts_completed

    @property
    def can_restart(self) -> bool:
        """True when a real ICE restart is possible now (engine support, not closed)."""
        return bool(
            self.local
            and not self.local.closing
            and not self.local.closed
            and self.capabilities.restart is None
        )

    @property
    def capabilities(self) -> Capabilities:
        """What the ICE engine can do for the local peer (None per feature = available).

        Each unavailable feature carries the reason; before :meth:`start` this is what the
        engine can do in this process.
        """
        return self.local.pc.capabilities if self.local else compat.capabilities()

    @property
    def ended(self) -> bool:
        """True once the session was closed (by us or by the remote)."""
        return self._ended.is_set()

    @property
    def closing(self) -> bool:
        """True once :meth:`close` has begun."""
        return self._close_task is not None

    @property
    def reconnect(self) -> bool:
        """True when the session outlives its remote (long-running, a mode that allows it)."""
        return self._calls.reconnect

    def peers(self) -> list[PeerAgent]:
        """The agents this process runs (one, or two in loopback mode)."""
        return [a for a in (self.local, self.remote) if a is not None]

    # ------------------------------------------------------------------ commands
    def _publish(self, event: SessionEvent) -> None:
        if isinstance(event, Notice) and not self._notices.admit(event):
            return  # counted; reported as one notices-suppressed notice
        if isinstance(event, SessionMarker) and event.phase == "end":
            self._notices.flush()  # every count is said before the session ends
        self.hub.publish(event)
        cause = explain(self.model, event)  # the model has folded `event` (first subscriber)
        if cause is not None:
            self.hub.publish(cause)

    def notice(
        self,
        level: str,
        code: str,
        message: str | None = None,
        /,
        peer: Peer = Peer.LOCAL,
        *,
        key: str = "",
        **args: Any,
    ) -> None:
        """Publish a user-facing notice (see :class:`~icescope.core.texts.Notify`).

        Its words are the core text ``key`` (default ``notice:<code>``) with ``args``, or the
        free ``message``.
        """
        ts, wall = self.clock.stamp()
        self._publish(notice_event(ts, wall, peer, level, code, message, key, args))

    def _open_journal(self) -> None:
        if not self.settings.journal_enabled:
            return
        path = self.settings.journal_path or new_journal_path(self.settings.journal_dir)
        try:
            self.journal = Journal(
                path, on_error=lambda why: self.notice("error", "journal", error=why)
            )
        except OSError as exc:
            self.notice(
                "error",
                "journal",
                key="notice:journal.open",
                path=str(path),
                error=str(exc.strerror or exc),
            )
            return
        self.hub.subscribe(self.journal.write)

    async def start(self, prepare: Callable[[Session], None] | None = None) -> None:
        """Open the journal, create the peers and start negotiating.

        Args:
            prepare: called once the peers exist and before either gathers or sends anything
                (e.g. to impair a path from the very start: ``--blackout 0+LEN``).
        """
        self._open_journal()
        self._detach_log = attach_log_notices(self.notice)
        # The remote is opened before the start marker so that a "listening" line (where to
        # point the browser or the other IceScope) is the first thing a script reads.
        try:
            context = RemoteContext(
                self.clock,
                self._publish,
                self.hub.subscribe,
                new_call=self._calls.begin,
                reconnect=self.reconnect,
            )
            link = await open_remote(self.settings, context)
        finally:
            ts, wall = self.clock.stamp()
            self._publish(
                SessionMarker(
                    ts=ts, wall=wall, peer=Peer.LOCAL, phase="start", detail=self._describe()
                )
            )
        self._link = link
        self.remote_description = link.description
        self.remote_text = link.text
        self.local = self._calls.make_local(link, link.signaling)
        self.remote = link.agent
        if self.remote is not None:
            ts, wall = self.clock.stamp()
            self._publish(
                RemoteChannel(ts=ts, wall=wall, peer=Peer.REMOTE, channel="in-process", alive=True)
            )
        reason = compat.degraded_reason()
        if reason is not None:
            self.notice("warning", "degraded-ice", reason=reason)
        if prepare is not None:
            prepare(self)
        if self.remote is not None:
            await self.remote.start()
        await self.local.start()

    @property
    def accepts_paste(self) -> bool:
        """True when the remote's description is pasted by the user (``paste`` mode)."""
        return self._link is not None and self._link.paste is not None

    def paste_remote(self, text: str) -> str:
        """Apply a description the user pasted (``paste`` mode); return its type.

        The text is checked before anything reaches the peer connection: a bad paste changes
        nothing, is logged as a notice, and can be corrected and pasted again.

        Raises:
            SdpError: malformed or of the wrong type; the message names the line at fault.
            SignalingError: nothing can be pasted now (not a paste session, closed, not ready).
        """
        if self._link is None or self._link.paste is None:
            raise SignalingError(
                f"this session (mode {self.settings.mode}) takes no pasted description"
            )
        try:
            kind = self._link.paste(text)
        except SignalingError as exc:
            self.notice("warning", "paste-rejected", error=str(exc))
            raise
        self.notice("info", "paste", kind=kind)
        return kind

    def _describe(self) -> str:
        s = self.settings
        parts = [f"mode={s.mode}", f"addresses={s.addresses.describe()}"]
        t = s.timings
        parts.append(
            f"timings=keepalive {t.keepalive_interval:g}s/"
            f"disconnected {t.disconnected_timeout:g}s/failed {t.failed_timeout:g}s/"
            f"pac {t.pac_timeout:g}s"
        )
        if s.ice_servers:
            parts.append("ice_servers=" + ",".join(u for srv in s.ice_servers for u in srv.urls))
        if s.relay_only:
            parts.append("relay-only")
        if self.reconnect:
            parts.append("long-running")
        return " ".join(parts)

    def _watch_end(self, agent: PeerAgent) -> None:
        if agent.pc.connectionState != "closed":
            return
        if not self._calls.outlives(agent):
            self._ended.set()
        elif agent is self.local and agent.events.closing_cause is not Provenance.REPLACED:
            # The call ended, not the session: say it waits (a replaced call has its next).
            ts, wall = self.clock.stamp()
            self._publish(
                SessionMarker(
                    ts=ts, wall=wall, peer=Peer.LOCAL, phase="waiting", detail=WAITING_DETAIL
                )
            )

    async def wait_connected(self, timeout: float) -> bool:
        """Wait until the local peer's ICE is connected/completed; False on timeout."""
        if self.local is None:
            return False
        return await self.local.wait_connected(timeout)

    async def wait_ended(self) -> None:
        """Wait until the session is closed, by us or by the remote."""
        await self._ended.wait()

    async def restart_ice(self) -> None:
        """Restart ICE from the local peer.

        Raises:
            NotImplementedError: the ICE engine cannot restart.
            PeerClosedError: the session is closed.
        """
        if self.local is None:
            raise RuntimeError("session not started")
        await self.local.restart_ice()

    def impair(self, peer: Peer, kind: str, *, direction: str = "both", value: float = 0.0) -> None:
        """Impair the network of one peer's ICE sockets, or clear it.

        Args:
            peer: whose sockets (``Peer.REMOTE`` only when the remote runs in this process).
            kind: ``blackout`` (``value`` = length in s, 0 = until cleared), ``loss``
                (``value`` = percent), ``delay`` (``value`` = ms) or ``clear``.
            direction: ``in`` (arriving), ``out`` (leaving) or ``both``.
            value: see ``kind``.

        Raises:
            ConfigError: bad kind, direction or value, no such peer in this process, or the
                engine cannot impair it (the reason is in :attr:`capabilities`).
        """
        agent = self.local if peer is Peer.LOCAL else self.remote
        apply_impairment(
            peer,
            agent,
            kind,
            direction,
            value,
            clock=self.clock,
            publish=self._publish,
            started=self.local is not None,
        )

    async def close(self, cause: Provenance = Provenance.LOCAL_CLOSE) -> dict[str, Any]:
        """Drain heartbeats, close every peer, write the summary; return the summary.

        Every call returns the one summary of the one close (started by the first call), and
        only once both peers have finished closing: every event is published (and journaled)
        before the summary, which is the journal's last record.

        Args:
            cause: why the session ends (the ``closed`` events carry it as provenance).
        """
        if self._close_task is None:
            self._close_task = asyncio.get_running_loop().create_task(self._close(cause))
        return await asyncio.shield(self._close_task)

    async def _close(self, cause: Provenance) -> dict[str, Any]:
        await self._calls.settle(timeout=5.0)  # a new call being made is finished first
        agents = self.peers()
        # Stop sending first, then let in-flight heartbeats arrive (drain), then close.
        for agent in agents:
            await agent.heartbeat.stop()
        if any(not agent.closed and agent.heartbeat.sent for agent in agents):
            await asyncio.sleep(self.settings.drain)  # nothing in flight if nothing was sent
        # The local peer first (its bye reaches the remote), then wait for both to finish.
        await asyncio.gather(*(agent.close(cause=cause) for agent in agents))
        if self._link is not None:
            await self._link.close()
        ts, wall = self.clock.stamp()
        self._publish(SessionMarker(ts=ts, wall=wall, peer=Peer.LOCAL, phase="end"))
        for judge in self.before_summary:
            judge(self)  # e.g. a scenario's verdicts: journaled, before the summary
        summary = self.summary()
        self._ended.set()
        if self._detach_log is not None:
            self._detach_log()
        if self.journal is not None:
            self.journal.write_record(summary)
            self.journal.close()
        return summary

    def summary(self) -> dict[str, Any]:
        """The summary as the model knows it now (the probe's last JSON line at the end).

        A remote in another process (browser, other IceScope) is what it reported of itself;
        values that cannot be known are None with the reason beside them.
        """
        journal = str(self.journal_path) if self.journal_path else None
        return summary_of(self.model, self.clock.ts(), journal)
