"""All seven ICE states from two real aiortc peers: connect, outage, recovery, failure, close."""

from __future__ import annotations

import asyncio

from icescope.core.config import IceTimings
from icescope.core.events import DataChannelChanged, Peer, StateChanged
from icescope.core.states import Machine, Provenance

from .conftest import Pair


async def test_connect_reports_checking_connected_completed_in_order(pair: Pair) -> None:
    """libwebrtc's order, never skipping connected; transport events precede the PC's."""
    for peer in (Peer.LOCAL, Peer.REMOTE):
        assert pair.states(peer, Machine.TRANSPORT) == ["checking", "connected", "completed"]
        assert pair.states(peer) == ["checking", "connected", "completed"]
        assert pair.states(peer, Machine.CONNECTION) == ["connecting", "connected"]
        assert pair.agent(peer).pc.ice_state_provenance is Provenance.DERIVED
        ice = [
            e
            for e in pair.events
            if isinstance(e, StateChanged) and e.peer is peer and e.machine is Machine.ICE
        ]
        assert all(e.provenance is Provenance.DERIVED for e in ice)
        # webrtc-pc §5.6: the transport's statechange fires before iceconnectionstatechange.
        order = [
            e.machine
            for e in pair.events
            if isinstance(e, StateChanged) and e.peer is peer and e.state == "checking"
        ]
        assert order == [Machine.TRANSPORT, Machine.ICE]
        transport = [
            e
            for e in pair.events
            if isinstance(e, StateChanged) and e.peer is peer and e.machine is Machine.TRANSPORT
        ]
        assert all(e.detail == "ICE transport T01" for e in transport)
        assert pair.selected(peer) is not None


async def test_blackout_disconnected_within_3s_connected_within_1s_default_timers() -> None:
    """Default timers (1 s / 2.5 s / 30 s): outage seen by both peers, recovery on restore."""
    p = Pair(IceTimings())
    async with asyncio.timeout(20):
        await p.start()
        p.local.faults.blackout("both")
        for peer in (Peer.LOCAL, Peer.REMOTE):
            assert await p.wait_state(peer, "disconnected", 3.0) <= 3.0
        p.local.faults.clear()
        for peer in (Peer.LOCAL, Peer.REMOTE):
            await p.wait_state(peer, "connected", 1.0)
        sent = p.remote.heartbeat.received
        await p.wait(lambda: p.remote.heartbeat.received > sent + 3, 2.0)
        await p.close()
    for peer in (Peer.LOCAL, Peer.REMOTE):
        assert p.states(peer) == [
            "checking",
            "connected",
            "completed",
            "disconnected",
            "connected",
            "closed",
        ]
        # DTLS and SCTP stayed up: the channel closed only at the end.
        closes = [e for e in p.events if isinstance(e, DataChannelChanged) and e.peer is peer]
        assert [e.state for e in closes] == ["open", "closed"]
    # SCTP retransmitted everything sent into the outage.
    assert p.lost() == {"local": 0, "remote": 0}


async def test_inbound_only_blackout_is_seen_by_both_peers(pair: Pair) -> None:
    pair.remote.faults.blackout("in")
    for peer in (Peer.LOCAL, Peer.REMOTE):
        await pair.wait_state(peer, "disconnected", 2.0)
    pair.remote.faults.clear()
    for peer in (Peer.LOCAL, Peer.REMOTE):
        await pair.wait_state(peer, "connected", 1.0)


async def test_blackout_past_failed_timeout_fails_and_stays_failed(pair: Pair) -> None:
    """RFC 7675 §5.1: consent expired; responses afterwards do not restore it."""
    pair.local.faults.blackout("both")
    for peer in (Peer.LOCAL, Peer.REMOTE):
        await pair.wait_state(peer, "failed", 3.0)
    pair.local.faults.clear()
    received = pair.remote.heartbeat.received
    await asyncio.sleep(1.0)
    for peer in (Peer.LOCAL, Peer.REMOTE):
        agent = pair.agent(peer)
        assert agent.pc.iceConnectionState == "failed"
        assert agent.pc.connectionState == "failed"
        assert pair.states(peer)[-2:] == ["disconnected", "failed"]
        # failed does not close DTLS, SCTP or the data channel (webrtc-pc §5.6.6)...
        assert agent.pc.sctp is not None
        assert agent.pc.sctp.transport.state == "connected"
    # ...but nothing flows: we stopped sending when consent expired.
    assert pair.remote.heartbeat.received == received


async def test_timed_out_checks_give_checking_then_failed(fast_stun: None) -> None:
    """No path from the start: checking -> failed (end-of-candidates was received)."""
    p = Pair()
    async with asyncio.timeout(10):
        await p.start(connect=False)
        p.local.faults.blackout("both")
        for peer in (Peer.LOCAL, Peer.REMOTE):
            await p.wait_state(peer, "failed", 3.0)
            assert p.states(peer) == ["checking", "failed"]
        await p.close()
    for peer in (Peer.LOCAL, Peer.REMOTE):
        assert p.states(peer)[-1] == "closed"
        # DTLS never started over the failed generation.
        assert p.states(peer, Machine.CONNECTION) == ["connecting", "failed", "closed"]


async def test_close_reports_closed_as_local_close(pair: Pair) -> None:
    await pair.close()
    for peer in (Peer.LOCAL, Peer.REMOTE):
        closed = [
            e
            for e in pair.events
            if isinstance(e, StateChanged) and e.peer is peer and e.state == "closed"
        ]
        assert {e.machine for e in closed} >= {Machine.ICE, Machine.TRANSPORT, Machine.CONNECTION}
        assert all(e.provenance is Provenance.LOCAL_CLOSE for e in closed)


async def test_long_round_trip_is_not_an_outage() -> None:
    """RTT 0.6 s: stock aioice (0.5 s deadline) would lose consent; we allow a late answer."""
    p = Pair(IceTimings(keepalive_interval=0.5, disconnected_timeout=2.0, failed_timeout=6.0))
    async with asyncio.timeout(15):
        await p.start()
        p.local.faults.delay(300)  # each way: RTT 0.6 s
        received = p.local.heartbeat.received
        await asyncio.sleep(3.0)
        for peer in (Peer.LOCAL, Peer.REMOTE):
            assert "disconnected" not in p.states(peer)
            assert p.agent(peer).pc.iceConnectionState == "completed"
        assert p.local.heartbeat.received > received + 20
        await p.close()
