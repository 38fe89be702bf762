"""Read chrome://webrtc-internals dumps (``.txt`` JSON or ``.gz``).

Two generations are read (``formats-and-stats.md`` §1): the current one (``updateLog`` types
named like rtcstats methods, JSON-quoted values, epoch-ms float ``timestamp``,
``rtcConfiguration`` as a JSON string) and the ~2023 one (bare state strings, ``icecandidate``
and ``sdpMid: …, candidate: …`` text, a non-JSON configuration). Statistics are series keyed
``<id>-<stat>`` whose ``values`` is a JSON array in a string, aligned from the end to the
object's ``<id>-timestamp`` series (a stat that appeared late is shorter). Older dumps are
refused with the reason: log entries with only a locale ``time`` (no date precision, no
milliseconds), legacy ``Conn-…`` statistics, or series without ``-timestamp`` (before M117).
"""

from __future__ import annotations

import heapq
import json
import sys
from array import array
from typing import TYPE_CHECKING, Any, Final

from . import source, values
from .builder import ConnectionBuilder
from .errors import FormatError
from .imported import Imported

if TYPE_CHECKING:
    from collections.abc import Iterator, MutableSequence
    from pathlib import Path

    from .imported import Tagged

TRUNCATED_AT: Final = 1000
"""Chromium keeps this many points per series (``MAX_STATS_DATA_POINT_BUFFER_SIZE``)."""
Row = tuple[float, int, str, Any]


def read(path: Path) -> Imported:
    """Parse a dump and check it can be imported; events are built when asked for.

    Raises:
        FormatError: not a webrtc-internals dump, or one too old to carry timestamps.
    """
    data = source.read_document(path)
    if not isinstance(data, dict) or not isinstance(data.get("PeerConnections"), dict):
        raise FormatError(f"{path.name} is not a webrtc-internals dump (no PeerConnections)")
    connections: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    for pc, record in data["PeerConnections"].items():
        if not isinstance(record, dict):
            raise FormatError(f"{path.name}: peer connection {str(pc)[:40]!r} is not an object")
        connections[str(pc)[:200]] = _check(path, str(pc), record, notes)
    generation = "current" if "UserAgentData" in data else "~2023"
    meta = {
        "userAgent": str(data.get("UserAgent", ""))[:500],
        "generation": generation,
        "timestamp": data.get("timestamp"),
    }
    imported = Imported("webrtc-internals", path, tuple(connections), notes, meta)
    imported.reader = lambda pc: _events(connections, pc)
    return imported


