"""QtTimeline: both peers' ``iceConnectionState`` and ``connectionState`` as bands over time.

Marks under the bands: restarts, impairments (and their intervals, shaded), selected-pair
changes, notices and causes. Each pixel column shows the worst state the peer was in during
it, so a one-second ``disconnected`` never disappears in a day-long view. Live: while the
view reaches the session's end it follows ``now``. Wheel zooms around the cursor, dragging
pans, double-click (or :meth:`zoom_to_fit`) shows everything; a click emits the moment's time
range (:attr:`moment_clicked`) so the log can select its rows. Drawing is a list of plain
primitives, rendered by QPainter on screen (batched per colour) and written as SVG text by
:meth:`svg`. While following a live session the scale steps along a ladder
(:func:`~.timeline_cache.live_scale`), so the per-pixel bands and ticks are computed once
per zoom and only the live tail is recomputed as events arrive (:mod:`.timeline_cache`).
"""

from __future__ import annotations

import time
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.events import Peer
from ...core.model.history import BANDS, STALE
from ...core.states import Machine
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..state_style import look_of
from .timeline_cache import BandCache, MarkCache, ViewKey, live_scale

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QMouseEvent, QPaintEvent, QWheelEvent

    from ...core.model.history import History

Prim = tuple[str, float, float, float, float, str, str]
"""(kind ``rect``/``line``/``text``, x, y, w or x2, h or y2, colour, text)."""
SEVERITY = {"failed": 6, "disconnected": 5, "closed": 4, "checking": 3, "connecting": 3}
MARK_COLORS = {
    "restart": "#7b3fc4",
    "impairment": "#c62828",
    "pair": "#1f6fd1",
    "notice": "#b26a00",
    "cause": "#555555",
}
MARK_NAMES = {
    "restart": QT_TRANSLATE_NOOP("Timeline", "restart"),
    "impairment": QT_TRANSLATE_NOOP("Timeline", "impairment"),
    "pair": QT_TRANSLATE_NOOP("Timeline", "pair"),
    "notice": QT_TRANSLATE_NOOP("Timeline", "notice"),
    "cause": QT_TRANSLATE_NOOP("Timeline", "cause"),
}
STALE_COLOR = "#d6d6d6"
"""A band where the peer's state is not known (its reports stopped): light, never a state's."""
STALE_NAME = QT_TRANSLATE_NOOP("Timeline", "▭ unknown: reports stopped")
ROW_NAMES = {
    (Peer.LOCAL, Machine.ICE): QT_TRANSLATE_NOOP("Timeline", "local ICE"),
    (Peer.LOCAL, Machine.CONNECTION): QT_TRANSLATE_NOOP("Timeline", "local connection"),
    (Peer.REMOTE, Machine.ICE): QT_TRANSLATE_NOOP("Timeline", "remote ICE"),
    (Peer.REMOTE, Machine.CONNECTION): QT_TRANSLATE_NOOP("Timeline", "remote connection"),
}
PLANNED_COLOR = "#7b3fc466"
"""A scenario's planned actions: faint full-height lines (what happened has its own marks)."""
WINDOW_COLORS = {None: "#888888", True: "#2e7d32", False: "#c62828"}
"""A scenario's expectation windows: pending, passed, failed."""
LABEL_W, ROW_H, MARK_H, AXIS_H = 150, 22, 18, 18
ROWS = [(p, m) for p in Peer for m in BANDS]
CLICK_SLOP_PX = 3


