"""Fleet benchmark: a long-running probe serving metrics, and 10 IceScope pairs side by side.

1. One probe (``--duration 0``, loopback session) with ``--metrics``, scraped every 5 s over
   loopback for ``--soak`` seconds, next to the reference in the same run: the same probe
   without ``--metrics`` (never scraped). CPU (``/proc/PID/stat`` utime+stime) and RSS
   (``VmRSS``) are sampled at each scrape; the CPU is the share of one core after a warm-up,
   the memory slope a least-squares fit over the samples, in MiB per hour.
2. 10 pairs of probes (``--listen`` / ``--connect`` on 127.0.0.1, 20 processes) started at
   once: every one must exit 0 with a connected verdict, the other side's states known and no
   heartbeat lost; CPU per session from the processes' own accounting over a steady window
   (and over the whole life, start-up and imports included).

Writes ``benchmarks/results/fleet.json``. Usage:

    python benchmarks/bench_fleet.py [--soak 180] [--pairs 10] [--pair-duration 20]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "fleet.json"
TICK = os.sysconf("SC_CLK_TCK")
TARGETS = {"metrics_cpu_percent": 1.0}


def env() -> dict[str, str]:
    out = dict(os.environ)
    out["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), out.get("PYTHONPATH")) if p)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def probe(*args: str, out: Path) -> subprocess.Popen[bytes]:
    with out.open("wb") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "icescope", "probe", "--no-journal", *args],
            stdout=sink,
            stderr=subprocess.DEVNULL,
            env=env(),
        )


def listening_url(out: Path, timeout: float = 60.0) -> str:
    """The ``tcp://HOST:PORT/?token=T`` URL a listening probe printed first (its token)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in out.read_text().splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                break  # a line still being written
            if record.get("type") == "listening":
                return str(record["url"])
        time.sleep(0.05)
    raise RuntimeError(f"{out.name}: no listening URL within {timeout:g} s")


def slope_per_hour(times: list[float], values: list[float]) -> float:
    mt, mv = statistics.fmean(times), statistics.fmean(values)
    den = sum((t - mt) ** 2 for t in times)
    return (
        0.0
        if den == 0
        else sum((t - mt) * (v - mv) for t, v in zip(times, values, strict=False)) / den * 3600
    )


