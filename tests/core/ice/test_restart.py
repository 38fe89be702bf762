"""Real ICE restarts between two aiortc peers: healthy, after outages, remote, fallback."""

from __future__ import annotations

import asyncio
import logging
import types

import aioice.ice
import pytest
from aiortc.exceptions import InvalidStateError

from icescope.core.events import DataChannelChanged, Peer, StateChanged
from icescope.core.ice.restart import restart_role
from icescope.core.ice.transport import ManagedIceTransport
from icescope.core.states import Machine, Provenance

from .conftest import Pair


def _transport(p: Pair, peer: Peer) -> ManagedIceTransport:
    sctp = p.agent(peer).pc.sctp
    assert sctp is not None
    transport = sctp.transport.transport
    assert isinstance(transport, ManagedIceTransport)
    return transport


async def test_healthy_restart_keeps_dtls_loses_nothing_never_checking(pair: Pair) -> None:
    dtls = {peer: pair.agent(peer).pc.sctp.transport for peer in (Peer.LOCAL, Peer.REMOTE)}
    ssl = {peer: d._ssl for peer, d in dtls.items()}
    old_local = pair.local.pc.local_ufrag()
    old_remote = pair.remote.pc.local_ufrag()
    old_pair = pair.selected(Peer.LOCAL)
    mark = len(pair.events)

    await pair.local.restart_ice()
    await pair.wait(lambda: len(pair.restarts(Peer.LOCAL)) == 2, 2.0)
    await pair.wait(lambda: len(pair.restarts(Peer.REMOTE)) == 2, 2.0)
    await asyncio.sleep(0.3)  # heartbeats keep flowing over the new generation
    await pair.close()

    local, remote = pair.restarts(Peer.LOCAL), pair.restarts(Peer.REMOTE)
    assert [(e.phase, e.initiator) for e in local] == [("start", "local"), ("complete", "local")]
    assert [(e.phase, e.initiator) for e in remote] == [("start", "remote"), ("complete", "remote")]
    assert local[0].old_ufrag == old_local and local[1].new_ufrag != old_local
    assert remote[0].old_ufrag == old_remote and remote[1].new_ufrag != old_remote
    assert local[1].duration is not None and local[1].duration < 1.0
    assert local[1].new_ufrag == pair.local.pc.local_ufrag()
    assert pair.selected(Peer.LOCAL) != old_pair  # new sockets, new 5-tuple
    for peer in (Peer.LOCAL, Peer.REMOTE):
        after = [
            e.state
            for e in pair.events[mark:]
            if isinstance(e, StateChanged) and e.peer is peer and e.machine is Machine.ICE
        ]
        # webrtc-pc §5.6.6: a restart begun in completed goes to connected, never checking.
        assert after == ["connected", "completed", "closed"]
        assert pair.agent(peer).pc.sctp.transport is dtls[peer]
        assert dtls[peer]._ssl is ssl[peer]
    assert pair.lost() == {"local": 0, "remote": 0}
    # Later events carry the new generation's ufrag.
    last = [e for e in pair.events if isinstance(e, StateChanged) and e.peer is Peer.LOCAL]
    assert last[-2].generation == local[1].new_ufrag


async def test_remote_initiated_restart(pair: Pair) -> None:
    await pair.remote.restart_ice()
    await pair.wait(lambda: len(pair.restarts(Peer.LOCAL)) == 2, 2.0)
    await pair.wait(lambda: len(pair.restarts(Peer.REMOTE)) == 2, 2.0)
    await pair.close()
    assert [e.initiator for e in pair.restarts(Peer.LOCAL)] == ["remote", "remote"]
    assert [e.phase for e in pair.restarts(Peer.REMOTE)] == ["start", "complete"]
    assert pair.lost() == {"local": 0, "remote": 0}


ROLE_CONFLICT_LOGS = ("Role conflict", "Switching to")
"""What aioice logs when it answers a role conflict with 487 or changes its role over one."""


