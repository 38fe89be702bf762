"""What a session recorded: every event, from its journal when memory no longer holds them all.

The in-memory :class:`~icescope.core.eventlog.EventLog` is bounded (periodic samples for a few
minutes, plus those at key moments); the journal keeps every event. Exports and reports that
need the whole session (an rtcstats dump, the HTML report's graphs) read it back from the
journal — only this session's part of it — and fall back to memory, saying what is missing,
when there is no healthy journal to read.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .formats.errors import FormatError
from .formats.records import event_from_record

if TYPE_CHECKING:
    from pathlib import Path

    from .eventlog import EventLog
    from .events import SessionEvent
    from .journal import Journal


def recorded_events(
    log: EventLog, journal: Journal | None
) -> tuple[list[SessionEvent], str | None]:
    """Every event of the session, and why some are missing (None when none are).

    Args:
        log: the session's in-memory events.
        journal: its journal (None when journaling is off).
    """
    trimmed = log.trimmed()
    if trimmed is None:
        return list(log), None
    if journal is not None and journal.error is None and journal.path.is_file():
        try:
            return read_from(journal.path, journal.start), None
        except (OSError, FormatError) as exc:
            trimmed += f" (reading it back failed: {exc})"
    return list(log), trimmed


def read_from(path: Path, start: int) -> list[SessionEvent]:
    """The events of the journal at ``path`` from byte ``start`` on (a torn last line ends it).

    Raises:
        OSError: the file cannot be read.
        FormatError: a whole line is not an event record.
    """
    events = []
    with path.open("rb") as handle:
        handle.seek(start)
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError:
                if raw.endswith(b"\n"):
                    raise FormatError(
                        f"{path.name}: line {number} after offset {start} is not JSON"
                    ) from None
                break  # the line being written
            event = event_from_record(record)
            if event is not None:
                events.append(event)
    return events
