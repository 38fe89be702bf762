"""Relay: tell another IceScope what the local peer does, so both panels are real.

Two IceScopes over TCP each see only their own peer. The relay subscribes to the session's hub
and sends every fact about the *local* peer (state changes, candidates, selected pair, data
channel, restarts, statistics, heartbeat counts) to the other side as ``{"type": "event",
"event": <type>, ...}`` messages, the format the browser page uses; the other side's
:class:`~icescope.core.reports.RemoteReport` publishes them as ``peer=remote`` events. What came
from the remote is never relayed back.

Messages are written at once, in publish order, so a ``closed`` state published while a peer
closes leaves before the ``bye`` that follows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from .events import (
    CandidateGathered,
    DataChannelChanged,
    HeartbeatCount,
    IceRestart,
    Peer,
    SelectedPairChanged,
    StateChanged,
    StatsSample,
)

if TYPE_CHECKING:
    from .events import SessionEvent
    from .signaling.base import Message

RELAYED = (
    StateChanged,
    CandidateGathered,
    SelectedPairChanged,
    DataChannelChanged,
    IceRestart,
    StatsSample,
    HeartbeatCount,
)
"""The event classes the relay sends."""
_DROPPED_FIELDS = frozenset({"ts", "wall", "peer", "type", "source", "in_previous", "previous"})


class Sender(Protocol):
    """A channel that writes a message at once (see ``TcpSignaling.send_nowait``)."""

    def send_nowait(self, message: Message) -> bool:
        """Write ``message`` now; False when it could not be sent."""


def relay_message(event: SessionEvent) -> Message | None:
    """The ``event`` message telling the other side about ``event``, or None if not relayed.

    Only the local peer's own facts are relayed: ``peer=local`` events measured or computed
    here (never a count or a statistic the remote reported), and not the final heartbeat
    counts (the ``bye`` carries those).
    """
    if event.peer is not Peer.LOCAL or not isinstance(event, RELAYED):
        return None
    if isinstance(event, StatsSample | HeartbeatCount) and event.source not in (
        "engine",
        "measured",
    ):
        return None
    if isinstance(event, HeartbeatCount) and event.final:
        # The final counts travel in the bye, which comes after the closed states: relayed
        # here they would end the other side's wait for the bye before those states arrive.
        return None
    fields: dict[str, Any] = {
        k: v for k, v in event.to_dict().items() if k not in _DROPPED_FIELDS and v is not None
    }
    if isinstance(event, StateChanged):
        fields["ufrag"] = fields.pop("generation", "")
    # The sender's session clock in ms, as the page's performance.now(): for the detail only.
    return {"type": "event", "event": event.type, "at": round(event.ts * 1000, 3), **fields}


class Relay:
    """Send the local peer's facts to the other IceScope (a hub subscriber).

    Args:
        sender: the signaling channel to the other IceScope.
    """

    def __init__(self, sender: Sender) -> None:
        self._sender = sender
        self.sent = 0
        """Messages handed to the channel."""
        self.dropped = 0
        """Messages the channel refused: it was closed, or backed up (not being read)."""

    def __call__(self, event: SessionEvent) -> None:
        """Relay ``event`` if it is one of the local peer's facts."""
        message = relay_message(event)
        if message is None:
            return
        if self._sender.send_nowait(message):
            self.sent += 1
        else:
            self.dropped += 1
