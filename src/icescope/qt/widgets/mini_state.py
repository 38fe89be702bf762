"""QtMiniState: a small indicator for ``connectionState``, ``iceGatheringState``, ...

Shape and colour as in :mod:`icescope.qt.state_style`; a value that is not live (stale or
unknown) is drawn grey, so only live values ever show their state colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..state_style import NOT_KNOWN, STALE_COLOR, draw_shape, look_of
from ..theme import is_dark, state_text

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

UNKNOWN = "unknown"
"""The value shown for a machine whose state is not known."""
_WORDS = {
    UNKNOWN: QT_TRANSLATE_NOOP("MiniState", "unknown"),
    "not reported": QT_TRANSLATE_NOOP("MiniState", "not reported"),
}
"""Values that are IceScope's words, not W3C values: shown in the UI language."""


def shown_word(state: str) -> str:
    """``state`` as shown: a W3C value as is, IceScope's own words translated."""
    word = _WORDS.get(state)
    return state if word is None else translate("MiniState", word)


class QtMiniState(QWidget):
    """One machine's value on one line: shape, caption, value.

    Args:
        caption: the machine's W3C attribute name (tooltip and accessible name).
        initial: the value shown until the first change.
        parent: the owning widget.
        label: the shorter caption drawn (default: ``caption``).
    """

    def __init__(
        self, caption: str, initial: str, parent: QWidget | None = None, label: str | None = None
    ) -> None:
        super().__init__(parent)
        self._caption = caption
        self._label = caption if label is None else label
        self._state = initial
        self._live = True
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(22)
        self._update_texts()

    @property
    def state(self) -> str:
        """The value shown."""
        return self._state

    @property
    def live(self) -> bool:
        """False while the value is stale or unknown (drawn grey)."""
        return self._live

    @property
    def shape_id(self) -> str:
        """The shape drawn for the current value."""
        return NOT_KNOWN.shape if self._state == UNKNOWN else look_of(self._state).shape

    def set_state(self, state: str, *, live: bool = True) -> None:
        """Show ``state`` (a W3C value of this indicator's machine, or ``unknown``)."""
        if (state, live) == (self._state, self._live):
            return
        width = self.sizeHint().width()
        self._state, self._live = state, live
        self._update_texts()
        if self.sizeHint().width() > width:
            self.updateGeometry()  # only a wider value needs a new layout
        self.update()

    def _update_texts(self) -> None:
        note = (
            ""
            if self._live or self._state == UNKNOWN
            else translate("MiniState", " (stale: last reported value)")
        )
        word = shown_word(self._state)
        self.setToolTip(f"{self._caption} = {word}{note}")
        self.setAccessibleName(f"{self._caption}: {word}{note}")

    def sizeHint(self) -> QSize:
        """One text line with a shape in front, wide enough for caption and value."""
        bold = QFont(self.font())
        bold.setBold(True)
        caption = self.fontMetrics().horizontalAdvance(f"{self._label}: ") if self._label else 0
        return QSize(
            24 + caption + QFontMetrics(bold).horizontalAdvance(shown_word(self._state)) + 8, 24
        )

    def minimumSizeHint(self) -> QSize:
        """Never clip the value."""
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Shape, caption in muted text, value in the state colour (grey when not live)."""
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        known = self._state != UNKNOWN
        look = look_of(self._state) if known else NOT_KNOWN
        color = QColor(look.color if self._live else STALE_COLOR)
        h = float(self.height())
        draw_shape(p, QRectF(2, (h - 16) / 2, 16, 16), look.shape, color, 0.0)
        muted = QColor(self.palette().text().color())
        muted.setAlpha(170)
        p.setPen(muted)
        metrics = self.fontMetrics()
        caption = f"{self._label}:" if self._label else ""
        if caption:
            p.drawText(QRectF(24, 0, self.width() - 24, h), Qt.AlignmentFlag.AlignVCenter, caption)
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setItalic(not self._live)
        p.setFont(bold)
        p.setPen(state_text((look.color if self._live else STALE_COLOR), is_dark(self.palette())))
        x = 24 + (metrics.horizontalAdvance(caption) + 6 if caption else 0)
        p.drawText(
            QRectF(x, 0, self.width() - x, h),
            Qt.AlignmentFlag.AlignVCenter,
            shown_word(self._state),
        )
