"""TCP signaling on 127.0.0.1: framing, garbage, end of stream, resets, refused peers."""

from __future__ import annotations

import asyncio
import socket
import struct

import pytest

from icescope.core.errors import ConfigError, SignalingError
from icescope.core.signaling.tcp import TcpSignaling
from icescope.core.signaling.tcplisten import TcpListener, connect_tcp
from icescope.core.tcpaddress import parse_hostport

TOKEN = "t" * 24


async def pair() -> tuple[TcpListener, TcpSignaling]:
    listener = TcpListener(TOKEN)
    await listener.start("127.0.0.1", 0)
    client = TcpSignaling()
    await connect_tcp(*listener.address, client, TOKEN, timeout=5)
    return listener, client


async def test_messages_both_ways_and_queued_before_connect() -> None:
    async with asyncio.timeout(5):
        listener = TcpListener(TOKEN)
        await listener.start("127.0.0.1", 0)
        client = TcpSignaling()
        # Sent before any connection exists: queued, delivered after connect.
        await client.send({"type": "offer", "sdp": "v=0"})
        await listener.signaling.send({"type": "hello", "agent": "listener"})
        await connect_tcp(*listener.address, client, TOKEN, timeout=5)
        assert await listener.signaling.receive() == {"type": "offer", "sdp": "v=0"}
        assert await client.receive() == {"type": "hello", "agent": "listener"}
        await client.send({"type": "candidate", "candidate": "", "usernameFragment": "ab"})
        assert (await listener.signaling.receive())["usernameFragment"] == "ab"
        await client.close()
        assert await listener.signaling.receive() is None  # end of stream
        await listener.close()


async def test_garbage_lines_raise_and_channel_survives() -> None:
    async with asyncio.timeout(5):
        listener, client = await pair()
        await client.send_raw("this is not json")
        await client.send_raw('{"type": "teleport"}')
        await client.send_raw("[1, 2]")
        await client.send_raw("")  # blank lines are skipped
        await client.send({"type": "bye", "heartbeats_sent": 3})
        errors = []
        for _ in range(3):
            with pytest.raises(SignalingError) as info:
                await listener.signaling.receive()
            errors.append(str(info.value))
        assert "not JSON" in errors[0]
        assert "unknown signaling message type 'teleport'" in errors[1]
        assert "JSON object" in errors[2]
        assert await listener.signaling.receive() == {"type": "bye", "heartbeats_sent": 3}
        await client.close()
        await listener.close()


async def test_over_long_line_is_reported_and_skipped() -> None:
    async with asyncio.timeout(10):
        listener, client = await pair()
        await client.send_raw("x" * (2 << 20))
        await client.send({"type": "bye"})
        raised = 0
        message = None
        for _ in range(5):  # the discarded line may leave a tail that is garbage too
            try:
                message = await listener.signaling.receive()
                break
            except SignalingError:
                raised += 1
        assert raised >= 1
        assert message == {"type": "bye"}
        await client.close()
        await listener.close()


async def test_connection_reset_raises_connection_error() -> None:
    async with asyncio.timeout(5):
        listener, client = await pair()
        await client.send({"type": "hello"})
        assert await listener.signaling.receive() == {"type": "hello"}
        _, writer = client._ready.result()
        sock = writer.get_extra_info("socket")
        # SO_LINGER 0 + close sends a TCP RST: a remote that died, not one that said goodbye.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()
        with pytest.raises(ConnectionError):
            await listener.signaling.receive()
        await listener.close()


async def test_connect_gives_up_with_readable_error() -> None:
    async with asyncio.timeout(5):
        listener = TcpListener(TOKEN)
        await listener.start("127.0.0.1", 0)
        host, port = listener.address
        await listener.close()  # nothing listens there now
        client = TcpSignaling()
        await connect_tcp(host, port, client, TOKEN, timeout=0.5)
        with pytest.raises(ConnectionError, match=rf"could not connect to 127.0.0.1:{port}"):
            await client.receive()


async def test_second_peer_is_turned_away() -> None:
    async with asyncio.timeout(5):
        listener, client = await pair()
        intruder = TcpSignaling()
        await connect_tcp(*listener.address, intruder, TOKEN, timeout=2)
        with pytest.raises(ConnectionError, match=r"refused this IceScope: .*already has a peer"):
            await intruder.receive()
        assert listener.refused == 1
        await client.send({"type": "hello"})
        assert await listener.signaling.receive() == {"type": "hello"}
        await client.close()
        await listener.close()


async def test_listen_on_busy_port_is_a_config_error() -> None:
    async with asyncio.timeout(5):
        first = TcpListener(TOKEN)
        await first.start("127.0.0.1", 0)
        second = TcpListener(TOKEN)
        with pytest.raises(ConfigError, match=r"cannot listen on 127\.0\.0\.1"):
            await second.start(*first.address)
        await first.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("127.0.0.1:7400", ("127.0.0.1", 7400)), ("[::1]:80", ("::1", 80)), ("host:0", ("host", 0))],
)
def test_parse_hostport(text: str, expected: tuple[str, int]) -> None:
    assert parse_hostport(text) == expected


@pytest.mark.parametrize("text", ["7400", ":7400", "host:", "host:http", "host:70000"])
def test_parse_hostport_rejects(text: str) -> None:
    with pytest.raises(ConfigError, match=r"HOST:PORT|port must be"):
        parse_hostport(text, flag="--connect")
