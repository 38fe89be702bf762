"""Plain-text columns of one event, shared by the log model and the clipboard/TSV copy."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ...core.events import (
    CandidateGathered,
    Cause,
    ConnectivityWait,
    DataChannelChanged,
    IceRestart,
    Impairment,
    Notice,
    SessionMarker,
    StateChanged,
)
from ...core.states import Provenance
from ..core_texts import cause_text, impairment_text, notice_text
from ..i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from ...core.events import SessionEvent

COLUMNS = (
    QT_TRANSLATE_NOOP("EventLog", "Time"),
    QT_TRANSLATE_NOOP("EventLog", "Elapsed"),
    QT_TRANSLATE_NOOP("EventLog", "Peer"),
    QT_TRANSLATE_NOOP("EventLog", "Event"),
    QT_TRANSLATE_NOOP("EventLog", "Change"),
    QT_TRANSLATE_NOOP("EventLog", "Detail"),
)
"""Column headers of the event log, in order (shown through ``translate("EventLog", …)``).

The cells themselves are the events' data (W3C values, event types, the core's details) as in
the journal and the exports; only the words IceScope adds around them are translated."""


def wall_text(wall: float) -> str:
    """Local wall-clock time with milliseconds (``14:03:07.412``)."""
    ms = int((wall % 1) * 1000)
    return time.strftime("%H:%M:%S", time.localtime(wall)) + f".{ms:03d}"


def elapsed_text(ts: float) -> str:
    """Seconds since session start with milliseconds (``+12.345 s``)."""
    return f"+{ts:.3f} s"


def change_text(event: SessionEvent) -> str:
    """The ``old → new`` column: the transition, or the short outcome of a non-state event."""
    match event:
        case StateChanged():
            return f"{event.previous} → {event.state}"
        case DataChannelChanged():
            return event.state
        case IceRestart() | ConnectivityWait():
            return event.phase
        case CandidateGathered():
            return "end" if event.end else event.candidate_type
        case Impairment():
            return "clear" if event.kind == "clear" else ("on" if event.active else "off")
        case Notice():
            return event.level
        case SessionMarker():
            return event.phase
        case Cause():
            return event.code
    return ""


def detail_text(event: SessionEvent) -> str:
    """Everything else worth reading about ``event``, on one line."""
    if isinstance(event, StateChanged):
        parts: list[str] = []
        # Time in the previous state first: it is what a tester compares (e.g. 2.5 s to
        # disconnected); long details come after and may be elided.
        if event.in_previous is not None:
            parts.append(
                translate("EventLog", "after {0} s in {1}").format(
                    f"{event.in_previous:.3f}", event.previous
                )
            )
        provenance = event.provenance.value
        if event.provenance is not Provenance.REPORTED and (
            provenance.replace("-", " ") not in event.detail.lower()
        ):
            parts.append(provenance)
        if event.detail:
            parts.append(event.detail)
        if event.generation:
            parts.append(f"ufrag {event.generation}")
        return " · ".join(parts)
    if isinstance(event, SessionMarker) and not event.detail:
        return ""
    if isinstance(event, Notice):
        return f"[{event.code}] {notice_text(event)}"
    if isinstance(event, Cause):
        return translate("EventLog", "why {0}: {1}").format(event.state, cause_text(event))
    if isinstance(event, SessionMarker):
        return event.detail
    if isinstance(event, Impairment):
        return impairment_text(event)
    return event.summary()


def summary_text(event: SessionEvent) -> str:
    """``event.summary()`` with the core's words in the UI's language (tooltips, copies)."""
    if isinstance(event, Notice):
        return notice_text(event)
    if isinstance(event, Cause):
        return f"{event.state}: {cause_text(event)} [{event.code}]"
    if isinstance(event, Impairment):
        return impairment_text(event)
    return event.summary()


def row_texts(event: SessionEvent) -> tuple[str, str, str, str, str, str]:
    """All six column texts of ``event``, in :data:`COLUMNS` order."""
    return (
        wall_text(event.wall),
        elapsed_text(event.ts),
        event.peer.value,
        event.type,
        change_text(event),
        detail_text(event),
    )
