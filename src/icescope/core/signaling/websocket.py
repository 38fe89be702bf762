"""WebSocket signaling, server side: the channel to a browser peer page.

aiohttp runs one request handler per WebSocket; the handler feeds :meth:`feed` and IceScope's
agent reads with :meth:`receive`. Messages the agent sends before the browser has connected
are queued and flushed on attach, so the session never waits for a page to load.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from ..errors import SignalingError
from .base import decode, encode

if TYPE_CHECKING:
    from collections.abc import Callable

    from aiohttp import web

    from .base import Message

logger = logging.getLogger(__name__)


class WebSocketSignaling:
    """IceScope's end of the signaling channel to one browser."""

    def __init__(self) -> None:
        self._ws: web.WebSocketResponse | None = None
        self._pending: list[str] = []
        self._inbox: asyncio.Queue[str | bytes | None] = asyncio.Queue()
        self._closed = False
        self.attached = asyncio.Event()
        """Set once a browser's WebSocket is attached."""
        self.on_channel: Callable[[bool, str], None] | None = None
        """Told ``(True, how)`` when a page's socket is attached and ``(False, why)`` once when
        it goes away."""
        self._gone = False

    def gone(self, why: str) -> None:
        """The page's socket went away (``why`` in plain words); ``receive`` returns None."""
        if not self._gone:
            self._gone = True
            if self.on_channel is not None and self._ws is not None:
                self.on_channel(False, why)
        self._inbox.put_nowait(None)

    async def attach(self, ws: web.WebSocketResponse, first: list[Message] | None = None) -> None:
        """Use ``ws`` from now on: send ``first`` (the hello), then everything queued."""
        self._ws = ws
        for message in first or []:
            await ws.send_str(encode(message))
        pending, self._pending = self._pending, []
        for text in pending:
            await ws.send_str(text)
        self.attached.set()
        if self.on_channel is not None:
            self.on_channel(True, "browser page connected")

    def queued(self) -> list[Message]:
        """The messages waiting for the browser (sent when it attaches), oldest first."""
        return [decode(text) for text in self._pending]

    def feed(self, data: str | bytes | None) -> None:
        """Deliver one frame from the browser (None: the socket closed)."""
        self._inbox.put_nowait(data)

    async def connect(self) -> None:
        """Wait until a browser is attached."""
        await self.attached.wait()

    async def send(self, message: Message) -> None:
        """Send ``message`` (queued until the browser connects; dropped once closed)."""
        if self._closed:
            return
        text = encode(message)
        if self._ws is None:
            self._pending.append(text)
            return
        if self._ws.closed:
            return
        with contextlib.suppress(ConnectionError, RuntimeError):
            await self._ws.send_str(text)

    async def receive(self) -> Message | None:
        """Next message from the browser, or None once the socket closed.

        Raises:
            SignalingError: the frame was not a valid message (the channel stays usable).
        """
        if self._closed and self._inbox.empty():
            return None
        data = await self._inbox.get()
        if data is None:
            self._closed = True
            return None
        if isinstance(data, bytes):
            raise SignalingError("binary WebSocket frame ignored: signaling is JSON text")
        return decode(data)

    async def close(self) -> None:
        """Close the WebSocket; ``receive`` returns None."""
        if self._closed:
            return
        self._closed = True
        self.gone("closed here")
        if self._ws is not None and not self._ws.closed:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._ws.close(), 1.0)