class QtTimeline(QWidget):
    """Bands and marks of a session's :class:`History`, live, zoomable, exportable."""

    moment_clicked = Signal(float, float)
    """Session-time range ``(lo, hi)`` under a click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: History | None = None
        self._now: Callable[[], float] = lambda: 0.0
        self.view: tuple[float, float] | None = None
        """Shown range; None follows the whole session live."""
        self._press: tuple[float, tuple[float, float]] | None = None
        self._dragged = False
        self.last_paint_ms = 0.0
        self._bands = {row: BandCache(SEVERITY) for row in ROWS}
        self._marks = MarkCache()
        self.planned: list[float] = []
        """Session times of a scenario's planned actions (see :meth:`set_scenario`)."""
        self.windows: list[tuple[float, float | None, bool | None]] = []
        """A scenario's expectation windows ``(start, end or None, passed or None)``."""
        self.setMinimumHeight(len(ROWS) * ROW_H + MARK_H + AXIS_H + 40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.setToolTip(
            translate(
                "Timeline",
                "Wheel: zoom · drag: pan · double-click: whole session · "
                "click: select the log rows",
            )
        )

    def follow(self, history: History, now: Callable[[], float]) -> None:
        """Draw ``history`` up to the session time ``now()`` (back to following everything)."""
        self.history, self._now, self.view = history, now, None
        self.update()

    def set_scenario(
        self,
        planned: list[float],
        windows: list[tuple[float, float | None, bool | None]],
    ) -> None:
        """Show a scenario on the bands: planned action times, expectation windows.

        Args:
            planned: session times of the actions.
            windows: ``(start, end, passed)``; ``end`` None runs to now, ``passed`` None
                is not judged yet. Empty lists clear the overlay.
        """
        self.planned, self.windows = list(planned), list(windows)
        self.update()

    # ------------------------------------------------------------------ range
    def full_range(self) -> tuple[float, float]:
        """From the first event to now."""
        first = self.history.first_ts if self.history and self.history.first_ts else 0.0
        end = max(self._now(), self.history.last_ts if self.history else 0.0)
        return first, max(end, first + 1.0)

    def view_range(self) -> tuple[float, float]:
        """The range shown now (following live: the session and a little room after now)."""
        t0, dt, plot_w = self._view_key(_plot_width(self.width()))
        return t0, t0 + dt * plot_w

    def _view_key(self, plot_w: int) -> ViewKey:
        """First time, seconds per pixel and columns of the view on ``plot_w`` columns."""
        if self.view is None:
            first, end = self.full_range()
            return first, live_scale(end - first, plot_w), plot_w
        t0, t1 = self.view
        return t0, (t1 - t0) / plot_w, plot_w

    def zoom_to_fit(self) -> None:
        """Show the whole session and follow it live."""
        self.view = None
        self.update()

    def zoom(self, factor: float, at_x: float | None = None) -> None:
        """Zoom by ``factor`` (< 1 zooms in) around the pixel ``at_x``."""
        t0, t1 = self.view_range()
        anchor = self._time_at(at_x) if at_x is not None else (t0 + t1) / 2
        lo, hi = self.full_range()
        new = (anchor - (anchor - t0) * factor, anchor + (t1 - anchor) * factor)
        self.view = None if new[1] - new[0] >= hi - lo else (max(lo, new[0]), new[1])
        self.update()

    def _time_at(self, x: float) -> float:
        t0, dt, _plot_w = self._view_key(_plot_width(self.width()))
        return t0 + (x - LABEL_W) * dt

    # ------------------------------------------------------------------ drawing
    def primitives(self, width: int, height: int) -> list[Prim]:
        """Everything drawn, as plain primitives, for a ``width`` × ``height`` canvas."""
        out: list[Prim] = [("rect", 0, 0, width, height, "#ffffff", "")]
        if self.history is None:
            return out
        plot_w = _plot_width(width)
        key = self._view_key(plot_w)
        t0, dt, _ = key
        t1 = t0 + dt * plot_w
        now = min(t1, max(self._now(), self.history.last_ts))
        now_px = max(0, min(plot_w, int((now - t0) / dt) + 1))
        rows_bottom = 4 + len(ROWS) * ROW_H
        for interval in self.history.impairments:
            end = now if interval.end is None else interval.end
            if end >= t0 and interval.start <= t1:
                x0 = LABEL_W + max(0.0, (interval.start - t0) / dt)
                x1 = LABEL_W + min(plot_w, (end - t0) / dt)
                out.append(("rect", x0, 2, max(1.0, x1 - x0), rows_bottom, "#c6282822", ""))
        for i, row in enumerate(ROWS):
            y = 4 + i * ROW_H
            name = translate("Timeline", ROW_NAMES[row])
            out.append(("text", 4, y + ROW_H - 6, 0, 0, "#333333", name))
            times, states = self.history.changes[row]
            columns = self._bands[row].update(key, times, states)
            out += _runs(columns[: now_px + 1], y)
        out += self._scenario(t0, t1, dt, plot_w, rows_bottom)
        y = rows_bottom + 2
        out.append(("text", 4, y + MARK_H - 4, 0, 0, "#333333", translate("Timeline", "marks")))
        offsets = {kind: i * 3 for i, kind in enumerate(MARK_COLORS)}
        ticks = self._marks.update(key, t1, self.history.marks, self.history.mark_times)
        for px, kind in ticks:
            color = MARK_COLORS.get(kind, "#333333")
            tick_x = float(LABEL_W + px)
            out.append(("line", tick_x, y + offsets.get(kind, 0), tick_x, y + MARK_H, color, ""))
        axis_y = y + MARK_H + 4
        out.append(("line", LABEL_W, axis_y, LABEL_W + plot_w, axis_y, "#888888", ""))
        for k in range(5):
            x = LABEL_W + plot_w * k / 4
            label = f"{t0 + (t1 - t0) * k / 4:.1f} s"
            out.append(("line", x, axis_y, x, axis_y + 4, "#888888", ""))
            out.append(
                (
                    "text",
                    x - (0 if k == 0 else 40 if k == 4 else 20),
                    axis_y + 15,
                    0,
                    0,
                    "#333333",
                    label,
                )
            )
        x = 4.0
        for kind, color in MARK_COLORS.items():  # the legend of the tick colours
            out.append(
                (
                    "text",
                    x,
                    axis_y + 30,
                    0,
                    0,
                    color,
                    f"| {translate('Timeline', MARK_NAMES[kind])}",
                )
            )
            x += 80
        out.append(("text", x, axis_y + 30, 0, 0, "#777777", translate("Timeline", STALE_NAME)))
        if self.planned or self.windows:
            legend = translate("Timeline", "▬ expectation: grey pending, green met, red not met")
            out.append(("text", x + 200, axis_y + 30, 0, 0, "#555555", f"¦ {legend}"))
        return out

    def _scenario(self, t0: float, t1: float, dt: float, plot_w: int, bottom: float) -> list[Prim]:
        out: list[Prim] = []
        for at in self.planned:
            if t0 <= at <= t1:
                x = LABEL_W + (at - t0) / dt
                out.append(("line", x, 2, x, bottom, PLANNED_COLOR, ""))
        for i, (start, end, passed) in enumerate(self.windows):
            stop = min(t1, self._now() if end is None else end)
            if stop >= t0 and start <= t1:
                x0 = LABEL_W + max(0.0, (start - t0) / dt)
                x1 = LABEL_W + min(plot_w, (stop - t0) / dt)
                y = bottom - 4 - (i % 4) * 5  # up to four stacked, 5 px apart
                out.append(("rect", x0, y - 1, max(2.0, x1 - x0), 5, "#ffffff", ""))
                out.append(("rect", x0, y, max(2.0, x1 - x0), 3, WINDOW_COLORS[passed], ""))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        """Render the primitives."""
        started = time.perf_counter()
        p = QPainter(self)
        try:
            render(p, self.primitives(self.width(), self.height()))
        finally:
            p.end()
        self.last_paint_ms = (time.perf_counter() - started) * 1000

    def svg(self, width: int | None = None, height: int | None = None) -> str:
        """The timeline as an SVG document (written by hand: QtSvg is not in the bundle)."""
        w, h = width or max(self.width(), 600), height or self.height()
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="11">'
        ]
        for kind, x, y, a, b, color, text in self.primitives(w, h):
            fill, opacity = _svg_color(color)
            if kind == "rect":
                title = f"<title>{escape(text)}</title>" if text else ""
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{a:.1f}" height="{b:.1f}" '
                    f'fill="{fill}" fill-opacity="{opacity:.2f}">{title}</rect>'
                )
            elif kind == "line":
                parts.append(
                    f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{a:.1f}" y2="{b:.1f}" stroke="{fill}"/>'
                )
            else:
                parts.append(f'<text x="{x:.1f}" y="{y:.1f}" fill="{fill}">{escape(text)}</text>')
        parts.append("</svg>")
        return "\n".join(parts) + "\n"

    def png(self, path: str) -> bool:
        """Write the timeline as it is shown to ``path`` (PNG); False if Qt could not."""
        return self.grab().save(path, "PNG")

    # ------------------------------------------------------------------ input
    def sizeHint(self) -> QSize:
        """Four bands, marks and an axis."""
        return QSize(800, self.minimumHeight())

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Zoom around the cursor."""
        self.zoom(1 / 1.5 if event.angleDelta().y() > 0 else 1.5, event.position().x())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a pan or a click."""
        self._press = (event.position().x(), self.view_range())
        self._dragged = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Pan while dragging."""
        if self._press is None:
            return
        x0, (t0, t1) = self._press
        dx = event.position().x() - x0
        if abs(dx) > CLICK_SLOP_PX:
            self._dragged = True
            shift = dx / max(1.0, self.width() - LABEL_W - 8) * (t1 - t0)
            self.view = (t0 - shift, t1 - shift)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click without a drag selects its moment."""
        if self._press is not None and not self._dragged and event.position().x() >= LABEL_W:
            x = event.position().x()
            self.moment_clicked.emit(
                self._time_at(x - CLICK_SLOP_PX), self._time_at(x + CLICK_SLOP_PX)
            )
        self._press = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Whole session."""
        self.zoom_to_fit()


def _svg_color(color: str) -> tuple[str, float]:
    if len(color) == 9:  # #rrggbbaa
        return color[:7], int(color[7:], 16) / 255
    return color, 1.0


def _plot_width(width: int) -> int:
    return max(1, width - LABEL_W - 8)


def _runs(columns: list[str | None], y: float) -> list[Prim]:
    """One rectangle per run of equal states (nothing where no state is known)."""
    out: list[Prim] = []
    run_state, run_x = None, 0
    last = len(columns) - 1
    for px, state in enumerate(columns):
        if state != run_state or px == last:
            if run_state is not None:
                color = STALE_COLOR if run_state == STALE else look_of(run_state).color
                out.append(
                    ("rect", LABEL_W + run_x, y + 2, px - run_x, ROW_H - 5, color, run_state)
                )
            run_state, run_x = state, px
    return out


def render(p: QPainter, prims: list[Prim]) -> None:
    """Draw ``prims`` with ``p``: rectangles and lines batched per colour, then the texts.

    Batches keep the order in which each (kind, colour) first appears, so shading stays under
    the bands; rectangles of different colours never overlap otherwise.
    """
    rects: dict[str, list[QRectF]] = {}
    lines: dict[str, list[QLineF]] = {}
    texts: list[Prim] = []
    order: list[tuple[str, str]] = []
    for prim in prims:
        kind, x, y, a, b, color, _text = prim
        if kind == "rect":
            if color not in rects:
                rects[color] = []
                order.append(("rect", color))
            rects[color].append(QRectF(x, y, a, b))
        elif kind == "line":
            if color not in lines:
                lines[color] = []
                order.append(("line", color))
            lines[color].append(QLineF(int(x), int(y), int(a), int(b)))
        else:
            texts.append(prim)
    for kind, color in order:
        fill, opacity = _svg_color(color)
        qcolor = QColor(fill)
        qcolor.setAlphaF(opacity)
        if kind == "rect":
            # drawRects, not fillRect: fillRect's overloads make PySide6 build QGradient's
            # 170-member enum (~1 ms) on the first frame
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(qcolor)
            p.drawRects(rects[color])
        else:
            p.setPen(QPen(qcolor, 1))
            p.drawLines(lines[color])
    for _kind, x, y, _a, _b, color, text in texts:
        fill, opacity = _svg_color(color)
        qcolor = QColor(fill)
        qcolor.setAlphaF(opacity)
        p.setPen(qcolor)
        p.drawText(int(x), int(y), text)
