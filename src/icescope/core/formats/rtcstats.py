"""Read rtcstats dump files, format 3 (rtcstats ``packages/rtcstats-server/README.md``).

Line 1 is ``RTCStatsDump``, line 2 a metadata object with ``fileFormat: 3``, then one JSON
array per line: ``[method, pcId, value, …extra, delta_ms]``, the first delta being the epoch
time. Methods, stats types and stats property names may be compressed (numbers from the
format's tables), and getStats may be delta-compressed against the previous report of the same
pcId (``null`` marks a removed object). Chromium's own export uses none of that; rtcstats-js all
of it. IceScope's export (``origin: icescope``) carries every event exactly as an extra
``{"icescope": record}`` element and is read back as IceScope's own session.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from . import source
from .builder import ConnectionBuilder
from .errors import FormatError
from .imported import Imported
from .records import event_from_record
from .rtcstats_tables import METHODS, PROPERTIES, STATS_TYPES

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from .imported import Tagged

MAGIC: Final = ("RTCStatsDump", '"RTCStatsDump"')
_PC: Final = re.compile(r'^\[\s*(?:"[^"]*"|\d+)\s*,\s*"((?:[^"\\]|\\.){1,200})"')


def _header(path: Path) -> dict[str, Any]:
    it = source.lines(path)
    first = next(it, (0, ""))[1].strip()
    if first not in MAGIC:
        raise FormatError(f"{path.name} is not an rtcstats dump (no RTCStatsDump first line)")
    meta = source.loads(next(it, (0, "{}"))[1])
    if not isinstance(meta, dict):
        raise FormatError(f"{path.name}: line 2 must be the metadata object")
    version = meta.get("fileFormat")
    if version != 3:
        raise FormatError(
            f"{path.name}: rtcstats fileFormat {str(version)[:20]} is not supported (only 3)"
        )
    return meta


def read(path: Path) -> Imported:
    """Open an rtcstats v3 dump; its events are read when asked for.

    Raises:
        FormatError: not an rtcstats dump, an unsupported version, or unreadable.
    """
    meta = _header(path)
    own = meta.get("origin") == "icescope"
    pcs: list[str] = []
    if not own:
        seen = set()
        for _, line in source.lines(path):
            found = _PC.match(line)
            if found and found.group(1) not in seen:
                seen.add(found.group(1))
                pcs.append(found.group(1))
    imported = Imported("rtcstats", path, tuple(pcs), metadata=meta)
    imported.reader = lambda pc: _events(path, own, pc)
    return imported


def _row(number: int, line: str) -> tuple[str, str | None, Any, list[Any], float]:
    row = source.loads(line)
    if not isinstance(row, list) or len(row) < 3:
        raise FormatError(f"line {number}: expected [method, pcId, value, …, delta]")
    method, pc, delta = row[0], row[1], row[-1]
    if isinstance(delta, bool) or not isinstance(delta, int | float) or delta != delta:
        raise FormatError(f"line {number}: the last element must be a time delta in ms")
    if pc is not None and not isinstance(pc, str):
        pc = str(pc)
    name = METHODS.get(str(method), str(method)) if isinstance(method, str | int) else ""
    value = row[2] if len(row) > 3 else None
    return name, pc, value, row[3:-1], float(delta)


def _events(path: Path, own: bool, wanted: str | None) -> Iterator[Tagged]:
    builders: dict[str, ConnectionBuilder] = {}
    bases: dict[str, dict[str, dict[str, Any]]] = {}
    now = None
    start = None
    for number, line in source.lines(path):
        if number <= 2:
            continue
        try:
            method, pc, value, extras, delta = _row(number, line)
        except FormatError as exc:
            raise FormatError(f"{path.name}: {exc}") from None
        now = delta if now is None else now + delta
        if not (abs(now) < 1e15):
            raise FormatError(f"{path.name}:{number}: time {now:.0f} ms is out of range")
        start = now / 1000.0 if start is None else start
        if own:
            for extra in extras:
                if isinstance(extra, dict) and "icescope" in extra:
                    try:
                        event = event_from_record(extra["icescope"])
                    except FormatError as exc:
                        raise FormatError(f"{path.name}:{number}: {exc}") from None
                    if event is not None:
                        yield None, event
            continue
        if pc is None or (wanted is not None and pc != wanted):
            continue
        if method == "getStats":
            value = _decompress(bases, pc, value)
        builder = builders.get(pc)
        if builder is None:
            builder = builders[pc] = ConnectionBuilder(pc, start, "rtcstats")
        for event in builder.row(method, value, now):
            yield pc, event


def _is_full(report: dict[str, Any]) -> bool:
    return "t" not in report and all(
        isinstance(e, dict) and "id" in e and "type" in e for e in report.values()
    )


def _decompress(bases: dict[str, dict[str, dict[str, Any]]], pc: str, report: Any) -> Any:
    """Undo rtcstats getStats compression against the last report of ``pc``."""
    if not isinstance(report, dict):
        return None
    if _is_full(report):
        bases[pc] = report
        return report
    base = bases.get(pc, {})
    timestamp = report.get("t")
    out: dict[str, dict[str, Any]] = {}
    for key, entry in report.items():
        if key == "t" or not isinstance(entry, dict):
            continue
        named: dict[str, Any] = {PROPERTIES.get(str(k), str(k)): v for k, v in entry.items()}
        if "type" in named:
            named["type"] = STATS_TYPES.get(str(named["type"]), named["type"])
        out[str(key)] = named
    for key, old in base.items():
        if key in report and report[key] is None:
            continue  # removed
        merged = {**old, **out.get(key, {})}
        if timestamp is not None and "timestamp" not in out.get(key, {}):
            merged["timestamp"] = timestamp
        out[key] = merged
    for key, entry in out.items():
        entry.setdefault("id", key)
        if timestamp is not None:
            entry.setdefault("timestamp", timestamp)
    bases[pc] = out
    return out
