"""LoopbackSignaling: two in-process endpoints joined by asyncio queues."""

from __future__ import annotations

import asyncio

from .base import Message, decode, encode


class LoopbackSignaling:
    """One end of an in-process signaling pair.

    Messages go through :func:`encode` / :func:`decode` so the in-process path exercises the
    same validation as network adapters.
    """

    def __init__(self, inbox: asyncio.Queue[str | None], outbox: asyncio.Queue[str | None]) -> None:
        self._inbox = inbox
        self._outbox = outbox
        self._closed = False

    @classmethod
    def pair(cls) -> tuple[LoopbackSignaling, LoopbackSignaling]:
        """Return two connected endpoints."""
        a: asyncio.Queue[str | None] = asyncio.Queue()
        b: asyncio.Queue[str | None] = asyncio.Queue()
        return cls(a, b), cls(b, a)

    async def connect(self) -> None:
        """Nothing to do in-process."""

    async def send(self, message: Message) -> None:
        """Queue ``message`` for the other end (dropped once closed)."""
        if not self._closed:
            self.send_raw(encode(message))

    def send_raw(self, raw: str) -> None:
        """Queue raw text, valid or not (fault injection and tests of garbage handling)."""
        if not self._closed:
            self._outbox.put_nowait(raw)

    async def receive(self) -> Message | None:
        """Next message from the other end, or None once either end closed."""
        if self._closed:
            return None
        raw = await self._inbox.get()
        if raw is None:
            self._closed = True
            return None
        return decode(raw)

    async def close(self) -> None:
        """Close both directions; the other end's ``receive`` returns None."""
        if not self._closed:
            self._closed = True
            self._outbox.put_nowait(None)
            self._inbox.put_nowait(None)
