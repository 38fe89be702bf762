"""QtGraphs: round-trip time, bytes/s and heartbeat messages/s of both peers, impairments shaded.

Drawn with QPainter from the model's :class:`~icescope.core.model.history.History`: each
series is read as a min/max envelope with about one block per pixel (its pyramid makes that
O(pixels) for any span), drawn as one polyline that traces the envelope, so a spike inside a
pixel still shows. The view ends at the session's ``now``; the wheel changes the span (from
10 s to everything), a double-click shows everything. Repainted when a sample arrives.

Each series keeps its polyline between paints (:class:`~.graph_trace.Trace`): only new blocks
are added. Showing everything, the scale steps along a ladder
(:func:`~.timeline_cache.live_scale`) instead of changing with every second, leaving a little
room after ``now``.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.events import Peer
from ..i18n import QT_TRANSLATE_NOOP, current_language, translate
from .graph_trace import Trace
from .timeline_cache import live_scale

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QMouseEvent, QPaintEvent, QWheelEvent

    from ...core.model.history import History

PLOTS = (
    ("rtt", QT_TRANSLATE_NOOP("Graphs", "round-trip time (ms)")),
    ("bytes", QT_TRANSLATE_NOOP("Graphs", "bytes received per second")),
    ("heartbeat", QT_TRANSLATE_NOOP("Graphs", "heartbeat messages received per second")),
)
PEER_COLORS = {Peer.LOCAL: QColor("#1f6fd1"), Peer.REMOTE: QColor("#d1531f")}
IMPAIRMENT_TINT = QColor(200, 40, 40, 40)
DEFAULT_SPAN = 300.0
"""Seconds shown by default (the last five minutes)."""
MIN_SPAN = 10.0
KEPT_SPANS = 3
"""Spans whose traces are kept (zooming back and forth rebuilds nothing)."""


def _number(value: float) -> str:
    if value >= 10_000:
        return f"{value / 1000:.0f}k"
    if value >= 10:
        return f"{value:.0f}"
    return f"{value:.2g}".replace(".", QLocale(current_language()).decimalPoint())


_LEFT, _RIGHT = 48, 8
"""Margins of the plots (the y labels go left)."""


def _plot_pixels(width: int) -> int:
    return max(1, width - _LEFT - _RIGHT)


class QtGraphs(QWidget):
    """Three stacked plots, both peers in each (local blue, remote orange)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: History | None = None
        self.span: float | None = DEFAULT_SPAN
        """Seconds shown up to ``now``; None shows everything."""
        self._now: Callable[[], float] = lambda: 0.0
        self.last_paint_ms = 0.0
        """Duration of the last paint (for benchmarks)."""
        self._traces: dict[float | None, dict[tuple[Peer, str], Trace]] = {}
        """Per span shown recently (None: everything), each series' trace."""
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(
            translate(
                "Graphs",
                "Blue: local peer · orange: remote peer · red bands: impairments.\n"
                "Wheel: zoom the time span · double-click: the whole session.",
            )
        )

    def follow(self, history: History, now: Callable[[], float]) -> None:
        """Draw ``history`` up to the session time ``now()``."""
        self.history, self._now = history, now
        self.update()

    def traces(self) -> dict[tuple[Peer, str], Trace]:
        """The traces of the span shown (kept for the last few spans: switching is cheap)."""
        traces = self._traces.pop(self.span, None)
        if traces is None:
            traces = {(peer, metric): Trace() for peer in Peer for metric, _t in PLOTS}
        self._traces[self.span] = traces  # the newest last
        while len(self._traces) > KEPT_SPANS:
            del self._traces[next(iter(self._traces))]
        return traces

    def view_range(self) -> tuple[float, float]:
        """The session times at the left and right edges."""
        now = self._now()
        if self.history is not None:
            now = max(now, self.history.last_ts)
        first = self.history.first_ts if self.history and self.history.first_ts else 0.0
        if self.span is None:  # everything: the scale steps, so the lines need no rebuild
            pixels = _plot_pixels(self.width())
            return first, first + live_scale(max(now, first + 1.0) - first, pixels) * pixels
        start = max(first, now - self.span)
        return start, max(now, start + 1.0)

    def sizeHint(self) -> QSize:
        """Room for three readable plots."""
        return QSize(800, 330)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Zoom the span in (up) or out (down)."""
        start, end = self.view_range()
        span = self.span if self.span is not None else end - start
        factor = 1 / 1.5 if event.angleDelta().y() > 0 else 1.5
        full = end - (self.history.first_ts or 0.0) if self.history else span
        self.span = None if span * factor >= full else max(MIN_SPAN, span * factor)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Show the whole session."""
        self.span = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Background, then each plot."""
        started = time.perf_counter()
        p = QPainter(self)
        try:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.palette().base())
            p.drawRect(self.rect())  # not fillRect: it builds QGradient's enum (~1 ms)
            rect = QRectF(self.rect()).adjusted(_LEFT, 4, -_RIGHT, -16)
            height = rect.height() / len(PLOTS)
            t0, t1 = self.view_range()
            for i, (metric, title) in enumerate(PLOTS):
                box = QRectF(rect.left(), rect.top() + i * height, rect.width(), height - 14)
                self._plot(p, box, metric, title, t0, t1)
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(rect.left(), rect.bottom(), rect.width(), 16),
                Qt.AlignmentFlag.AlignLeft,
                f"{t0:.0f} s",
            )
            p.drawText(
                QRectF(rect.left(), rect.bottom(), rect.width(), 16),
                Qt.AlignmentFlag.AlignRight,
                translate("Graphs", "{0} s (session time) · span {1} s").format(
                    f"{t1:.0f}", f"{t1 - t0:.0f}"
                ),
            )
        finally:
            p.end()
        self.last_paint_ms = (time.perf_counter() - started) * 1000

    def _plot(
        self, p: QPainter, box: QRectF, metric: str, title: str, t0: float, t1: float
    ) -> None:
        text = self.palette().text().color()
        p.setPen(QPen(QColor(128, 128, 128, 90), 1))
        p.drawRect(box)
        if self.history is None:
            return
        scale_x = box.width() / (t1 - t0)
        shading = []
        for interval in self.history.impairments:
            end = t1 if interval.end is None else interval.end
            if end < t0 or interval.start > t1:
                continue
            x0 = box.left() + (max(interval.start, t0) - t0) * scale_x
            x1 = box.left() + (min(end, t1) - t0) * scale_x
            shading.append(QRectF(x0, box.top(), max(1.0, x1 - x0), box.height()))
        if shading:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(IMPAIRMENT_TINT)
            p.drawRects(shading)
        pixels = max(1, int(box.width()))
        traces = self.traces()
        tops = {
            peer: traces[(peer, metric)].prepare(
                self.history.series[(peer, metric)], t0, t1, pixels
            )
            for peer in Peer
        }
        top = max(tops.values(), default=0.0)
        top = top * 1.1 if top > 0 else 1.0
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for peer in Peer:
            traces[(peer, metric)].draw(p, box, t0, top, PEER_COLORS[peer])
        p.setPen(text)
        p.drawText(
            QRectF(box.left() + 4, box.top() + 1, box.width() - 8, 16),
            Qt.AlignmentFlag.AlignLeft,
            translate("Graphs", title),
        )
        p.drawText(QRectF(0, box.top() - 2, 44, 16), Qt.AlignmentFlag.AlignRight, _number(top))
        p.drawText(QRectF(0, box.bottom() - 14, 44, 16), Qt.AlignmentFlag.AlignRight, "0")