@pytest.mark.parametrize("initiator", [Peer.LOCAL, Peer.REMOTE], ids=["controlling", "controlled"])
async def test_the_side_that_offers_a_restart_controls_it(
    pair: Pair, initiator: Peer, caplog: pytest.LogCaptureFixture
) -> None:
    """Offerer controlling, answerer controlled, as Chromium and Firefox decide on a restart.

    The pair's local side offered first, so it controls; a restart offered by the controlled
    side swaps the roles. Keeping them (RFC 8445 §9) left IceScope and Chromium both
    controlled when IceScope restarted while Chromium controlled: a role conflict on every
    such restart, resolved only after Chromium's own check (0.2-0.45 s).
    """
    answerer = Peer.REMOTE if initiator is Peer.LOCAL else Peer.LOCAL
    assert _transport(pair, Peer.LOCAL).active.ice_controlling
    assert not _transport(pair, Peer.REMOTE).active.ice_controlling
    caplog.set_level(logging.INFO, logger="aioice.ice")
    await pair.agent(initiator).restart_ice()
    for peer in (initiator, answerer):
        await pair.wait(lambda p=peer: _completed(pair, p), 2.0)
    for peer, controlling in ((initiator, True), (answerer, False)):
        # The retiring generation (still answering checks for 3 s) took the new role too.
        generations = _transport(pair, peer).generations()
        assert len(generations) == 2
        assert [conn.ice_controlling for conn in generations] == [controlling, controlling]
    # Roles from the rule, not from a conflict (its resolution would also end consistent).
    messages = [r.getMessage() for r in caplog.records]
    assert [m for m in messages if any(k in m for k in ROLE_CONFLICT_LOGS)] == []
    assert any("ICE completed" in m for m in messages)  # the capture sees aioice
    # The roles the statistics report follow the new generation.
    assert pair.agent(initiator).pc.ice_transports()[0].role == "controlling"
    assert pair.agent(answerer).pc.ice_transports()[0].role == "controlled"


def test_a_restart_with_an_ice_lite_peer_stays_controlling() -> None:
    """A full agent controls an ICE-lite one (RFC 8445 §6.1.1), restart or not."""
    assert restart_role("local", remote_is_lite=False) is True
    assert restart_role("remote", remote_is_lite=False) is False
    assert restart_role("remote", remote_is_lite=True) is True


async def test_restart_while_disconnected_goes_checking_connected_completed(pair: Pair) -> None:
    pair.local.faults.blackout("both")
    await pair.wait_state(Peer.LOCAL, "disconnected", 2.0)
    pair.local.faults.clear()
    mark = len(pair.events)
    await pair.local.restart_ice()
    await pair.wait(lambda: len(pair.restarts(Peer.LOCAL)) == 2, 2.0)
    after = [
        e.state
        for e in pair.events[mark:]
        if isinstance(e, StateChanged) and e.peer is Peer.LOCAL and e.machine is Machine.ICE
    ]
    # Recovery by consent may win the race before the restart's checks begin.
    assert after in (["checking", "connected", "completed"], ["connected", "completed"])


async def test_restart_after_failed_recovers_data(pair: Pair) -> None:
    pair.local.faults.blackout("both")
    for peer in (Peer.LOCAL, Peer.REMOTE):
        await pair.wait_state(peer, "failed", 3.0)
    pair.local.faults.clear()
    mark = len(pair.events)
    received = pair.remote.heartbeat.received
    await pair.local.restart_ice()
    for peer in (Peer.LOCAL, Peer.REMOTE):
        await pair.wait_state(peer, "completed", 2.0)
    await pair.wait(lambda: pair.remote.heartbeat.received > received + 3, 2.0)
    for peer in (Peer.LOCAL, Peer.REMOTE):
        after = [
            e.state
            for e in pair.events[mark:]
            if isinstance(e, StateChanged) and e.peer is peer and e.machine is Machine.ICE
        ]
        assert after == ["checking", "connected", "completed"]
        assert pair.agent(peer).pc.connectionState == "connected"


async def test_restart_after_initial_failure_starts_dtls_then(fast_stun: None) -> None:
    """The connect step is parked while the first generation failed, then DTLS starts."""
    p = Pair()
    async with asyncio.timeout(10):
        await p.start(connect=False)
        p.local.faults.blackout("both")
        for peer in (Peer.LOCAL, Peer.REMOTE):
            await p.wait_state(peer, "failed", 3.0)
        await asyncio.sleep(0.2)
        for peer in (Peer.LOCAL, Peer.REMOTE):
            assert p.agent(peer).pc.sctp.transport.state == "new"  # parked, not failed DTLS
        p.local.faults.clear()
        await p.local.restart_ice()
        await p.wait(lambda: p.local.heartbeat.received > 0 and p.remote.heartbeat.received > 0, 3)
        await p.close()
    for peer in (Peer.LOCAL, Peer.REMOTE):
        assert p.states(peer) == [
            "checking",
            "failed",
            "checking",
            "connected",
            "completed",
            "closed",
        ]
        opened = [e for e in p.events if isinstance(e, DataChannelChanged) and e.peer is peer]
        assert [e.state for e in opened] == ["open", "closed"]
    assert [e.phase for e in p.restarts(Peer.LOCAL)] == ["start", "complete"]


