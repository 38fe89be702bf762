"""The browser-peer server with a real aiohttp client on 127.0.0.1: token, page, hello, frames."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from icescope.core.config import IceServer, Settings
from icescope.core.errors import ConfigError, SignalingError
from icescope.core.webpeer.server import BrowserPeerServer, browser_config


def make(**kw: object) -> tuple[BrowserPeerServer, list[tuple[str, str, str]]]:
    notes: list[tuple[str, str, str]] = []
    server = BrowserPeerServer(
        Settings(mode="browser", **kw),  # type: ignore[arg-type]
        lambda *n: notes.append(n),
    )
    return server, notes


async def test_token_is_required_for_page_and_socket() -> None:
    server, notes = make()
    async with asyncio.timeout(10), aiohttp.ClientSession() as http:
        url = await server.start()
        base = url.split("?")[0]
        assert base.startswith("http://127.0.0.1:")
        async with http.get(base) as r:
            assert r.status == 403
        async with http.get(base + "?token=wrong") as r:
            assert r.status == 403
        async with http.get(url) as r:
            assert r.status == 200
            page = await r.text()
        assert '<script src="peer.js"></script>' in page and "Restart ICE" in page
        async with http.get(base + "peer.js") as r:
            js = await r.text()
        assert "new RTCPeerConnection" in js and "usernameFragment" in js
        # No CDN or remote resource: the page works offline.
        assert "https://" not in page and "https://" not in js
        with pytest.raises(aiohttp.WSServerHandshakeError) as info:
            await http.ws_connect(base.replace("http", "ws") + "ws?token=nope")
        assert info.value.status == 403
        assert any(code == "browser-forbidden" for _, code, _ in notes)
        await server.close()


async def test_hello_then_queued_messages_then_frames_both_ways() -> None:
    server, notes = make(
        browser_offers=True,
        relay_only=True,
        ice_servers=(IceServer(urls=("turn:127.0.0.1:3478",), username="u", credential="p"),),
    )
    async with asyncio.timeout(10), aiohttp.ClientSession() as http:
        url = await server.start()
        ws_url = url.replace("http", "ws").replace("/?", "/ws?")
        # Sent before any browser exists: queued behind the hello.
        await server.signaling.send({"type": "restart-request"})
        ws = await http.ws_connect(ws_url)
        hello = await ws.receive_json()
        assert hello["type"] == "hello" and hello["role"] == "offerer"
        assert hello["config"] == {
            "iceServers": [{"urls": ["turn:127.0.0.1:3478"], "username": "u", "credential": "p"}],
            "iceTransportPolicy": "relay",
            "bundlePolicy": "max-bundle",
        }
        assert hello["heartbeat"] == {"label": "icescope-heartbeat", "id": 0, "interval": 0.1}
        assert (await ws.receive_json()) == {"type": "restart-request"}
        # A second browser is turned away while the first is attached.
        with pytest.raises(aiohttp.WSServerHandshakeError) as info:
            await http.ws_connect(ws_url)
        assert info.value.status == 409
        await ws.send_str("not json at all")
        await ws.send_bytes(b"\x00\x01")
        await ws.send_json({"type": "hello", "agent": "test"})
        with pytest.raises(SignalingError, match="not JSON"):
            await server.signaling.receive()
        with pytest.raises(SignalingError, match="binary"):
            await server.signaling.receive()
        assert await server.signaling.receive() == {"type": "hello", "agent": "test"}
        await ws.close()
        assert await server.signaling.receive() is None
        await server.close()
    assert [c for _, c, _ in notes] == ["browser-connected", "browser-busy"]


async def test_exposed_server_flags_itself_and_busy_port_is_config_error() -> None:
    server, _ = make(browser_host="0.0.0.0")
    assert server.exposed
    local, _ = make()
    assert not local.exposed
    async with asyncio.timeout(10):
        url = await local.start()
        port = int(url.split(":")[2].split("/")[0])
        clash, _ = make(browser_port=port)
        with pytest.raises(ConfigError, match="cannot serve the browser peer"):
            await clash.start()
        await local.close()


def test_browser_config_never_adds_default_servers() -> None:
    assert browser_config(Settings(mode="browser"))["iceServers"] == []
