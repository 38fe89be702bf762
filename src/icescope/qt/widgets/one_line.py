"""OneLineLabel: a label that keeps to one line, eliding a long text (whole in the tooltip)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent


class OneLineLabel(QLabel):
    """A label that keeps to one line: a long text is elided, whole in the tooltip.

    An error line appearing, or a longer one (German), must move nothing in the dialog.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._full = ""
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # its line is kept while hidden
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:
        """Show ``text`` on one line (elided to the width; whole in the tooltip)."""
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        """The whole text, not the elided one shown."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Elide again for the new width."""
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 40)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        QLabel.setText(self, shown)