async def test_restart_toward_stock_aiortc_is_abandoned_and_keeps_old_pair() -> None:
    p = Pair(stock_remote=True)
    async with asyncio.timeout(10):
        await p.start()
        assert p.remote.pc.ice_state_provenance is Provenance.REPORTED
        assert not p.remote.pc.can_restart
        old_pair = p.selected(Peer.LOCAL)
        old_ufrag = p.local.pc.local_ufrag()
        await p.local.restart_ice()
        await p.wait(lambda: len(p.restarts(Peer.LOCAL)) == 2, 2.0)
        sent = p.remote.heartbeat.received
        await p.wait(lambda: p.remote.heartbeat.received > sent + 5, 2.0)
        assert p.selected(Peer.LOCAL) == old_pair
        assert p.local.pc.local_ufrag() == old_ufrag
        assert p.local.pc.iceConnectionState == "completed"
        await p.close()
    start, end = p.restarts(Peer.LOCAL)
    assert (start.phase, end.phase) == ("start", "abandoned")
    assert "does not support ICE restart" in end.detail
    assert p.lost() == {"local": 0, "remote": 0}
    # The stock side reports aiortc's own states.
    assert p.states(Peer.REMOTE)[:2] == ["checking", "completed"]
    assert not p.restarts(Peer.REMOTE)


async def test_restart_is_flag_then_offer(pair: Pair) -> None:
    """restartIce() alone changes nothing; the next offer carries new credentials."""
    pc = pair.local.pc
    old = pc.local_ufrag()
    pc.restartIce()
    assert pc.local_ufrag() == old and not pair.restarts(Peer.LOCAL)
    offer = await pc.createOffer()
    assert f"a=ice-ufrag:{old}" not in offer.sdp
    assert _transport(pair, Peer.LOCAL).pending is not None


async def test_rejected_restart_offer_abandons_the_new_generation(pair: Pair) -> None:
    """A restart offer aiortc rejects (here: wrong signaling state) leaves no generation."""
    pc = pair.remote.pc
    pair.local.pc.restartIce()
    offer = await pair.local.pc.createOffer()
    own = await pc.createOffer()
    await pc.setLocalDescription(own)  # now in have-local-offer: a remote offer is refused
    with pytest.raises(InvalidStateError, match="signaling state"):
        await pc.setRemoteDescription(offer)
    assert _transport(pair, Peer.REMOTE).pending is None
    start, abandoned = pair.restarts(Peer.REMOTE)
    assert (start.phase, abandoned.phase) == ("start", "abandoned")
    assert abandoned.detail.startswith("remote description rejected")
    assert pc.iceConnectionState == "completed"


async def test_a_restart_is_promoted_on_nomination_not_on_aioice_pacing(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new generation carries data as soon as it is nominated (RFC 8445 §8.1.1).

    aioice's connect() only notices a completed check list on its next pacing tick; stretch
    that tick to 1 s: a restart that waited for connect() to return would take about 1 s.
    """
    real_sleep = asyncio.sleep

    async def slow_tick(delay: float, *args: object) -> object:
        return await real_sleep(1.0 if delay == 0.02 else delay, *args)

    paced = types.SimpleNamespace(**{n: getattr(asyncio, n) for n in asyncio.__all__})
    paced.sleep = slow_tick
    monkeypatch.setattr(aioice.ice, "asyncio", paced)
    beats = pair.remote.heartbeat.received
    loop = asyncio.get_running_loop()
    started = loop.time()
    await pair.local.restart_ice()
    for peer in (Peer.LOCAL, Peer.REMOTE):
        await pair.wait(lambda p=peer: _completed(pair, p), 2.0)
    assert loop.time() - started < 0.6
    # The promoted generation carries the heartbeat (one is sent at once on completion).
    await pair.wait(lambda: pair.remote.heartbeat.received > beats, 1.0)
    await pair.close()
    assert pair.lost() == {"local": 0, "remote": 0}


def _completed(p: Pair, peer: Peer) -> bool:
    return any(r.phase == "complete" for r in p.restarts(peer))


async def test_beat_now_sends_one_extra_heartbeat(pair: Pair) -> None:
    heartbeat = pair.local.heartbeat
    sent = heartbeat.sent
    heartbeat.beat_now()
    assert heartbeat.sent == sent + 1
    await pair.wait(lambda: pair.remote.heartbeat.received > sent, 1.0)  # seq `sent` arrived
    await heartbeat.stop()
    stopped_at = heartbeat.sent
    heartbeat.beat_now()  # stopped: nothing more is sent
    assert heartbeat.sent == stopped_at
