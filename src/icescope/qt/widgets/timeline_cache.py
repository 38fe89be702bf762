"""What the timeline computes once per zoom and extends as events arrive, instead of per paint.

* :func:`live_scale`: while the timeline follows a live session, seconds per pixel step along
  a ladder (about 4 % apart) instead of changing with every new second, so pixel columns keep
  their times and what was computed for them stays true;
* :class:`BandCache`: the worst state per pixel column of one band; new state changes
  recompute only the columns from the first new change on (the live tail);
* :class:`MarkCache`: one tick per mark kind and pixel column, extended with new marks.

Each cache is keyed by the view (first time, seconds per pixel, width) and rebuilt when the
view changes or the history dropped its oldest half (its first entry changed).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ...core.model.history import Mark

LADDER_STEPS = 16
"""Steps per doubling of seconds per pixel (2**(1/16): 4.4 % apart)."""

ViewKey = tuple[float, float, int]
"""(first time, seconds per pixel, pixel columns)."""


def live_scale(span: float, pixels: int) -> float:
    """Seconds per pixel for ``span`` on ``pixels`` columns: the next rung of the ladder."""
    need = max(span, 1e-3) / max(1, pixels)
    return float(2.0 ** (math.ceil(math.log2(need) * LADDER_STEPS) / LADDER_STEPS))


class BandCache:
    """The worst state in each pixel column of one band (``None``: nothing known yet)."""

    def __init__(self, severity: dict[str, int]) -> None:
        self._severity = severity
        self.key: ViewKey | None = None
        self.columns: list[str | None] = []
        self._folded = 0
        self._first: float | None = None
        self.recomputed = 0
        """Columns computed by the last :meth:`update` (for tests and benchmarks)."""

    def update(
        self, key: ViewKey, times: Sequence[float], states: Sequence[str]
    ) -> list[str | None]:
        """The columns for ``key`` given the band's changes ``times``/``states``."""
        t0, dt, width = key
        first = times[0] if times else None
        if key != self.key or first != self._first or len(times) < self._folded:
            start = 0
        elif len(times) > self._folded:
            start = max(0, int((times[self._folded] - t0) / dt) - 1)
        else:
            self.recomputed = 0
            return self.columns
        self.key, self._first, self._folded = key, first, len(times)
        del self.columns[start:]
        severity = self._severity
        i = bisect_right(times, t0 + start * dt) - 1  # the change in force at the column start
        for px in range(start, width + 1):
            j = bisect_right(times, t0 + (px + 1) * dt, lo=max(i, 0)) - 1
            state, worst = None, -1
            for s in states[max(i, 0) : j + 1]:  # in it at its start, and entered during it
                level = severity.get(s, 0)
                if level >= worst:
                    state, worst = s, level
            self.columns.append(state if j >= 0 else None)
            i = j
        self.recomputed = width + 1 - start
        return self.columns


class MarkCache:
    """Ticks ``(column, kind)``: one per kind and pixel column, in time order."""

    def __init__(self) -> None:
        self.key: tuple[ViewKey, float] | None = None
        self.ticks: list[tuple[int, str]] = []
        self._folded = 0
        """Marks looked at (an index into the history's marks)."""
        self._first: float | None = None
        self._last: dict[str, int] = {}

    def update(
        self, view: ViewKey, t1: float, marks: Sequence[Mark], times: Sequence[float]
    ) -> list[tuple[int, str]]:
        """The ticks of ``marks`` (with their ``times``) between the view's start and ``t1``."""
        t0, dt, _width = view
        key = (view, t1)
        first = times[0] if times else None
        if key != self.key or first != self._first or len(times) < self._folded:
            self.key, self._first, self.ticks, self._last = key, first, [], {}
            lo = bisect_left(times, t0)
        else:
            lo = max(self._folded, bisect_left(times, t0))
        hi = bisect_right(times, t1)
        last = self._last
        for mark in marks[lo:hi]:
            px = int((mark.ts - t0) / dt)
            if last.get(mark.kind) != px:
                last[mark.kind] = px
                self.ticks.append((px, mark.kind))
        self._folded = max(lo, hi)
        return self.ticks
