"""Lossy-link benchmark: false ``disconnected`` events under random loss, both peers, same run.

Two real IceScope peers over loopback (127.0.0.1 only), default consent timers, random loss on
the remote peer's sockets in both directions (as ``probe --loss``). Counts every
``disconnected`` of either peer over the window, and the consent checks sent/answered (their
loss as the statistics show it). Heartbeats (10/s each way) keep data flowing.

Prints a table and writes ``benchmarks/results/lossy.json``. Usage:

    python benchmarks/bench_lossy.py [--seconds 120] [--loss 20 40]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import time
from pathlib import Path
from typing import Any

from icescope.core.clock import SessionClock
from icescope.core.config import Settings
from icescope.core.events import Peer, SessionEvent, StateChanged
from icescope.core.hub import EventHub
from icescope.core.ice import compat
from icescope.core.ice.stats import collect_stats
from icescope.core.netif import AddressSelection
from icescope.core.peer import PeerAgent
from icescope.core.signaling.loopback import LoopbackSignaling
from icescope.core.states import Machine

RESULTS = Path(__file__).resolve().parent / "results" / "lossy.json"
TARGET_DISCONNECTED_AT_20 = 0


async def run_once(loss: float, seconds: float) -> dict[str, Any]:
    """One session at ``loss`` percent for ``seconds``; its counts."""
    compat.install()
    settings = Settings(journal_enabled=False, addresses=AddressSelection(loopback_only=True))
    clock, hub = SessionClock(), EventHub()
    events: list[SessionEvent] = []
    hub.subscribe(events.append)
    a, b = LoopbackSignaling.pair()
    local = PeerAgent(Peer.LOCAL, settings, clock, hub.publish, a, offerer=True)
    remote = PeerAgent(Peer.REMOTE, settings, clock, hub.publish, b, offerer=False)
    await remote.start()
    await local.start()
    for agent in (local, remote):
        if not await agent.wait_connected(10):
            raise RuntimeError(f"{agent.peer.value} peer did not connect")
    await asyncio.sleep(1.0)
    start = clock.ts()
    sent0 = {agent.peer: agent.heartbeat.sent for agent in (local, remote)}
    recv0 = {agent.peer: agent.heartbeat.received for agent in (local, remote)}
    remote.faults.loss(loss, "both")
    await asyncio.sleep(seconds)
    remote.faults.clear()
    flaps = [
        {"peer": e.peer.value, "ts": round(e.ts - start, 3)}
        for e in events
        if isinstance(e, StateChanged)
        and e.machine is Machine.ICE
        and e.state == "disconnected"
        and e.ts >= start
    ]
    consent: dict[str, dict[str, int]] = {}
    for agent in (local, remote):
        report = collect_stats(agent.pc, time.time() * 1000)
        pairs = [r for r in report if r["type"] == "candidate-pair" and r.get("nominated")]
        consent[agent.peer.value] = {
            "sent": sum(r.get("consentRequestsSent", 0) for r in pairs),
            "answered": sum(r.get("icescopeConsentResponsesReceived", 0) for r in pairs),
        }
    heartbeats = {
        agent.peer.value: {
            "sent": agent.heartbeat.sent - sent0[agent.peer],
            "received": agent.heartbeat.received - recv0[agent.peer],
        }
        for agent in (local, remote)
    }
    for agent in (local, remote):
        await agent.heartbeat.stop()
    await asyncio.gather(local.close(), remote.close())
    return {
        "loss_percent": loss,
        "seconds": seconds,
        "disconnected": len(flaps),
        "per_minute": round(len(flaps) * 60.0 / seconds, 3),
        "flaps": flaps,
        "consent": consent,
        "heartbeats_during_loss": heartbeats,
    }


async def main_async(seconds: float, losses: list[float]) -> dict[str, Any]:
    """Every loss level in turn, same process."""
    runs = [await run_once(loss, seconds) for loss in losses]
    return {"platform": platform.platform(), "runs": runs}


def main() -> int:
    """Run, print a table, write the JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--loss", type=float, nargs="+", default=[20.0, 40.0])
    args = parser.parse_args()
    result = asyncio.run(main_async(args.seconds, args.loss))
    for run in result["runs"]:
        c = run["consent"]
        print(
            f"loss {run['loss_percent']:g} % for {run['seconds']:g} s: "
            f"{run['disconnected']} disconnected ({run['per_minute']}/min); consent answered "
            f"local {c['local']['answered']}/{c['local']['sent']}, "
            f"remote {c['remote']['answered']}/{c['remote']['sent']}"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
