"""BrowserPeerServer: serves the browser peer page and its WebSocket signaling.

Bound to loopback by default. Every URL carries a random access token, checked with a
constant-time comparison: browsers do not apply the same-origin policy to WebSockets, so
without it any web page open in the user's browser could drive the session
(cross-site WebSocket hijacking), and an exposed server would be open to the network.
"""

from __future__ import annotations

import functools
import hmac
import importlib.resources
import json
import logging
import secrets
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from ..errors import ConfigError, IceScopeError
from ..heartbeat import CHANNEL_ID, LABEL
from ..signaling.websocket import WebSocketSignaling
from ..tcpaddress import exposed
from .guard import GuardedServer

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from ..config import Settings
    from ..texts import Notify

logger = logging.getLogger(__name__)

SCRIPT_TAG = '<script src="peer.js"></script>'
"""The line of index.html that :func:`render_page` replaces with the inlined script."""
PING_INTERVAL = 1.0
"""Seconds of silence from the page before IceScope pings it; with no answer within half of
that the page counts as gone (a killed or frozen tab is noticed within 1.5 s)."""
_PAGE_CLOSES = frozenset({1000, 1001})
"""WebSocket close codes a page sends on its own: normal closure, and going away."""


def gone_reason(ws: web.WebSocketResponse) -> str:
    """Why the page's WebSocket ended, in plain words."""
    if isinstance(ws.exception(), TimeoutError):
        return f"no message from the page for {PING_INTERVAL * 1.5:g} s (no answer to a ping)"
    if ws.close_code in _PAGE_CLOSES:
        return "page closed"
    return "connection lost"


def browser_config(settings: Settings) -> dict[str, Any]:
    """The ``RTCConfiguration`` the page uses: the same servers and policy as IceScope."""
    servers: list[dict[str, Any]] = []
    for server in settings.ice_servers:
        entry: dict[str, Any] = {"urls": list(server.urls)}
        if server.username is not None:
            entry["username"] = server.username
            entry["credential"] = server.credential
        servers.append(entry)
    return {
        "iceServers": servers,
        "iceTransportPolicy": "relay" if settings.relay_only else "all",
        "bundlePolicy": "max-bundle",
        # No iceCandidatePoolSize: with a pool, Chromium 156 sometimes never emits a local
        # candidate for the answer (1 in 12 connects stuck in "new" in benchmarks/).
    }


@functools.cache
def _static(name: str) -> str:
    # Read once: the page is served on the connect's critical path (navigation to answer),
    # and reading the package's files on each request cost ~10 ms here.
    return (importlib.resources.files(__package__) / "static" / name).read_text("utf-8")


def render_page(messages: list[dict[str, Any]]) -> str:
    """index.html with peer.js and the first signaling ``messages`` (hello, offer) inlined.

    One request instead of two, and the page builds its ``RTCPeerConnection`` (certificate
    generation included) and its answer before it even opens its WebSocket, instead of after
    the messages arrive over it (the answer leaves as soon as the socket opens). The messages
    are still sent over the WebSocket, where the page skips them once, so a fetch by anything
    else consumes nothing; they carry nothing the token-holding page does not get anyway.
    """
    script = _static("peer.js")
    if "</script" in script.lower():
        raise ValueError("peer.js must not contain '</script' (it is inlined)")
    # JSON inside <script>: "<" escaped so no string in it can close the element.
    data = json.dumps(messages).replace("<", "\\u003c")
    inline = (
        f'<script id="icescope-inline" type="application/json">{data}</script>\n'
        f"<script>\n{script}</script>"
    )
    page = _static("index.html")
    if SCRIPT_TAG not in page:
        raise ValueError(f"index.html lacks {SCRIPT_TAG}")
    return page.replace(SCRIPT_TAG, inline)


