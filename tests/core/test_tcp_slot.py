"""The TCP remote slot (issue 11 item 4): only a peer holding the token takes it.

Real sockets on 127.0.0.1: a port scan, a client that leaves, garbage, the wrong token, idle
connections by the dozen, and then the real IceScope, which still gets in.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import Settings
from icescope.core.errors import ConfigError
from icescope.core.events import Listening, Notice
from icescope.core.netif import AddressSelection
from icescope.core.session import Session
from icescope.core.signaling import tcplisten
from icescope.core.signaling.tcp import TcpSignaling
from icescope.core.signaling.tcplisten import TcpListener, connect_tcp
from icescope.core.tcpaddress import parse_tcp_address

if TYPE_CHECKING:
    from collections.abc import Callable

    from icescope.core.events import SessionEvent

TOKEN = "s3cret-token-0123456789"
LOOPBACK = AddressSelection(loopback_only=True)


async def listener_with_log() -> tuple[TcpListener, list[tuple[str, str]]]:
    refused: list[tuple[str, str]] = []
    listener = TcpListener(TOKEN, on_refused=lambda a, w: refused.append((a, w)))
    await listener.start("127.0.0.1", 0)
    return listener, refused


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Poll ``condition`` every 10 ms until it holds (bounded by ``timeout``)."""
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 (socket callbacks, no event to await)
            await asyncio.sleep(0.01)


async def real_peer_gets_in(listener: TcpListener) -> None:
    client = TcpSignaling()
    await connect_tcp(*listener.address, client, TOKEN, timeout=3)
    assert client.attached
    await client.send({"type": "hello", "agent": "real"})
    assert await listener.signaling.receive() == {"type": "hello", "agent": "real"}
    await client.close()


async def test_scan_leave_garbage_and_wrong_token_leave_the_slot_free() -> None:
    async with asyncio.timeout(15):
        listener, refused = await listener_with_log()
        host, port = listener.address
        # A port scan: connect, close.
        _, w = await asyncio.open_connection(host, port)
        w.close()
        # Garbage, then a deeply nested line, then the wrong token (as a real connector).
        for line in (b"GET / HTTP/1.0\r\n", b"[" * 100_000 + b"\n"):
            r, w = await asyncio.open_connection(host, port)
            w.write(line)
            answer = await r.readline()
            assert b'"refused"' in answer and TOKEN.encode() not in answer
            w.close()
        wrong = TcpSignaling()
        await connect_tcp(host, port, wrong, "not-the-token-0123456789", timeout=3)
        with pytest.raises(ConnectionError, match="refused this IceScope: 'wrong token'"):
            await wrong.receive()
        await until(lambda: len(refused) == 4)
        whys = [why for _, why in refused]
        assert whys[0] == "left without authenticating"
        assert all("not an authentication message" in w for w in whys[1:3]), whys
        assert whys[3] == "wrong token"
        assert not listener.signaling.attached
        await real_peer_gets_in(listener)
        await listener.close()


async def test_a_silent_client_times_out_and_idle_floods_cannot_keep_the_peer_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tcplisten, "AUTH_TIMEOUT", 0.3)
    async with asyncio.timeout(15):
        listener, refused = await listener_with_log()
        host, port = listener.address
        silent = await asyncio.open_connection(host, port)
        await until(lambda: refused)
        assert refused[0][1] == "no authentication within 0.3 s"
        assert await silent[0].read() != b""  # told why, then end of stream
        silent[1].close()
        monkeypatch.setattr(tcplisten, "AUTH_TIMEOUT", 30.0)
        idle = [await asyncio.open_connection(host, port) for _ in range(40)]
        await until(lambda: len(refused) >= 1 + 40 - tcplisten.MAX_UNAUTHENTICATED)
        await real_peer_gets_in(listener)
        assert len(listener._waiting) <= tcplisten.MAX_UNAUTHENTICATED
        for _, w in idle:
            w.close()
        await listener.close()
        assert not listener._waiting


def test_connect_needs_the_listeners_url_with_its_token() -> None:
    with pytest.raises(ConfigError, match=r"give the URL the listening IceScope printed"):
        Settings(mode="tcp-connect", remote_address="127.0.0.1:7400")
    with pytest.raises(ConfigError, match=r"one \?token=") as info:
        Settings(mode="tcp-connect", remote_address="tcp://127.0.0.1:7400/?token=short")
    assert "short" not in str(info.value)  # a bad token is not repeated either
    url = f"tcp://127.0.0.1:7400/?token={TOKEN}"
    address = parse_tcp_address(url, flag="--connect", need_token=True)
    assert (address.host, address.port, address.token) == ("127.0.0.1", 7400, TOKEN)
    assert address.url(TOKEN) == url and address.shown == "127.0.0.1:7400"
    listen = parse_tcp_address("[::1]:0", flag="--listen", need_token=False)
    assert listen.token is None and listen.shown == "[::1]:0"


async def test_session_keeps_its_slot_for_the_real_peer() -> None:
    events: list[SessionEvent] = []
    listener = Session(
        Settings(
            mode="tcp-listen",
            remote_address="127.0.0.1:0",
            addresses=LOOPBACK,
            journal_enabled=False,
        )
    )
    listener.hub.subscribe(events.append)
    connector: Session | None = None
    async with asyncio.timeout(30):
        await listener.start()
        url = next(e.url for e in events if isinstance(e, Listening))
        where = parse_tcp_address(url, flag="url", need_token=True)
        for _ in range(3):  # connect and leave, as a scanner does
            _, w = await asyncio.open_connection(where.host, where.port)
            w.close()
        r, w = await asyncio.open_connection(where.host, where.port)
        w.write(b'{"type":[1]}\n')
        await r.read()
        w.close()
        await until(
            lambda: (
                len([e for e in events if isinstance(e, Notice) and e.code == "peer-refused"]) == 4
            )
        )
        connector = Session(
            Settings(
                mode="tcp-connect", remote_address=url, addresses=LOOPBACK, journal_enabled=False
            )
        )
        await connector.start()
        assert await listener.wait_connected(10)
        assert await connector.wait_connected(10)
        assert not listener.ended
        await connector.close()
        await listener.close()
    codes = [e.code for e in events if isinstance(e, Notice)]
    assert "signaling-closed" not in codes and "signaling-lost" not in codes
    assert "peer-connected" in codes
    assert not any(TOKEN in str(e) for e in events)
