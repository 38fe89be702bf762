"""Checks for what a remote says about its own statistics and heartbeat counts.

A remote (the browser page, another IceScope) sends ``{"type": "event", "event": "stats",
"report": [...]}`` with its own ``getStats()`` entries, and ``{"type": "event", "event":
"heartbeat", "sent": N, "received": M, "final": false}``. Both come from another process, so
everything is checked before it becomes an event: a flat list of flat dictionaries of JSON
scalars, of bounded size. Anything else is a :class:`~icescope.core.errors.SignalingError`
whose message says what was wrong.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Final

from .errors import SignalingError

if TYPE_CHECKING:
    from .signaling.base import Message

STATS_TYPES: Final = frozenset(
    {"candidate-pair", "local-candidate", "remote-candidate", "transport", "data-channel"}
)
"""The webrtc-stats entry types IceScope keeps; entries of other types are left out."""
MAX_ENTRIES: Final = 256
"""More entries than this in one report are refused (a real one has a few dozen)."""
MAX_FIELDS: Final = 64
"""More fields than this in one entry are refused (RTCIceCandidatePairStats has ~30)."""
MAX_KEY: Final = 64
MAX_TEXT: Final = 512
MAX_COUNT: Final = 2**53
"""Heartbeat counts at or above this are not exact in JavaScript: refused."""
MAX_NUMBER: Final = 2**64
"""Whole numbers in stats may be 64-bit (a candidate pair's ``priority``), no larger."""


def _scalar(where: str, value: object) -> str | int | float | bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) >= MAX_NUMBER:
            raise SignalingError(f"{where}: the number {value} is out of range")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise SignalingError(f"{where}: numbers must be finite, got {value}")
        return value
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise SignalingError(f"{where}: text longer than {MAX_TEXT} characters")
        return value
    kind = "a list" if isinstance(value, list) else type(value).__name__
    raise SignalingError(f"{where}: must be a number, text, true/false or null, not {kind}")


def _entry(index: int, raw: object) -> dict[str, Any] | None:
    where = f"stats entry {index}"
    if not isinstance(raw, dict):
        raise SignalingError(f"{where} must be an object, not {type(raw).__name__}")
    if len(raw) > MAX_FIELDS:
        raise SignalingError(f"{where} has {len(raw)} fields (at most {MAX_FIELDS})")
    kind, ident = raw.get("type"), raw.get("id")
    if not isinstance(kind, str) or not isinstance(ident, str) or not ident:
        raise SignalingError(f"{where} needs a text 'type' and a non-empty text 'id'")
    if kind not in STATS_TYPES:
        return None
    entry: dict[str, Any] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or not key or len(key) > MAX_KEY:
            raise SignalingError(f"{where}: field name {str(key)[:MAX_KEY]!r} is not allowed")
        entry[key] = _scalar(f"{where} field {key!r}", value)
    return entry


def stats_report(message: Message) -> tuple[dict[str, Any], ...]:
    """The checked entries of a ``stats`` message (other entry types left out).

    Raises:
        SignalingError: ``report`` is not a list of at most :data:`MAX_ENTRIES` flat objects
            with a text ``type`` and ``id`` and JSON scalar values.
    """
    raw = message.get("report")
    if not isinstance(raw, list):
        raise SignalingError("remote stats: 'report' must be a list of stats entries")
    if len(raw) > MAX_ENTRIES:
        raise SignalingError(f"remote stats: {len(raw)} entries (at most {MAX_ENTRIES})")
    entries = (_entry(i, item) for i, item in enumerate(raw))
    return tuple(e for e in entries if e is not None)


def _count(message: Message, key: str, *, required: bool) -> int | None:
    value = message.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_COUNT:
        raise SignalingError(f"remote heartbeat: {key!r} must be a whole number ≥ 0")
    return value


def heartbeat_counts(message: Message) -> tuple[int, int | None, int | None, bool]:
    """``(sent, received, queued, final)`` of a ``heartbeat`` message.

    Raises:
        SignalingError: a count is missing, negative, fractional or not a number, or ``final``
            is not true/false.
    """
    final = message.get("final", False)
    if not isinstance(final, bool):
        raise SignalingError("remote heartbeat: 'final' must be true or false")
    sent = _count(message, "sent", required=True)
    assert sent is not None
    return (
        sent,
        _count(message, "received", required=False),
        _count(message, "queued", required=False),
        final,
    )
