"""EventLog: the in-memory store of a session's events, for views and exports."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .events import SessionEvent

DEFAULT_MAXLEN = 500_000
"""Events kept in memory; the on-disk journal keeps everything regardless."""


class EventLog:
    """A bounded, append-only sequence of events.

    ``dropped`` counts events pushed out by the bound so views can say so instead of silently
    showing a truncated history (a common complaint about internals-style tools).
    """

    def __init__(self, maxlen: int = DEFAULT_MAXLEN) -> None:
        self._events: deque[SessionEvent] = deque(maxlen=maxlen)
        self.dropped = 0
        """Events discarded because the store was full."""

    def append(self, event: SessionEvent) -> None:
        """Store ``event`` (the hub subscriber)."""
        if len(self._events) == self._events.maxlen:
            self.dropped += 1
        self._events.append(event)

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self) -> Iterator[SessionEvent]:
        return iter(self._events)

    def __getitem__(self, index: int) -> SessionEvent:
        return self._events[index]

    def to_jsonl(self, events: Iterable[SessionEvent] | None = None) -> str:
        """Serialise ``events`` (default: all) as JSON Lines, one event per line."""
        import json  # on export only: the window's start-up never needs it

        chosen = self._events if events is None else events
        return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in chosen)

    def to_csv(self, events: Iterable[SessionEvent] | None = None) -> str:
        """Serialise ``events`` (default: all) as CSV with every field (:mod:`.csv_events`)."""
        from .csv_events import to_csv  # on export only: the window's start-up never needs it

        return to_csv(self._events if events is None else events)
