"""QtLogSearch: the event log's search box (live, debounced, Ctrl+F, a clear button)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from ..i18n import translate

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from ..models.event_log_model import EventLogModel

SEARCH_DEBOUNCE_MS = 120
"""Typing re-filters the rows this long after the last key (a day's rows filter in ~0.1 s)."""


class QtLogSearch(QLineEdit):
    """A search field that filters ``model``'s rows as the user types.

    Args:
        model: the rows to filter (:meth:`EventLogModel.set_text`).
        shortcut_scope: the widget in which Ctrl+F focuses the field.
        parent: the owning widget.
    """

    def __init__(
        self, model: EventLogModel, shortcut_scope: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(translate("EventLogView", "Search the log (Ctrl+F)"))
        self.setToolTip(
            translate(
                "EventLogView",
                "Show only rows containing this text (any column, any case). Esc clears.",
            )
        )
        self.setMinimumWidth(140)
        self.setMaximumWidth(260)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply)
        self.textChanged.connect(lambda _t: self._timer.start())
        self.focus_action = QAction(translate("EventLogView", "Search the log"), shortcut_scope)
        self.focus_action.setShortcut(QKeySequence.StandardKey.Find)
        if self.focus_action.shortcut().isEmpty():  # the generic platform theme has none
            self.focus_action.setShortcut(QKeySequence("Ctrl+F"))
        self.focus_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.focus_action.triggered.connect(self.focus_search)
        shortcut_scope.addAction(self.focus_action)

    def focus_search(self) -> None:
        """Put the cursor in the field with its text selected (Ctrl+F)."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def apply(self) -> None:
        """Filter the rows by the text now (without waiting for the debounce)."""
        self._timer.stop()
        self.model.set_text(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc clears the search."""
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.apply()
            return
        super().keyPressEvent(event)
