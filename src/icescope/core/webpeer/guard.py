"""The browser-peer server's HTTP front door: slow clients time out, floods cannot crowd out.

aiohttp holds a connection that never finishes its request headers for its keep-alive timeout
(an hour by default): :data:`HEADER_TIMEOUT` replaces it, so a half-sent request is closed
after that, as is an idle keep-alive connection. At most :data:`MAX_UNAUTHORISED` connections
that have not yet made a request with the token may be open at once; one more closes the
oldest of them. A real browser sends its request the moment it connects, so the page is still
served while a flood goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from aiohttp import web

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Awaitable, Callable

    from aiohttp.web_protocol import RequestHandler

HEADER_TIMEOUT: Final = 10.0
"""Seconds a connection may take to send a whole request (and may then stay idle)."""
MAX_UNAUTHORISED: Final = 32
"""Connections without a request carrying the token that may be open at once."""


class GuardedServer(web.Server):
    """aiohttp's low-level server, closing the oldest unauthorised connection over the cap."""

    def __init__(self, handler: Callable[[web.BaseRequest], Awaitable[web.StreamResponse]]) -> None:
        super().__init__(handler, keepalive_timeout=HEADER_TIMEOUT, access_log=None)
        self._authorised: set[RequestHandler] = set()
        self.evicted = 0
        """Connections closed to make room."""

    def authorise(self, request: web.BaseRequest) -> None:
        """The connection ``request`` came on carried the token: never evict it."""
        protocol = request.protocol
        if protocol in self.connections:  # not already gone
            self._authorised.add(protocol)

    def connection_made(self, handler: RequestHandler, transport: asyncio.Transport) -> None:
        """Admit the connection, closing the oldest unauthorised one when over the cap."""
        super().connection_made(handler, transport)
        waiting = [c for c in self.connections if c not in self._authorised]
        if len(waiting) > MAX_UNAUTHORISED:
            oldest = waiting[0]
            self.evicted += 1
            oldest.force_close()
            if oldest.transport is not None:
                oldest.transport.close()

    def connection_lost(self, handler: RequestHandler, exc: BaseException | None = None) -> None:
        """Forget the connection."""
        self._authorised.discard(handler)
        super().connection_lost(handler, exc)
