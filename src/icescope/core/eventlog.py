"""EventLog: the in-memory store of a session's events, for views and exports."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from .events import is_periodic

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .events import SessionEvent

DEFAULT_MAXLEN = 500_000
"""Events kept in memory; the on-disk journal keeps everything regardless."""
PERIODIC_MAX = 2_000
"""Periodic samples (statistics, running heartbeat counts) kept in memory at full rate.

Each holds a whole statistics report (~2 KB): all kept, at 4 a second, they grew a
long-running probe by ~36 MiB an hour. Beyond this many (about 8 minutes of them), the older
half is thinned (every other sample of each peer and type dropped), so the whole span stays,
ever more sparsely; the journal keeps them all.
"""

CSV_COLUMNS = ("wall", "ts", "peer", "type", "previous", "state", "summary")


class EventLog:
    """A bounded, append-only sequence of events.

    ``dropped`` counts events pushed out by the bound so views can say so instead of silently
    showing a truncated history (a common complaint about internals-style tools).
    """

    def __init__(self, maxlen: int = DEFAULT_MAXLEN, periodic_max: int = PERIODIC_MAX) -> None:
        self._events: deque[SessionEvent] = deque(maxlen=maxlen)
        self.dropped = 0
        """Events discarded because the store was full."""
        self._periodic_max = max(2, periodic_max)
        self._periodic = 0
        self.thinned = 0
        """Older periodic samples dropped to bound memory (the journal has them all)."""

    def append(self, event: SessionEvent) -> None:
        """Store ``event`` (the hub subscriber)."""
        if len(self._events) == self._events.maxlen:
            self.dropped += 1
            if is_periodic(self._events[0]):
                self._periodic -= 1
        self._events.append(event)
        if is_periodic(event):
            self._periodic += 1
            if self._periodic > self._periodic_max:
                self._thin()

    def _thin(self) -> None:
        """Drop every other periodic sample (per peer and type) in the older half of them."""
        older = self._periodic // 2
        seen = 0
        toggle: dict[tuple[str, str], bool] = {}
        kept: deque[SessionEvent] = deque(maxlen=self._events.maxlen)
        for event in self._events:
            if is_periodic(event) and seen < older:
                seen += 1
                key = (event.peer.value, event.type)
                toggle[key] = drop = not toggle.get(key, True)
                if drop:
                    self.thinned += 1
                    self._periodic -= 1
                    continue
            kept.append(event)
        self._events = kept

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
        """Serialise ``events`` (default: all) as CSV with a header row."""
        import csv  # on export only: the window's start-up never needs it
        import io

        chosen = self._events if events is None else events
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for event in chosen:
            d = event.to_dict()
            writer.writerow(
                [
                    f"{event.wall:.6f}",
                    f"{event.ts:.6f}",
                    event.peer.value,
                    event.type,
                    d.get("previous", ""),
                    d.get("state", ""),
                    event.summary(),
                ]
            )
        return buf.getvalue()
