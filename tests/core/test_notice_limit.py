"""Repeated notices are counted instead of repeated; the count is always reported."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING

from icescope.core.clock import SessionClock
from icescope.core.config import Settings
from icescope.core.events import Notice, Peer
from icescope.core.journal import read_journal
from icescope.core.noticelimit import BURST, SUPPRESSED_CODE, NoticeLimiter
from icescope.core.session import Session
from icescope.core.signaling.loopback import LoopbackSignaling

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from icescope.core.events import SessionEvent


def notice(clock: SessionClock, code: str = "noise", peer: Peer = Peer.REMOTE) -> Notice:
    ts, wall = clock.stamp()
    return Notice(ts=ts, wall=wall, peer=peer, level="warning", code=code, message="x")


async def test_window_end_reports_the_count() -> None:
    clock = SessionClock()
    reported: list[SessionEvent] = []
    got = asyncio.Event()

    def publish(event: SessionEvent) -> None:
        reported.append(event)
        got.set()

    limiter = NoticeLimiter(publish, clock, burst=2, window=0.2)
    passed = [limiter.admit(notice(clock)) for _ in range(7)]
    assert passed == [True, True, False, False, False, False, False]
    assert limiter.admit(notice(clock, code="other"))  # another kind has its own budget
    async with asyncio.timeout(5):
        await got.wait()  # the window's timer reports without any further notice
    (report,) = reported
    assert isinstance(report, Notice) and report.code == SUPPRESSED_CODE
    assert report.message.startswith("5 more 'noise' notices")
    assert limiter.admit(notice(clock))  # a new window starts afresh


def test_flush_reports_what_is_pending() -> None:
    clock = SessionClock()
    reported: list[SessionEvent] = []
    limiter = NoticeLimiter(reported.append, clock, burst=1, window=60)
    for _ in range(4):
        limiter.admit(notice(clock))
    limiter.flush()
    assert [e.message.split(" notices")[0] for e in reported if isinstance(e, Notice)] == [
        "3 more 'noise'"
    ]
    limiter.flush()
    assert len(reported) == 1


async def test_a_flooding_peer_writes_a_bounded_journal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """500 garbage lines: BURST notices, then one count, before the summary; still connects."""
    real_pair = LoopbackSignaling.pair
    flood = 500

    def flooding_pair() -> tuple[LoopbackSignaling, LoopbackSignaling]:
        local, remote = real_pair()
        for n in range(flood):
            local.send_raw(f"garbage {n}")
        return local, remote

    monkeypatch.setattr(LoopbackSignaling, "pair", staticmethod(flooding_pair))
    journal = tmp_path / "j.jsonl"
    session = Session(Settings(drain=0.1, journal_path=journal))
    async with asyncio.timeout(30):
        await session.start()
        assert await session.wait_connected(10)
        summary = await session.close()
    records = read_journal(journal)
    garbage = [r for r in records if r.get("code") == "signaling-garbage"]
    counts = [r for r in records if r.get("code") == SUPPRESSED_CODE]
    assert len(garbage) == BURST
    assert len(counts) == 1 and counts[0]["message"].startswith(f"{flood - BURST} more")
    assert records.index(counts[0]) < len(records) - 2  # before the end marker and summary
    assert records[-1] == json.loads(json.dumps(summary))
    assert journal.stat().st_size < 40_000
