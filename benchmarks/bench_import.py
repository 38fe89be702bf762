"""Import a generated 24-hour dump (86,400 statistics samples per series) and fold it.

For each format (webrtc-internals ``.gz`` with 86,400-point series, rtcstats v3 ``.gz`` with
86,400 getStats rows), a child process opens the file, folds every event into a SessionModel
and reports wall time and peak RSS. Budget: under 10 s and under 300 MB each.
``python benchmarks/bench_import.py [--out benchmarks/results/import.json]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = 86_400
START = 1_795_900_000_000.0
CHILD = """
import resource, sys, time
from pathlib import Path
from icescope.core.formats import open_evidence
from icescope.core.model import SessionModel
t0 = time.perf_counter()
imported = open_evidence(Path(sys.argv[1]))
model, count = SessionModel(), 0
for _, event in imported.events(imported.connections[0] if imported.connections else None):
    model.apply(event)
    count += 1
elapsed = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(count, round(elapsed, 2), round(rss, 1), model.local.ice.value, model.local.stats.ts)
"""


def _report(i: int) -> dict[str, dict[str, object]]:
    t = START + 1000.0 * i
    pair = "CPa_b"
    return {
        "T01": {"id": "T01", "type": "transport", "timestamp": t, "bytesSent": 1000 * i,
                "bytesReceived": 990 * i, "packetsSent": 10 * i, "packetsReceived": 10 * i,
                "dtlsState": "connected", "iceState": "connected", "iceRole": "controlling",
                "selectedCandidatePairId": pair, "selectedCandidatePairChanges": 1},
        pair: {"id": pair, "type": "candidate-pair", "timestamp": t, "transportId": "T01",
               "localCandidateId": "Ia", "remoteCandidateId": "Ib", "state": "succeeded",
               "nominated": True, "bytesSent": 1000 * i, "bytesReceived": 990 * i,
               "packetsSent": 10 * i, "packetsReceived": 10 * i, "requestsSent": i,
               "responsesReceived": i, "requestsReceived": i, "responsesSent": i,
               "consentRequestsSent": i, "currentRoundTripTime": 0.001 * (1 + i % 7),
               "totalRoundTripTime": 0.002 * i, "lastPacketSentTimestamp": t,
               "lastPacketReceivedTimestamp": t},
        "Ia": {"id": "Ia", "type": "local-candidate", "timestamp": t, "transportId": "T01",
               "address": "10.0.0.1", "port": 5000, "protocol": "udp", "candidateType": "host",
               "priority": 2113937151, "foundation": "1"},
        "Ib": {"id": "Ib", "type": "remote-candidate", "timestamp": t, "transportId": "T01",
               "address": "10.0.0.2", "port": 5001, "protocol": "udp", "candidateType": "host",
               "priority": 2113937151, "foundation": "2"},
    }  # fmt: skip


def _states(t: float) -> list[tuple[str, str, float]]:
    return [
        ("onsignalingstatechange", "have-local-offer", t - 500),
        ("oniceconnectionstatechange", "checking", t - 400),
        ("oniceconnectionstatechange", "connected", t - 300),
    ]


def make_rtcstats(path: Path) -> None:
    with gzip.open(path, "wt", compresslevel=1) as out:
        out.write('RTCStatsDump\n{"fileFormat":3}\n')
        last = 0.0
        for method, value, t in _states(START):
            out.write(json.dumps([method, "1-1", json.dumps(value), t - last]) + "\n")
            last = t
        for i in range(SAMPLES):
            t = START + 1000.0 * i
            out.write(json.dumps(["getStats", "1-1", _report(i), t - last]) + "\n")
            last = t


def make_internals(path: Path) -> None:
    series: dict[str, dict[str, object]] = {}
    columns: dict[str, list[object]] = {}
    kinds: dict[str, str] = {}
    for i in range(SAMPLES):
        for obj, entry in _report(i).items():
            kinds[obj] = str(entry["type"])
            for stat, value in entry.items():
                if stat != "id":
                    columns.setdefault(f"{obj}-{stat}", []).append(value)
    for key, values in columns.items():
        obj = key.rpartition("-")[0]
        series[key] = {"startTime": "", "endTime": "", "statsType": kinds[obj],
                       "values": json.dumps(values)}  # fmt: skip
    log = [{"type": m, "value": json.dumps(v), "timestamp": t} for m, v, t in _states(START)]
    dump = {"timestamp": START + 1000.0 * SAMPLES, "UserAgent": "bench", "UserAgentData": {},
            "getUserMedia": [], "PeerConnections": {"1-1": {"pid": 1, "url": "", "updateLog": log,
            "rtcConfiguration": "{}", "stats": series}}}  # fmt: skip
    with gzip.open(path, "wt", compresslevel=1) as out:
        json.dump(dump, out)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    results = {}
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in (("webrtc-internals", make_internals), ("rtcstats", make_rtcstats)):
            path = Path(tmp) / f"{name}.gz"
            make(path)
            done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                                  text=True, timeout=600, env=env, check=False)  # fmt: skip
            if done.returncode != 0:
                sys.exit(f"{name}: {done.stderr[-2000:]}")
            count, seconds, rss, state, last_ts = done.stdout.split()
            results[name] = {"file_mb": round(path.stat().st_size / 1e6, 1), "events": int(count),
                             "seconds": float(seconds), "peak_rss_mb": float(rss),
                             "final_state": state, "last_stats_ts": float(last_ts)}  # fmt: skip
            print(name, results[name], flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=1) + "\n")
    ok = all(r["seconds"] < 10 and r["peak_rss_mb"] < 300 for r in results.values())
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
