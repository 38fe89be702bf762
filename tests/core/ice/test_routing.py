"""ufrag-aware addIceCandidate: candidates reach the generation their ufrag names."""

from __future__ import annotations

import asyncio

import pytest
from aiortc import RTCIceCandidate, RTCSessionDescription
from aiortc.exceptions import OperationError

from icescope.core.events import Notice, Peer
from icescope.core.ice.routing import UnknownGenerationError
from icescope.core.ice.transport import ManagedIceTransport
from icescope.core.sdp import parse_candidate

from .conftest import Pair


def _candidate(port: int) -> RTCIceCandidate:
    candidate = parse_candidate(f"candidate:1 1 udp 2130706431 127.0.0.1 {port} typ host")
    candidate.sdpMid = "0"
    candidate.sdpMLineIndex = 0
    return candidate


def _transport(p: Pair, peer: Peer) -> ManagedIceTransport:
    sctp = p.agent(peer).pc.sctp
    assert sctp is not None
    transport = sctp.transport.transport
    assert isinstance(transport, ManagedIceTransport)
    return transport


async def test_candidates_route_by_ufrag_during_a_restart(pair: Pair) -> None:
    """While the remote's restart generation is pending, old and new ufrags both route."""
    remote_pc = pair.remote.pc
    transport = _transport(pair, Peer.REMOTE)
    old_ufrag = transport.active.remote_username
    # Drive the offer by hand so the restart stays pending (no answer goes back), and
    # trickle: no a=end-of-candidates for the new generation.
    pair.local.pc.restartIce()
    offer = await pair.local.pc.createOffer()
    trickled = RTCSessionDescription(
        sdp=offer.sdp.replace("a=end-of-candidates\r\n", ""), type="offer"
    )
    await remote_pc.setRemoteDescription(trickled)
    pending = transport.pending
    assert pending is not None and pending.remote_username != old_ufrag
    assert not pending._remote_candidates_end
    active_before = len(transport.active.remote_candidates)
    pending_before = len(pending.remote_candidates)

    # A late candidate of the old generation must not land in the new one (it is ignored,
    # as the old generation's end-of-candidates was signalled long ago).
    await remote_pc.add_ice_candidate(_candidate(9), old_ufrag)
    assert len(transport.active.remote_candidates) == active_before
    assert len(pending.remote_candidates) == pending_before
    # New generation, by ufrag...
    await remote_pc.add_ice_candidate(_candidate(9), pending.remote_username)
    assert len(pending.remote_candidates) == pending_before + 1
    # ...and by "most recent" (no ufrag).
    await remote_pc.add_ice_candidate(_candidate(11), None)
    assert len(pending.remote_candidates) == pending_before + 2
    assert len(transport.active.remote_candidates) == active_before
    assert transport.generation_for(None) is pending
    assert transport.generation_for(old_ufrag) is transport.active
    # End-of-candidates for the new generation only.
    await remote_pc.add_ice_candidate(None, pending.remote_username)
    assert pending._remote_candidates_end

    with pytest.raises(UnknownGenerationError, match="no ICE generation with remote ufrag 'zzzz'"):
        await remote_pc.add_ice_candidate(_candidate(10), "zzzz")
    assert issubclass(UnknownGenerationError, OperationError)
    # The offer was never answered: put the local side back to stable for a clean close.
    await pair.local.pc.setLocalDescription(offer)


async def test_unknown_ufrag_over_signaling_is_a_notice_not_a_crash(pair: Pair) -> None:
    signaling = pair.local._signaling
    await signaling.send(
        {
            "type": "candidate",
            "candidate": "candidate:1 1 udp 2130706431 127.0.0.1 9 typ host",
            "sdpMid": "0",
            "sdpMLineIndex": 0,
            "usernameFragment": "nope",
        }
    )
    await pair.wait(lambda: any(isinstance(e, Notice) for e in pair.events), 2.0)
    notice = next(e for e in pair.events if isinstance(e, Notice))
    assert notice.peer is Peer.REMOTE and notice.code == "signaling-rejected"
    assert "no ICE generation with remote ufrag 'nope'" in notice.message
    received = pair.local.heartbeat.received
    await asyncio.sleep(0.2)
    assert pair.local.heartbeat.received > received  # the session carries on


async def test_a_candidate_right_behind_the_answer_is_accepted() -> None:
    """A browser trickles its first candidate just after its answer: the ufrag must route.

    aiortc hands the remote credentials to ICE only in a task it schedules; the candidate
    must not be refused because that task has not run yet.
    """
    p = Pair()
    try:
        async with asyncio.timeout(10):
            local, remote = p.local.pc, p.remote.pc
            offer = await local.createOffer()
            await local.setLocalDescription(offer)
            await remote.setRemoteDescription(local.localDescription)
            await remote.setLocalDescription(await remote.createAnswer())
            # Trickle, as a browser does: no a=end-of-candidates in the answer.
            answer = RTCSessionDescription(
                sdp=remote.localDescription.sdp.replace("a=end-of-candidates\r\n", ""),
                type="answer",
            )
            ufrag = remote.local_ufrag()
            # No await in between that could let aiortc's connect task run.
            await local.setRemoteDescription(answer)
            await local.add_ice_candidate(_candidate(9), ufrag)
            sctp = local.sctp
            assert sctp is not None
            transport = sctp.transport.transport
            assert isinstance(transport, ManagedIceTransport)
            assert transport.active.remote_username == ufrag
            assert any(c.port == 9 for c in transport.active.remote_candidates)
            assert await p.local.wait_connected(5)
    finally:
        async with asyncio.timeout(10):
            await p.close()
