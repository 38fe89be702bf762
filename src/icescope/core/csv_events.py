"""Events as CSV with every field, and back: what a spreadsheet opens and a script reads.

One header row, then one row per event. ``time`` is the wall-clock time in ISO 8601 with the
local time zone's offset and microseconds (``2026-11-29T10:47:01.123456+01:00``); ``ts`` the
session time in seconds; ``peer``, ``type`` and ``summary`` (the log's one-line description)
follow, then one column for every field any event type has, in a fixed order. A cell is empty
when the event has no such field or its value is None; text is written as is, anything else
(numbers, true/false, the statistics report) as JSON. :func:`read_csv` is the inverse: the
events it returns equal the ones written.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from .events import SessionEvent

if TYPE_CHECKING:
    from collections.abc import Iterable

LEADING: Final = ("time", "ts", "peer", "type", "summary")
_SKIP: Final = frozenset({"ts", "wall", "peer", "machine"})


def _field_columns() -> tuple[str, ...]:
    names: list[str] = []
    for cls in typing.get_args(SessionEvent):
        for f in dataclasses.fields(cls):
            if f.name not in _SKIP and f.name not in names:
                names.append(f.name)
    return tuple(names)


FIELDS: Final = _field_columns()
"""Every field of every event type (besides the leading columns), in a fixed order."""
COLUMNS: Final = (*LEADING, *FIELDS)


def iso_time(wall: float) -> str:
    """Unix time as ISO 8601 in the local time zone, with microseconds and the offset."""
    return datetime.fromtimestamp(wall).astimezone().isoformat(timespec="microseconds")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def to_csv(events: Iterable[SessionEvent]) -> str:
    """Serialise ``events`` as CSV with a header row and every field (see the module)."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for event in events:
        record = event.to_dict()
        row = [iso_time(record["wall"]), _cell(record["ts"]), record["peer"], record["type"]]
        row.append(event.summary())
        row += [_cell(record.get(name)) for name in FIELDS]
        writer.writerow(row)
    return buf.getvalue()


def read_csv(text: str) -> list[SessionEvent]:
    """The events of a CSV written by :func:`to_csv`.

    Raises:
        FormatError: the header is not this format's, or a row does not describe an event.
    """
    import csv
    import io

    from .formats.errors import FormatError
    from .formats.records import event_from_record

    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if header is None or tuple(header[: len(LEADING)]) != LEADING:
        raise FormatError("not an IceScope events CSV (its header differs)")
    events: list[SessionEvent] = []
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(header, row, strict=False))
        try:
            record = _record(cells)
            event = event_from_record(record)
        except (ValueError, KeyError) as exc:
            raise FormatError(f"line {number}: {exc}") from None
        if event is not None:
            events.append(event)
    return events


def _record(cells: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "ts": float(cells["ts"]),
        "wall": datetime.fromisoformat(cells["time"]).timestamp(),
        "peer": cells["peer"],
        "type": cells["type"],
    }
    cls = _class_of(cells["type"])
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        text = cells.get(f.name, "")
        if f.name in _SKIP or f.name not in cells:
            continue
        hint = str(hints[f.name])
        if hint == "<class 'str'>" or f.name == "provenance":
            record[f.name] = text
        elif text != "":
            record[f.name] = json.loads(text)
        elif "None" in hint:
            record[f.name] = None
    return record


def _class_of(kind: str) -> type[Any]:
    from .events import StateChanged
    from .states import Machine

    if kind in {m.value for m in Machine}:
        return StateChanged
    for cls in typing.get_args(SessionEvent):
        if kind == cls.TYPE:
            return typing.cast("type[Any]", cls)
    raise ValueError(f"unknown event type {kind!r:.40}")
