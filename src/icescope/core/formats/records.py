"""IceScope's own JSON records (journal lines, probe output) back into typed events.

Every record was written by :meth:`Event.to_dict`; this is its inverse. A record of a type that
is not an event (the closing ``summary``) gives None. Anything malformed is a
:class:`FormatError` that names the field.
"""

from __future__ import annotations

import dataclasses
import math
import typing
from typing import Any, Final

from ..events import (
    Peer,
    SessionEvent,
    StateChanged,
)
from ..states import Machine, Provenance
from .errors import FormatError

_CLASSES: Final[dict[str, type[Any]]] = {
    cls.TYPE: cls for cls in typing.get_args(SessionEvent) if cls is not StateChanged
}
"""Every event type by its ``type`` (state changes are named by their machine instead)."""
_MACHINES: Final = {m.value: m for m in Machine}
NOT_EVENTS: Final = frozenset({"summary"})
"""Record types that are not events (skipped, not refused)."""


def _number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FormatError(f"field {name!r} must be a finite number, not {value!r:.40}")
    return float(value)


def _check(name: str, value: object, hint: str) -> object:
    """Check ``value`` against a dataclass field's annotation (as text)."""
    if "None" in hint and value is None:
        return value
    if hint.startswith("float"):
        return _number(name, value)
    if hint.startswith("int"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise FormatError(f"field {name!r} must be a whole number")
        return value
    if hint.startswith("bool") and not isinstance(value, bool):
        raise FormatError(f"field {name!r} must be true or false")
    if hint.startswith("str") and not isinstance(value, str):
        raise FormatError(f"field {name!r} must be text")
    if hint.startswith("dict") and not isinstance(value, dict):
        raise FormatError(f"field {name!r} must be an object")
    return value


def _texts(name: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(e, str) for e in value):
        raise FormatError(f"field {name!r} must be a list of text")
    return tuple(value)


def _report(value: object) -> tuple[dict[str, Any], ...]:
    if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
        raise FormatError("field 'report' must be a list of objects")
    return tuple(value)


def event_from_record(record: object) -> SessionEvent | None:
    """The typed event a JSON record describes, or None for a non-event record.

    Raises:
        FormatError: the record is not an object, or a field is missing or of the wrong type.
    """
    if not isinstance(record, dict):
        raise FormatError(f"a record must be a JSON object, not {type(record).__name__}")
    kind = record.get("type")
    if kind in NOT_EVENTS or (kind == "expectation" and "peer" not in record):
        return None  # an older probe printed expectation lines that were not events
    if not isinstance(kind, str):
        raise FormatError("a record has no 'type'")
    try:
        peer = Peer(str(record.get("peer")))
    except ValueError:
        raise FormatError(f"record {kind!r}: 'peer' must be local or remote") from None
    kwargs: dict[str, Any] = {
        "ts": _number("ts", record.get("ts")),
        "wall": _number("wall", record.get("wall")),
        "peer": peer,
    }
    if kind in _MACHINES:
        cls: type[Any] = StateChanged
        kwargs["machine"] = _MACHINES[kind]
    elif kind in _CLASSES:
        cls = _CLASSES[kind]
    else:
        raise FormatError(f"unknown record type {kind!r:.40}")
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.name in kwargs or f.name not in record:
            continue
        value = record[f.name]
        if f.name == "provenance":
            try:
                value = Provenance(value)
            except ValueError:
                raise FormatError(f"record {kind!r}: unknown provenance {value!r:.40}") from None
        elif f.name == "report":
            value = _report(value)
        elif str(hints[f.name]).startswith("tuple[str"):
            value = _texts(f.name, value)
        else:
            value = _check(f.name, value, str(hints[f.name]).replace("<class '", ""))
        kwargs[f.name] = value
    try:
        event: SessionEvent = cls(**kwargs)
    except TypeError as exc:  # a required field is missing
        missing = str(exc).split(":")[-1].strip()
        raise FormatError(f"record {kind!r} lacks {missing}") from None
    return event
