"""State indicators: the ICE connection state large, the other machines small.

Both draw a colour AND a distinct shape (:mod:`icescope.qt.state_style`), so the state reads
at a glance and without colour vision. They render plain values given through ``set_state``;
they know nothing about sessions or aiortc.
"""

from __future__ import annotations

import time
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.states import ICE_MEANINGS, IceConnectionState, Provenance
from ..state_style import draw_shape, look_of

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QShowEvent

TICK_MS = 200
"""Refresh period of the "time in this state" counter (and the checking ring's rotation)."""

PROVENANCE_TEXT = {
    Provenance.REPORTED: "reported by the library",
    Provenance.DERIVED: "derived by IceScope (W3C rules)",
    Provenance.LOCAL_CLOSE: "local close() (no browser event)",
    Provenance.AUTO_CLOSE: "closed by the library itself",
}
"""How each provenance is worded under the state."""


def format_duration(seconds: float) -> str:
    """``4.2 s``, ``3 min 05 s`` or ``1 h 02 min``: short and unambiguous."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{seconds:.1f} s"
    if seconds < 3600:
        minutes, secs = divmod(int(seconds), 60)
        return f"{minutes} min {secs:02d} s"
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours} h {rest // 60:02d} min"


MIN_REPAINT_S = 1 / 60
"""Synchronous repaints of state changes are spaced at least one frame apart."""
FLOOD_CHANGES = 10
FLOOD_WINDOW_S = 0.1
"""More than 100 state changes a second is a flood, not something a person watches live."""


class QtStateIndicator(QWidget):
    """``iceConnectionState`` of one peer, large: shape, word, provenance, time in state.

    The tooltip is the W3C meaning of the state (webrtc-pc §4.3.4).

    Args:
        title: small caption above the state word (e.g. ``ICE connection state``).
        parent: the owning widget.
    """

    def __init__(self, title: str = "iceConnectionState", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._state = IceConnectionState.NEW
        self._provenance = Provenance.REPORTED
        self._entered = time.monotonic()
        self._phase = 0.0
        self.last_paint = 0.0
        self._recent_changes: deque[float] = deque(maxlen=FLOOD_CHANGES)
        """``time.perf_counter()`` at the end of the last paint (for latency benchmarks)."""
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(96)
        # We paint every pixel (background first), so Qt need not repaint the parents below:
        # a state change repaints this widget only.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._update_texts()

    # ------------------------------------------------------------------ API
    @property
    def state(self) -> IceConnectionState:
        """The state shown."""
        return self._state

    @property
    def provenance(self) -> Provenance:
        """Where the shown state came from."""
        return self._provenance

    @property
    def shape_id(self) -> str:
        """The shape drawn for the current state (see ``state_style.SHAPES``)."""
        return look_of(self._state.value).shape

    @property
    def ticking(self) -> bool:
        """True while the time-in-state counter refreshes."""
        return self._timer.isActive()

    def time_in_state(self) -> float:
        """Seconds since the current state was entered."""
        return time.monotonic() - self._entered

    def time_text(self) -> str:
        """The "for N s" text as shown."""
        return f"for {format_duration(self.time_in_state())}"

    def provenance_text(self) -> str:
        """The provenance as worded under the state."""
        return PROVENANCE_TEXT.get(self._provenance, self._provenance.value)

    def set_state(
        self,
        state: IceConnectionState | str,
        provenance: Provenance = Provenance.REPORTED,
        *,
        entered_at: float | None = None,
    ) -> None:
        """Show ``state``.

        Args:
            state: a W3C ``iceConnectionState`` value.
            provenance: reported, derived, local close or auto close.
            entered_at: ``time.monotonic()`` when the state was entered (default: now).

        Raises:
            ValueError: ``state`` is not a W3C ``iceConnectionState`` value.
        """
        new = IceConnectionState(state)
        provenance = Provenance(provenance)
        changed = (new, provenance) != (self._state, self._provenance)
        if new != self._state:
            self._phase = 0.0
        self._state = new
        self._provenance = provenance
        self._entered = time.monotonic() if entered_at is None else entered_at
        if changed:
            self._update_texts()
        if changed and self.isVisible():
            self._paint_soon()
        else:
            self.update()

    def _paint_soon(self) -> None:
        """Paint a state change now, ahead of the rest of the window.

        A state change is what the tester watches for: it is painted at once rather than with
        the next full-window repaint, which may also carry a batch of log rows (~20 ms). In a
        flood (an imported log; more than :data:`FLOOD_CHANGES` changes within
        :data:`FLOOD_WINDOW_S`) changes fall back to the normal, coalesced ``update()``, as do
        changes closer than :data:`MIN_REPAINT_S` to the previous paint.
        """
        now = time.perf_counter()
        self._recent_changes.append(now)
        flooding = (
            len(self._recent_changes) == FLOOD_CHANGES
            and now - self._recent_changes[0] < FLOOD_WINDOW_S
        )
        if not flooding and now - self.last_paint >= MIN_REPAINT_S:
            self.repaint()
        else:
            self.update()

    # ------------------------------------------------------------------ Qt
    def sizeHint(self) -> QSize:
        """Room for the shape and a long word (``disconnected``)."""
        return QSize(340, 104)

    def showEvent(self, event: QShowEvent) -> None:
        """Tick only while visible: a hidden window costs no timer wake-ups."""
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: object) -> None:
        """Stop ticking when hidden or closed."""
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def _tick(self) -> None:
        if look_of(self._state.value).shape == "ring":
            self._phase = (self._phase + TICK_MS / 1200) % 1.0
        self.update()

    def _update_texts(self) -> None:
        meaning = ICE_MEANINGS[self._state]
        self.setToolTip(f"<b>{self._state.value}</b>: {meaning}<br><i>{self.provenance_text()}</i>")
        self.setAccessibleName(f"{self._title}: {self._state.value}")
        self.setAccessibleDescription(meaning)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Shape on the left; caption, state word and provenance/time on the right."""
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()
        self.last_paint = time.perf_counter()

    def _paint(self, p: QPainter) -> None:
        look = look_of(self._state.value)
        color = QColor(look.color)
        # Background as a rectangle, not fillRect: fillRect's overloads make PySide6 build
        # QGradient's 170-member preset enum (~1 ms) on the first frame.
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.palette().window())
        p.drawRect(self.rect())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        tint = QColor(color)
        tint.setAlpha(22)
        p.setPen(QPen(color.lighter(140), 1.5))
        p.setBrush(tint)
        p.drawRoundedRect(rect, 10, 10)

        side = min(rect.height() - 24, 72.0)
        shape_rect = QRectF(rect.left() + 14, rect.center().y() - side / 2, side, side)
        draw_shape(p, shape_rect, look.shape, color, self._phase)

        x = shape_rect.right() + 16
        width = rect.right() - x - 8
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.95)
        big = QFont(base)
        big.setPointSizeF(base.pointSizeF() * 2.3)
        big.setBold(True)
        palette_text = self.palette().text().color()
        muted = QColor(palette_text)
        muted.setAlpha(170)

        p.setFont(small)
        p.setPen(muted)
        p.drawText(QRectF(x, rect.top() + 8, width, 20), Qt.AlignmentFlag.AlignLeft, self._title)
        p.setFont(big)
        p.setPen(color.darker(115))
        word_rect = QRectF(x, rect.top() + 24, width, rect.height() - 48)
        p.drawText(
            word_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._state.value
        )
        p.setFont(small)
        p.setPen(muted)
        p.drawText(
            QRectF(x, rect.bottom() - 26, width, 20),
            Qt.AlignmentFlag.AlignLeft,
            f"{self.provenance_text()}  ·  {self.time_text()}",
        )


