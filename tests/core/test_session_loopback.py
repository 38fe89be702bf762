"""Two real aiortc peers in one process, on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from icescope.core.config import Settings
from icescope.core.events import CandidateGathered, DataChannelChanged, Peer, StateChanged
from icescope.core.journal import read_journal
from icescope.core.session import Session
from icescope.core.states import Machine, Provenance

if TYPE_CHECKING:
    from pathlib import Path

    from icescope.core.events import SessionEvent


def ice_states(events: list[SessionEvent], peer: Peer) -> list[str]:
    return [
        e.state
        for e in events
        if isinstance(e, StateChanged) and e.machine is Machine.ICE and e.peer is peer
    ]


async def test_loopback_session_full_life_cycle(tmp_path: Path) -> None:
    journal = tmp_path / "s.jsonl"
    session = Session(Settings(journal_path=journal))
    events: list[SessionEvent] = []
    session.hub.subscribe(events.append)
    async with asyncio.timeout(15):
        await session.start()
        assert await session.wait_connected(5)
        await asyncio.sleep(0.6)
        summary = await session.close()

    for peer in (Peer.LOCAL, Peer.REMOTE):
        states = ice_states(events, peer)
        assert states[0] == "checking" and states[-1] == "closed"
        assert set(states[1:-1]) <= {"connected", "completed"} and states[1:-1]
    # Only loopback host candidates were gathered.
    cands = [e for e in events if isinstance(e, CandidateGathered)]
    assert cands and {c.address for c in cands} == {"127.0.0.1"}
    assert {c.candidate_type for c in cands} == {"host"}
    # Close is logged as a local close, never as a failure.
    closes = [e for e in events if isinstance(e, StateChanged) and e.state == "closed"]
    assert closes and all(e.provenance is Provenance.LOCAL_CLOSE for e in closes)
    assert any(isinstance(e, DataChannelChanged) and e.state == "open" for e in events)
    # Heartbeats flowed and nothing was lost.
    for peer in ("local", "remote"):
        stats = summary["peers"][peer]
        assert stats["sent"] >= 4
        assert stats["lost"] == 0
        assert (
            stats["received"] == summary["peers"]["remote" if peer == "local" else "local"]["sent"]
        )
    assert summary["final_state"] == {"local": "closed", "remote": "closed"}
    assert summary["time_in_state"]["local"]["checking"] > 0
    # The journal holds every event, in order, then the summary.
    records = read_journal(journal)
    assert [r["type"] for r in records[:-1]] == [e.type for e in events]
    assert records[-1]["type"] == "summary"
    # Timestamps are monotonic.
    stamps = [e.ts for e in events]
    assert stamps == sorted(stamps)


async def test_close_is_idempotent_and_leaves_no_tasks() -> None:
    session = Session(Settings(journal_enabled=False, drain=0.1))
    async with asyncio.timeout(15):
        await session.start()
        await session.wait_connected(5)
        first = await session.close()
        second = await session.close()
    assert first["final_state"] == second["final_state"]
    # close() returns only when everything it started has finished: no wait needed here.
    leftover = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    assert all(t.done() for t in leftover), leftover
