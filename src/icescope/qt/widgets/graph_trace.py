"""Trace: one series' polyline, built once per zoom and extended as samples arrive.

A graph reads a :class:`~icescope.core.model.series.Series` as min/max blocks of the pyramid
level with about one block per pixel. Blocks of that level never change once they exist, so
their points are kept (x in pixels from an origin time, y as the raw value) and only the
newest blocks, and the finer blocks of the live tail, are added per paint. The painter's
transform places them: a slide of the view is a translation, a new y scale a scale, with a
cosmetic 1 px pen, so neither rebuilds anything. The trace is rebuilt when the level or the
seconds per pixel change, the view moves back before its first block, too much of it has
slid out of view, or the series dropped its oldest half.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPen, QPolygonF, QTransform

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QPainter

    from ...core.model.series import Series

GAP_BLOCKS = 4
"""No data for this many blocks' time (and at least 5 s): the line breaks."""


class Trace:
    """The cached polyline of one series for one graph."""

    def __init__(self) -> None:
        self._key: tuple[int, float] | None = None
        self._origin = 0.0
        self._first_t: float | None = None
        self._j_first = 0
        self._j_next = 0
        self._gap = 5.0
        self._last_t: float | None = None
        self._runs: list[tuple[QPolygonF, float]] = []
        """Each run of the line and the time of its last point."""
        self._tail: list[tuple[float, float, float]] = []
        self._scale_x = 1.0
        self.rebuilt = 0
        """How many times the trace was rebuilt from scratch (for tests and benchmarks)."""

    def prepare(self, series: Series, t0: float, t1: float, pixels: int) -> float:
        """Bring the trace up to date for the view ``t0``..``t1`` on ``pixels``; return its max."""
        base = series.levels[0]
        i0 = max(0, bisect_left(base.t, t0) - 1)
        i1 = min(len(base.t), bisect_right(base.t, t1) + 1)
        n = i1 - i0
        self._tail = []
        if n <= 0 or pixels <= 0:
            self._runs, self._key = [], None
            return 0.0
        k = 0
        while k + 1 < len(series.levels) and (n >> k) > pixels:
            k += 1  # the finest level with at most one block per pixel
        level = series.levels[k]
        j0, j_end = i0 >> k, min(len(level.t), ((i1 - 1) >> k) + 1)
        scale_x = pixels / (t1 - t0)
        key = (k, scale_x)
        if (
            key != self._key
            or base.t[0] != self._first_t
            or j0 < self._j_first
            or j0 - self._j_first > 2 * pixels
            or len(level.t) < self._j_next
        ):
            self._rebuild(key, base.t[0], t0, j0, (base.t[i1 - 1] - base.t[i0]) / max(1, n - 1))
        self._scale_x = scale_x
        self._extend(level.t, level.lo, level.hi, j_end)
        top = max(level.hi[j0:j_end], default=0.0)
        pos = max(i0, j_end << k)  # the newest points are not in a block of level k yet
        for m in range(k - 1, -1, -1):  # so cover them with the widest blocks that hold them
            lower = series.levels[m]
            start, end = pos >> m, min(len(lower.t), i1 >> m)
            if end > start:
                self._tail += zip(
                    lower.t[start:end], lower.lo[start:end], lower.hi[start:end], strict=True
                )
                top = max(top, max(lower.hi[start:end]))
                pos = end << m
        return top

    def _rebuild(
        self, key: tuple[int, float], first: float, origin: float, j0: int, step: float
    ) -> None:
        self._key, self._first_t, self._origin = key, first, origin
        self._j_first = self._j_next = j0
        self._gap = max(5.0, GAP_BLOCKS * (1 << key[0]) * step)
        self._last_t = None
        self._runs = []
        self.rebuilt += 1

    def _extend(self, ts: object, los: object, his: object, j_end: int) -> None:
        t_arr, lo_arr, hi_arr = ts, los, his  # arrays of the level
        origin, scale_x, gap = self._origin, self._scale_x, self._gap
        for j in range(self._j_next, j_end):
            t, lo, hi = t_arr[j], lo_arr[j], hi_arr[j]  # type: ignore[index]
            if self._last_t is None or t - self._last_t > gap or not self._runs:
                self._runs.append((QPolygonF(), t))
            poly = self._runs[-1][0]
            x = (t - origin) * scale_x
            poly.append(QPointF(x, lo))
            if hi != lo:  # the block's min and max: a spike inside it still shows
                poly.append(QPointF(x, hi))
            self._runs[-1] = (poly, t)
            self._last_t = t
        self._j_next = max(self._j_next, j_end)

    def draw(self, p: QPainter, box: QRectF, t0: float, top: float, color: QColor) -> None:
        """Draw the trace in ``box`` (view starting at ``t0``, values 0..``top``)."""
        if self._key is None:
            return
        scale_y = box.height() / top
        shift = (self._origin - t0) * self._scale_x
        p.save()
        p.setClipRect(box)
        p.setWorldTransform(QTransform(1, 0, 0, -scale_y, box.left() + shift, box.bottom()), True)
        p.setPen(QPen(color, 0))  # cosmetic 1 px whatever the transform (a wide pen strokes)
        left = t0 - 1.0 / self._scale_x
        for poly, last in self._runs:
            if last >= left:  # runs that slid out of view are skipped
                p.drawPolyline(poly)
        if self._tail:
            tail = QPolygonF()
            if (
                self._runs
                and self._last_t is not None
                and self._tail[0][0] - self._last_t <= self._gap
            ):
                tail.append(self._runs[-1][0].last())
            previous = self._tail[0][0]
            for t, lo, hi in self._tail:
                if t - previous > self._gap and tail.size():
                    p.drawPolyline(tail)
                    tail = QPolygonF()
                previous = t
                x = (t - self._origin) * self._scale_x
                tail.append(QPointF(x, lo))
                if hi != lo:
                    tail.append(QPointF(x, hi))
            p.drawPolyline(tail)
        p.restore()
