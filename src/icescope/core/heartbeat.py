"""Heartbeat: sequence-numbered messages on a data channel, to prove nothing is lost.

Each peer sends ``{"hb": seq}`` every ``interval`` seconds and, when stopping,
``{"hb_fin": sent}`` so the other side knows how many to expect. The browser page speaks the
same format.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiortc import RTCDataChannel

logger = logging.getLogger(__name__)

LABEL = "icescope-heartbeat"
CHANNEL_ID = 0
"""Negotiated out of band (``negotiated: true, id: 0``) so neither side waits for the other."""


@dataclass(frozen=True, slots=True)
class HeartbeatStats:
    """Counts of one peer's heartbeat."""

    sent: int
    received: int
    lost: int
    """Sent by the other side and never received (after draining)."""


class Heartbeat:
    """Drives one heartbeat data channel."""

    def __init__(self, channel: RTCDataChannel, interval: float) -> None:
        self._channel = channel
        self._interval = interval
        self.sent = 0
        """Messages sent so far."""
        self._seen: set[int] = set()
        self._peer_sent: int | None = None
        self._task: asyncio.Task[None] | None = None
        channel.on("message", self._on_message)

    @property
    def channel(self) -> RTCDataChannel:
        """The data channel the heartbeat runs on."""
        return self._channel

    @property
    def received(self) -> int:
        """Distinct messages received from the other side."""
        return len(self._seen)

    def expected(self) -> int:
        """How many messages the other side sent, as far as we know."""
        if self._peer_sent is not None:
            return self._peer_sent
        return max(self._seen) + 1 if self._seen else 0

    def stats(self, peer_sent: int | None = None) -> HeartbeatStats:
        """Counts now; ``peer_sent`` (when the caller knows it) overrides our own estimate."""
        expected = self.expected() if peer_sent is None else peer_sent
        return HeartbeatStats(self.sent, self.received, max(0, expected - self.received))

    def start(self) -> None:
        """Start sending (idempotent)."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    def beat_now(self) -> None:
        """Send one heartbeat at once, between the regular ones (only while running)."""
        if self._task is not None and self._send({"hb": self.sent}):
            self.sent += 1

    async def stop(self) -> None:
        """Stop sending and tell the other side how many were sent."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self._send({"hb_fin": self.sent})

    def _send(self, payload: dict[str, int]) -> bool:
        if self._channel.readyState != "open":
            return False
        try:
            self._channel.send(json.dumps(payload))
        except Exception:
            logger.debug("heartbeat send failed", exc_info=True)
            return False
        return True

    async def _run(self) -> None:
        while True:
            if self._send({"hb": self.sent}):
                self.sent += 1
            await asyncio.sleep(self._interval)

    def _on_message(self, message: str | bytes) -> None:
        try:
            data = json.loads(message)
            if "hb" in data:
                self._seen.add(int(data["hb"]))
            elif "hb_fin" in data:
                self._peer_sent = int(data["hb_fin"])
        except (ValueError, TypeError, AttributeError):
            logger.debug("ignoring malformed heartbeat %r", message)
