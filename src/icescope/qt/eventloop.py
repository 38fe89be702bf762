"""PreciseEventLoop: qasync's asyncio loop on Qt, with precise timers for ``call_later``.

qasync schedules every asyncio timer (``call_later``, ``call_at``, ``asyncio.sleep``) with
``QObject.startTimer(ms)``, whose default timer type is ``Qt.CoarseTimer``: Qt may fire it up to
5 % of its interval early or late. That made a 5 s blackout from the window last 4.75–5.25 s
(the probe, on a plain asyncio loop, is exact) and shifts every other timed thing the core does
on the window's loop (consent checks, Ta pacing, restart timeouts). This loop asks Qt for
``Qt.PreciseTimer`` (millisecond accuracy) and rounds the delay up, so a callback never runs
before its time, as asyncio promises.
"""

from __future__ import annotations

import math
from typing import Any

import qasync
from PySide6.QtCore import Qt


class _PreciseTimer(qasync._SimpleTimer):  # type: ignore[misc]
    """qasync's timer object, starting each timer as ``Qt.PreciseTimer``."""

    def add_callback(self, handle: Any, delay: float = 0) -> Any:
        ms = max(0, math.ceil(max(0.0, delay) * 1000))
        timer_id = self.startTimer(ms, Qt.TimerType.PreciseTimer)
        # The callback table is qasync's (name-mangled) private dict, keyed by timer id.
        self._SimpleTimer__callbacks[timer_id] = handle
        return handle


class PreciseEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """A ``qasync.QEventLoop`` whose timers keep their time to the millisecond."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._timer = _PreciseTimer()
