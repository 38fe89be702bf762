"""Heartbeat: sequence-numbered messages on a data channel, to prove nothing is lost.

Each peer sends ``{"hb": seq}`` every ``interval`` seconds and, when stopping,
``{"hb_fin": sent}`` so the other side knows how many to expect. A peer that receives the
other's ``hb_fin`` stops sending too (the other is closing: a heartbeat sent now would arrive
after its final count) and answers with its own. The browser page speaks the same format.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from aiortc import RTCDataChannel

logger = logging.getLogger(__name__)

LABEL = "icescope-heartbeat"
CHANNEL_ID = 0
"""Negotiated out of band (``negotiated: true, id: 0``) so neither side waits for the other."""


class Heartbeat:
    """Drives one heartbeat data channel."""

    def __init__(
        self,
        channel: RTCDataChannel,
        interval: float,
        *,
        on_peer_final: Callable[[int], None] | None = None,
    ) -> None:
        self.channel = channel
        """The heartbeat data channel."""
        self._on_peer_final = on_peer_final
        self._interval = interval
        self.sent = 0
        """Messages sent so far."""
        self._next = 0
        """Every sequence number below this one has arrived."""
        self._ahead: set[int] = set()
        """Numbers that arrived out of order (at or above ``_next``, or negative)."""
        self._peer_sent: int | None = None
        self._task: asyncio.Task[None] | None = None
        self._fin_sent = False
        self._stopped = False
        channel.on("message", self._on_message)

    @property
    def received(self) -> int:
        """Distinct messages received from the other side."""
        return self._next + len(self._ahead)

    def _arrived(self, seq: int) -> None:
        """Count ``seq`` once, in memory that does not grow with the session's length."""
        if seq == self._next:
            self._next += 1
            while self._next in self._ahead:  # bounded by the set's size
                self._ahead.discard(self._next)
                self._next += 1
        elif seq > self._next or seq < 0:
            self._ahead.add(seq)

    def start(self) -> None:
        """Start sending (idempotent; never again once either side stopped)."""
        if self._task is None and not self._stopped and self._peer_sent is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    def beat_now(self) -> None:
        """Send one heartbeat at once, between the regular ones (only while running)."""
        if self._task is not None and self._send({"hb": self.sent}):
            self.sent += 1

    async def stop(self) -> None:
        """Stop sending and tell the other side how many were sent (once)."""
        self._stopped = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self._finish()

    def _finish(self) -> None:
        if not self._fin_sent:
            self._fin_sent = self._send({"hb_fin": self.sent})

    def _send(self, payload: dict[str, int]) -> bool:
        if self.channel.readyState != "open":
            return False
        try:
            self.channel.send(json.dumps(payload))
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
                self._arrived(int(data["hb"]))
            elif "hb_fin" in data:
                self._peer_sent = int(data["hb_fin"])
                if self._task is not None:
                    self._task.cancel()  # not awaited: it only sleeps between sends
                    self._task = None
                    self._finish()
                if self._on_peer_final is not None and self._peer_sent >= 0:
                    self._on_peer_final(self._peer_sent)
        except (ValueError, TypeError, AttributeError):
            logger.debug("ignoring malformed heartbeat %r", message)
