"""Browser remote: a real browser's ``RTCPeerConnection`` on a page IceScope serves.

The page reports its own state changes, statistics and heartbeat counts back over the
WebSocket (``event`` messages), so both peers' states appear in one timeline, each labelled
with who reported it. The WebSocket's own liveness is published as a ``RemoteChannel``: once it
is gone the page's last reports are stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..states import Provenance
from ..texts import render, said
from ..webpeer.server import BrowserPeerServer
from .base import RemoteContext, RemoteLink

if TYPE_CHECKING:
    from ..config import Settings
    from ..signaling.websocket import WebSocketSignaling


async def open_browser(settings: Settings, context: RemoteContext) -> RemoteLink:
    """Serve the browser peer page and wait (without blocking) for a browser to open it.

    Raises:
        ConfigError: the listen address cannot be bound.
    """
    server = BrowserPeerServer(settings, context.notice)
    server.signaling.on_channel = context.channel_watcher("websocket")
    new_call = context.new_call
    if new_call is not None:

        async def next_page(signaling: WebSocketSignaling) -> None:
            detail = "a new browser page with the session's URL"
            await new_call(signaling, "page-rejoined", detail, None)

        server.on_next = next_page
    url = await server.start()
    context.listening(url, "open the browser peer page")
    if server.exposed:
        context.notice("warning", "browser-exposed", host=str(settings.browser_host))
    text = said("remote:browser.offers" if settings.browser_offers else "remote:browser")
    return RemoteLink(
        signaling=server.signaling,
        local_offers=not settings.browser_offers,
        description=render(*text),
        text=text,
        close=server.close,
        bye_cause=Provenance.PAGE_CLOSED,
    )
