"""ICE server configuration diagnoses (what aiortc ignores) and the STUN probe on loopback."""

from __future__ import annotations

import asyncio
import socket

import pytest

from icescope.core.config import IceServer, Settings, validate_ice_url
from icescope.core.errors import ConfigError
from icescope.core.iceservers import (
    config_diagnoses,
    effective_servers,
    gathering_diagnoses,
    probe_stun,
)


def servers(*urls: str) -> tuple[IceServer, ...]:
    return tuple(
        IceServer(
            urls=(u,),
            username="u" if u.startswith("turn") else None,
            credential="c" if u.startswith("turn") else None,
        )
        for u in urls
    )


def test_only_first_stun_and_first_turn_are_used() -> None:
    s = Settings(
        ice_servers=servers(
            "stun:127.0.0.1:3478",
            "stun:127.0.0.2:3478",
            "turn:127.0.0.1:3478",
            "turn:127.0.0.3:3478?transport=tcp",
            "stuns:127.0.0.1:5349",
        )
    )
    use = effective_servers(s.ice_servers)
    assert use.stun == "stun:127.0.0.1:3478" and use.turn == "turn:127.0.0.1:3478"
    found = config_diagnoses(s)
    assert [d.code for d in found] == ["ice-server-ignored"] * 3
    text = " | ".join(d.message for d in found)
    assert "stun:127.0.0.2:3478 ignored: aiortc uses only the first STUN server" in text
    assert "turn:127.0.0.3:3478?transport=tcp ignored: aiortc uses only the first TURN" in text
    assert "stuns:127.0.0.1:5349 ignored: aiortc does not support stuns" in text
    assert all(d.level == "warning" for d in found)


def test_relay_only_without_turn_is_an_error() -> None:
    found = config_diagnoses(Settings(relay_only=True, ice_servers=servers("stun:127.0.0.1")))
    assert [(d.level, d.code) for d in found] == [("error", "relay-without-turn")]
    assert config_diagnoses(Settings()) == []


async def test_nothing_gathered_is_explained() -> None:
    found = await gathering_diagnoses(Settings(relay_only=True), [], timeout=0.2)
    assert [d.code for d in found] == ["no-candidates"]
    assert "relay-only" in found[0].message
    assert await gathering_diagnoses(Settings(), ["host"], timeout=0.2) == []


async def test_stun_probe_answers_none_when_server_replies() -> None:
    # A minimal STUN responder on 127.0.0.1: echo a Binding success with the request's id.
    from aioice import stun

    class Responder(asyncio.DatagramProtocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            self.transport = transport

        def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
            request = stun.parse_message(data)
            response = stun.Message(
                message_method=stun.Method.BINDING,
                message_class=stun.Class.RESPONSE,
                transaction_id=request.transaction_id,
            )
            response.attributes["XOR-MAPPED-ADDRESS"] = addr
            self.transport.sendto(bytes(response), addr)  # type: ignore[attr-defined]

    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(Responder, local_addr=("127.0.0.1", 0))
    port = transport.get_extra_info("sockname")[1]
    try:
        async with asyncio.timeout(5):
            assert await probe_stun(f"stun:127.0.0.1:{port}", timeout=2) is None
    finally:
        transport.close()


async def test_stun_probe_reports_silence() -> None:
    # A bound socket that never answers: the probe waits, then names the timeout.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        port = silent.getsockname()[1]
        async with asyncio.timeout(5):
            finding = await probe_stun(f"stun:127.0.0.1:{port}", timeout=0.6)
    assert finding is not None and finding.code == "stun-unreachable"
    assert "did not answer within 0.6 s" in finding.message


@pytest.mark.parametrize(
    "url", ["stun:127.0.0.1?transport=udp", "turn:", "http://x", "turn:host:99999"]
)
def test_bad_urls_rejected(url: str) -> None:
    with pytest.raises(ConfigError, match="bad ICE server URL"):
        validate_ice_url(url)
