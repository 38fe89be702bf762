"""Series: a bounded time series with a min/max pyramid, so a view of any span is O(pixels).

Level 0 holds the points; level ``k`` holds the minimum and maximum of blocks of ``2**k``
points. A view of ``n`` points on ``w`` pixels reads the level whose blocks are about
``n / w`` points wide, so drawing a day of one-second samples reads ~2 blocks per pixel.
When ``capacity`` points are held, the oldest half is dropped (the pyramid is rebuilt once).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

DEFAULT_CAPACITY = 1 << 17
"""131,072 points: a day of one-second samples fits; memory ~4 MB per series."""


@dataclass(slots=True)
class _Level:
    t: array[float] = field(default_factory=lambda: array("d"))
    """Time of each block's first point."""
    lo: array[float] = field(default_factory=lambda: array("d"))
    hi: array[float] = field(default_factory=lambda: array("d"))


@dataclass(slots=True)
class Series:
    """Points ``(t, v)`` in time order, bounded to ``capacity`` (a power of two)."""

    capacity: int = DEFAULT_CAPACITY
    levels: list[_Level] = field(default_factory=lambda: [_Level()])

    def __len__(self) -> int:
        """Points held."""
        return len(self.levels[0].t)

    @property
    def times(self) -> array[float]:
        """The points' times (level 0)."""
        return self.levels[0].t

    @property
    def values(self) -> array[float]:
        """The points' values (level 0)."""
        return self.levels[0].lo

    def last(self) -> tuple[float, float] | None:
        """The newest point, if any."""
        base = self.levels[0]
        return (base.t[-1], base.lo[-1]) if base.t else None

    def append(self, t: float, v: float) -> None:
        """Add a point (``t`` not before the last one; an earlier one is dropped)."""
        base = self.levels[0]
        if base.t and t < base.t[-1]:
            return
        if len(base.t) >= self.capacity:
            self._drop_oldest_half()
        base.t.append(t)
        base.lo.append(v)
        base.hi.append(v)
        self._carry(0)

    def _carry(self, k: int) -> None:
        level = self.levels[k]
        while len(level.t) % 2 == 0:
            if k + 1 == len(self.levels):
                self.levels.append(_Level())
            up = self.levels[k + 1]
            up.t.append(level.t[-2])
            up.lo.append(min(level.lo[-2], level.lo[-1]))
            up.hi.append(max(level.hi[-2], level.hi[-1]))
            k += 1
            level = up

    def _drop_oldest_half(self) -> None:
        base = self.levels[0]
        keep_t, keep_v = base.t[self.capacity // 2 :], base.lo[self.capacity // 2 :]
        self.levels = [_Level()]
        for t, v in zip(keep_t, keep_v, strict=True):
            self.append(t, v)

    def span(self) -> tuple[float, float] | None:
        """First and last time held."""
        base = self.levels[0]
        return (base.t[0], base.t[-1]) if base.t else None

    def envelope(self, t0: float, t1: float, pixels: int) -> list[tuple[float, float, float]]:
        """``(t, min, max)`` per block of the finest level with at most ~``pixels`` blocks.

        The point just before ``t0`` and just after ``t1`` are included, so a line enters and
        leaves the view.
        """
        base = self.levels[0]
        i0 = max(0, bisect_left(base.t, t0) - 1)
        i1 = min(len(base.t), bisect_right(base.t, t1) + 1)
        n = i1 - i0
        if n <= 0 or pixels <= 0:
            return []
        k = 0
        while k + 1 < len(self.levels) and (n >> k) > pixels:
            k += 1  # the finest level with at most one block per pixel
        level = self.levels[k]
        j0, j1 = i0 >> k, min(len(level.t), ((i1 - 1) >> k) + 1)
        out = list(zip(level.t[j0:j1], level.lo[j0:j1], level.hi[j0:j1], strict=True))
        pos = max(i0, j1 << k)  # the newest points are not summed into a block of level k yet
        for m in range(k - 1, -1, -1):  # so cover them with the widest blocks that hold them
            lower = self.levels[m]
            start, end = pos >> m, min(len(lower.t), i1 >> m)
            if end > start:
                out += zip(
                    lower.t[start:end], lower.lo[start:end], lower.hi[start:end], strict=True
                )
                pos = end << m
        return out
