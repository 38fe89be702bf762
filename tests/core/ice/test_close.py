"""close() in every phase leaves no pending task and no open socket."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import pytest

from icescope.core.events import Peer
from icescope.core.ice.transport import ManagedIceTransport

from .conftest import Pair

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable


def _sockets(p: Pair) -> list[Any]:
    found = []
    for agent in (p.local, p.remote):
        for transport in agent.pc.ice_transports():
            assert isinstance(transport, ManagedIceTransport)
            for conn in transport.generations():
                found.extend(proto.transport for proto in conn._protocols)
    return found


async def _created(p: Pair) -> None:
    return None


async def _checking(p: Pair) -> None:
    await p.start(connect=False)
    p.remote.faults.blackout("in")  # checks stay unanswered (RTO 0.5 s, 6 retries)
    await p.wait_state(Peer.LOCAL, "checking", 2.0)
    await asyncio.sleep(0.2)
    assert p.local.pc.iceConnectionState == "checking"


async def _connected(p: Pair) -> None:
    await p.start()


async def _restarting(p: Pair) -> None:
    await p.start()
    p.local.pc.restartIce()
    await p.local.pc.createOffer()  # new generation gathered, never answered


async def _restart_checking(p: Pair) -> None:
    await p.start()
    p.remote.faults.blackout("in")  # the new generation's checks go nowhere
    await p.local.restart_ice()
    await asyncio.sleep(0.05)


async def _disconnected(p: Pair) -> None:
    await p.start()
    p.local.faults.blackout("both")
    await p.wait_state(Peer.LOCAL, "disconnected", 2.0)


async def _failed(p: Pair) -> None:
    await p.start()
    p.local.faults.delay(50)
    p.local.faults.blackout("both")
    await p.wait_state(Peer.LOCAL, "failed", 3.0)


async def _parked(p: Pair) -> None:
    await p.start(connect=False)
    p.local.faults.blackout("both")
    await p.wait_state(Peer.REMOTE, "failed", 3.0)


PHASES: dict[str, Callable[[Pair], Awaitable[None]]] = {
    "created": _created,
    "checking": _checking,
    "connected": _connected,
    "restart-offered": _restarting,
    "restart-checking": _restart_checking,
    "disconnected": _disconnected,
    "failed": _failed,
    "parked-after-initial-failure": _parked,
}


@pytest.mark.parametrize("phase", list(PHASES))
async def test_close_in_every_phase_leaves_nothing_behind(
    request: pytest.FixtureRequest, phase: str
) -> None:
    if phase == "parked-after-initial-failure":
        request.getfixturevalue("fast_stun")
    p = Pair()
    async with asyncio.timeout(10):
        await PHASES[phase](p)
        sockets = _sockets(p)
        await p.close()
        await asyncio.sleep(0.05)
    pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    assert pending == []
    assert all(s.is_closing() for s in sockets)
    assert all(s.get_extra_info("socket").fileno() == -1 for s in sockets)
    for agent in (p.local, p.remote):
        assert agent.pc.iceConnectionState == "closed"
        for transport in agent.pc.ice_transports():
            assert transport.state == "closed"
