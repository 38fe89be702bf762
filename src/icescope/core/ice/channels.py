"""Data-channel counters and the SCTP send queue of one channel.

aiortc's ``RTCDataChannel`` counts nothing, so the engine switches every channel of an
:class:`~icescope.core.ice.peerconnection.IcePeerConnection` to :class:`MeteredDataChannel`,
which counts messages and payload bytes as they are sent and delivered
(``RTCDataChannelStats``). :func:`queued_messages` reads aiortc's SCTP queues to say how many
of the messages sent on a channel are still held unacknowledged.
"""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from aiortc import RTCDataChannel
from aiortc.rtcsctptransport import SCTP_DATA_LAST_FRAG, WEBRTC_DCEP

if TYPE_CHECKING:
    from typing import Any

# aiortc's private SCTP queues (checked by tests/core/ice/test_compat.py).
_CHANNEL_QUEUE: Final = "_data_channel_queue"
"""``deque[(channel, ppid, bytes)]``: messages not yet handed to SCTP."""
_OUTBOUND_QUEUE: Final = "_outbound_queue"
"""``deque[DataChunk]``: chunks waiting for the congestion window."""
_SENT_QUEUE: Final = "_sent_queue"
"""``deque[DataChunk]``: chunks sent and not cumulatively acknowledged."""


@dataclass(slots=True)
class ChannelCounters:
    """Messages and payload bytes of one data channel (``RTCDataChannelStats``)."""

    messages_sent: int = 0
    bytes_sent: int = 0
    messages_received: int = 0
    bytes_received: int = 0

    def sent(self, data: str | bytes) -> None:
        """Count one message handed to SCTP."""
        self.messages_sent += 1
        self.bytes_sent += _payload_size(data)

    def received(self, data: str | bytes) -> None:
        """Count one message delivered to the application."""
        self.messages_received += 1
        self.bytes_received += _payload_size(data)


def _payload_size(data: str | bytes) -> int:
    # webrtc-stats: payload bytes, "not including headers or padding"; strings go out as UTF-8.
    return len(data.encode("utf-8")) if isinstance(data, str) else len(data)


class MeteredDataChannel(RTCDataChannel):
    """A data channel that counts what it sends and receives (see :func:`meter_channel`)."""

    counters: ChannelCounters

    def send(self, data: bytes | str) -> None:
        """Send as aiortc does; count the message once SCTP accepted it."""
        super().send(data)
        self.counters.sent(data)


def meter_channel(channel: RTCDataChannel) -> None:
    """Start counting ``channel``'s messages (idempotent).

    Call it before the application adds its own ``message`` listener, so a listener that
    raises cannot hide a message from the counters.
    """
    if isinstance(channel, MeteredDataChannel):
        return
    if type(channel) is not RTCDataChannel:
        return  # someone else's subclass: leave it alone, its counters stay unknown
    channel.__class__ = MeteredDataChannel
    counters = ChannelCounters()
    setattr(channel, "counters", counters)  # noqa: B010 - attribute of the switched class
    channel.on("message", counters.received)


def channel_counters(channel: RTCDataChannel) -> ChannelCounters | None:
    """The counters of ``channel``, or None when it is not metered."""
    return channel.counters if isinstance(channel, MeteredDataChannel) else None


def queued_messages(channel: RTCDataChannel) -> int | None:
    """How many messages sent on ``channel`` this peer's SCTP stack still holds unacknowledged.

    Counts the channel's messages waiting in the data-channel queue, plus the messages whose
    last fragment is waiting for the congestion window or was sent and not acknowledged yet
    (abandoned partial-reliability messages are dropped, not queued, and are left out).

    Returns:
        The count, or None when aiortc's SCTP queues cannot be read.
    """
    sctp: Any = channel.transport
    try:
        waiting = sum(
            1
            for owner, ppid, _ in getattr(sctp, _CHANNEL_QUEUE)
            if owner is channel and ppid != WEBRTC_DCEP
        )
        stream = channel.id
        if stream is None:
            return waiting
        chunks = itertools.chain(getattr(sctp, _OUTBOUND_QUEUE), getattr(sctp, _SENT_QUEUE))
        held = sum(
            1
            for chunk in chunks
            if chunk.stream_id == stream
            and chunk.protocol != WEBRTC_DCEP
            and chunk.flags & SCTP_DATA_LAST_FRAG
            and not chunk._acked
            and not chunk._abandoned
        )
    except (AttributeError, TypeError, ValueError):
        return None
    return waiting + held


DRAIN_POLL = 0.01
"""Seconds between looks at the queue while :func:`drain_channel` waits."""


async def drain_channel(channel: RTCDataChannel, timeout: float) -> bool:
    """Wait (at most ``timeout`` s) until nothing sent on ``channel`` is left unacknowledged.

    Returns:
        True when the queue is empty (or the channel is not open: nothing more will leave),
        False when messages were still queued at the deadline or the queue cannot be read.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    for _ in range(int(timeout / DRAIN_POLL) + 2):  # bounded in count as well as time
        if channel.readyState != "open":
            return True
        queued = queued_messages(channel)
        if queued is None:
            return False
        if queued == 0:
            return True
        if loop.time() >= deadline:
            return False
        await asyncio.sleep(DRAIN_POLL)
    return False
