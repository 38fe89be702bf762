"""The other shapes of the same evidence: Chromium's ~2023 dump, compressed rtcstats, refusals.

Chromium 156 writes only the current formats, so the older/compressed variants are made from
the real dumps by the documented transformations (formats-and-stats.md §1.2, §2), not by hand.
"""

from __future__ import annotations

import gzip
import json
from typing import TYPE_CHECKING, Any

import pytest

from icescope.core.formats import FormatError, open_evidence
from icescope.core.formats.rtcstats_tables import METHODS, PROPERTIES, STATS_TYPES
from tests.formats.helpers import events_of, kinds, states, stats
from tests.subproc import run_python

if TYPE_CHECKING:
    from pathlib import Path

OLD_TYPES = {
    "oniceconnectionstatechange": "iceconnectionstatechange",
    "onconnectionstatechange": "connectionstatechange",
    "onicegatheringstatechange": "icegatheringstatechange",
    "onsignalingstatechange": "signalingstatechange",
    "onicecandidate": "icecandidate",
}


def _to_2023(dump: dict[str, Any]) -> dict[str, Any]:
    """Chromium ~2023: bare states, ``sdpMid: …`` candidates, ``type: …`` descriptions."""
    dump = {k: v for k, v in dump.items() if k not in ("UserAgentData", "timestamp")}
    for pc in dump["PeerConnections"].values():
        pc["rtcConfiguration"] = "{ iceServers: [turn:127.0.0.1:9?transport=udp] }"
        for entry in pc["updateLog"]:
            kind, value = entry["type"], entry["value"]
            parsed = json.loads(value) if value[:1] in ("{", '"') else value
            if isinstance(parsed, str):
                entry["value"] = parsed
            elif "candidate" in parsed:
                c = parsed
                entry["value"] = (
                    f"sdpMid: {c['sdpMid']}, sdpMLineIndex: 0, candidate: {c['candidate']}"
                )
            elif "sdp" in parsed:
                entry["value"] = f"type: {parsed['type']}, sdp: {parsed['sdp']}"
            entry["type"] = OLD_TYPES.get(kind, kind)
    return dump


