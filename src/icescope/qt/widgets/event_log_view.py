"""QtEventLog: the event table with filters, follow-the-tail scrolling, copy and export."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.events import EVENT_TYPES
from ..i18n import translate
from ..models.formatting import row_texts
from .log_export import ExportPlace, export_events, export_with_dialog
from .log_row_menu import build_row_menu
from .log_search import QtLogSearch
from .session_summary import QtSessionSummary

if TYPE_CHECKING:
    from pathlib import Path

    from ...core.events import SessionEvent
    from ..models.event_log_model import EventLogModel

_COLUMN_WIDTHS = (100, 84, 60, 210, 190)


class QtEventLog(QWidget):
    """The event log: a ``QTableView`` over :class:`EventLogModel` (which also filters).

    Args:
        model: the rows to show (owned by the caller, who feeds it events).
        parent: the owning widget.
    """

    problem = Signal(str)
    """A user action failed (e.g. export to an unwritable path); the text says why."""
    following_changed = Signal(bool)
    """Auto-scroll was paused (False) or resumed (True)."""

    def __init__(self, model: EventLogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.location: ExportPlace | None = None
        """Proposes the export's name and folder and remembers it (None: a plain name)."""
        self._following = True

        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vheader = self.table.verticalHeader()
        vheader.setVisible(False)
        # Fixed row height: the view never measures 100k rows.
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        for column, width in enumerate(_COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)

        self.copy_action = QAction(translate("EventLogView", "Copy rows"), self.table)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_to_clipboard)
        self.table.addAction(self.copy_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.search = QtLogSearch(model, self, self)
        self.summary = QtSessionSummary(self)

        self.type_button = QToolButton(self)
        self.type_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.type_menu = QMenu(self.type_button)
        self._all_types = self.type_menu.addAction(translate("EventLogView", "All event types"))
        self._all_types.triggered.connect(lambda: self.set_type_filter(None))
        self.type_menu.addSeparator()
        self._type_actions: dict[str, QAction] = {}
        for name in EVENT_TYPES:
            action = self.type_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._on_type_toggled)
            self._type_actions[name] = action
        self.type_button.setMenu(self.type_menu)

        self.peer_combo = QComboBox(self)
        self.peer_combo.addItem(translate("EventLogView", "Both peers"), None)
        self.peer_combo.addItem(translate("EventLogView", "local peer"), "local")
        self.peer_combo.addItem(translate("EventLogView", "remote peer"), "remote")
        self.peer_combo.currentIndexChanged.connect(
            lambda _i: self.model.set_peer(self.peer_combo.currentData())
        )

        self.count_label = QLabel(self)
        self.follow_button = QToolButton(self)
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.follow_button.setToolTip(
            translate(
                "EventLogView",
                "Follow new events. Scrolling up pauses; scrolling back to the bottom resumes.",
            )
        )
        self.follow_button.toggled.connect(self.set_following)

        export_button = QToolButton(self)
        export_button.setText(translate("EventLogView", "Export…"))
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(export_button)
        export_menu.addAction(
            translate("EventLogView", "JSON Lines…"), lambda: self.export_dialog("jsonl")
        )
        export_menu.addAction(translate("EventLogView", "CSV…"), lambda: self.export_dialog("csv"))
        export_button.setMenu(export_menu)
        export_button.setToolTip(
            translate("EventLogView", "Save the events shown (after filters) to a file")
        )
        copy_button = QToolButton(self)
        copy_button.setDefaultAction(self.copy_action)
        copy_button.setToolTip(
            translate("EventLogView", "Copy the selected rows as tab-separated text (Ctrl+C)")
        )

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(translate("EventLogView", "Show:"), self))
        bar.addWidget(self.type_button)
        bar.addWidget(self.peer_combo)
        bar.addWidget(self.search, 1)
        bar.addStretch(0)
        bar.addWidget(self.count_label)
        bar.addWidget(self.follow_button)
        bar.addWidget(copy_button)
        bar.addWidget(export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

        scrollbar = self.table.verticalScrollBar()
        scrollbar.rangeChanged.connect(self._on_range_changed)
        scrollbar.valueChanged.connect(self._on_scrolled)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._update_count)
        self._update_type_button()
        self._update_follow_button()
        self._update_count()

    # ------------------------------------------------------------------ filters
    def set_type_filter(self, types: set[str] | None) -> None:
        """Show only events whose type is in ``types``; None shows all."""
        for name, action in self._type_actions.items():
            action.blockSignals(True)
            action.setChecked(types is None or name in types)
            action.blockSignals(False)
        self.model.set_types(types)
        self._update_type_button()

    def set_peer_filter(self, peer: str | None) -> None:
        """Show only ``peer`` (``local``/``remote``); None shows both."""
        self.peer_combo.setCurrentIndex(max(0, self.peer_combo.findData(peer)))

    def _on_type_toggled(self, _checked: bool) -> None:
        chosen = {n for n, a in self._type_actions.items() if a.isChecked()}
        self.model.set_types(None if len(chosen) == len(self._type_actions) else chosen)
        self._update_type_button()

    def _update_type_button(self) -> None:
        types = self.model.types
        if types is None:
            self.type_button.setText(translate("EventLogView", "All event types ▾"))
        elif len(types) == 1:
            self.type_button.setText(f"{next(iter(types))} ▾")
        else:
            self.type_button.setText(
                translate("EventLogView", "{0} event types ▾").format(len(types))
            )

    def _update_count(self, *_args: object) -> None:
        total, shown = self.model.total, self.model.rowCount()
        text = (
            translate("EventLogView", "{0} rows").format(total)
            if shown == total
            else translate("EventLogView", "{0} of {1} rows").format(shown, total)
        )
        if self.model.dropped:
            text += translate(
                "EventLogView", " ({0} oldest dropped from view; journal has all)"
            ).format(self.model.dropped)
        self.count_label.setText(text)

    # ------------------------------------------------------------------ following
    @property
    def following(self) -> bool:
        """True while the view scrolls to each new event."""
        return self._following

    def set_following(self, follow: bool) -> None:
        """Pause or resume auto-scroll (resuming jumps to the newest event)."""
        if follow == self._following:
            return
        self._following = follow
        if follow:
            self.table.scrollToBottom()
        self._update_follow_button()
        self.following_changed.emit(follow)

    def _update_follow_button(self) -> None:
        self.follow_button.blockSignals(True)
        self.follow_button.setChecked(self._following)
        self.follow_button.blockSignals(False)
        self.follow_button.setText(
            translate("EventLogView", "Following ↓")
            if self._following
            else translate("EventLogView", "Paused: scroll to bottom to resume ↓")
        )

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        if self._following:
            self.table.verticalScrollBar().setValue(maximum)

    def _on_scrolled(self, value: int) -> None:
        # Pausing is a user gesture: scrolling up; reaching the bottom again resumes.
        at_bottom = value >= self.table.verticalScrollBar().maximum()
        if at_bottom != self._following:
            self.set_following(at_bottom)

    # ------------------------------------------------------------------ copy / export
    def select_between(self, lo: float, hi: float) -> int:
        """Select the rows with ``lo <= ts <= hi`` (else the nearest row); return how many.

        Following stops, so the selection stays in view.
        """
        self.model.flush()
        rows = self.model.rowCount()
        if rows == 0:
            return 0
        key = lambda r: self.model.event_at(r).ts  # noqa: E731  # rows are in ts order
        first = bisect_left(range(rows), lo, key=key)
        last = bisect_right(range(rows), hi, key=key) - 1
        if last < first:  # nothing inside: the nearest row
            first = last = min(first, rows - 1)
        self.set_following(False)
        selection = self.table.selectionModel()
        top, bottom = self.model.index(first, 0), self.model.index(last, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.select(QItemSelection(top, bottom), flags)
        self.table.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)
        return last - first + 1

    def selected_events(self) -> list[SessionEvent]:
        """Events of the selected rows, in view order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.event_at(r) for r in rows]

    def copy_selection(self) -> str:
        """The selected rows as TSV: a header line, then one line per row ("" if none)."""
        events = self.selected_events()
        if not events:
            return ""
        rows = "".join("\t".join(row_texts(e)) + "\n" for e in events)
        return self.model.header_line() + "\n" + rows

    # ------------------------------------------------------------------ row menu
    def row_menu(self, row: int) -> QMenu:
        """The menu of ``row``: only its type, only its peer, show all, copy."""
        return build_row_menu(self, row)

    def _row_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        self.row_menu(index.row()).popup(self.table.viewport().mapToGlobal(pos))

    def show_all(self) -> None:
        """Every row again: all types, both peers, no search."""
        self.search.clear()
        self.search.apply()
        self.set_peer_filter(None)
        self.set_type_filter(None)

    def copy_to_clipboard(self) -> None:
        """Put :meth:`copy_selection` on the clipboard (Ctrl+C in the table)."""
        text = self.copy_selection()
        if text:
            QGuiApplication.clipboard().setText(text)

    def export(self, path: Path, fmt: str) -> int:
        """Write the events shown (after filters) to ``path``; return how many.

        Args:
            path: the file to create or overwrite.
            fmt: ``jsonl`` or ``csv``.

        Raises:
            ValueError: unknown format.
            OSError: the file cannot be written.
        """
        return export_events(self.model, path, fmt)

    def export_dialog(self, fmt: str) -> None:
        """Ask for a file name, then :meth:`export` to it; failures go to :attr:`problem`."""
        export_with_dialog(self, fmt, self)
