"""Soak: many restarts in one session, many sessions in one process, and a restart flood.

After every cycle the process's open file descriptors (``/proc/self/fd``), asyncio tasks,
threads and RSS are sampled (after a garbage collection). A run passes when, after the warm-up
cycles, none of fds / tasks / threads is above its value at the end of the warm-up, RSS grew
less than 10 % over it, and every heartbeat is accounted for (``lost == 0`` and
``undelivered == 0`` in each summary, both directions). Restarts are paced by the session
itself: the next is requested once the model says the previous one completed. The flood sends
restart requests faster than a restart completes; every request must be started, queued or
refused with a notice (suppressed notices are counted in ``notices-suppressed``).

The test suite runs a CI-sized share (``tests/core/test_soak.py``). Usage:

    python benchmarks/soak.py [--restarts 500] [--sessions 200] [--flood 500] [--gap 0.02]

The flood runs twice: ``--gap`` apart and ten times faster.

Prints the figures and writes ``benchmarks/results/soak.json``; exit 1 if a check failed.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import re
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from icescope.core.config import Settings
from icescope.core.events import Notice
from icescope.core.ice.transport import GRACE
from icescope.core.session import Session

RSS_GROWTH: float = 0.10
"""Largest allowed RSS growth over the end of the warm-up."""
IN_FLIGHT: int = 3
"""Tasks one restart may still have running when a cycle is sampled: aiortc's connect step,
the SCTP flush, the new generation's consent loop (each ends; a leak would grow without end)."""
_SUPPRESSED = re.compile(r"^(\d+) more '([\w-]+)' notices")


@dataclass(frozen=True)
class Sample:
    """The process after one cycle."""

    cycle: int
    fds: int
    tasks: int
    threads: int
    rss_kib: int
    at: float = 0.0
    """Seconds since the soak started."""
    generations: int = 0
    """Open ICE generations (one socket each here): a retired one keeps its socket for
    ``GRACE`` (3 s) so datagrams in flight still arrive, then closes it."""
    closing: int = 0
    """Retired generations being closed now (one task each, its socket maybe still open)."""

    @property
    def own_fds(self) -> int:
        """Descriptors other than the ICE generations' sockets (an upper bound of them)."""
        return self.fds - self.generations - self.closing

    @property
    def own_tasks(self) -> int:
        """Tasks other than the ones closing retired generations."""
        return self.tasks - self.closing


def open_generations(session: Session) -> tuple[int, int]:
    """ICE generations with open sockets, and those being closed, over both peers."""
    transports = [t for agent in session.peers() for t in agent.pc._managed_transports()]
    return sum(len(t.generations()) for t in transports), sum(len(t._closers) for t in transports)


def sample(cycle: int, generations: tuple[int, int] = (0, 0), at: float = 0.0) -> Sample:
    """Measure this process now (after a full garbage collection)."""
    gc.collect()
    rss = 0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
    return Sample(
        cycle=cycle,
        fds=len(os.listdir("/proc/self/fd")),
        tasks=len(asyncio.all_tasks()),
        threads=threading.active_count(),
        rss_kib=rss,
        at=round(at, 3),
        generations=generations[0],
        closing=generations[1],
    )


def growth(samples: list[Sample], warmup: int) -> list[str]:
    """What grew (empty when nothing did).

    Descriptors other than the generations' sockets may never exceed the first sample's;
    threads may not exceed the most seen during the warm-up, tasks that plus
    :data:`IN_FLIGHT` (aiortc starts a few tasks after the first restart, and a restart's own
    work comes and goes: the sample may catch it or not), and RSS may grow
    less than :data:`RSS_GROWTH` over the end of the warm-up.
    """
    if len(samples) <= warmup:
        return [f"only {len(samples)} samples for a warm-up of {warmup}"]
    first, base = samples[0], samples[max(warmup - 1, 0)]
    ceiling = {n: max(getattr(s, n) for s in samples[:warmup]) for n in ("own_tasks", "threads")}
    ceiling["own_tasks"] += IN_FLIGHT
    found = []
    for s in samples[1:]:
        if s.own_fds > first.own_fds:
            found.append(f"cycle {s.cycle}: own fds {first.own_fds} -> {s.own_fds}")
    for s in samples[warmup:]:
        for name, most in ceiling.items():
            if getattr(s, name) > most:
                found.append(f"cycle {s.cycle}: {name} {getattr(s, name)} > warm-up {most}")
        if s.rss_kib > base.rss_kib * (1 + RSS_GROWTH):
            found.append(f"cycle {s.cycle}: RSS {base.rss_kib} -> {s.rss_kib} KiB")
    return found


