"""Repeated notices are counted, not repeated: noise from an attacker must not become evidence.

A peer flooding garbage, or 10,000 unauthenticated requests, would otherwise write one notice
each into the log and the journal. Per ``(peer, level, code)``, the first :data:`BURST`
notices of a :data:`WINDOW` pass; the rest are counted, and when the window ends (or the
session does) one ``notices-suppressed`` notice says how many of which were left out. Nothing
is dropped without a word.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from .events import Notice, Peer

if TYPE_CHECKING:
    from collections.abc import Callable

    from .clock import SessionClock
    from .events import SessionEvent

BURST: Final = 10
"""Notices of one kind shown per window."""
WINDOW: Final = 10.0
"""Seconds of one rate-limit window."""
SUPPRESSED_CODE: Final = "notices-suppressed"

_Key = tuple[Peer, str, str]


@dataclass(slots=True)
class _Window:
    started: float
    shown: int = 1
    suppressed: int = 0
    timer: asyncio.TimerHandle | None = None


class NoticeLimiter:
    """Pass the first notices of a kind per window, count the rest, report the count.

    Args:
        publish: where the ``notices-suppressed`` reports go (the hub, not back here).
        clock: stamps the reports.
        burst: notices of one kind passed per window.
        window: seconds per window.
    """

    def __init__(
        self,
        publish: Callable[[SessionEvent], None],
        clock: SessionClock,
        *,
        burst: int = BURST,
        window: float = WINDOW,
    ) -> None:
        self._publish = publish
        self._clock = clock
        self.burst = burst
        self.window = window
        self._windows: dict[_Key, _Window] = {}
        self.suppressed = 0
        """Notices counted instead of shown, over the whole session."""

    def admit(self, notice: Notice) -> bool:
        """True when ``notice`` should be published; False when it was counted instead."""
        key = (notice.peer, notice.level, notice.code)
        current = self._windows.get(key)
        if current is None or notice.ts - current.started >= self.window:
            if current is not None:
                self._report(key)
            self._windows[key] = _Window(started=notice.ts)
            return True
        if current.shown < self.burst:
            current.shown += 1
            return True
        current.suppressed += 1
        self.suppressed += 1
        if current.timer is None:
            with contextlib.suppress(RuntimeError):  # no running loop: reported by flush()
                delay = max(0.0, current.started + self.window - self._clock.ts())
                loop = asyncio.get_running_loop()
                current.timer = loop.call_later(delay, self._report, key)
        return False

    def flush(self) -> None:
        """Report every pending count now (the session is ending)."""
        for key in list(self._windows):
            self._report(key)

    def _report(self, key: _Key) -> None:
        window = self._windows.pop(key, None)
        if window is None:
            return
        if window.timer is not None:
            window.timer.cancel()
        if not window.suppressed:
            return
        peer, level, code = key
        ts, wall = self._clock.stamp()
        self._publish(
            Notice.of(
                ts=ts,
                wall=wall,
                peer=peer,
                level=level,
                code=SUPPRESSED_CODE,
                count=str(window.suppressed),
                suppressed=code,
                seconds=f"{ts - window.started:.1f}",
                burst=str(self.burst),
                window=f"{self.window:g}",
            )
        )