class BrowserPeerServer:
    """One page, one WebSocket peer.

    Args:
        settings: the session settings (listen address, ICE config, who offers).
        notice: publishes ``(level, code, message)`` notices.
    """

    def __init__(self, settings: Settings, notice: Notify) -> None:
        self._settings = settings
        self._notice = notice
        self.token = settings.browser_token or secrets.token_urlsafe(18)
        """The access token every request must carry (``?token=``)."""
        self.signaling = WebSocketSignaling()
        """IceScope's end of the browser's signaling channel."""
        self._runner: web.ServerRunner | None = None
        self._guard: GuardedServer | None = None
        self._port = 0
        self._busy = False
        self._pages = 0
        self.on_next: Callable[[WebSocketSignaling], Awaitable[None]] | None = None
        """Begins a new call on a fresh channel for a page that takes the place of one the
        peer connection was negotiated with (raises when the session is closing)."""

    @property
    def url(self) -> str:
        """The page's URL, token included."""
        host = self._settings.browser_host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self._port}/?token={self.token}"

    @property
    def exposed(self) -> bool:
        """True when the server listens beyond this machine."""
        return exposed(self._settings.browser_host)

    async def start(self) -> str:
        """Bind and serve; return the URL.

        Raises:
            ConfigError: the address cannot be bound.
        """
        self._guard = GuardedServer(self._route)
        self._runner = web.ServerRunner(self._guard, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._settings.browser_host, self._settings.browser_port)
        try:
            await site.start()
        except OSError as exc:
            await self._runner.cleanup()
            raise ConfigError.of(
                "error:browser-serve",
                host=self._settings.browser_host,
                port=str(self._settings.browser_port),
                error=str(exc.strerror or exc),
            ) from None
        server = site._server
        sockets = getattr(server, "sockets", None) or []
        self._port = int(sockets[0].getsockname()[1]) if sockets else self._settings.browser_port
        return self.url

    def _authorised(self, request: web.BaseRequest) -> bool:
        given = request.query.get("token", "")
        if not hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode()):
            return False
        if self._guard is not None:
            self._guard.authorise(request)
        return True

    async def _route(self, request: web.BaseRequest) -> web.StreamResponse:
        if request.method not in ("GET", "HEAD"):
            return web.Response(status=405, text="405: GET only")
        if request.path == "/":
            return await self._page(request)
        if request.path == "/ws":
            return await self._websocket(request)
        return web.Response(status=404, text="404: not found")

    async def _page(self, request: web.BaseRequest) -> web.StreamResponse:
        if not self._authorised(request):
            return web.Response(status=403, text="403: this page needs the URL with its ?token=")
        return web.Response(
            text=render_page(self.first_messages()),
            content_type="text/html",
            charset="utf-8",
            headers={"Cache-Control": "no-store"},
        )

    async def _websocket(self, request: web.BaseRequest) -> web.StreamResponse:
        if not self._authorised(request):
            self._notice("warning", "browser-forbidden", remote=str(request.remote))
            return web.Response(status=403, text="403: bad or missing token")
        if self._busy:
            self._notice("warning", "browser-busy", remote=str(request.remote))
            return web.Response(status=409, text="409: this session already has a browser peer")
        # No permessage-deflate: compressing small signaling messages on the connect path costs
        # more CPU than the bytes it saves.
        ws = web.WebSocketResponse(heartbeat=PING_INTERVAL, max_msg_size=1 << 20, compress=False)
        if not ws.can_prepare(request).ok:
            # Not a WebSocket handshake (no Upgrade): answered, and the slot stays free.
            return web.Response(status=400, text="400: this URL takes a WebSocket")
        self._busy = True
        try:
            await ws.prepare(request)
            again = self._pages > 0
            self._pages += 1
            level, code, key = self._joined(again=again)
            self._notice(level, code, key=key, remote=str(request.remote))
            replace = again and self.signaling.negotiated and self.on_next is not None
            if replace and not await self._next_call(ws):
                return ws
            await self.signaling.attach(ws, [self.hello()])
            # Frames go to the signaling inbox until the socket closes; bounded by the socket.
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    self.signaling.feed(msg.data)
                elif msg.type == WSMsgType.BINARY:
                    self.signaling.feed(bytes(msg.data))
                else:
                    break
        finally:
            # Whatever ended it (the page left or reloaded, a 2 MiB frame, a failed handshake),
            # the slot is free again for the next page holding the token.
            self._busy = False
            self.signaling.gone(gone_reason(ws), ws)
        return ws

    async def _next_call(self, ws: web.WebSocketResponse) -> bool:
        """Give the new page a fresh channel and a new call; False when none can begin."""
        old = self.signaling
        fresh = WebSocketSignaling()
        fresh.on_channel = old.on_channel
        self.signaling = fresh
        assert self.on_next is not None
        try:
            await self.on_next(fresh)
        except IceScopeError:
            await fresh.close()
            await WebSocketSignaling.close_socket(ws)
            return False
        return True

    def _joined(self, *, again: bool) -> tuple[str, str, str]:
        """The notice (level, code, text key) for a page that took the slot.

        ``again``: another page had it before.
        """
        if not again:
            return ("info", "browser-connected", "notice:browser-connected")
        if not self.signaling.negotiated:
            return ("info", "browser-connected", "notice:browser-connected.again")
        if self.on_next is None:
            return ("warning", "browser-rejoined", "notice:browser-rejoined")
        return ("info", "browser-rejoined", "notice:browser-rejoined.new-call")

    def first_messages(self) -> list[dict[str, Any]]:
        """What the page gets inlined: the hello, then IceScope's offer if one is waiting."""
        if self.signaling.negotiated:
            return [self.hello()]  # a page after a negotiated one gets a new call's offer
        offers = [m for m in self.signaling.queued() if m.get("type") == "offer"]
        return [self.hello(), *offers[:1]]

    def hello(self) -> dict[str, Any]:
        """The first message to the page: role, ICE configuration, heartbeat format."""
        return {
            "type": "hello",
            "role": "offerer" if self._settings.browser_offers else "answerer",
            "config": browser_config(self._settings),
            "heartbeat": {
                "label": LABEL,
                "id": CHANNEL_ID,
                "interval": self._settings.heartbeat_interval,
            },
            "agent": "IceScope",
        }

    async def close(self) -> None:
        """Close the WebSocket and stop serving."""
        await self.signaling.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
