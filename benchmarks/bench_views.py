"""Views benchmark: a 24-hour session fed through the model into every view of the window.

Both peers, one event per second (a restart every minute with its state changes, a pair
change, an impairment switched every ten minutes, notices otherwise), statistics and heartbeat
counts every second for both peers: 86,400 seconds of events generated as fast as they fold
(not in real time), published on a real hub into a real SessionModel and the real MainWindow
(offscreen). Then, advancing the session one more second at a time, each view is repainted
synchronously and timed:

* ``repaint_p95_ms`` per view (target < 16 ms): the timeline fitted to the whole day, the
  graphs over their default five minutes and over the whole day, the candidates and pairs
  table, the indicator;
* ``zoom_to_fit_ms`` (target < 50 ms): the timeline from a one-minute view back to the whole
  day, repainted;
* ``rss_mb`` (target < 300 MB): the process's resident memory after the day.

Writes ``benchmarks/results/views.json``. Usage:

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_views.py [--hours 24] [--rounds 60]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from icescope.core.causes import explain
from icescope.core.config import Settings
from icescope.core.events import (
    HeartbeatCount,
    IceRestart,
    Impairment,
    Notice,
    Peer,
    SelectedPairChanged,
    StateChanged,
    StatsSample,
)
from icescope.core.hub import EventHub
from icescope.core.model import SessionModel
from icescope.core.states import Machine
from icescope.qt.main_window import MainWindow

RESULTS = Path(__file__).resolve().parent / "results" / "views.json"
WALL0 = 1_700_000_000.0


def _report(peer: Peer, t: float, gen: int) -> tuple[dict[str, Any], ...]:
    """A realistic engine report: transport, two generations' candidates and pairs."""
    stamp = (WALL0 + t) * 1000
    entries: list[dict[str, Any]] = []
    for g in (gen - 1, gen):
        ufrag = f"g{g:05d}{peer.value[0]}"
        entries += [
            {"type": "local-candidate", "id": f"IL{ufrag}-0", "address": "127.0.0.1",
             "port": 40000 + g % 1000, "protocol": "udp", "candidateType": "host",
             "priority": 2130706431, "usernameFragment": ufrag, "timestamp": stamp},
            {"type": "remote-candidate", "id": f"IR{ufrag}-0", "address": "127.0.0.1",
             "port": 50000 + g % 1000, "protocol": "udp", "candidateType": "host",
             "priority": 2130706431, "usernameFragment": ufrag, "timestamp": stamp},
            {"type": "candidate-pair", "id": f"CP{ufrag}-0-0", "localCandidateId": f"IL{ufrag}-0",
             "remoteCandidateId": f"IR{ufrag}-0", "state": "succeeded", "nominated": True,
             "icescopeGeneration": ufrag, "icescopeActive": g == gen,
             "requestsSent": int(t), "requestsReceived": int(t), "responsesSent": int(t),
             "responsesReceived": int(t), "totalRoundTripTime": t * 0.001,
             "currentRoundTripTime": 0.001 + (int(t) % 7) * 0.0003,
             "bytesSent": int(t * 1200), "bytesReceived": int(t * 1190),
             "packetsSent": int(t * 12), "packetsReceived": int(t * 12),
             "lastPacketReceivedTimestamp": stamp - 50, "lastPacketSentTimestamp": stamp - 40,
             "timestamp": stamp},
        ]  # fmt: skip
    transport = {
        "type": "transport",
        "id": "T01",
        "selectedCandidatePairId": f"CPg{gen:05d}{peer.value[0]}-0-0",
        "bytesReceived": int(t * 1190),
        "timestamp": stamp,
    }
    return (transport, *entries)


def _ice(peer: Peer, t: float, prev: str, new: str, machine: Machine = Machine.ICE) -> Any:
    return StateChanged(ts=t, wall=WALL0 + t, peer=peer, machine=machine, previous=prev, state=new)


