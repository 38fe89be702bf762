"""WebSocket signaling, server side: the channel to a browser peer page.

aiohttp runs one request handler per WebSocket; the handler feeds :meth:`feed` and IceScope's
agent reads with :meth:`receive`. Messages the agent sends before the browser has connected
are queued and flushed on attach, so the session never waits for a page to load.

A page that goes away (closed, reloaded, killed) leaves the channel open for the next page
holding the token (:meth:`can_rejoin`): :meth:`receive` returns None once for the page that
left and then waits for the next one. IceScope's offer, if the page that left never answered
it, is queued again for the next page.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Final

from ..errors import SignalingError
from .base import decode, encode

if TYPE_CHECKING:
    from collections.abc import Callable

    from aiohttp import web

    from .base import Message

logger = logging.getLogger(__name__)


_GONE: Final = object()
"""Inbox marker: the page went away (another may come)."""


class WebSocketSignaling:
    """IceScope's end of the signaling channel to a browser page, one page at a time."""

    def __init__(self) -> None:
        self._ws: web.WebSocketResponse | None = None
        self._pending: list[str] = []
        self._inbox: asyncio.Queue[str | bytes | object | None] = asyncio.Queue()
        self._closed = False
        self.attached = asyncio.Event()
        """Set once a browser's WebSocket is attached."""
        self.on_channel: Callable[[bool, str], None] | None = None
        """Told ``(True, how)`` when a page's socket is attached and ``(False, why)`` once when
        it goes away."""
        self._offer: str | None = None
        """IceScope's last offer while no answer has come for it."""
        self.negotiated = False
        """True once an answer went either way: the peer connection belongs to that page."""

    def can_rejoin(self) -> bool:
        """True while another page may attach after one left (not closed here)."""
        return not self._closed

    def gone(self, why: str, ws: web.WebSocketResponse | None = None) -> None:
        """The page's socket ``ws`` (None: the current one) went away, ``why`` in words.

        ``receive`` returns None once; a socket that was never attached changes nothing.
        """
        if self._ws is None or (ws is not None and ws is not self._ws):
            return
        self._ws = None
        if self._offer is not None and not self._closed:
            self._pending.insert(0, self._offer)  # the next page answers it
        if self.on_channel is not None:
            self.on_channel(False, why)
        self._inbox.put_nowait(_GONE)

    async def attach(self, ws: web.WebSocketResponse, first: list[Message] | None = None) -> None:
        """Use ``ws`` from now on: send ``first`` (the hello), then everything queued."""
        if self._ws is not None:
            raise RuntimeError("a page is attached already")
        self._ws = ws
        for message in first or []:
            await ws.send_str(encode(message))
        pending, self._pending = self._pending, []
        for text in pending:
            await ws.send_str(text)
        self.attached.set()
        if self.on_channel is not None:
            self.on_channel(True, "browser page connected")
        if self._closed:  # closed while attaching
            await self.close_socket(ws)

    def queued(self) -> list[Message]:
        """The messages waiting for the browser (sent when it attaches), oldest first."""
        return [decode(text) for text in self._pending]

    def feed(self, data: str | bytes) -> None:
        """Deliver one frame from the browser."""
        self._inbox.put_nowait(data)

    async def connect(self) -> None:
        """Wait until a browser is attached."""
        await self.attached.wait()

    async def send(self, message: Message) -> None:
        """Send ``message`` (queued until the browser connects; dropped once closed)."""
        if self._closed:
            return
        text = encode(message)
        if message.get("type") == "offer":
            self._offer = text
        elif message.get("type") == "answer":
            self.negotiated = True
        if self._ws is None:
            self._pending.append(text)
            return
        if self._ws.closed:
            return
        with contextlib.suppress(ConnectionError, RuntimeError):
            await self._ws.send_str(text)

    async def receive(self) -> Message | None:
        """Next message from the browser; None once when a page left, and once closed here.

        Raises:
            SignalingError: the frame was not a valid message (the channel stays usable).
        """
        if self._closed and self._inbox.empty():
            return None
        data = await self._inbox.get()
        if data is None or data is _GONE:
            return None
        if isinstance(data, bytes):
            raise SignalingError("binary WebSocket frame ignored: signaling is JSON text")
        assert isinstance(data, str)
        message = decode(data)
        if message["type"] == "answer":
            self._offer = None
            self.negotiated = True
        return message

    async def close(self) -> None:
        """Close the WebSocket; ``receive`` returns None."""
        if self._closed:
            return
        self._closed = True
        ws = self._ws
        self.gone("closed here")
        self._inbox.put_nowait(None)
        if ws is not None:
            await self.close_socket(ws)

    @staticmethod
    async def close_socket(ws: web.WebSocketResponse) -> None:
        """Close ``ws`` (bounded: 1 s)."""
        if not ws.closed:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(), 1.0)