def unaccounted(summary: dict[str, Any]) -> list[str]:
    """Heartbeats not accounted for in ``summary`` (empty when every one is)."""
    bad = []
    for direction, counts in summary["peers"].items():
        if counts.get("lost") != 0 or counts.get("undelivered") != 0:
            bad.append(f"{direction}: {counts}")
    return bad


def settings(journal_dir: Path) -> Settings:
    """The loopback session every cycle uses (journal on: its files count too)."""
    return Settings(journal_dir=journal_dir)


async def _until(condition: Any, timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 (the model is fed by the hub)
            await asyncio.sleep(0.005)


def restart_warmup(samples: list[Sample]) -> int:
    """Cycles until the retired generations' sockets stop piling up: ``2 * GRACE`` seconds.

    Restarts faster than the 3 s grace keep up to (grace × restart rate) retired generations
    open at once; RSS climbs to that high-water mark during the first seconds and stays.
    """
    return next((i for i, s in enumerate(samples) if s.at >= 2 * GRACE), len(samples))


async def soak_restarts(
    cycles: int, journal_dir: Path
) -> tuple[list[Sample], dict[str, Any], list[str]]:
    """One session, ``cycles`` restarts each awaited to completion; samples after each.

    The session paces itself: the next restart is requested once the model has the previous
    one complete (or abandoned). The last sample is taken after the grace period, when every
    retired generation must be closed and the descriptors back to the first sample's.
    """
    session = Session(settings(journal_dir))
    await session.start()
    if not await session.wait_connected(10):
        raise AssertionError("the session never connected")
    clock = time.monotonic
    began = clock()
    samples = [sample(0, open_generations(session), 0.0)]
    problems: list[str] = []
    model = session.model.local
    for cycle in range(1, cycles + 1):
        await session.restart_ice()
        await _until(lambda c=cycle: model.restarts_completed + model.restarts_abandoned >= c, 10)
        samples.append(sample(cycle, open_generations(session), clock() - began))
    if model.restarts_abandoned:
        problems.append(f"{model.restarts_abandoned} restarts abandoned")
    # Once the grace period is over, every retired generation's socket is closed.
    await asyncio.sleep(GRACE + 0.5)
    settled = sample(cycles + 1, open_generations(session), clock() - began)
    samples.append(settled)
    if (settled.generations, settled.closing, settled.fds) != (2, 0, samples[0].fds):
        problems.append(f"after the grace period: {settled} (first: {samples[0]})")
    summary = await session.close()
    return samples, summary, problems + unaccounted(summary)


async def soak_sessions(cycles: int, journal_dir: Path) -> tuple[list[Sample], list[str]]:
    """``cycles`` sessions one after another in this process; samples after each close."""
    samples = [sample(0)]
    problems: list[str] = []
    for cycle in range(1, cycles + 1):
        session = Session(settings(journal_dir))
        await session.start()
        if not await session.wait_connected(10):
            problems.append(f"session {cycle} never connected")
        peers = (session.model.local, session.model.remote)
        await _until(lambda p=peers: all(x.heartbeat and x.heartbeat.received for x in p), 10)
        summary = await session.close()
        problems += [f"session {cycle}: {p}" for p in unaccounted(summary)]
        del session
        samples.append(sample(cycle))
    return samples, problems


async def restart_flood(requests: int, gap: float, journal_dir: Path) -> dict[str, Any]:
    """``requests`` restart requests ``gap`` s apart, not awaited; how each one ended."""
    session = Session(settings(journal_dir))
    notices: list[Notice] = []
    session.hub.subscribe(lambda e: notices.append(e) if isinstance(e, Notice) else None)
    await session.start()
    if not await session.wait_connected(10):
        raise AssertionError("the session never connected")
    tasks = []
    errors = 0
    for _ in range(requests):
        tasks.append(asyncio.ensure_future(session.restart_ice()))
        await asyncio.sleep(gap)
    for task in tasks:
        try:
            await task
        except Exception:  # counted: a request must not fail
            errors += 1
    model = session.model.local
    await _until(lambda: session.local is not None and not session.local.pc.restart_in_progress, 10)
    await _until(lambda: not session.local._restarts._tasks, 10)  # type: ignore[union-attr]
    summary = await session.close()
    said: dict[str, int] = {"restart-queued": 0, "restart-refused": 0}
    for n in notices:
        if n.code in said:
            said[n.code] += 1
        match = _SUPPRESSED.match(n.message)
        if match and match.group(2) in said:
            said[match.group(2)] += int(match.group(1))
    started = model.restarts_completed + model.restarts_abandoned
    return {
        "requests": requests,
        "gap": gap,
        "started": started,
        "completed": model.restarts_completed,
        "abandoned": model.restarts_abandoned,
        "queued": said["restart-queued"],
        "refused": said["restart-refused"],
        "errors": errors,
        "accounted": started + said["restart-refused"] == requests and errors == 0,
        "heartbeats": summary["peers"],
        "unaccounted_heartbeats": unaccounted(summary),
    }


def _figures(samples: list[Sample], cycles: int) -> dict[str, Any]:
    first, last = samples[0], samples[-1]
    return {
        "cycles": cycles,
        "first": asdict(first),
        "last": asdict(last),
        "max": {
            k: max(getattr(s, k) for s in samples)
            for k in ("fds", "own_fds", "tasks", "own_tasks", "threads", "generations")
        },
        "rss_kib_max": max(s.rss_kib for s in samples),
        "per_cycle": [
            [s.cycle, s.fds, s.own_fds, s.own_tasks, s.threads, s.rss_kib] for s in samples
        ],
        "per_cycle_columns": ["cycle", "fds", "own_fds", "own_tasks", "threads", "rss_kib"],
    }


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        journals = Path(tmp)
        out: dict[str, Any] = {"machine": platform.platform(), "python": sys.version.split()[0]}
        started = time.monotonic()
        samples, summary, problems = await soak_restarts(args.restarts, journals)
        warmup = max(args.warmup, restart_warmup(samples))
        problems += growth(samples, warmup)
        out["restarts"] = {
            **_figures(samples, args.restarts),
            "warmup_cycles": warmup,
            "rss_kib_after_warmup": samples[warmup - 1].rss_kib if warmup else None,
            "heartbeats": summary["peers"],
            "problems": problems,
            "seconds": round(time.monotonic() - started, 1),
        }
        started = time.monotonic()
        samples, problems = await soak_sessions(args.sessions, journals)
        problems += growth(samples, args.warmup)
        out["sessions"] = {
            **_figures(samples, args.sessions),
            "problems": problems,
            "seconds": round(time.monotonic() - started, 1),
        }
        out["flood"] = await restart_flood(args.flood, args.gap, journals)
        out["flood_fast"] = await restart_flood(args.flood, args.gap / 10, journals)
    return out


def write_result(result: dict[str, Any], name: str) -> None:
    """Print ``result`` and write it to ``benchmarks/results/NAME``, one line per cycle."""
    text = re.sub(  # collapse the innermost lists of numbers
        r"\[\s*([-\d.]+(?:,\s*[-\d.]+)*)\s*\]",
        lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]",
        json.dumps(result, indent=2),
    )
    print(text)
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    (results / name).write_text(text + "\n")


def main() -> int:
    """Run the soak and write ``benchmarks/results/soak.json``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--restarts", type=int, default=500)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--flood", type=int, default=500)
    parser.add_argument("--gap", type=float, default=0.02)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()
    result = asyncio.run(main_async(args))
    write_result(result, "soak.json")
    floods = (result["flood"], result["flood_fast"])
    ok = (
        not result["restarts"]["problems"]
        and not result["sessions"]["problems"]
        and all(f["accounted"] and not f["unaccounted_heartbeats"] for f in floods)
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