def second(t: int) -> list[Any]:
    """Every event of session second ``t``."""
    out: list[Any] = []
    ts = float(t)
    gen = t // 60 + 1
    for peer in Peer:
        out.append(StatsSample(ts=ts, wall=WALL0 + ts, peer=peer, report=_report(peer, ts, gen)))
        out.append(HeartbeatCount(ts=ts, wall=WALL0 + ts, peer=peer, sent=t * 10, received=t * 10))
    x = ts + 0.5
    if t == 0:
        for peer in Peer:
            out += [_ice(peer, 0.1, "new", "checking"), _ice(peer, 0.2, "checking", "completed")]
    elif t % 60 == 0:  # a restart every minute, with its states on both peers
        old, new = f"g{gen - 1:05d}", f"g{gen:05d}"
        out.append(IceRestart(ts=x, wall=WALL0 + x, peer=Peer.LOCAL, phase="start",
                              old_ufrag=old, new_ufrag=new, initiator="local"))  # fmt: skip
        for peer in Peer:
            out += [
                _ice(peer, x, "completed", "connected"),
                _ice(peer, x + 0.05, "connected", "completed"),
            ]
        done = {"old_ufrag": old, "new_ufrag": new, "initiator": "local", "duration": 0.06}
        out.append(
            IceRestart(ts=x + 0.06, wall=WALL0 + x, peer=Peer.LOCAL, phase="complete", **done)
        )
    elif t % 60 == 1:
        ends = {"local": "host udp 127.0.0.1:1", "remote": "host udp 127.0.0.1:2"}
        out.append(SelectedPairChanged(ts=x, wall=WALL0 + x, peer=Peer.LOCAL, **ends))
    elif t % 600 in (300, 310):  # a 10 s blackout every ten minutes: disconnected, back
        active = t % 600 == 300
        out.append(Impairment(ts=x, wall=WALL0 + x, peer=Peer.REMOTE, kind="blackout",
                              active=active))  # fmt: skip
        if active:
            out += [_ice(p, x + 2.5, "completed", "disconnected") for p in Peer]
    elif t % 600 == 311:
        out += [_ice(p, x, "disconnected", "connected") for p in Peer]
    else:
        out.append(Notice(ts=x, wall=WALL0 + x, peer=Peer.LOCAL, level="info",
                          code="tick", message=f"second {t}"))  # fmt: skip
    return out


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def p95(values: list[float]) -> float:
    """95th percentile."""
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def main() -> int:
    """Run the benchmark and print/write the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--hours", type=float, default=24.0)
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    window = MainWindow(Settings(journal_enabled=False))
    window.resize(1280, 800)
    window.show()
    hub, model = EventHub(), SessionModel()
    hub.subscribe(model.apply)
    now = [0.0]
    window.follow(hub, model, lambda: now[0])

    def publish(events: list[Any]) -> None:
        for event in events:
            hub.publish(event)
            cause = explain(model, event)
            if cause is not None:
                hub.publish(cause)

    seconds = int(args.hours * 3600)
    started = time.perf_counter()
    published = 0
    for t in range(seconds):
        events = second(t)
        published += len(events)
        now[0] = t + 1.0
        publish(events)
        if t % 600 == 0:
            app.processEvents()
    app.processEvents()
    feed_s = time.perf_counter() - started

    views = {
        "timeline (whole day)": (0, window.timeline),
        "graphs (5 min)": (2, window.graphs),
        "graphs (whole day)": (2, window.graphs),
        "candidates and pairs": (1, window.pairs_view.pair_table.viewport()),
        "indicator": (None, window.panels[Peer.LOCAL].indicator),
    }
    times: dict[str, list[float]] = {name: [] for name in views}
    for r in range(args.rounds):
        now[0] = seconds + r + 1.0
        publish(second(seconds + r))
        app.processEvents()
        for name, (tab, widget) in views.items():
            if tab is not None and window.tabs.currentIndex() != tab:
                window.tabs.setCurrentIndex(tab)
                app.processEvents()
            window.graphs.span = None if "whole day" in name and "graphs" in name else 300.0
            t0 = time.perf_counter()
            widget.repaint()
            times[name].append((time.perf_counter() - t0) * 1000)
    window.tabs.setCurrentIndex(0)
    app.processEvents()
    fits = []
    for _ in range(20):
        window.timeline.view = (now[0] - 60, now[0])
        window.timeline.repaint()
        t0 = time.perf_counter()
        window.timeline.zoom_to_fit()
        window.timeline.repaint()
        fits.append((time.perf_counter() - t0) * 1000)
    result = {
        "hours": args.hours,
        "events_published": published,
        "feed_seconds": round(feed_s, 1),
        "repaint_p95_ms": {k: round(p95(v), 2) for k, v in times.items()},
        "repaint_median_ms": {k: round(statistics.median(v), 2) for k, v in times.items()},
        "zoom_to_fit_ms": {"median": round(statistics.median(fits), 2), "max": round(max(fits), 2)},
        "rss_mb": round(rss_mb(), 1),
        "targets": {"repaint_p95_ms": 16, "zoom_to_fit_ms": 50, "rss_mb": 300},
        "machine": platform.platform(),
        "python": platform.python_version(),
    }
    window.bridge.detach()
    window.close()
    print(json.dumps(result, indent=2))
    if args.hours >= 24:
        RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
