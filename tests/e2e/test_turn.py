"""Real coturn on 127.0.0.1: relay candidates, relay-only sessions over UDP and TCP, diagnoses."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import aioice.stun
import pytest

from icescope.core.config import IceServer, Settings
from icescope.core.events import CandidateGathered, Notice, Peer, SelectedPairChanged
from icescope.core.session import Session
from tests.e2e.turn_server import PASSWORD, USER, TurnServer, closed_port, turn_server

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from icescope.core.events import SessionEvent

pytestmark = [pytest.mark.e2e, pytest.mark.needs_coturn]


@pytest.fixture
def coturn(tmp_path: Path) -> Iterator[TurnServer]:
    with turn_server(tmp_path) as server:
        yield server


@pytest.fixture
def short_stun(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shorten aioice's STUN/TURN retransmissions (RTO 0.1 s, 2 retries: ~0.7 s)."""
    monkeypatch.setattr(aioice.stun, "RETRY_RTO", 0.1)
    monkeypatch.setattr(aioice.stun, "RETRY_MAX", 2)
    monkeypatch.setattr("icescope.core.iceservers.PROBE_TIMEOUT", 1.0)


def settings(url: str, *, relay_only: bool, password: str = PASSWORD) -> Settings:
    return Settings(
        ice_servers=(IceServer(urls=(url,), username=USER, credential=password),),
        relay_only=relay_only,
        journal_enabled=False,
    )


async def run(s: Settings, *, connect: bool, wait_for: str | None = None) -> list[SessionEvent]:
    session = Session(s)
    events: list[SessionEvent] = []
    session.hub.subscribe(events.append)
    async with asyncio.timeout(20):
        await session.start()
        if connect:
            assert await session.wait_connected(10), [e.to_dict() for e in events]
            # Both peers connected and carrying heartbeats (the remote's relay checks may end
            # a little later than the local's).
            model = session.model
            for _ in range(200):  # bounded: 10 s
                beats = model.local.heartbeat, model.remote.heartbeat
                if model.remote.connected_at is not None and all(b and b.received for b in beats):
                    break
                await asyncio.sleep(0.05)
            else:
                raise AssertionError("the remote did not connect through the relay in 10 s")
        if wait_for is not None:
            for _ in range(100):  # bounded: 10 s
                if any(isinstance(e, Notice) and e.code == wait_for for e in events):
                    break
                await asyncio.sleep(0.1)
        summary = await session.close()
    if connect:
        assert all(p["lost"] == 0 for p in summary["peers"].values())
    return events


def relay_pairs(events: list[SessionEvent]) -> list[SelectedPairChanged]:
    return [e for e in events if isinstance(e, SelectedPairChanged)]


@pytest.mark.parametrize("transport", ["udp", "tcp"])
async def test_relay_only_session_connects_through_turn(coturn: TurnServer, transport: str) -> None:
    events = await run(settings(coturn.url(transport), relay_only=True), connect=True)
    gathered = [e for e in events if isinstance(e, CandidateGathered)]
    # Relay-only: nothing but relay candidates, all allocated on coturn's loopback relay.
    assert gathered and {c.candidate_type for c in gathered} == {"relay"}
    assert {c.address for c in gathered} == {"127.0.0.1"}
    pairs = relay_pairs(events)
    assert {p.peer for p in pairs} == {Peer.LOCAL, Peer.REMOTE}
    assert all(p.local_type == "relay" and p.remote_type == "relay" for p in pairs)
    # coturn granted both peers an allocation, over the requested transport (the fixture's
    # readiness check accounts for one TCP connection).
    log = coturn.log.read_text(errors="replace")
    assert log.count("ALLOCATE processed, success") >= 2
    tcp_clients = log.count("tcp or tls connected to")
    assert tcp_clients >= 3 if transport == "tcp" else tcp_clients == 1
    assert not [e for e in events if isinstance(e, Notice) and e.level == "error"]


async def test_relay_candidates_gathered_alongside_host(coturn: TurnServer) -> None:
    events = await run(settings(coturn.url(), relay_only=False), connect=True)
    types = {e.candidate_type for e in events if isinstance(e, CandidateGathered)}
    assert {"host", "relay"} <= types


async def test_wrong_credential_gives_401_diagnosis(coturn: TurnServer, short_stun: None) -> None:
    events = await run(
        settings(coturn.url(), relay_only=True, password="wrong"),
        connect=False,
        wait_for="turn-auth-failed",
    )
    notices = {e.code: e for e in events if isinstance(e, Notice)}
    assert "turn-auth-failed" in notices, list(notices)
    assert "401" in notices["turn-auth-failed"].message
    assert "no-candidates" in notices
    assert not any(isinstance(e, CandidateGathered) for e in events)


@pytest.mark.parametrize("transport", ["udp", "tcp"])
async def test_unreachable_turn_gives_timeout_diagnosis(short_stun: None, transport: str) -> None:
    port = closed_port()
    url = f"turn:127.0.0.1:{port}" + ("?transport=tcp" if transport == "tcp" else "")
    events = await run(settings(url, relay_only=True), connect=False, wait_for="turn-unreachable")
    notices = [e for e in events if isinstance(e, Notice) and e.code == "turn-unreachable"]
    assert notices, [e.to_dict() for e in events if isinstance(e, Notice)]
    assert f"127.0.0.1:{port}" in notices[0].message
    if transport == "udp":
        assert "did not answer within 1 s" in notices[0].message


async def test_stun_on_coturn_gives_srflx_and_no_diagnosis(coturn: TurnServer) -> None:
    s = Settings(
        ice_servers=(IceServer(urls=(f"stun:127.0.0.1:{coturn.port}",)),), journal_enabled=False
    )
    events = await run(s, connect=True)
    assert not [e for e in events if isinstance(e, Notice) and e.code.startswith("stun")]


async def test_unreachable_stun_diagnosis(short_stun: None) -> None:
    s = Settings(
        ice_servers=(IceServer(urls=(f"stun:127.0.0.1:{closed_port()}",)),),
        journal_enabled=False,
    )
    events = await run(s, connect=True, wait_for="stun-unreachable")
    assert any(isinstance(e, Notice) and e.code == "stun-unreachable" for e in events)
