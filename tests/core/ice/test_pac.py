"""ICE PAC (RFC 8863): no ``failed`` before Tpac; peer-reflexive rescue; no-path bound.

Real peers over loopback. One side's descriptions reach the other with every candidate removed
(a remote that signals none, like a browser whose mDNS names do not resolve): without PAC the
side that got no candidates fails in the same millisecond its check list is formed.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import ConfigError, IceTimings
from icescope.core.events import ConnectivityWait, Peer
from icescope.core.signaling.loopback import LoopbackSignaling

from .conftest import FAST, Pair

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from icescope.core.signaling.base import Message

PAC_FAST = IceTimings(
    keepalive_interval=0.2, disconnected_timeout=0.6, failed_timeout=2.0, pac_timeout=3.0
)


class StrippingSignaling(LoopbackSignaling):
    """A loopback end whose outgoing descriptions carry no candidate (and no trickle)."""

    async def send(self, message: Message) -> None:
        """Drop candidate lines and trickled candidates; end-of-candidates stays."""
        kind = message.get("type")
        if kind in ("offer", "answer"):
            lines = str(message["sdp"]).split("\r\n")
            kept = [line for line in lines if not line.startswith("a=candidate:")]
            message = {**message, "sdp": "\r\n".join(kept)}
        elif kind == "candidate" and message.get("candidate"):
            return
        await super().send(message)


def stripped_pair(timings: IceTimings, strip: Peer) -> Pair:
    """A pair whose ``strip`` side signals no candidates at all."""
    p = Pair(timings)
    agent = p.agent(strip)
    sig = agent._signaling
    assert isinstance(sig, LoopbackSignaling)
    agent._signaling = StrippingSignaling(sig._inbox, sig._outbox)
    return p


@pytest.fixture
async def closing() -> AsyncIterator[list[Pair]]:
    """Pairs to close after the test, whatever happened."""
    pairs: list[Pair] = []
    yield pairs
    for p in pairs:
        async with asyncio.timeout(10):
            await p.close()


@pytest.mark.parametrize("strip", [Peer.REMOTE, Peer.LOCAL], ids=["answerer", "offerer"])
async def test_no_remote_candidates_connects_through_prflx(
    closing: list[Pair], strip: Peer
) -> None:
    p = stripped_pair(IceTimings(**{**vars_of(FAST), "pac_timeout": 39.5}), strip)
    closing.append(p)
    async with asyncio.timeout(10):
        await p.start()
    blind = strip.other  # the side that learned no candidate
    assert "failed" not in p.states(blind)
    assert p.states(blind)[-1] in ("connected", "completed")
    selected = p.selected(blind)
    assert selected is not None and selected[1].startswith("prflx"), selected
    assert p.model.peers[blind].no_path is None


async def test_waiting_is_published_with_its_deadline(closing: list[Pair]) -> None:
    # The offerer's checks are cut (its outgoing datagrams dropped), so the answerer, which
    # got no candidates, has an empty check list and only Tpac holds failure off.
    p = stripped_pair(PAC_FAST, Peer.LOCAL)
    closing.append(p)
    p.local.faults.blackout("out", 1.0)
    async with asyncio.timeout(10):
        await p.start(connect=False)
        await p.wait(lambda: p.model.remote.pac_notice(p.clock.ts()) is not None, 3)
        notice = p.model.remote.pac_notice(p.clock.ts())
        assert notice is not None and "waiting for peer-reflexive connectivity" in notice
        wait = p.model.remote.pac
        assert wait is not None and wait.phase == "waiting"
        assert wait.deadline - wait.ts == pytest.approx(
            3.0 - (wait.ts - _checking(p, Peer.REMOTE)), abs=0.3
        )
        await p.wait_state(Peer.REMOTE, "completed", 5)  # the blackout ends at 1 s
    assert "failed" not in p.states(Peer.REMOTE)
    phases = [
        e.phase for e in p.events if isinstance(e, ConnectivityWait) and e.peer is Peer.REMOTE
    ]
    assert phases == ["waiting", "connected"]
    assert p.model.remote.pac_notice(p.clock.ts()) is None


async def test_no_path_fails_at_tpac(closing: list[Pair]) -> None:
    # A path cut before the first check: aioice alone would retransmit for 63.5 s.
    p = Pair(PAC_FAST)
    closing.append(p)
    p.remote.faults.blackout("both", 0)
    async with asyncio.timeout(10):
        await p.start(connect=False)
        took = await p.wait_state(Peer.LOCAL, "failed", 6)
    checking = _checking(p, Peer.LOCAL)
    failed_at = p.model.local.ice.since
    assert failed_at is not None
    assert failed_at - checking == pytest.approx(3.0, abs=0.4), took
    no_path = p.model.local.no_path
    assert no_path is not None and "no candidate pair succeeded within Tpac (3 s)" in (
        no_path.summary()
    )


def test_pac_timeout_is_validated() -> None:
    for bad in (0.5, 601.0, float("nan"), float("inf")):
        with pytest.raises(ConfigError, match="PAC timeout"):
            IceTimings(pac_timeout=bad)
    assert IceTimings().pac_timeout == 39.5


def vars_of(timings: IceTimings) -> dict[str, float]:
    """The fields of ``timings`` (to copy it with one change)."""
    return dataclasses.asdict(timings)


def _checking(p: Pair, peer: Peer) -> float:
    at = p.model.peers[peer].checking_at
    assert at is not None
    return at