def _check(path: Path, pc: str, record: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    log = record.get("updateLog", [])
    stats = record.get("stats", {})
    if not isinstance(log, list) or not isinstance(stats, dict):
        raise FormatError(f"{path.name}: peer connection {pc[:40]!r}: updateLog/stats malformed")
    entries = [e for e in log if isinstance(e, dict)]
    if entries and not any(_time(e) is not None for e in entries):
        raise FormatError(
            f"{path.name}: this dump is too old to import: its log entries carry only a "
            "locale 'time' (no date, no milliseconds); use a Chromium of 2023 or later"
        )
    if any(k.startswith("Conn-") for k in stats):
        raise FormatError(
            f"{path.name}: this dump has legacy (non-standard) getStats series (Conn-…), "
            "which IceScope does not read; use a Chromium of 2023 or later"
        )
    if stats and not any(k.endswith("-timestamp") for k in stats):
        raise FormatError(
            f"{path.name}: this dump's statistics carry no timestamps (Chromium before M117); "
            "IceScope cannot place them in time"
        )
    truncated = sorted(
        k
        for k, s in stats.items()
        if k.endswith("-timestamp") and isinstance(s, dict) and _count(s) >= TRUNCATED_AT
    )
    if truncated:
        notes.append(
            f"peer connection {pc}: statistics truncated: Chromium keeps the last "
            f"{TRUNCATED_AT} samples per series ({len(truncated)} objects hit the limit); "
            "the earlier samples are missing from the dump"
        )
    return record


def _count(series: dict[str, Any]) -> int:
    text = series.get("values")
    return text.count(",") + 1 if isinstance(text, str) and len(text) > 2 else 0


def _time(entry: dict[str, Any]) -> float | None:
    stamp = entry.get("timestamp")
    if isinstance(stamp, bool) or not isinstance(stamp, int | float) or not abs(stamp) < 1e15:
        return None
    return float(stamp)


def _config(record: dict[str, Any]) -> Any:
    return values.parse_json_value(record.get("rtcConfiguration"))


def _events(connections: dict[str, dict[str, Any]], wanted: str | None) -> Iterator[Tagged]:
    chosen = {k: v for k, v in connections.items() if wanted in (None, k)}
    streams = []
    start = None
    for order, (pc, record) in enumerate(chosen.items()):
        rows = _log_rows(order, pc, record)
        first = rows[0][0] if rows else None
        stats = _StatsSeries(record.get("stats", {}))
        if stats.first is not None:
            first = stats.first if first is None else min(first, stats.first)
        if first is None:
            continue
        rows.insert(0, (first, order, "create", (pc, record)))
        start = first if start is None else min(start, first)
        streams.append(iter(rows))
        streams.append(stats.rows(order))
    if start is None:
        return
    builders: dict[int, ConnectionBuilder] = {}
    names = list(chosen)
    for wall_ms, order, method, value in heapq.merge(*streams, key=lambda r: (r[0], r[1])):
        pc = names[order]
        if method == "create":
            builders[order] = ConnectionBuilder(pc, start / 1000.0, "webrtc-internals")
            builders[order].url = str(value[1].get("url", ""))[:500]
            value = _config(value[1])
        for event in builders[order].row(method, value, wall_ms):
            yield pc, event


def _log_rows(order: int, pc: str, record: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for entry in record.get("updateLog", []):
        if not isinstance(entry, dict):
            continue
        stamp = _time(entry)
        kind = entry.get("type")
        if stamp is None or not isinstance(kind, str):
            continue
        rows.append((stamp, order, kind, values.parse_json_value(entry.get("value"))))
    rows.sort(key=lambda r: r[0])
    return rows


def _packed(items: list[Any]) -> MutableSequence[Any]:
    """A series in little memory: numbers in an array, repeated text shared."""
    if items and all(type(v) is float or type(v) is int for v in items):
        if all(type(v) is int and abs(v) < 2**63 for v in items):
            return array("q", items)
        if any(type(v) is float for v in items) and all(type(v) is float for v in items):
            return array("d", items)
    return [sys.intern(v) if type(v) is str and len(v) < 256 else v for v in items]


class _StatsSeries:
    """A peer connection's series pivoted back into one getStats report per tick."""

    def __init__(self, stats: dict[str, Any]) -> None:
        self.objects: dict[
            str, tuple[str, MutableSequence[Any], dict[str, MutableSequence[Any]]]
        ] = {}
        grouped: dict[str, dict[str, dict[str, Any]]] = {}
        for key, series in stats.items():
            if "[" in key or not isinstance(series, dict):
                continue  # bracketed names are Chromium's derived rates, not webrtc-stats
            obj, dash, stat = key.rpartition("-")
            if dash and series.get("statsType") in values.STATS_TYPES:
                grouped.setdefault(obj, {})[stat] = series
        for obj, stat_series in grouped.items():
            stamps = stat_series.pop("timestamp", {})
            times = _decode(stamps)
            if not times:
                continue
            kind = str(stamps.get("statsType", ""))
            fields = {}
            for stat, series in stat_series.items():
                decoded = _decode(series)
                if decoded and len(decoded) <= len(times):
                    fields[stat] = decoded
            self.objects[obj] = (kind, times, fields)
        firsts = [t[0] for _, t, _ in self.objects.values() if isinstance(t[0], int | float)]
        self.first: float | None = min(firsts) if firsts else None

    def rows(self, order: int) -> Iterator[Row]:
        """``(tick_ms, order, "getStats", {id: entry})`` in time order."""
        ticks = sorted({t for _, times, _ in self.objects.values() for t in times})
        cursors = dict.fromkeys(self.objects, 0)
        for tick in ticks:
            report = {}
            for obj, (kind, times, fields) in self.objects.items():
                i = cursors[obj]
                if i >= len(times) or times[i] != tick:
                    continue
                cursors[obj] = i + 1
                entry: dict[str, Any] = {"id": obj, "type": kind, "timestamp": tick}
                for stat, series in fields.items():
                    j = i - (len(times) - len(series))
                    if j >= 0:
                        entry[stat] = series[j]
                entry["type"] = kind  # a `type` series holds the same value
                report[obj] = entry
            yield tick, order, "getStats", report


def _decode(series: Any) -> MutableSequence[Any]:
    text = series.get("values") if isinstance(series, dict) else None
    if not isinstance(text, str):
        return []
    try:
        items = json.loads(text)
    except (ValueError, RecursionError):
        return []
    return _packed(items) if isinstance(items, list) else []
