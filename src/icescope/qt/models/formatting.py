"""Plain-text columns of one event, shared by the log model and the clipboard/TSV copy."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ...core.events import Cause, Impairment, Notice, SessionMarker, StateChanged
from ..core_texts import cause_text, impairment_text, notice_text
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..texts import peer_word
from .event_words import change_word, event_detail, number

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

The cells keep the API's words as the journal and the exports have them (W3C values, event
types, candidates, codes); IceScope's own words and numbers follow the UI's language
(:mod:`.event_words`)."""


def wall_text(wall: float) -> str:
    """Local wall-clock time with milliseconds (``14:03:07.412``)."""
    ms = int((wall % 1) * 1000)
    return time.strftime("%H:%M:%S", time.localtime(wall)) + f".{ms:03d}"


def elapsed_text(ts: float) -> str:
    """Seconds since session start with milliseconds (``+12.345 s``; ``+12,345 s`` in German)."""
    return f"+{number(ts, 3)} s"


def change_text(event: SessionEvent) -> str:
    """The ``old → new`` column: the transition, or the short outcome of a non-state event."""
    return change_word(event)


def detail_text(event: SessionEvent) -> str:
    """Everything else worth reading about ``event``, on one line, in the UI's language."""
    if isinstance(event, Notice):
        return f"[{event.code}] {notice_text(event)}"
    if isinstance(event, Cause):
        return translate("EventLog", "why {0}: {1}").format(event.state, cause_text(event))
    if isinstance(event, Impairment):
        return impairment_text(event)
    said = event_detail(event)
    return event.summary() if said is None else said


def summary_text(event: SessionEvent) -> str:
    """``event.summary()`` with the words in the UI's language (tooltips, copies)."""
    if isinstance(event, Notice):
        return notice_text(event)
    if isinstance(event, Cause):
        return f"{event.state}: {cause_text(event)} [{event.code}]"
    if isinstance(event, StateChanged):
        detail = detail_text(event)
        return f"{event.previous} → {event.state} · {detail}" if detail else change_text(event)
    if isinstance(event, SessionMarker) and event.detail:
        return f"{change_text(event)}: {detail_text(event)}"
    return detail_text(event)


def row_texts(event: SessionEvent) -> tuple[str, str, str, str, str, str]:
    """All six column texts of ``event``, in :data:`COLUMNS` order."""
    return (
        wall_text(event.wall),
        elapsed_text(event.ts),
        peer_word(event.peer),
        event.type,
        change_text(event),
        detail_text(event),
    )
