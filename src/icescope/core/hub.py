"""EventHub: the one publisher of a session; subscribers can fail without harming it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from .events import SessionEvent

logger = logging.getLogger(__name__)


class EventHub:
    """Fan events out to subscribers in subscription order.

    A subscriber that raises is logged and skipped: one bad widget or a full disk must never
    break the peer or stop the other subscribers (journal, view, probe output).
    """

    def __init__(self) -> None:
        self._subscribers: list[Callable[[SessionEvent], None]] = []
        self.published = 0
        """Number of events published so far."""

    def subscribe(self, callback: Callable[[SessionEvent], None]) -> Callable[[], None]:
        """Add ``callback``; return a function that removes it again."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, event: SessionEvent) -> None:
        """Deliver ``event`` to every subscriber; never raises."""
        self.published += 1
        for callback in tuple(self._subscribers):
            try:
                callback(event)
            except Exception:
                logger.exception("event subscriber %r failed on %s", callback, event.type)
