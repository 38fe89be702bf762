"""The browser-peer server with a real aiohttp client on 127.0.0.1: token, page, hello, frames."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from icescope.core.config import IceServer, Settings
from icescope.core.errors import ConfigError, SignalingError
from icescope.core.texts import render
from icescope.core.webpeer import guard
from icescope.core.webpeer.server import BrowserPeerServer, browser_config, render_page


def make(**kw: object) -> tuple[BrowserPeerServer, list[tuple[str, str, str]]]:
    notes: list[tuple[str, str, str]] = []

    def notice(
        level: str, code: str, message: str | None = None, /, *, key: str = "", **args: object
    ) -> None:
        notes.append(
            (level, code, render(key or f"notice:{code}", args) if message is None else message)
        )

    server = BrowserPeerServer(Settings(mode="browser", **kw), notice)  # type: ignore[arg-type]
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
        assert "Restart ICE" in page
        # One request: the script and the hello are inlined.
        assert "<script src=" not in page
        assert "new RTCPeerConnection" in page and "usernameFragment" in page
        assert inlined_messages(page) == [server.hello()]  # no offer waiting yet
        # No CDN or remote resource: the page works offline.
        assert "https://" not in page
        async with http.get(base + "peer.js") as r:
            assert r.status == 404
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


def inlined_messages(page: str) -> list[dict[str, object]]:
    inlined = page.split('<script id="icescope-inline" type="application/json">')[1]
    result: list[dict[str, object]] = json.loads(inlined.split("</script>")[0])
    return result


def test_inlined_messages_cannot_close_their_script_element() -> None:
    evil = "</script><script>alert(1)</script>"
    page = render_page([{"type": "hello", "agent": evil}])
    assert inlined_messages(page) == [{"type": "hello", "agent": evil}]


async def test_a_waiting_offer_is_inlined_and_still_sent_over_the_socket() -> None:
    server, _ = make()
    async with asyncio.timeout(10), aiohttp.ClientSession() as http:
        url = await server.start()
        offer = {"type": "offer", "sdp": "v=0 (not validated here)"}
        await server.signaling.send(offer)
        await server.signaling.send({"type": "restart-request"})
        async with http.get(url) as r:
            page = await r.text()
        # Only the hello and the offer: other messages wait for the socket.
        assert inlined_messages(page) == [server.hello(), offer]
        ws = await http.ws_connect(url.replace("http", "ws").replace("/?", "/ws?"))
        assert (await ws.receive_json())["type"] == "hello"
        assert (await ws.receive_json()) == offer
        assert (await ws.receive_json()) == {"type": "restart-request"}
        await ws.close()
        await server.close()


async def _page_socket(
    server: BrowserPeerServer, http: aiohttp.ClientSession, *, autoping: bool = True
) -> tuple[aiohttp.ClientWebSocketResponse, list[tuple[bool, str]]]:
    told: list[tuple[bool, str]] = []
    server.signaling.on_channel = lambda alive, why: told.append((alive, why))
    url = await server.start()
    ws = await http.ws_connect(url.replace("http", "ws").replace("/?", "/ws?"), autoping=autoping)
    assert (await ws.receive_json())["type"] == "hello"
    async with asyncio.timeout(2):
        await server.signaling.attached.wait()
    return ws, told


async def _gone(server: BrowserPeerServer, told: list[tuple[bool, str]], within: float) -> float:
    """Seconds until the socket's loss was told (and ``receive`` returned None)."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.timeout(within):
        assert await server.signaling.receive() is None
    assert told[-1][0] is False
    return loop.time() - start


async def test_page_closing_its_socket_is_told_as_page_closed() -> None:
    server, _ = make()
    async with asyncio.timeout(10), aiohttp.ClientSession() as http:
        ws, told = await _page_socket(server, http)
        assert told == [(True, "browser page connected")]
        await ws.close()  # code 1000, as the page's own ws.close()
        await _gone(server, told, 2)
        assert told[-1] == (False, "page closed")
        await server.close()
        assert len(told) == 2  # told once


async def test_a_vanished_page_is_told_as_connection_lost() -> None:
    server, _ = make()
    async with asyncio.timeout(10), aiohttp.ClientSession() as http:
        ws, told = await _page_socket(server, http)
        conn = ws._response.connection
        assert conn is not None and conn.transport is not None
        conn.transport.abort()  # the browser process was killed: no close frame
        await _gone(server, told, 2)
        assert told[-1] == (False, "connection lost")
        await server.close()


