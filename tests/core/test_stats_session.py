"""Engine statistics on a real loopback session: RTT under added delay, traffic, restart."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from icescope.core.config import Settings
from icescope.core.events import IceRestart, Peer, StatsSample, selected_pair_stats
from icescope.core.ice.transport import GRACE
from icescope.core.session import Session

if TYPE_CHECKING:
    from collections.abc import Callable

    from icescope.core.events import SessionEvent

DELAY_MS = 50.0
"""Added on the remote peer in both directions: every round trip gains 2 × 50 ms."""


class Samples:
    """The local peer's statistics samples, as the session publishes them."""

    def __init__(self, session: Session) -> None:
        self.items: list[StatsSample] = []
        session.hub.subscribe(self._on_event)

    def _on_event(self, event: SessionEvent) -> None:
        if isinstance(event, StatsSample) and event.peer is Peer.LOCAL:
            self.items.append(event)

    async def next_where(
        self, predicate: Callable[[StatsSample], bool], timeout: float
    ) -> StatsSample:
        """The first sample published from now on that satisfies ``predicate``."""
        start = len(self.items)
        async with asyncio.timeout(timeout):
            while True:
                for sample in self.items[start:]:
                    if predicate(sample):
                        return sample
                start = len(self.items)
                await asyncio.sleep(0.02)


def selected(sample: StatsSample) -> dict[str, Any]:
    pair = selected_pair_stats(sample.report)
    assert pair is not None, "the transport names no existing candidate pair"
    return pair


def entries(sample: StatsSample, kind: str) -> list[dict[str, Any]]:
    return [e for e in sample.report if e["type"] == kind]


async def test_rtt_traffic_and_restart_in_engine_statistics() -> None:
    session = Session(Settings(journal_enabled=False, drain=0.1, stats_interval=0.25))
    samples = Samples(session)
    restarted = asyncio.Event()

    def on_event(event: SessionEvent) -> None:
        if isinstance(event, IceRestart) and event.peer is Peer.LOCAL and event.phase == "complete":
            restarted.set()

    session.hub.subscribe(on_event)
    async with asyncio.timeout(40):
        await session.start()
        assert await session.wait_connected(5)
        first = await samples.next_where(lambda s: selected_pair_stats(s.report) is not None, 5)
        (transport,) = entries(first, "transport")
        assert transport["selectedCandidatePairId"] in {
            e["id"] for e in entries(first, "candidate-pair")
        }
        assert selected(first)["currentRoundTripTime"] < 0.05  # loopback, no delay yet

        session.impair(Peer.REMOTE, "delay", value=DELAY_MS)
        base = selected(samples.items[-1])["responsesReceived"]
        # Two more consent responses: the second was sent entirely after the delay began.
        delayed = await samples.next_where(
            lambda s: selected(s)["responsesReceived"] >= base + 2, 6
        )
        pair = selected(delayed)
        assert abs(pair["currentRoundTripTime"] - 2 * DELAY_MS / 1000) <= 0.02, pair
        assert pair["totalRoundTripTime"] >= pair["currentRoundTripTime"]
        assert (
            pair["consentRequestsSent"] >= 2 and pair["requestsSent"] >= pair["responsesReceived"]
        )

        # Byte and packet counts grow between two samples (the heartbeat runs at 10/s).
        later = await samples.next_where(lambda s: s.ts > delayed.ts + 0.4, 3)
        for name in ("bytesSent", "bytesReceived", "packetsSent", "packetsReceived"):
            assert selected(later)[name] > pair[name], name
            assert entries(later, "transport")[0][name] > entries(delayed, "transport")[0][name]
        assert selected(later)["lastPacketReceivedTimestamp"] > pair["lastPacketReceivedTimestamp"]
        old_id = entries(later, "transport")[0]["selectedCandidatePairId"]
        old_ufrag = entries(later, "transport")[0]["iceLocalUsernameFragment"]

        session.impair(Peer.REMOTE, "clear")
        await session.restart_ice()
        await asyncio.wait_for(restarted.wait(), 5)
        after = await samples.next_where(
            lambda s: (
                entries(s, "transport")[0].get("selectedCandidatePairId") not in (None, old_id)
            ),
            5,
        )
        (transport,) = entries(after, "transport")
        assert transport["iceLocalUsernameFragment"] != old_ufrag
        assert transport["selectedCandidatePairChanges"] >= 2
        pairs = {e["id"]: e for e in entries(after, "candidate-pair")}
        new = pairs[transport["selectedCandidatePairId"]]
        assert new["icescopeActive"] is True and new["icescopeGeneration"] != old_ufrag
        old = pairs[old_id]  # the old generation's pair is still listed, marked as such
        assert old["icescopeActive"] is False and old["icescopeGeneration"] == old_ufrag
        assert old["bytesSent"] > 0
        ids = {e["id"] for e in after.report}
        assert {new["localCandidateId"], new["remoteCandidateId"]} <= ids
        assert {old["localCandidateId"], old["remoteCandidateId"]} <= ids
        # Still listed once the old generation's sockets are closed (after the restart grace).
        closed = await samples.next_where(lambda s: s.ts > after.ts + GRACE + 0.3, GRACE + 2)
        pairs = {e["id"]: e for e in entries(closed, "candidate-pair")}
        assert pairs[old_id]["icescopeActive"] is False
        assert pairs[old_id]["bytesSent"] >= old["bytesSent"]
        await session.close()
