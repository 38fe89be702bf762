"""Painting the state indicator: the shape on the left; caption, state word and status right.

Kept apart from :mod:`.state_indicator` (which holds the value, its texts and its timers) so
each reads as one concept; it draws only what the indicator exposes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPen

from ..i18n import translate
from ..state_style import NOT_KNOWN, ORANGE, STALE_COLOR, draw_shape, look_of
from ..theme import is_dark, state_text

if TYPE_CHECKING:
    from ...core.states import IceConnectionState


class Painted(Protocol):
    """What the painter reads of an indicator."""

    @property
    def state(self) -> IceConnectionState | None:
        """The state shown (None: unknown)."""

    @property
    def stale(self) -> bool:
        """True when the value is the last report of a peer whose reports stopped."""

    @property
    def phase(self) -> float:
        """The checking ring's rotation, 0..1."""

    @property
    def title(self) -> str:
        """The caption (``iceConnectionState``)."""

    def rect(self) -> QRect:
        """The widget's rectangle."""

    def palette(self) -> QPalette:
        """Its palette."""

    def font(self) -> QFont:
        """Its font."""

    def hasFocus(self) -> bool:
        """True while it has the keyboard focus."""

    def liveness_text(self) -> str:
        """The liveness line (empty: nothing to say)."""

    def liveness_urgent(self) -> bool:
        """True when the line is a countdown to a verdict."""

    def status_text(self) -> str:
        """Who says so and for how long (or why unknown)."""


def paint_indicator(w: Painted, p: QPainter) -> None:
    """Paint ``w`` with the active painter ``p``."""
    unknown, stale = w.state is None, w.stale
    look = NOT_KNOWN if w.state is None else look_of(w.state.value)
    color = QColor(STALE_COLOR if stale else look.color)
    # Background as a rectangle, not fillRect: fillRect's overloads make PySide6 build
    # QGradient's 170-member preset enum (~1 ms) on the first frame.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(w.palette().window())
    p.drawRect(w.rect())
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    rect = QRectF(w.rect()).adjusted(1, 1, -1, -1)
    tint = QColor(color)
    tint.setAlpha(22)
    border = QPen(color.lighter(140), 1.5)
    if stale or unknown:
        border.setStyle(Qt.PenStyle.DashLine)
    p.setPen(border)
    p.setBrush(tint)
    p.drawRoundedRect(rect, 10, 10)
    if stale:
        hatch = QColor(STALE_COLOR)
        hatch.setAlpha(60)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        p.drawRoundedRect(rect, 10, 10)

    if w.hasFocus():  # keyboard users see where Tab put them
        p.setPen(QPen(w.palette().highlight().color(), 2.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 9, 9)
    side = min(rect.height() - 24, 72.0)
    shape_rect = QRectF(rect.left() + 14, rect.center().y() - side / 2, side, side)
    draw_shape(p, shape_rect, look.shape, color, w.phase)

    x = shape_rect.right() + 16
    width = rect.right() - x - 8
    base = QFont(w.font())
    small = QFont(base)
    small.setPointSizeF(base.pointSizeF() * 0.95)
    big = QFont(base)
    big.setPointSizeF(base.pointSizeF() * 2.3)
    big.setBold(True)
    muted = QColor(w.palette().text().color())
    muted.setAlpha(170)

    p.setFont(small)
    p.setPen(muted)
    caption = (
        translate("StateIndicator", "{0} · STALE (last report)").format(w.title)
        if stale
        else w.title
    )
    live = w.liveness_text()
    top = QRectF(x, rect.top() + 8, width, 20)
    if live and w.liveness_urgent():
        # A countdown to the next verdict takes the caption's place (the tooltip and the
        # panel still name the attribute): it is what a tester watches now.
        p.setPen(QColor("#a05a00"))
        live = p.fontMetrics().elidedText(live, Qt.TextElideMode.ElideRight, int(width))
        p.drawText(top, Qt.AlignmentFlag.AlignLeft, live)
    else:
        p.drawText(top, Qt.AlignmentFlag.AlignLeft, caption)
        if live:
            room = int(width - p.fontMetrics().horizontalAdvance(caption) - 12)
            live = p.fontMetrics().elidedText(live, Qt.TextElideMode.ElideLeft, max(room, 0))
            p.drawText(top, Qt.AlignmentFlag.AlignRight, live)
    p.setFont(big)
    dark = is_dark(w.palette())
    p.setPen(state_text(STALE_COLOR if stale else look.color, dark))
    word = translate("StateIndicator", "unknown") if w.state is None else w.state.value
    if stale:
        word = f"{word}?"
    lines = 2 if unknown else 1  # the why of an unknown state gets two lines
    word_rect = QRectF(x, rect.top() + 24, width, rect.height() - 34 - 18 * lines)
    p.drawText(word_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, word)
    p.setFont(small)
    p.setPen(state_text(ORANGE, dark) if stale else muted)
    line = QRectF(x, rect.bottom() - 8 - 18 * lines, width, 18 * lines)
    text = w.status_text()
    if not unknown:
        text = p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))
    p.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text)
