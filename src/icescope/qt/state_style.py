"""How a W3C state value looks: a colour AND a distinct shape, so colour-blind users can tell.

The same value string maps to the same look in every machine (``connected`` is a filled green
circle for ICE and for ``connectionState``), so one legend explains the whole window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF


@dataclass(frozen=True, slots=True)
class StateLook:
    """Shape id and colour of one state value."""

    shape: str
    """One of :data:`SHAPES`."""
    color: str
    """``#rrggbb``."""


SHAPES: Final = (
    "hollow-circle",
    "ring",
    "filled-circle",
    "check",
    "triangle",
    "cross",
    "square",
    "question",
)
"""Every shape the painter knows (``question``: a value that is not known)."""

GREY: Final = "#7b818c"
BLUE: Final = "#1f6fd0"
GREEN: Final = "#23913a"
TEAL: Final = "#0f7a62"
ORANGE: Final = "#d97a00"
RED: Final = "#cc2b2b"
DARK: Final = "#4b515c"
"""State colours of shapes (the words use :mod:`~icescope.qt.theme`'s tones of them)."""
_GREY, _BLUE, _GREEN, _TEAL, _ORANGE, _RED, _DARK = GREY, BLUE, GREEN, TEAL, ORANGE, RED, DARK

LOOKS: Final[dict[str, StateLook]] = {
    "new": StateLook("hollow-circle", _GREY),
    "checking": StateLook("ring", _BLUE),
    "connecting": StateLook("ring", _BLUE),
    "gathering": StateLook("ring", _BLUE),
    "have-local-offer": StateLook("ring", _BLUE),
    "have-remote-offer": StateLook("ring", _BLUE),
    "have-local-pranswer": StateLook("ring", _BLUE),
    "have-remote-pranswer": StateLook("ring", _BLUE),
    "connected": StateLook("filled-circle", _GREEN),
    "stable": StateLook("filled-circle", _TEAL),
    "completed": StateLook("check", _TEAL),
    "complete": StateLook("check", _TEAL),
    "disconnected": StateLook("triangle", _ORANGE),
    "failed": StateLook("cross", _RED),
    "closed": StateLook("square", _DARK),
}
"""Look of every W3C state value of the five machines."""

UNKNOWN: Final = StateLook("hollow-circle", _GREY)
NOT_KNOWN: Final = StateLook("question", _GREY)
"""The look of a state nobody reports (shown as ``unknown`` with why)."""
STALE_COLOR: Final = "#8d9099"
"""Every shape and word of a stale value is drawn in this grey, never in its live colour."""


def look_of(state: str) -> StateLook:
    """The look of ``state``; unknown values get the neutral ``new`` look."""
    return LOOKS.get(state, UNKNOWN)


def draw_shape(painter: QPainter, rect: QRectF, shape: str, color: QColor, phase: float) -> None:
    """Draw ``shape`` centred in ``rect``.

    Args:
        painter: an active painter; its state is saved and restored.
        rect: the square to draw into.
        shape: one of :data:`SHAPES`.
        color: the state colour.
        phase: 0..1 animation phase (only the ``ring`` uses it: it rotates).
    """
    painter.save()
    try:
        _draw(painter, rect, shape, color, phase)
    finally:
        painter.restore()


def _white_pen(width: float) -> QPen:
    pen = QPen(QColor("white"), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _draw(painter: QPainter, rect: QRectF, shape: str, color: QColor, phase: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    side = min(rect.width(), rect.height())
    width = max(2.0, side / 9)
    r = QRectF(0, 0, side - width, side - width)
    r.moveCenter(rect.center())
    pen = QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    c = r.center()
    half = r.width() / 2
    if shape == "hollow-circle":
        painter.drawEllipse(r)
    elif shape == "ring":
        # Three arcs that rotate with ``phase``: "work in progress" without any text.
        start = int(-phase * 360 * 16)
        for i in range(3):
            painter.drawArc(r, start + i * 120 * 16, 80 * 16)
    elif shape == "filled-circle":
        painter.setBrush(color)
        painter.drawEllipse(r)
    elif shape == "check":
        painter.setBrush(color)
        painter.drawEllipse(r)
        painter.setPen(_white_pen(width * 1.1))
        path = QPainterPath(QPointF(c.x() - half * 0.45, c.y() + half * 0.02))
        path.lineTo(c.x() - half * 0.1, c.y() + half * 0.38)
        path.lineTo(c.x() + half * 0.5, c.y() - half * 0.35)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    elif shape == "triangle":
        h = half * math.sqrt(3)
        top = QPointF(c.x(), c.y() - h * 0.62)
        poly = QPolygonF(
            [top, QPointF(c.x() + half, top.y() + h), QPointF(c.x() - half, top.y() + h)]
        )
        painter.setBrush(color)
        painter.drawPolygon(poly)
        painter.setPen(_white_pen(width))
        painter.drawLine(QPointF(c.x(), c.y() - half * 0.25), QPointF(c.x(), c.y() + half * 0.3))
        painter.drawPoint(QPointF(c.x(), c.y() + half * 0.62))
    elif shape == "cross":
        painter.setBrush(color)
        painter.drawEllipse(r)
        painter.setPen(_white_pen(width * 1.1))
        d = half * 0.4
        painter.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
        painter.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d))
    elif shape == "question":
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawEllipse(r)
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(8, int(half * 1.2)))
        painter.setFont(font)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, "?")
    elif shape == "square":
        s = QRectF(0, 0, r.width() * 0.8, r.height() * 0.8)
        s.moveCenter(c)
        painter.setBrush(color)
        painter.drawRect(s)