async def test_a_frozen_page_is_told_gone_within_two_seconds() -> None:
    server, _ = make()
    async with asyncio.timeout(10), aiohttp.ClientSession() as http:
        # A frozen tab: the socket stays open but nothing answers IceScope's pings.
        ws, told = await _page_socket(server, http, autoping=False)
        took = await _gone(server, told, 3)
        assert took < 2.0, took
        assert told[-1][0] is False and "no message from the page for 1.5 s" in told[-1][1]
        await ws.close()
        await server.close()


# --------------------------------------------------------------- the slot (issue 11 item 4, 7)
def ws_url_of(url: str) -> str:
    return url.replace("http", "ws").replace("/?", "/ws?")


async def test_a_failed_handshake_leaves_the_slot_free() -> None:
    server, notes = make()
    async with asyncio.timeout(10), aiohttp.ClientSession() as http:
        url = await server.start()
        async with http.get(url.replace("/?", "/ws?")) as r:  # GET /ws without Upgrade
            assert r.status == 400
        ws = await http.ws_connect(ws_url_of(url))
        assert (await ws.receive_json())["type"] == "hello"
        await ws.close()
        await server.close()
    assert [c for _, c, _ in notes] == ["browser-connected"]


async def test_an_oversized_frame_or_a_reload_hands_the_slot_to_the_next_page() -> None:
    server, notes = make()
    channel: list[tuple[bool, str]] = []
    server.signaling.on_channel = lambda alive, why: channel.append((alive, why))
    offer = {"type": "offer", "sdp": "v=0 (not validated here)"}
    async with asyncio.timeout(20), aiohttp.ClientSession() as http:
        url = await server.start()
        await server.signaling.send(offer)
        first = await http.ws_connect(ws_url_of(url), max_msg_size=0)
        assert [(await first.receive_json())["type"] for _ in range(2)] == ["hello", "offer"]
        await first.send_str("x" * (2 << 20))  # 2 MiB: aiohttp closes the socket (1009)
        assert (await first.receive()).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert await server.signaling.receive() is None  # that page left...
        # ...and the next one gets the slot, with the offer the first never answered.
        second = await http.ws_connect(ws_url_of(url))
        assert [await second.receive_json() for _ in range(2)] == [server.hello(), offer]
        await second.send_json({"type": "answer", "sdp": "v=0 answer"})
        assert (await server.signaling.receive())["type"] == "answer"
        await second.close()  # a reload: this page goes, the same URL comes back
        assert await server.signaling.receive() is None
        third = await http.ws_connect(ws_url_of(url))
        assert (await third.receive_json())["type"] == "hello"
        await third.send_json({"type": "hello", "agent": "third"})
        assert await server.signaling.receive() == {"type": "hello", "agent": "third"}
        await server.close()
        assert await server.signaling.receive() is None
    codes = [c for _, c, _ in notes]
    assert codes == ["browser-connected", "browser-connected", "browser-rejoined"], notes
    assert "cannot renegotiate" in notes[2][2]
    assert [alive for alive, _ in channel] == [True, False, True, False, True, False]


async def test_slow_clients_time_out_and_a_flood_does_not_crowd_out_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(guard, "HEADER_TIMEOUT", 0.5)
    server, notes = make()
    async with asyncio.timeout(30), aiohttp.ClientSession() as http:
        url = await server.start()
        port = int(url.split(":")[2].split("/")[0])
        # Half a request, never finished: closed after the header timeout.
        r, w = await asyncio.open_connection("127.0.0.1", port)
        w.write(b"GET /?token=x HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        started = asyncio.get_running_loop().time()
        assert await r.read() == b""
        assert asyncio.get_running_loop().time() - started < 3
        w.close()
        monkeypatch.setattr(guard, "HEADER_TIMEOUT", 60.0)
        flood = [await asyncio.open_connection("127.0.0.1", port) for _ in range(200)]
        for _, fw in flood:
            fw.write(b"GET / HTTP/1.1\r\n")  # and nothing more
        async with http.get(url) as page:
            assert page.status == 200
        ws = await http.ws_connect(ws_url_of(url))
        assert (await ws.receive_json())["type"] == "hello"
        assert server._guard is not None
        assert server._guard.evicted >= 200 - guard.MAX_UNAUTHORISED
        unauthorised = [c for c in server._guard.connections if c not in server._guard._authorised]
        assert len(unauthorised) <= guard.MAX_UNAUTHORISED
        for _, fw in flood:
            fw.close()
        await ws.close()
        await server.close()
    assert [c for _, c, _ in notes] == ["browser-connected"]  # the flood wrote no notices
