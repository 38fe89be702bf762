"""EventLog: the in-memory store of a session's events, for views and exports."""

from __future__ import annotations

import heapq
from collections import deque
from operator import itemgetter
from typing import TYPE_CHECKING

from .events import IceRestart, StateChanged, StatsSample, is_periodic
from .states import Machine

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .events import Peer, SessionEvent

DEFAULT_MAXLEN = 500_000
"""Events kept in memory; the on-disk journal keeps everything regardless."""
PERIODIC_MAXLEN = 600
"""Periodic samples (statistics, running heartbeat counts) kept in memory besides those at key
moments: the last few minutes. A statistics sample carries every candidate and pair of the last
generations (~7 KB), so keeping them all grew a window by ~100 MB an hour; the journal keeps
every one, and exports read them back from it (:mod:`icescope.core.recorded`)."""
KEY_SAMPLES_MAXLEN = 200
"""Statistics samples kept at key moments (the latest 200: a session restarting every few
seconds would otherwise keep one per restart and peer for ever)."""


class EventLog:
    """A bounded, append-only sequence of events, iterated in the order they were published.

    What happened (state changes, restarts, notices, …) is kept up to ``maxlen``; periodic
    samples only for the last ``periodic_maxlen``, and each peer's first statistics sample after
    a key moment (an ICE state change or a restart step) for the last ``key_maxlen`` of those,
    so a report made from memory can show the candidate pairs at the key moments of a long
    session.

    ``dropped`` and ``dropped_periodic`` count what the bounds pushed out so views and exports can
    say so instead of silently showing a truncated history (a common complaint about
    internals-style tools).
    """

    def __init__(
        self,
        maxlen: int = DEFAULT_MAXLEN,
        periodic_maxlen: int = PERIODIC_MAXLEN,
        key_maxlen: int = KEY_SAMPLES_MAXLEN,
    ) -> None:
        self._events: deque[tuple[int, SessionEvent]] = deque(maxlen=maxlen)
        self._periodic: deque[tuple[int, SessionEvent]] = deque(maxlen=periodic_maxlen)
        self._key: deque[tuple[int, SessionEvent]] = deque(maxlen=key_maxlen)
        self._next = 0
        self._wanted: set[Peer] = set()
        """Peers whose next statistics sample marks a key moment."""
        self.dropped = 0
        """Events discarded because the store was full."""
        self.dropped_periodic = 0
        """Periodic samples discarded (the journal still has them)."""

    def append(self, event: SessionEvent) -> None:
        """Store ``event`` (the hub subscriber)."""
        store = self._events
        if is_periodic(event):
            if isinstance(event, StatsSample) and event.peer in self._wanted:
                self._wanted.discard(event.peer)
                store = self._key
            else:
                store = self._periodic
        elif (isinstance(event, StateChanged) and event.machine is Machine.ICE) or isinstance(
            event, IceRestart
        ):
            self._wanted.add(event.peer)
        if len(store) == store.maxlen:
            if store is self._events:
                self.dropped += 1
            else:
                self.dropped_periodic += 1
        store.append((self._next, event))
        self._next += 1

    def trimmed(self) -> str | None:
        """Why events are missing from this store (None when none were dropped)."""
        if not (self.dropped or self.dropped_periodic):
            return None
        parts = []
        if self.dropped_periodic:
            parts.append(
                f"{self.dropped_periodic} periodic samples (statistics, running heartbeat "
                "counts) older than the last "
                f"{self._periodic.maxlen} are not kept in memory, except the first statistics "
                f"after each of the last {self._key.maxlen} key moments"
            )
        if self.dropped:
            parts.append(f"the {self.dropped} oldest events are not kept in memory")
        return "; ".join(parts) + "; the session's journal has every one."

    def __len__(self) -> int:
        return len(self._events) + len(self._periodic) + len(self._key)

    def __iter__(self) -> Iterator[SessionEvent]:
        stores = (self._events, self._periodic, self._key)
        for _, event in heapq.merge(*stores, key=itemgetter(0)):
            yield event

    def to_jsonl(self, events: Iterable[SessionEvent] | None = None) -> str:
        """Serialise ``events`` (default: all) as JSON Lines, one event per line."""
        import json  # on export only: the window's start-up never needs it

        chosen = self if events is None else events
        return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in chosen)

    def to_csv(self, events: Iterable[SessionEvent] | None = None) -> str:
        """Serialise ``events`` (default: all) as CSV with every field (:mod:`.csv_events`)."""
        from .csv_events import to_csv  # on export only: the window's start-up never needs it

        return to_csv(self if events is None else events)
