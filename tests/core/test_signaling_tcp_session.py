"""Two IceScope sessions in one process over real TCP signaling on 127.0.0.1."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import Settings
from icescope.core.events import Listening, Notice, StateChanged
from icescope.core.netif import AddressSelection
from icescope.core.session import Session
from icescope.core.signaling.tcp import TcpSignaling
from icescope.core.states import Machine

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from icescope.core.events import SessionEvent

LOOPBACK = AddressSelection(loopback_only=True)


class Pair:
    def __init__(self) -> None:
        self.listen_events: list[SessionEvent] = []
        self.connect_events: list[SessionEvent] = []
        self.listener = Session(
            Settings(
                mode="tcp-listen",
                remote_address="127.0.0.1:0",
                addresses=LOOPBACK,
                journal_enabled=False,
            )
        )
        self.listener.hub.subscribe(self.listen_events.append)
        self.connector: Session | None = None

    async def start(self) -> None:
        await self.listener.start()
        url = next(e.url for e in self.listen_events if isinstance(e, Listening))
        self.connector = Session(
            Settings(
                mode="tcp-connect",
                remote_address=url.removeprefix("tcp://"),
                addresses=LOOPBACK,
                journal_enabled=False,
            )
        )
        self.connector.hub.subscribe(self.connect_events.append)
        await self.connector.start()
        assert await self.listener.wait_connected(5)
        assert await self.connector.wait_connected(5)


@pytest.fixture
async def pair() -> AsyncIterator[Pair]:
    p = Pair()
    async with asyncio.timeout(20):
        await p.start()
        yield p
        if p.connector is not None:
            await p.connector.close()
        await p.listener.close()


def notices(events: list[SessionEvent], code: str) -> list[Notice]:
    return [e for e in events if isinstance(e, Notice) and e.code == code]


async def test_tcp_sessions_connect_and_close_from_the_connector(pair: Pair) -> None:
    assert pair.connector is not None
    await asyncio.sleep(0.5)
    summary = await pair.connector.close()
    async with asyncio.timeout(5):
        await pair.listener.wait_ended()
    other = await pair.listener.close()
    # Each side knows how many heartbeats the other sent (hb_fin / bye) and lost none.
    assert summary["peers"]["local"]["lost"] == 0
    assert other["peers"]["local"]["lost"] == 0
    assert other["peers"]["local"]["received"] >= 3
    assert other["final_state"]["local"] == "closed"
    assert notices(pair.listen_events, "peer-connected")


async def test_garbage_on_the_channel_is_a_notice_and_the_session_goes_on(pair: Pair) -> None:
    assert pair.connector is not None and pair.connector.local is not None
    channel = pair.connector.local._signaling
    assert isinstance(channel, TcpSignaling)
    await channel.send_raw("}}} definitely not json")
    await channel.send_raw('{"type": "answer"}')
    await channel.send_raw('{"type": "event", "event": "iceconnectionstatechange", "state": "up"}')
    received_before = pair.listener.local.heartbeat.received if pair.listener.local else 0
    await asyncio.sleep(0.6)
    garbage = notices(pair.listen_events, "signaling-garbage")
    assert len(garbage) == 3, [n.message for n in garbage]
    assert "not JSON" in garbage[0].message
    assert "without an 'sdp'" in garbage[1].message
    assert "'up' is not a W3C value" in garbage[2].message
    # Still up, still exchanging heartbeats.
    assert pair.listener.ice_state.value in ("connected", "completed")
    assert pair.listener.local is not None
    assert pair.listener.local.heartbeat.received > received_before


async def test_dead_remote_gives_a_readable_notice(pair: Pair) -> None:
    assert pair.connector is not None and pair.connector.local is not None
    channel = pair.connector.local._signaling
    assert isinstance(channel, TcpSignaling)
    _, writer = channel._ready.result()
    writer.transport.abort()  # the other process vanished: no bye
    for _ in range(50):  # bounded: 5 s
        if notices(pair.listen_events, "signaling-closed") or notices(
            pair.listen_events, "signaling-lost"
        ):
            break
        await asyncio.sleep(0.1)
    found = notices(pair.listen_events, "signaling-closed") + notices(
        pair.listen_events, "signaling-lost"
    )
    assert found, [e.to_dict() for e in pair.listen_events if isinstance(e, Notice)]
    assert "remote" in found[0].message or "lost" in found[0].message
    # The ICE session itself is unaffected by losing signaling.
    assert not any(
        isinstance(e, StateChanged) and e.machine is Machine.ICE and e.state == "failed"
        for e in pair.listen_events
    )


async def test_connector_without_listener_reports_and_does_not_connect(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("icescope.core.signaling.tcp.DEFAULT_CONNECT_TIMEOUT", 0.5)
    session = Session(
        Settings(
            mode="tcp-connect",
            remote_address="127.0.0.1:9",
            addresses=LOOPBACK,
            journal_enabled=False,
        )
    )
    events: list[SessionEvent] = []
    session.hub.subscribe(events.append)
    async with asyncio.timeout(20):
        await session.start()
        assert not await session.wait_connected(2)
        await session.close()
    lost = notices(events, "signaling-lost")
    assert lost and "could not connect to 127.0.0.1:9" in lost[0].message
