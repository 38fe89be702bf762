"""RemoteLink and the context a remote factory receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from ..events import Listening, Peer, RemoteChannel, notice_event
from ..states import Provenance

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from ..clock import SessionClock
    from ..config import Settings
    from ..events import SessionEvent
    from ..peer import PeerAgent
    from ..signaling.base import Signaling

    NewCall: TypeAlias = Callable[[Signaling, str, str, Callable[[], None] | None], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class RemoteContext:
    """What a remote factory may use: the session clock, event publisher and subscription."""

    clock: SessionClock
    publish: Callable[[SessionEvent], None]
    subscribe: Callable[[Callable[[SessionEvent], None]], Callable[[], None]] | None = None
    """Subscribe to the session's events (returns the unsubscribe function)."""
    new_call: NewCall | None = None
    """Begin a new call with a remote peer that came back (see :meth:`Calls.begin`)."""
    reconnect: bool = False
    """Long-running: wait for the remote's next peer when it goes away (listen again, redial)."""

    def notice(
        self, level: str, code: str, message: str | None = None, /, *, key: str = "", **args: Any
    ) -> None:
        """Publish a notice on the local side (:class:`~icescope.core.texts.Notify`)."""
        ts, wall = self.clock.stamp()
        self.publish(notice_event(ts, wall, Peer.LOCAL, level, code, message, key, args))

    def listening(self, url: str, detail: str) -> None:
        """Publish a :class:`~icescope.core.events.Listening` event (where to point the peer)."""
        ts, wall = self.clock.stamp()
        self.publish(Listening(ts=ts, wall=wall, peer=Peer.LOCAL, url=url, detail=detail))

    def channel_watcher(self, channel: str) -> Callable[[bool, str], None]:
        """A callback that publishes the liveness of the channel carrying the remote's reports.

        It publishes a :class:`RemoteChannel` (``websocket``, ``tcp``) when the channel opens
        and when it goes away.
        """

        def tell(alive: bool, detail: str) -> None:
            ts, wall = self.clock.stamp()
            self.publish(
                RemoteChannel(
                    ts=ts, wall=wall, peer=Peer.REMOTE, channel=channel, alive=alive, detail=detail
                )
            )

        return tell


async def _nothing() -> None:
    return None


@dataclass(slots=True)
class RemoteLink:
    """The local peer's connection to its remote."""

    signaling: Signaling
    """The local agent's end of the signaling channel."""
    local_offers: bool
    """Whether the local agent sends the first offer."""
    description: str
    """Human description of the remote in English (``embedded loopback peer``)."""
    text: tuple[str, dict[str, Any]] = field(default_factory=lambda: ("", {}))
    """:attr:`description` as a core text (template key, arguments) for the views."""
    agent: PeerAgent | None = None
    """The remote agent when it runs in this process (loopback mode)."""
    close: Callable[[], Awaitable[None]] = field(default=_nothing)
    """Tear down whatever the factory started (servers, sockets)."""
    paste: Callable[[str], str] | None = None
    """Hand-carried signaling only (``paste`` mode): check and apply a pasted description,
    returning its type (see :meth:`~icescope.core.signaling.paste.PasteSignaling.paste`)."""
    bye_cause: Provenance = Provenance.REMOTE_CLOSE
    """The provenance of the local peer's close in answer to the remote's ``bye``."""


RemoteFactory: TypeAlias = "Callable[[Settings, RemoteContext], Awaitable[RemoteLink]]"
"""Builds the remote side of a session for one ``Settings.mode``."""