def test_2023_dump_reads_like_the_current_one(internals_gz: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text(json.dumps(_to_2023(json.loads(gzip.decompress(internals_gz.read_bytes())))))
    imported = open_evidence(old)
    assert imported.metadata["generation"] == "~2023"
    for pc in ("8-1", "8-2"):
        now, then = events_of(internals_gz, pc), events_of(old, pc)
        assert states(now) == states(then) and states(now)
        assert [e.to_dict() for e in kinds(now, "icecandidate")] == [
            e.to_dict() for e in kinds(then, "icecandidate")
        ]
        assert [(r.phase, r.new_ufrag) for r in kinds(now, "icerestart")] == [
            (r.phase, r.new_ufrag) for r in kinds(then, "icerestart")
        ]


def _compress(lines: list[str]) -> list[str]:
    """rtcstats-js style: numeric methods, getStats delta compression with short ids/names."""
    method_ids = {v: k for k, v in METHODS.items() if k != "1"}
    props = {v: k for k, v in PROPERTIES.items()}
    types = {v: int(k) for k, v in STATS_TYPES.items()}
    out, bases, idmaps = lines[:2], {}, {}
    for line in lines[2:]:
        row = json.loads(line)
        method = row[0]
        if method == "getStats":
            pc, report = row[1], row[2]
            base, ids = bases.get(pc, {}), idmaps.setdefault(pc, {})
            delta: dict[str, Any] = {}
            newest = max(e["timestamp"] for e in report.values())
            for key in report:
                ids.setdefault(key, str(len(ids)))
            for key, entry in report.items():
                old = base.get(key, {})
                changed = {n: v for n, v in entry.items() if n != "id" and old.get(n) != v}
                if changed.get("timestamp") == newest:
                    del changed["timestamp"]
                for n in list(changed):
                    if n.endswith("Id") and isinstance(changed[n], str):
                        changed[n] = ids.get(changed[n], changed[n])
                if "type" in changed:
                    changed["type"] = types.get(changed["type"], changed["type"])
                if changed:
                    delta[ids[key]] = {props.get(n, n): v for n, v in changed.items()}
            for key in base:
                if key not in report:
                    delta[ids[key]] = None
            delta["t"] = newest
            bases[pc] = report
            row[2] = delta
        row[0] = (
            int(method_ids[method])
            if method_ids.get(method, "x").isdigit()
            else method_ids.get(method, method)
        )
        out.append(json.dumps(row))
    return out


def test_compressed_rtcstats_decompresses_to_the_same_report(
    rtcstats_gz: Path, tmp_path: Path
) -> None:
    plain = gzip.decompress(rtcstats_gz.read_bytes()).decode().splitlines()
    small = tmp_path / "compressed.jsonl"
    small.write_text("\n".join(_compress(plain)) + "\n")
    for pc in ("8-1", "8-2"):
        full, packed = events_of(rtcstats_gz, pc), events_of(small, pc)
        assert states(full) == states(packed)
        a, b = stats(full), stats(packed)
        assert len(a) == len(b) > 0
        for x, y in zip(a, b, strict=True):
            # Ids are renumbered by the compressor; the values are the same.
            assert sorted(
                sorted((k, v) for k, v in e.items() if not k.endswith("Id") and k != "id")
                for e in x.report
            ) == sorted(
                sorted((k, v) for k, v in e.items() if not k.endswith("Id") and k != "id")
                for e in y.report
            )
        assert len(kinds(full, "selectedcandidatepairchange")) == len(
            kinds(packed, "selectedcandidatepairchange")
        )


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    return path


BAD = {
    "empty.txt": b"",
    "garbage.gz": b"\x1f\x8b\x08\x00garbage-not-deflate",
    "cut.gz": gzip.compress(b'{"PeerConnections": {}}' * 100)[:40],
    "badjson.txt": b'{"PeerConnections": {',
    "notdump.json": b'{\n "hello": 1}',
    "v2.jsonl": b'RTCStatsDump\n{"fileFormat": 2}\n',
    "header.jsonl": b"RTCStatsDump\n[1,2]\n",
    "hugeint.jsonl": b'RTCStatsDump\n{"fileFormat": 3}\n["create", "a", {}, '
    + b"9" * 5000
    + b"]\n",
    "deep.txt": b'{\n"PeerConnections": ' + b"[" * 100000 + b"]" * 100000 + b"}",
    "binary.bin": bytes(range(256)),
    "journal.jsonl": b'{"ts": 0, "wall": 1, "peer": "local", "type": "nope"}\n{"ts": 1}\n',
    "latin1.txt": '{\n"PeerConnections": {"é": 1}}'.encode("latin-1"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_unreadable_files_are_one_readable_line(name: str, tmp_path: Path) -> None:
    path = _write(tmp_path, name, BAD[name])
    with pytest.raises(FormatError):
        open_evidence(path).events().__iter__().__next__()  # type: ignore[operator]


def _old_internals(tmp_path: Path, internals_gz: Path, how: str) -> Path:
    dump = json.loads(gzip.decompress(internals_gz.read_bytes()))
    for pc in dump["PeerConnections"].values():
        if how == "locale-time":
            for entry in pc["updateLog"]:
                entry["time"] = "11/29/2026, 8:13:30 AM"
                del entry["timestamp"]
        elif how == "no-timestamps":
            pc["stats"] = {k: v for k, v in pc["stats"].items() if not k.endswith("-timestamp")}
        elif how == "legacy":
            pc["stats"]["Conn-audio-1-0-googRtt"] = {"values": "[1]"}
    return _write(tmp_path, f"{how}.txt", json.dumps(dump))


@pytest.mark.parametrize(
    ("how", "words"),
    [("locale-time", "too old"), ("no-timestamps", "no timestamps"), ("legacy", "legacy")],
)
def test_too_old_dumps_are_refused_with_the_reason(
    how: str, words: str, tmp_path: Path, internals_gz: Path
) -> None:
    path = _old_internals(tmp_path, internals_gz, how)
    with pytest.raises(FormatError, match=words):
        open_evidence(path)


def test_truncated_series_are_flagged(tmp_path: Path, internals_gz: Path) -> None:
    dump = json.loads(gzip.decompress(internals_gz.read_bytes()))
    series = dump["PeerConnections"]["8-1"]["stats"]
    for key, value in series.items():  # stretch every series of T01 to Chromium's cap
        if key.startswith("T01-"):
            items = json.loads(value["values"])
            if key == "T01-timestamp":
                items = [items[0] - 1000.0 * (1000 - n) for n in range(1000 - len(items))] + items
            else:
                items = [items[0]] * (1000 - len(items)) + items
            value["values"] = json.dumps(items)
    imported = open_evidence(_write(tmp_path, "long.txt", json.dumps(dump)))
    assert len(imported.notes) == 1 and "truncated" in imported.notes[0]
    assert "8-1" in imported.notes[0]
    assert len(stats(events_of(imported.path, "8-1"))) == 1000


@pytest.mark.parametrize(
    "name", ["garbage.gz", "badjson.txt", "v2.jsonl", "hugeint.jsonl", "deep.txt"]
)
def test_cli_import_exit_2_one_line(name: str, tmp_path: Path) -> None:
    path = _write(tmp_path, name, BAD[name])
    result = run_python("-m", "icescope", "import", str(path), timeout=60)
    assert result.returncode == 2, result.stdout[-500:]
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert name in result.stderr


def test_cli_import_tags_pc(internals_gz: Path) -> None:
    result = run_python("-m", "icescope", "import", str(internals_gz), timeout=60)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert {x["pc"] for x in lines} == {"8-1", "8-2"}
    assert [x["type"] for x in lines if x["type"] == "summary"] == ["summary", "summary"]
    one = run_python("-m", "icescope", "import", str(internals_gz), "--pc", "8-2", timeout=60)
    assert one.returncode == 0 and '"pc"' not in one.stdout
    missing = run_python("-m", "icescope", "import", str(internals_gz), "--pc", "9-9", timeout=60)
    assert missing.returncode == 2 and "8-1, 8-2" in missing.stderr
