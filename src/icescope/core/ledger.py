"""HeartbeatLedger: one peer's final heartbeat counts, and what the remote says of its own.

Counts travel as :class:`~icescope.core.events.HeartbeatCount` facts; the session model does the
accounting (``core/model/summary.py``). Here they are taken where they arise: this peer's own
counters when it stops, the remote's ``bye`` (or its in-band ``hb_fin``) when it is in another
process. An in-process remote publishes its own, measured counts, so nothing is reported twice.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from .events import HeartbeatCount
from .ice.stats import queued_messages

if TYPE_CHECKING:
    from collections.abc import Callable

    from .clock import SessionClock
    from .events import Peer, SessionEvent
    from .heartbeat import Heartbeat
    from .signaling.base import Message

MAX_COUNT = 2**53
"""Counts from a remote must be whole numbers below this (exact in JSON and in doubles)."""


class HeartbeatLedger:
    """Final heartbeat counts of ``peer`` and of the remote it talks to.

    Args:
        peer: this side.
        heartbeat: this side's heartbeat.
        clock: the session clock, for timestamps.
        publish: where the counts go.
        remote_in_process: the remote is an agent of this process (it counts for itself).
    """

    def __init__(
        self,
        peer: Peer,
        heartbeat: Heartbeat,
        clock: SessionClock,
        publish: Callable[[SessionEvent], None],
        *,
        remote_in_process: bool,
    ) -> None:
        self._peer = peer
        self._heartbeat = heartbeat
        self._clock = clock
        self._publish = publish
        self.remote_in_process = remote_in_process
        self.remote_final = asyncio.Event()
        """Set when the remote's final counts arrived (its ``bye``, or a final report)."""

    def final_counts(self) -> dict[str, int | None]:
        """This peer's counts for its ``bye``: sent, received, still queued in SCTP."""
        return {
            "heartbeats_sent": self._heartbeat.sent,
            "heartbeats_received": self._heartbeat.received,
            "heartbeats_queued": queued_messages(self._heartbeat.channel),
        }

    def publish_own(self) -> None:
        """Publish this peer's final counts (call once it stopped sending)."""
        counts = self.final_counts()
        ts, wall = self._clock.stamp()
        self._publish(
            HeartbeatCount(
                ts=ts,
                wall=wall,
                peer=self._peer,
                sent=self._heartbeat.sent,
                received=self._heartbeat.received,
                queued=counts["heartbeats_queued"],
                final=True,
            )
        )

    def on_peer_final(self, sent: int) -> None:
        """The remote's in-band ``hb_fin``: its final sent count, carried by the data channel.

        In paste and file sessions it is the only channel left; a ``bye`` says more and wins.
        """
        if not self.remote_final.is_set():
            self._publish_remote(sent, None, None)

    def on_bye(self, message: Message) -> None:
        """Take the remote's final counts from its ``bye`` (malformed counts are ignored).

        A closing IceScope's first ``bye`` says ``heartbeats_final: false``: our heartbeats
        may still be on their way to it, so its received count is left unknown until its
        second ``bye`` (sent once its connection closed) gives the final one.
        """

        def count(key: str) -> int | None:
            value = message.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < MAX_COUNT:
                return value
            return None

        sent = count("heartbeats_sent")
        if sent is not None:
            received = count("heartbeats_received")
            if message.get("heartbeats_final") is False:
                received = None
            self._publish_remote(sent, received, count("heartbeats_queued"))
            self.remote_final.set()

    def _publish_remote(self, sent: int, received: int | None, queued: int | None) -> None:
        if self.remote_in_process:
            return  # an in-process remote publishes its own, measured counts
        ts, wall = self._clock.stamp()
        self._publish(
            HeartbeatCount(
                ts=ts,
                wall=wall,
                peer=self._peer.other,
                sent=sent,
                received=received,
                queued=queued,
                final=True,
                source="reported",
            )
        )
