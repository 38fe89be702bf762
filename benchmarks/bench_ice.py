"""ICE engine benchmark: IceScope's engine next to stock aiortc, measured in the same run.

Two real aiortc peers in this process over loopback (127.0.0.1 only), faults injected on
their sockets. Measures, per engine:

* blackout detection: full two-way blackout -> ``iceConnectionState`` ``disconnected``;
* recovery: blackout cleared -> ``connected`` (ICE) and -> first heartbeat received (data);
* healthy ICE restart: ``restartIce()`` -> new generation nominated, heartbeats lost;
* idle CPU of one session (consent/keepalive only, heartbeat effectively off).

Prints a table and writes ``benchmarks/results/ice.json``. Usage:

    python benchmarks/bench_ice.py [--runs 10] [--idle 20] [--stock-window 8]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import platform
import random
import statistics
import time
from pathlib import Path
from typing import Any

import aiortc

from icescope.core.clock import SessionClock
from icescope.core.config import IceTimings, Settings
from icescope.core.events import IceRestart, Peer
from icescope.core.hub import EventHub
from icescope.core.ice import compat
from icescope.core.ice.impair import make_impairable
from icescope.core.netif import AddressSelection
from icescope.core.peer import PeerAgent
from icescope.core.signaling.loopback import LoopbackSignaling

RESULTS = Path(__file__).resolve().parent / "results" / "ice.json"
TARGETS = {
    "detection_median_s": 2.5,
    "detection_max_s": 3.0,
    "recovery_median_ms": 100.0,
    "restart_median_ms": 100.0,
    "restart_lost": 0,
    "idle_cpu_percent": 1.0,
}


class Harness:
    """Local + remote agent, both IceScope's engine or both stock aiortc."""

    def __init__(self, *, stock: bool, heartbeat: float, timings: IceTimings) -> None:
        compat.install()
        self.stock = stock
        settings = Settings(
            timings=timings,
            heartbeat_interval=heartbeat,
            drain=0.3,
            journal_enabled=False,
            addresses=AddressSelection(loopback_only=True),
        )
        self.hub = EventHub()
        self.events: list[Any] = []
        self.hub.subscribe(self.events.append)
        clock = SessionClock()
        a, b = LoopbackSignaling.pair()
        block = compat.stock_ice_classes() if stock else contextlib.nullcontext()
        with block:
            self.local = PeerAgent(Peer.LOCAL, settings, clock, self.hub.publish, a, offerer=True)
            self.remote = PeerAgent(
                Peer.REMOTE, settings, clock, self.hub.publish, b, offerer=False
            )

    async def start(self) -> None:
        await self.remote.start()
        await self.local.start()
        if not (await self.local.wait_connected(10) and await self.remote.wait_connected(10)):
            raise RuntimeError("the peers did not connect")
        await self.until(lambda: self.local.heartbeat.received > 0, 10)
        if self.stock:
            # Stock aioice sockets are plain StunProtocol: route them through the same faults.
            for agent in (self.local, self.remote):
                for transport in agent.pc.ice_transports():
                    conn = transport._connection
                    conn.faults = agent.faults
                    for protocol in conn._protocols:
                        make_impairable(protocol)

    async def close(self) -> dict[str, int]:
        for agent in (self.local, self.remote):
            await agent.heartbeat.stop()
        await asyncio.sleep(0.3)
        for agent in (self.local, self.remote):
            await agent.close()
        return {
            # sent by the other side and not received after the 0.3 s drain
            "local": max(0, self.remote.heartbeat.sent - self.local.heartbeat.received),
            "remote": max(0, self.local.heartbeat.sent - self.remote.heartbeat.received),
        }

    @staticmethod
    async def until(predicate: Any, timeout: float) -> float | None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        while not predicate():
            if loop.time() - start > timeout:
                return None
            await asyncio.sleep(0.002)
        return loop.time() - start


def _stats(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"min": None, "median": None, "max": None}
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


async def bench_outage(*, stock: bool, runs: int, window: float, outage: float) -> dict[str, Any]:
    h = Harness(stock=stock, heartbeat=0.02, timings=IceTimings())
    await h.start()
    detect: list[float] = []
    ice_recovery: list[float] = []
    data_recovery: list[float] = []
    undetected = 0
    for _ in range(runs):
        await asyncio.sleep(random.uniform(0.5, 1.5))  # random phase vs the consent cadence
        h.local.faults.blackout("both")
        took = await h.until(lambda: h.local.pc.iceConnectionState == "disconnected", window)
        if took is None:
            undetected += 1
            await asyncio.sleep(max(0.0, outage - window))
        else:
            detect.append(took)
        received = h.local.heartbeat.received
        h.local.faults.clear()
        if took is not None:
            back = await h.until(lambda: h.local.pc.iceConnectionState == "connected", 5)
            if back is not None:
                ice_recovery.append(back * 1000)
        data = await h.until(lambda n=received: h.local.heartbeat.received > n, 5)
        if data is not None:
            data_recovery.append(data * 1000)
        await h.until(lambda: h.local.pc.iceConnectionState in ("connected", "completed"), 5)
    lost = await h.close()
    return {
        "runs": runs,
        "detection_s": _stats(detect),
        "undetected_runs": undetected,
        "detection_window_s": window,
        "ice_recovery_ms": _stats(ice_recovery),
        "data_recovery_ms": _stats(data_recovery),
        "heartbeats_lost": lost,
    }