class QtMiniState(QWidget):
    """A small indicator for ``connectionState``, ``iceGatheringState`` or ``signalingState``.

    Args:
        caption: the machine's W3C attribute name.
        initial: the value shown until the first change.
        parent: the owning widget.
    """

    def __init__(self, caption: str, initial: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = caption
        self._state = initial
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(22)
        self._update_texts()

    @property
    def state(self) -> str:
        """The value shown."""
        return self._state

    @property
    def shape_id(self) -> str:
        """The shape drawn for the current value."""
        return look_of(self._state).shape

    def set_state(self, state: str) -> None:
        """Show ``state`` (a W3C value of this indicator's machine)."""
        if state == self._state:
            return
        width = self.sizeHint().width()
        self._state = state
        self._update_texts()
        if self.sizeHint().width() > width:
            self.updateGeometry()  # only a wider value needs a new layout
        self.update()

    def _update_texts(self) -> None:
        self.setToolTip(f"{self._caption} = {self._state}")
        self.setAccessibleName(f"{self._caption}: {self._state}")

    def sizeHint(self) -> QSize:
        """One text line with a shape in front, wide enough for caption and value."""
        bold = QFont(self.font())
        bold.setBold(True)
        caption = self.fontMetrics().horizontalAdvance(f"{self._caption}: ") if self._caption else 0
        return QSize(24 + caption + QFontMetrics(bold).horizontalAdvance(self._state) + 8, 24)

    def minimumSizeHint(self) -> QSize:
        """Never clip the value."""
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Shape, caption in muted text, value in the state colour."""
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        look = look_of(self._state)
        color = QColor(look.color)
        h = float(self.height())
        draw_shape(p, QRectF(2, (h - 16) / 2, 16, 16), look.shape, color, 0.0)
        muted = QColor(self.palette().text().color())
        muted.setAlpha(170)
        p.setPen(muted)
        metrics = self.fontMetrics()
        caption = f"{self._caption}:" if self._caption else ""
        if caption:
            p.drawText(QRectF(24, 0, self.width() - 24, h), Qt.AlignmentFlag.AlignVCenter, caption)
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(color.darker(110))
        x = 24 + (metrics.horizontalAdvance(caption) + 6 if caption else 0)
        p.drawText(QRectF(x, 0, self.width() - x, h), Qt.AlignmentFlag.AlignVCenter, self._state)
