"""Statistics benchmark: what the engine's statistics cost a loopback session, in CPU.

A real loopback :class:`Session` (two aiortc peers in this process on 127.0.0.1, heartbeats at
10/s each way, journal on) is measured for the same wall time with statistics sampled every
second for both peers and with statistics off (``stats_interval=0``); the modes alternate run
by run (off/on, on/off, ...) so drift in the machine's load falls on both. Reported:

* ``difference_percent``: (process CPU with statistics − without) / wall time, in % of one
  core — the median of the per-pair differences (target < 0.5 %);
* ``sampling``: the CPU time spent in the samplers themselves (collecting the report and
  publishing the three events to the model, the log and the journal), measured directly around
  each sample: a noise-free figure for the same cost;
* ``meters``: the per-datagram counters are always on (they are the only source of the
  numbers), so their cost is measured apart: the same session with the ICE sockets left
  unmetered (benchmark-only switch), also as a median per-pair difference.

Writes ``benchmarks/results/stats.json``. Usage:

    python benchmarks/bench_stats.py [--runs 4] [--seconds 8]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiortc

from icescope.core import stats_sampler
from icescope.core.config import Settings
from icescope.core.ice import consent
from icescope.core.ice.impair import make_impairable
from icescope.core.session import Session

if TYPE_CHECKING:
    from collections.abc import Iterator

RESULTS = Path(__file__).resolve().parent / "results" / "stats.json"
TARGET_PERCENT = 0.5


class SampleTimer:
    """Process CPU spent inside ``StatsSampler.sample`` (wrapped for the benchmark only)."""

    def __init__(self) -> None:
        self.cpu = 0.0
        self.samples = 0

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        original = stats_sampler.StatsSampler.sample

        def timed(sampler: stats_sampler.StatsSampler) -> None:
            start = time.process_time()
            try:
                original(sampler)
            finally:
                self.cpu += time.process_time() - start
                self.samples += 1

        stats_sampler.StatsSampler.sample = timed  # type: ignore[method-assign]
        try:
            yield
        finally:
            stats_sampler.StatsSampler.sample = original  # type: ignore[method-assign]


@contextlib.contextmanager
def unmetered_sockets() -> Iterator[None]:
    """ICE sockets impairable but not metered (what the engine did before statistics)."""
    original = consent.make_metered
    consent.make_metered = make_impairable  # type: ignore[assignment]
    try:
        yield
    finally:
        consent.make_metered = original


async def measure(seconds: float, interval: float, journal_dir: Path) -> dict[str, float]:
    """Process CPU of one loopback session over ``seconds`` of wall time, once connected."""
    session = Session(Settings(stats_interval=interval, journal_dir=journal_dir, drain=0.1))
    await session.start()
    assert await session.wait_connected(10), "the loopback session did not connect"
    await asyncio.sleep(1.0)  # past connection set-up
    cpu0, wall0 = time.process_time(), time.monotonic()
    await asyncio.sleep(seconds)
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    await session.close()
    return {"cpu_s": cpu, "wall_s": wall, "cpu_percent": 100.0 * cpu / wall}


async def paired(
    runs: int, seconds: float, journal_dir: Path, *, a: dict[str, Any], b: dict[str, Any]
) -> dict[str, Any]:
    """Alternate mode ``a`` and ``b``; return both series and the median of b − a."""
    series: dict[str, list[dict[str, float]]] = {"a": [], "b": []}
    for run in range(runs):
        order = ("a", "b") if run % 2 == 0 else ("b", "a")
        for name in order:
            mode = a if name == "a" else b
            with unmetered_sockets() if mode.get("unmetered") else contextlib.nullcontext():
                series[name].append(await measure(seconds, mode["interval"], journal_dir))
    diffs = [
        y["cpu_percent"] - x["cpu_percent"] for x, y in zip(series["a"], series["b"], strict=True)
    ]
    return {
        "a": {**a, "cpu_percent": [round(r["cpu_percent"], 3) for r in series["a"]]},
        "b": {**b, "cpu_percent": [round(r["cpu_percent"], 3) for r in series["b"]]},
        "differences_percent": [round(d, 3) for d in diffs],
        "difference_percent": round(statistics.median(diffs), 3),
        "difference_mean_percent": round(statistics.fmean(diffs), 3),
    }


async def main(args: argparse.Namespace) -> dict[str, Any]:
    timer = SampleTimer()
    with tempfile.TemporaryDirectory() as tmp:
        journal_dir = Path(tmp)
        with timer.installed():
            on_off = await paired(
                args.runs,
                args.seconds,
                journal_dir,
                a={"mode": "statistics off", "interval": 0.0},
                b={"mode": "statistics every 1 s", "interval": 1.0},
            )
        meters = await paired(
            args.runs,
            args.seconds,
            journal_dir,
            a={"mode": "sockets unmetered, statistics off", "interval": 0.0, "unmetered": True},
            b={"mode": "sockets metered, statistics off", "interval": 0.0},
        )
    per_sample_ms = 1000.0 * timer.cpu / timer.samples if timer.samples else None
    sampling = {
        "samples": timer.samples,
        "cpu_per_sample_ms": None if per_sample_ms is None else round(per_sample_ms, 3),
        # two peers, one sample each per second
        "percent_of_core": None if per_sample_ms is None else round(2 * per_sample_ms / 10, 4),
    }
    return {
        "python": platform.python_version(),
        "aiortc": aiortc.__version__,
        "machine": platform.machine(),
        "runs": args.runs,
        "seconds_per_run": args.seconds,
        "target_percent": TARGET_PERCENT,
        "statistics": on_off,
        "sampling": sampling,
        "meters": meters,
        "verdict": {
            "statistics_under_target": on_off["difference_percent"] < TARGET_PERCENT,
        },
    }


def report(results: dict[str, Any]) -> list[str]:
    """Human-readable lines."""
    s, m, d = results["statistics"], results["meters"], results["sampling"]
    return [
        f"statistics at 1 s vs off: {s['difference_percent']:+.3f} % of a core (median of "
        f"{s['differences_percent']}; off {s['a']['cpu_percent']}, on {s['b']['cpu_percent']})",
        f"inside the samplers: {d['cpu_per_sample_ms']} ms CPU per sample, "
        f"{d['percent_of_core']} % of a core for two peers at 1 s ({d['samples']} samples)",
        f"per-datagram meters vs none: {m['difference_percent']:+.3f} % of a core (median of "
        f"{m['differences_percent']})",
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=8.0)
    ns = parser.parse_args()
    out = asyncio.run(main(ns))
    for line in report(out):
        print(line)
    print("target met:", json.dumps(out["verdict"]))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {RESULTS}")
