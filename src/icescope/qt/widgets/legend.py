"""QtLegend: the seven ICE states with their shapes, so a newcomer can read the indicators."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ...core.states import IceConnectionState
from ..i18n import translate
from ..texts import meaning
from .mini_state import QtMiniState


class QtLegend(QWidget):
    """One small shape + word per ``iceConnectionState`` value; tooltips give the meaning.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(14)
        caption = QLabel(translate("Legend", "Legend:"), self)
        caption.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(caption)
        self.items: dict[IceConnectionState, QtMiniState] = {}
        for state in IceConnectionState:
            item = _LegendItem(state.value, self)
            item.setToolTip(f"{state.value}: {meaning(state)}")
            layout.addWidget(item)
            self.items[state] = item
        layout.addStretch(1)


class _LegendItem(QtMiniState):
    """A mini indicator that shows only the value (no caption)."""

    def __init__(self, state: str, parent: QWidget | None = None) -> None:
        super().__init__("", state, parent)

    def _update_texts(self) -> None:
        self.setAccessibleName(translate("Legend", "legend: {0}").format(self.state))