async def bench_restart(*, stock: bool, runs: int) -> dict[str, Any]:
    h = Harness(stock=stock, heartbeat=0.02, timings=IceTimings())
    await h.start()
    if not h.local.pc.can_restart:
        await h.close()
        return {"supported": False, "note": "stock aiortc has no restartIce()"}
    times: list[float] = []
    for _ in range(runs):
        await asyncio.sleep(0.3)
        done = len([e for e in h.events if isinstance(e, IceRestart) and e.phase == "complete"])
        loop = asyncio.get_running_loop()
        start = loop.time()
        await h.local.restart_ice()
        took = await h.until(
            lambda done=done: (
                len([e for e in h.events if isinstance(e, IceRestart) and e.phase == "complete"])
                >= done + 2
            ),
            5,
        )
        if took is not None:
            times.append((loop.time() - start) * 1000)
    await asyncio.sleep(0.3)
    lost = await h.close()
    abandoned = [e for e in h.events if isinstance(e, IceRestart) and e.phase == "abandoned"]
    return {
        "supported": True,
        "runs": runs,
        "completed": len(times),
        "abandoned": len(abandoned),
        "restart_ms": _stats(times),
        "heartbeats_lost": lost,
    }


async def bench_idle(*, stock: bool, seconds: float) -> dict[str, Any]:
    h = Harness(stock=stock, heartbeat=10.0, timings=IceTimings())
    await h.start()
    await asyncio.sleep(1.0)
    cpu0, wall0 = time.process_time(), time.monotonic()
    await asyncio.sleep(seconds)
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    await h.close()
    return {"seconds": wall, "cpu_s": cpu, "cpu_percent": 100.0 * cpu / wall, "peers": 2}


def _fmt(value: float | None, unit: str = "", digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}{unit}"


def report(results: dict[str, Any]) -> list[str]:
    ours, stock = results["icescope"], results["stock"]
    rows = [
        ("metric", "IceScope engine", "stock aiortc 1.16.0"),
        (
            "blackout → disconnected (min/med/max)",
            "{} / {} / {}".format(*(_fmt(v, " s") for v in ours["outage"]["detection_s"].values())),
            "never within {:g} s ({} of {} runs)".format(
                stock["outage"]["detection_window_s"],
                stock["outage"]["undetected_runs"],
                stock["outage"]["runs"],
            )
            if stock["outage"]["undetected_runs"]
            else "{} / {} / {}".format(
                *(_fmt(v, " s") for v in stock["outage"]["detection_s"].values())
            ),
        ),
        (
            "restore → ICE connected (med/max)",
            "{} / {}".format(
                _fmt(ours["outage"]["ice_recovery_ms"]["median"], " ms", 0),
                _fmt(ours["outage"]["ice_recovery_ms"]["max"], " ms", 0),
            ),
            "no state to recover",
        ),
        (
            "restore → data flows (med/max)",
            *(
                "{} / {}".format(
                    _fmt(r["outage"]["data_recovery_ms"]["median"], " ms", 0),
                    _fmt(r["outage"]["data_recovery_ms"]["max"], " ms", 0),
                )
                for r in (ours, stock)
            ),
        ),
        (
            "healthy restart → new pair (med/max)",
            "{} / {} ms, lost {}".format(
                _fmt(ours["restart"]["restart_ms"]["median"], "", 0),
                _fmt(ours["restart"]["restart_ms"]["max"], "", 0),
                ours["restart"]["heartbeats_lost"],
            ),
            "unsupported" if not stock["restart"]["supported"] else "?",
        ),
        (
            "idle CPU, one session (2 peers)",
            _fmt(ours["idle"]["cpu_percent"], " %", 3),
            _fmt(stock["idle"]["cpu_percent"], " %", 3),
        ),
    ]
    width = [max(len(str(r[i])) for r in rows) for i in range(3)]
    return [" | ".join(str(c).ljust(width[i]) for i, c in enumerate(r)) for r in rows]


def verdict(results: dict[str, Any]) -> dict[str, bool]:
    ours = results["icescope"]
    det = ours["outage"]["detection_s"]
    return {
        "detection_median": det["median"] is not None
        and det["median"] <= TARGETS["detection_median_s"],
        "detection_max": det["max"] is not None and det["max"] <= TARGETS["detection_max_s"],
        "recovery_median": (ours["outage"]["ice_recovery_ms"]["median"] or 1e9)
        <= TARGETS["recovery_median_ms"],
        "restart_median": (ours["restart"]["restart_ms"]["median"] or 1e9)
        <= TARGETS["restart_median_ms"],
        "restart_lost": sum(ours["restart"]["heartbeats_lost"].values()) == 0,
        "idle_cpu": ours["idle"]["cpu_percent"] < TARGETS["idle_cpu_percent"],
    }


async def main(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {
        "python": platform.python_version(),
        "aiortc": aiortc.__version__,
        "machine": platform.machine(),
        "timings": {"keepalive": 1.0, "disconnected": 2.5, "failed": 30.0},
        "targets": TARGETS,
    }
    for name, stock in (("icescope", False), ("stock", True)):
        runs = args.runs if not stock else max(1, args.stock_runs)
        results[name] = {
            "outage": await bench_outage(
                stock=stock, runs=runs, window=args.stock_window if stock else 3.5, outage=0
            ),
            "restart": await bench_restart(stock=stock, runs=args.runs),
            "idle": await bench_idle(stock=stock, seconds=args.idle),
        }
    results["verdict"] = verdict(results)
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--stock-runs", type=int, default=2)
    parser.add_argument("--stock-window", type=float, default=8.0)
    parser.add_argument("--idle", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=1)
    ns = parser.parse_args()
    random.seed(ns.seed)
    out = asyncio.run(main(ns))
    for line in report(out):
        print(line)
    print("targets met:", json.dumps(out["verdict"]))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {RESULTS}")
