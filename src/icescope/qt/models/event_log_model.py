"""EventLogModel: a table model over typed events, with coalesced inserts.

Events arrive one by one from the hub, sometimes thousands per second. Inserting each one
with its own ``beginInsertRows`` makes the view relayout per event; instead events are buffered
and inserted every :data:`FLUSH_MS` with one ``beginInsertRows`` per batch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor

from ...core.events import Notice, StateChanged
from ..widgets.state_style import look_of
from .formatting import COLUMNS, change_text, detail_text, elapsed_text, wall_text

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from ...core.events import SessionEvent

FLUSH_MS = 50
"""Insert buffered events at most this often (20 Hz is smooth and cheap)."""
DEFAULT_MAX_ROWS = 200_000
"""Rows kept in the view; the core event log and the journal keep more."""

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role returning the event object of a row."""

_Index = QModelIndex | QPersistentModelIndex
_LEVEL_COLORS = {"error": "#b3261e", "warning": "#a15c00"}
_LEVEL_BACKGROUNDS = {"error": "#fde7e7", "warning": "#fff4e0"}


class EventLogModel(QAbstractTableModel):
    """Rows = events in arrival order; columns = :data:`formatting.COLUMNS`.

    Args:
        max_rows: oldest rows are dropped beyond this (``dropped`` counts them).
        parent: the owning object.
    """

    def __init__(self, max_rows: int = DEFAULT_MAX_ROWS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionEvent] = []
        self._pending: list[SessionEvent] = []
        self._max_rows = max_rows
        self.dropped = 0
        """Rows dropped because of ``max_rows``."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)

    # ------------------------------------------------------------------ feeding
    def append(self, event: SessionEvent) -> None:
        """Queue ``event``; it becomes a row at the next flush (within :data:`FLUSH_MS`)."""
        self._pending.append(event)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Insert all queued events now, with one ``beginInsertRows``."""
        self._timer.stop()
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()
        # Trim in chunks of 10 % so the front is not shifted on every flush.
        excess = len(self._rows) - self._max_rows
        if excess > 0:
            excess = max(excess, self._max_rows // 10)
            self.beginRemoveRows(QModelIndex(), 0, excess - 1)
            del self._rows[:excess]
            self.endRemoveRows()
            self.dropped += excess

    def clear(self) -> None:
        """Forget every row (a new session starts)."""
        self._timer.stop()
        self.beginResetModel()
        self._rows.clear()
        self._pending.clear()
        self.dropped = 0
        self.endResetModel()

    @property
    def pending(self) -> int:
        """Events queued but not yet rows."""
        return len(self._pending)

    def event_at(self, row: int) -> SessionEvent:
        """The event shown in ``row``."""
        return self._rows[row]

    def events(self) -> list[SessionEvent]:
        """Every event currently held (rows, then pending ones)."""
        return [*self._rows, *self._pending]

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows (0 for child indexes: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, colours, tooltips, and the event itself under :data:`EVENT_ROLE`."""
        if not index.isValid():
            return None
        event = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(event, column)
        if role == EVENT_ROLE:
            return event
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{event.type} ({event.peer.value}): {event.summary()}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if isinstance(event, Notice) and event.level in _LEVEL_COLORS:
                return QBrush(QColor(_LEVEL_COLORS[event.level]))
            if column == 4 and isinstance(event, StateChanged):
                return QBrush(QColor(look_of(event.state).color).darker(115))
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if isinstance(event, Notice) and event.level in _LEVEL_BACKGROUNDS:
                return QBrush(QColor(_LEVEL_BACKGROUNDS[event.level]))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _cell(event: SessionEvent, column: int) -> str:
    if column == 0:
        return wall_text(event.wall)
    if column == 1:
        return elapsed_text(event.ts)
    if column == 2:
        return event.peer.value
    if column == 3:
        return event.type
    if column == 4:
        return change_text(event)
    return detail_text(event)


class EventFilterProxy(QSortFilterProxyModel):
    """Shows only events of the chosen types and peer; no sorting (arrival order is the story).

    Args:
        parent: the owning object.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._types: frozenset[str] | None = None
        self._peer: str | None = None

    @property
    def types(self) -> frozenset[str] | None:
        """Event types shown; None means all."""
        return self._types

    @property
    def peer(self) -> str | None:
        """Peer shown (``local``/``remote``); None means both."""
        return self._peer

    def set_types(self, types: set[str] | frozenset[str] | None) -> None:
        """Show only ``types`` (browser event names); None shows every type."""
        self.beginFilterChange()
        self._types = None if types is None else frozenset(types)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_peer(self, peer: str | None) -> None:
        """Show only ``peer``'s events; None shows both."""
        self.beginFilterChange()
        self._peer = peer
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        """Type and peer match."""
        if self._types is None and self._peer is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, EventLogModel)
        event = model.event_at(source_row)
        if self._types is not None and event.type not in self._types:
            return False
        return self._peer is None or event.peer.value == self._peer

    def visible_events(self) -> list[SessionEvent]:
        """The events that pass the filter, in order."""
        model = self.sourceModel()
        assert isinstance(model, EventLogModel)
        return [
            model.event_at(self.mapToSource(self.index(row, 0)).row())
            for row in range(self.rowCount())
        ]
