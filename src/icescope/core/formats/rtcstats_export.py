"""Write a session as an rtcstats v3 dump that rtcstats tools and IceScope both read.

One pcId per peer (``local``, ``remote``). Browser-named rows where the format has one:
``oniceconnectionstatechange`` (and the other state events) with the bare state,
``restartIce`` for a restart this peer started, ``getStats`` with IceScope's computed
statistics (candidate-pair, candidates, transport, data channel; millisecond timestamps). The
rest are uncompressed custom methods ``icescope.<type>`` (the format: "Custom methods SHOULD NOT
be compressed"). Every row also carries the exact event as an extra element
``{"icescope": record}``, so IceScope reads its own dumps back event for event.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..events import IceRestart, StateChanged, StatsSample
from ..states import Machine

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..events import SessionEvent

HEADER = "RTCStatsDump"


def _row(event: SessionEvent) -> tuple[str, Any]:
    if isinstance(event, StateChanged) and event.machine is not Machine.TRANSPORT:
        return "on" + event.machine.value, event.state
    if isinstance(event, IceRestart) and event.phase == "start" and event.initiator == "local":
        return "restartIce", None
    if isinstance(event, StatsSample):
        return "getStats", {entry["id"]: entry for entry in event.report if "id" in entry}
    payload = event.to_dict()
    for key in ("ts", "wall", "peer", "type"):
        payload.pop(key, None)
    return f"icescope.{event.type}", payload


def to_rtcstats(
    events: Iterable[SessionEvent],
    *,
    start_wall: float,
    user_agent: str,
    config: dict[str, Any] | None = None,
) -> str:
    """The dump text: header, metadata, ``create`` per peer, then one row per event.

    Args:
        events: the session's events in order.
        start_wall: Unix time the session started (the first row's absolute time).
        user_agent: written to the metadata.
        config: the sanitized configuration for the ``create`` rows (no credentials).
    """
    meta = {
        "fileFormat": 3,
        "origin": "icescope",
        "userAgent": user_agent,
        "startTime": round(start_wall * 1000.0, 3),
    }
    lines = [HEADER, json.dumps(meta)]
    previous = start_wall * 1000.0
    first = True
    for peer in ("local", "remote"):
        delta = previous if first else 0.0
        first = False
        lines.append(json.dumps(["create", peer, config or {}, round(delta, 3)]))
    for event in events:
        now = event.wall * 1000.0
        method, value = _row(event)
        extra = {"icescope": event.to_dict()}
        row = [method, event.peer.value, value, extra, round(now - previous, 3)]
        previous = now
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"
