"""Two real aiortc peers in one process, with shortened ICE timers and an event recorder."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

import aioice.stun
import pytest

from icescope.core.clock import SessionClock
from icescope.core.config import IceTimings, Settings
from icescope.core.events import IceRestart, Peer, StateChanged
from icescope.core.hub import EventHub
from icescope.core.ice import compat
from icescope.core.model import SessionModel, delivery
from icescope.core.netif import AddressSelection
from icescope.core.peer import PeerAgent
from icescope.core.signaling.loopback import LoopbackSignaling
from icescope.core.states import Machine

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable

    from icescope.core.events import SessionEvent

FAST = IceTimings(
    keepalive_interval=0.2, disconnected_timeout=0.6, failed_timeout=2.0, pac_timeout=1.5
)
"""Consent every 0.2 s, disconnected after 0.6 s, failed after 2 s; checks that never
succeed fail at Tpac, 1.5 s (RFC 8863 holds failure off until then)."""


def settings(timings: IceTimings = FAST, stats_interval: float = 1.0) -> Settings:
    """Loopback-only settings with the given timers and no journal."""
    return Settings(
        timings=timings,
        stats_interval=stats_interval,
        heartbeat_interval=0.05,
        drain=0.3,
        journal_enabled=False,
        addresses=AddressSelection(loopback_only=True),
    )


class Pair:
    """A local (offerer) and a remote agent over loopback signaling, sharing one hub."""

    def __init__(
        self, timings: IceTimings = FAST, *, stock_remote: bool = False, stats_interval: float = 1.0
    ) -> None:
        compat.install()
        self.settings = settings(timings, stats_interval)
        self.clock = SessionClock()
        self.hub = EventHub()
        self.model = SessionModel()
        self.hub.subscribe(self.model.apply)
        self.events: list[SessionEvent] = []
        self.hub.subscribe(self.events.append)
        local_sig, remote_sig = LoopbackSignaling.pair()
        self.local = PeerAgent(
            Peer.LOCAL,
            self.settings,
            self.clock,
            self.hub.publish,
            local_sig,
            offerer=True,
            remote_in_process=True,
        )
        stock = compat.stock_ice_classes() if stock_remote else contextlib.nullcontext()
        with stock:
            self.remote = PeerAgent(
                Peer.REMOTE,
                self.settings,
                self.clock,
                self.hub.publish,
                remote_sig,
                offerer=False,
                remote_in_process=True,
            )

    def agent(self, peer: Peer) -> PeerAgent:
        """The agent of ``peer``."""
        return self.local if peer is Peer.LOCAL else self.remote

    async def start(self, connect: bool = True) -> None:
        """Start both; wait until both are connected/completed and the channel is open."""
        await self.remote.start()
        await self.local.start()
        if connect:
            assert await self.local.wait_connected(5)
            assert await self.remote.wait_connected(5)
            await self.wait(lambda: self.local.heartbeat.received > 0, 5)
            await self.wait(lambda: self.remote.heartbeat.received > 0, 5)

    async def close(self) -> None:
        """Stop heartbeats, drain, close both."""
        for agent in (self.local, self.remote):
            await agent.heartbeat.stop()
        await asyncio.sleep(self.settings.drain)
        # close() returns only when that peer's one close (ours or the bye's) has finished.
        await asyncio.gather(self.local.close(), self.remote.close())
        assert self.local.closed and self.remote.closed

    async def wait(self, predicate: Callable[[], bool], timeout: float) -> float:
        """Poll ``predicate`` every 5 ms; return the seconds it took, or fail after ``timeout``."""
        loop = asyncio.get_running_loop()
        start = loop.time()
        while not predicate():
            if loop.time() - start > timeout:
                raise AssertionError(f"condition not met within {timeout} s")
            await asyncio.sleep(0.005)
        return loop.time() - start

    async def wait_state(self, peer: Peer, state: str, timeout: float) -> float:
        """Wait until ``peer``'s iceConnectionState is ``state``; return the seconds it took."""
        agent = self.agent(peer)
        return await self.wait(lambda: agent.pc.iceConnectionState == state, timeout)

    def states(self, peer: Peer, machine: Machine = Machine.ICE) -> list[str]:
        """Every value ``machine`` took on ``peer``, in order (starting after ``new``)."""
        return [
            e.state
            for e in self.events
            if isinstance(e, StateChanged) and e.peer is peer and e.machine is machine
        ]

    def restarts(self, peer: Peer) -> list[IceRestart]:
        """The IceRestart events of ``peer``."""
        return [e for e in self.events if isinstance(e, IceRestart) and e.peer is peer]

    def lost(self) -> dict[str, int | None]:
        """Heartbeats lost in each direction, from the model (call after :meth:`close`)."""
        return {
            "local": delivery(self.model.local, self.model.remote).lost,
            "remote": delivery(self.model.remote, self.model.local).lost,
        }

    def selected(self, peer: Peer) -> tuple[str, str] | None:
        """The selected pair of ``peer`` as ``(local, remote)`` descriptions, from the model."""
        pair = self.model.peers[peer].selected
        return None if pair is None else (pair.local, pair.remote)


@pytest.fixture
async def pair() -> AsyncIterator[Pair]:
    """A started, connected pair with fast timers; closed afterwards."""
    p = Pair()
    try:
        async with asyncio.timeout(10):
            await p.start()
        yield p
    finally:
        async with asyncio.timeout(10):
            await p.close()


@pytest.fixture
def fast_stun(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make a failing connectivity check give up after ~0.15 s instead of 63.5 s."""
    monkeypatch.setattr(aioice.stun, "RETRY_MAX", 1)
    monkeypatch.setattr(aioice.stun, "RETRY_RTO", 0.05)
