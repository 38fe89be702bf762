"""Soak, CI-sized (issue 11): restarts paced by the session, sessions in one process, a flood.

The long run is ``benchmarks/soak.py`` (500 restarts, 200 sessions, 500 requests); this runs
the same code on fewer cycles. After every cycle: open descriptors (``/proc/self/fd``, not
counting ICE generations' sockets, which a retired generation keeps for its 3 s grace), asyncio
tasks and threads do not grow, RSS grows less than 10 %, every heartbeat is accounted for.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from benchmarks.soak import growth, restart_flood, restart_warmup, soak_restarts, soak_sessions

from icescope.core.config import Settings
from icescope.core.ice.gatherer import HISTORY
from icescope.core.ice.stats import collect_stats
from icescope.core.session import Session

if TYPE_CHECKING:
    from pathlib import Path


def journals(directory: Path) -> list[Path]:
    return list(directory.iterdir())


async def test_retired_generations_stop_probing_and_history_is_bounded(tmp_path: Path) -> None:
    """A retired generation sends no more consent checks, even when aioice starts its loop
    after the retirement; statistics keep the last few generations, and counters never drop."""
    session = Session(Settings(journal_dir=tmp_path))
    await session.start()
    assert await session.wait_connected(10)
    assert session.local is not None
    transport = session.local.pc._managed_transports()[0]
    bytes_sent = []
    for cycle in range(1, 12):
        await session.restart_ice()
        async with asyncio.timeout(10):
            while session.model.local.restarts_completed < cycle:  # noqa: ASYNC110 (model via hub)
                await asyncio.sleep(0.005)
        report = collect_stats(session.local.pc, 0.0)
        bytes_sent.append(next(e for e in report if e["type"] == "transport")["bytesSent"])
    await asyncio.sleep(0.3)  # aioice's connect() ends after nomination and starts consent
    retired = [c for c in transport.generations() if c.retired]
    assert retired
    for conn in retired:
        task = conn._query_consent_task
        assert task is None or task.done(), conn
    gatherer = transport.iceGatherer
    assert len(gatherer.history) <= HISTORY and gatherer.folded is not None
    assert gatherer.folded["bytesSent"] > 0
    assert bytes_sent == sorted(bytes_sent) and bytes_sent[-1] > 0
    await session.close()


async def test_restarts_paced_by_the_session_leak_nothing(tmp_path: Path) -> None:
    samples, summary, problems = await soak_restarts(200, tmp_path)
    warmup = max(10, restart_warmup(samples))
    assert len(samples) - warmup >= 20, f"too few cycles after the warm-up: {samples[-1]}"
    assert problems + growth(samples, warmup) == []
    assert summary["restarts"] == 200
    peers = summary["peers"]
    assert all(p["lost"] == 0 and p["undelivered"] == 0 and p["sent"] > 0 for p in peers.values())
    # Retired generations did pile up (restarts faster than the grace), and were all closed.
    assert max(s.generations for s in samples) > 4
    assert samples[-1].generations == 2 and samples[-1].fds == samples[0].fds


async def test_sessions_in_one_process_leak_nothing(tmp_path: Path) -> None:
    samples, problems = await soak_sessions(12, tmp_path)
    assert problems + growth(samples, 4) == []
    assert samples[-1].fds == samples[0].fds and samples[-1].tasks == samples[0].tasks
    assert len(journals(tmp_path)) == 12  # one journal each, all closed


async def test_restart_requests_faster_than_restarts_are_queued_or_refused_aloud(
    tmp_path: Path,
) -> None:
    result = await restart_flood(150, 0.002, tmp_path)
    assert result["errors"] == 0
    assert result["queued"] > 0 and result["refused"] > 0, result
    # Every request started a restart or was refused with a notice: none merged silently.
    assert result["started"] + result["refused"] == result["requests"], result
    assert result["abandoned"] == 0 and result["accounted"]
    assert result["unaccounted_heartbeats"] == []
