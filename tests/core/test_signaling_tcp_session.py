"""Two IceScope sessions in one process over real TCP signaling on 127.0.0.1."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import Settings
from icescope.core.events import Listening, Notice, Peer, StateChanged, StatsSample
from icescope.core.netif import AddressSelection
from icescope.core.session import Session
from icescope.core.signaling.tcp import TcpSignaling
from icescope.core.states import Machine

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable

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
                remote_address=url,
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
    # The channel's loss is a fact in the model: the remote's last reports are now stale.
    stale = pair.listener.model.remote.staleness()
    assert stale is not None and "connection" in stale.reason, stale
    assert pair.listener.model.remote.ice.value in ("connected", "completed")
    assert pair.listener.local is not None and not pair.listener.local.closing
    # The ICE session itself is unaffected by losing signaling.
    assert not any(
        isinstance(e, StateChanged) and e.machine is Machine.ICE and e.state == "failed"
        for e in pair.listen_events
    )


async def test_connector_without_listener_reports_and_does_not_connect(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("icescope.core.signaling.tcplisten.DEFAULT_CONNECT_TIMEOUT", 0.5)
    session = Session(
        Settings(
            mode="tcp-connect",
            remote_address="tcp://127.0.0.1:9/?token=" + "x" * 24,
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


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Poll ``condition`` every 20 ms until it holds (bounded by ``timeout``)."""
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 (model values change through the hub)
            await asyncio.sleep(0.02)


def engine_like_stats(session: Session) -> StatsSample:
    """A statistics sample as the engine publishes it for the local peer."""
    ts, wall = session.clock.stamp()
    report = (
        {"type": "transport", "id": "T0", "selectedCandidatePairId": "CP1", "timestamp": 1.0},
        {"type": "candidate-pair", "id": "CP1", "state": "succeeded", "nominated": True,
         "currentRoundTripTime": 0.001, "bytesSent": 1200, "timestamp": 1.0},
    )  # fmt: skip
    return StatsSample(ts=ts, wall=wall, peer=Peer.LOCAL, report=report, source="engine")


@pytest.mark.parametrize("closer", ["connector", "listener"])
async def test_each_side_shows_the_others_real_states_stats_and_counts(
    pair: Pair, closer: str
) -> None:
    assert pair.connector is not None
    sides = {"connector": pair.connector, "listener": pair.listener}
    for session in sides.values():
        # The other side's ICE states arrive relayed; the TCP channel is alive.
        await until(lambda s=session: s.model.remote.ice.value in ("connected", "completed"))
        assert session.model.remote.observed
        assert session.model.remote.channel is not None
        assert session.model.remote.channel.channel == "tcp"
        assert session.model.remote.staleness() is None
    # Statistics published for one side's own peer reach the other as the remote's.
    pair.connector.hub.publish(engine_like_stats(pair.connector))
    await until(lambda: pair.listener.model.remote.stats is not None)
    stats = pair.listener.model.remote.stats
    assert stats is not None and stats.source == "remote"
    assert {e["id"] for e in stats.report} == {"T0", "CP1"}
    # Nothing the remote reported is relayed back as this side's own.
    assert pair.connector.model.remote.stats is None
    await asyncio.sleep(0.3)
    first = sides[closer]
    other = sides["listener" if closer == "connector" else "connector"]
    closed_first = await first.close()
    async with asyncio.timeout(5):
        await other.wait_ended()
    closed_second = await other.close()
    for summary in (closed_first, closed_second):
        for direction in ("local", "remote"):
            counts = summary["peers"][direction]
            assert "unknown" not in counts, summary
            assert counts["sent"] is not None and counts["received"] is not None, summary
            assert counts["lost"] == 0, summary
        # Both peers' final states are real: each saw the other close.
        assert summary["final_state"] == {"local": "closed", "remote": "closed"}, summary
    assert closed_first["closed_by"]["local"] == "local-close"
    assert closed_second["closed_by"]["local"] == "remote-close"
    assert closed_first["closed_by"]["remote"] == "remote-close"
    assert closed_second["closed_by"]["remote"] == "local-close"
