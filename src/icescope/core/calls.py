"""New calls: a session that outlives its remote gives each new remote peer a new local peer.

aiortc cannot renegotiate DTLS with a peer that has a new fingerprint (a reloaded browser page,
a restarted IceScope), so a remote that comes back gets a new :class:`PeerAgent`: the current
one is closed (``replaced``, or already closed by whatever ended its call), a
:class:`~icescope.core.events.CallStarted` is published, and only then the new agent is made,
so every fact after the event belongs to the new call (the model folds it: ``model/calls.py``).

Remote factories announce a new peer with :meth:`Calls.begin` (through
:attr:`RemoteContext.new_call`); :meth:`Calls.outlives` says whether a closed local peer ends
the session or only its call.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Protocol

from .errors import IceScopeError
from .events import CallStarted, Peer
from .peer import PeerAgent
from .states import Provenance

if TYPE_CHECKING:
    from collections.abc import Callable

    from .clock import SessionClock
    from .config import Settings
    from .events import SessionEvent
    from .model import SessionModel
    from .remotes import RemoteLink
    from .signaling.base import Signaling


class CallHost(Protocol):
    """What :class:`Calls` needs of its session (the session implements it)."""

    settings: Settings
    clock: SessionClock
    model: SessionModel
    local: PeerAgent | None

    @property
    def closing(self) -> bool:
        """True once the session's close began."""

    @property
    def ended(self) -> bool:
        """True once the session ended."""

    def _publish(self, event: SessionEvent) -> None: ...

    def _watch_end(self, agent: PeerAgent) -> None: ...


_SESSION_ENDS: frozenset[Provenance] = frozenset({Provenance.LOCAL_CLOSE, Provenance.PROCESS_EXIT})
"""Close causes that end a long-running session too (IceScope's own close, a signal)."""
_LONG_RUNNING_MODES: frozenset[str] = frozenset({"browser", "tcp-listen", "tcp-connect"})
"""Modes whose remote can come back on its own: the only ones a long-running session outlives
its remote in (loopback runs in this process; pasted and file descriptions do not come back)."""


class SessionClosingError(IceScopeError):
    """A new remote peer arrived while the session was closing: no new call for it."""


def can_reconnect(mode: str) -> bool:
    """True when a session in ``mode`` can wait for its remote to come back."""
    return mode in _LONG_RUNNING_MODES


class Calls:
    """The calls of one session: makes each call's local agent.

    Args:
        session: the session whose local agent is replaced.
        reconnect: long-running: only the session's own close ends it, not the remote's.
    """

    def __init__(self, session: CallHost, *, reconnect: bool) -> None:
        self._session = session
        self.reconnect = reconnect
        self._link: RemoteLink | None = None
        self._switching = asyncio.Lock()

    def make_local(self, link: RemoteLink, signaling: Signaling) -> PeerAgent:
        """A local agent on ``signaling`` (not started), watched for the session's end."""
        s = self._session
        self._link = link
        agent = PeerAgent(
            Peer.LOCAL,
            s.settings,
            s.clock,
            s._publish,
            signaling,
            offerer=link.local_offers,
            remote_in_process=link.agent is not None,
            bye_cause=link.bye_cause,
        )
        agent.pc.on("connectionstatechange", lambda: s._watch_end(agent))
        return agent

    def outlives(self, agent: PeerAgent) -> bool:
        """True when ``agent`` having closed ends only its call, not the session.

        A replaced agent never ends it; in a long-running session only IceScope's own close
        does; and a browser page whose connection went away without a bye (reloaded, tab
        closed) leaves the session waiting for a page with the same URL.
        """
        cause = agent.events.closing_cause or Provenance.AUTO_CLOSE
        if cause is Provenance.REPLACED or agent is not self._session.local:
            return True
        if self._session.closing:
            return False
        if self.reconnect:
            return cause not in _SESSION_ENDS
        return self._session.settings.mode == "browser" and cause is Provenance.AUTO_CLOSE

    async def begin(
        self,
        signaling: Signaling,
        reason: str,
        detail: str,
        prepare: Callable[[], None] | None = None,
    ) -> None:
        """End the current call and begin the next one on ``signaling``.

        Args:
            signaling: the new remote's channel (the new agent's end).
            reason: the event's ``reason`` (``page-rejoined``, ``peer-accepted``, ``redialed``).
            detail: who the new remote is, in words.
            prepare: called once the new call has begun and before its agent exists (wire the
                channel's relay and liveness to the new remote here, not before: the old
                call's last facts must not reach it).

        Raises:
            SessionClosingError: the session is closing or ended; nothing was changed.
        """
        s = self._session
        async with self._switching:  # one new call at a time, in arrival order
            if s.closing or s.ended or self._link is None:
                raise SessionClosingError("the session is closing: no new call")
            old = s.local
            if old is not None:
                await old.close(cause=Provenance.REPLACED)
            if s.closing:
                raise SessionClosingError("the session is closing: no new call")
            ts, wall = s.clock.stamp()
            number = s.model.call + 1
            s._publish(
                CallStarted(
                    ts=ts, wall=wall, peer=Peer.LOCAL, number=number, reason=reason, detail=detail
                )
            )
            if prepare is not None:
                prepare()
            agent = self.make_local(self._link, signaling)
            agent.events.count_from(ts)  # its "new" began with the call, not the session
            s.local = agent
            await agent.start()

    async def settle(self, timeout: float) -> None:
        """Wait (bounded) until no new call is being made (before the session closes)."""
        try:
            async with asyncio.timeout(timeout):
                async with self._switching:
                    return
        except TimeoutError:
            return
