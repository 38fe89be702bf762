"""FixedLinesLabel: a label of a fixed number of lines; a longer text is cut with an ellipsis.

Used where a message appearing, or a longer one (German), must move nothing: its lines are
kept while it is hidden and it never grows; the whole text is in the tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

LINES = 3
"""Lines an error line may take (most fit in two at the dialog's width, in German too)."""


class FixedLinesLabel(QLabel):
    """A word-wrapped label exactly ``lines`` lines high, eliding what does not fit."""

    def __init__(self, parent: QWidget, lines: int = LINES) -> None:
        super().__init__(parent)
        self._full = ""
        self._lines = lines
        self.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # its lines are kept while hidden
        self.setSizePolicy(policy)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 4)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def setText(self, text: str) -> None:
        """Show ``text`` in the label's lines (cut with an ellipsis; whole in the tooltip)."""
        self._full = text
        self.setToolTip(text)
        self._fit()

    def text(self) -> str:
        """The whole text, not the part shown."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit again for the new width."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics, width = self.fontMetrics(), max(self.width(), 40)
        room = metrics.lineSpacing() * self._lines

        def fits(candidate: str) -> bool:
            box = metrics.boundingRect(
                QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, candidate
            )
            return box.height() <= room

        words = self._full.split(" ")
        shown = self._full
        for _ in range(len(words)):  # bounded: one word fewer each time
            if fits(shown) or len(words) <= 1:
                break
            words = words[:-1]
            shown = " ".join(words) + " …"
        QLabel.setText(self, shown)