def soak(seconds: float, tmp: Path) -> dict[str, Any]:
    """One probe with metrics scraped every 5 s, and one without, side by side."""
    port = free_port()
    procs = {
        "metrics": probe("--duration", "0", "--metrics", f"127.0.0.1:{port}", out=tmp / "m.jsonl"),
        "reference": probe("--duration", "0", out=tmp / "r.jsonl"),
    }
    url = f"http://127.0.0.1:{port}/metrics"
    samples: dict[str, list[tuple[float, float, float]]] = {k: [] for k in procs}
    scrapes, sizes, scrape_ms = 0, [], []
    start = time.monotonic()
    warmup = 10.0
    try:
        while (now := time.monotonic() - start) < seconds + warmup:
            if now >= warmup:
                t0 = time.perf_counter()
                with urllib.request.urlopen(url, timeout=5) as response:
                    sizes.append(len(response.read()))
                scrape_ms.append((time.perf_counter() - t0) * 1000)
                scrapes += 1
                for name, p in procs.items():
                    samples[name].append((now, cpu_seconds(p.pid), rss_mib(p.pid)))
            time.sleep(5.0 - (time.monotonic() - start) % 5.0)
    finally:
        for p in procs.values():
            p.terminate()
        codes = {name: p.wait(timeout=30) for name, p in procs.items()}
    out: dict[str, Any] = {"seconds": seconds, "scrapes": scrapes, "exit_codes": codes}
    out["exposition_bytes"] = statistics.median(sizes) if sizes else None
    out["scrape_ms_median"] = round(statistics.median(scrape_ms), 2) if scrape_ms else None
    for name, rows in samples.items():
        (t0, c0, _), (t1, c1, _) = rows[0], rows[-1]
        out[name] = {
            "cpu_percent": round((c1 - c0) / (t1 - t0) * 100, 3),
            "rss_first_mib": round(rows[0][2], 1),
            "rss_last_mib": round(rows[-1][2], 1),
            "rss_slope_mib_per_hour": round(
                slope_per_hour([r[0] for r in rows], [r[2] for r in rows]), 2
            ),
            # After warm-up and the in-memory log's bound (core/eventlog.py) took hold.
            "rss_slope_second_half_mib_per_hour": round(
                slope_per_hour(
                    [r[0] for r in rows[len(rows) // 2 :]], [r[2] for r in rows[len(rows) // 2 :]]
                ),
                2,
            ),
        }
    out["metrics_cpu_over_reference_percent"] = round(
        out["metrics"]["cpu_percent"] - out["reference"]["cpu_percent"], 3
    )
    return out


def pairs(count: int, duration: float, tmp: Path) -> dict[str, Any]:
    """``count`` listen/connect pairs at once; all must connect and report correctly."""
    procs: list[tuple[str, subprocess.Popen[bytes], Path]] = []
    started = time.monotonic()
    listeners = []
    for i in range(count):
        lo = tmp / f"listen-{i}.jsonl"
        listen_args = ("--listen", f"127.0.0.1:{free_port()}", "--duration", str(duration * 2))
        listeners.append((lo, probe(*listen_args, "--connect-timeout", "60", out=lo)))
    for i, (lo, listener) in enumerate(listeners):
        co = tmp / f"connect-{i}.jsonl"
        url = listening_url(lo)
        procs.append(("listen", listener, lo))
        procs.append(
            (
                "connect",
                probe(
                    "--connect", url, "--duration", str(duration), "--connect-timeout", "60", out=co
                ),
                co,
            )
        )
    # Steady window: from a third to two thirds of the connect side's duration.
    time.sleep(duration / 3)
    first = [(cpu_seconds(p.pid), time.monotonic()) for _, p, _ in procs]
    time.sleep(duration / 3)
    second = [(cpu_seconds(p.pid), time.monotonic()) for _, p, _ in procs]
    steady = [
        (c1 - c0) / (t1 - t0) * 100 for (c0, t0), (c1, t1) in zip(first, second, strict=False)
    ]
    results = []
    for role, p, path in procs:
        code = p.wait(timeout=duration * 3 + 60)
        lines = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
        summary = lines[-1] if lines and lines[-1].get("type") == "summary" else {}
        results.append(
            {
                "role": role,
                "exit": code,
                "connected": bool(summary.get("verdict", {}).get("connected")),
                "remote_known": summary.get("final_state", {}).get("remote") is not None,
                "loss": summary.get("verdict", {}).get("loss"),
                "loss_detail": summary.get("verdict", {}).get("loss_detail"),
                "time_to_connect": summary.get("time_to_connect", {}).get("local"),
            }
        )
    wall = time.monotonic() - started
    children = os.times()
    ok = [
        r
        for r in results
        if r["exit"] == 0 and r["connected"] and r["remote_known"] and r["loss"] == "none"
    ]
    return {
        "sessions": len(results),
        "all_ok": len(ok),
        "failures": [r for r in results if r not in ok],
        "steady_cpu_percent_per_session_median": round(statistics.median(steady), 3),
        "steady_cpu_percent_per_session_max": round(max(steady), 3),
        "lifetime_cpu_seconds_per_session": round(
            (children.children_user + children.children_system) / len(results), 3
        ),
        "wall_seconds": round(wall, 1),
        "time_to_connect_median_s": statistics.median(
            r["time_to_connect"] for r in results if r["time_to_connect"] is not None
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--soak", type=float, default=180.0, help="seconds of scraping (180)")
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--pair-duration", type=float, default=20.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fleet = pairs(
            args.pairs, args.pair_duration, Path(tmp)
        )  # first: os.times() counts only them
        one = soak(args.soak, Path(tmp))
    results = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "soak": one,
        "pairs": fleet,
        "verdict": {
            "metrics_cpu_under_1_percent": one["metrics"]["cpu_percent"]
            < TARGETS["metrics_cpu_percent"],
            "all_pairs_connected": fleet["all_ok"] == fleet["sessions"],
        },
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
