"""EventLogModel: a table model over typed events, with coalesced inserts and filters.

Events arrive one by one from the hub, sometimes thousands per second. Inserting each one
with its own ``beginInsertRows`` makes the view relayout per event; instead events are buffered
and inserted every :data:`FLUSH_MS` with one ``beginInsertRows`` per batch.

The type/peer/text filter lives in the model rather than in a ``QSortFilterProxyModel``: a proxy
calls back into Python for every inserted row and every painted cell even when nothing is
filtered, which made each batch of a 100k-event flood ~40 % dearer to show. Unfiltered, rows
are the events themselves; filtered, rows index the events that match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor

from ...core.events import Notice, StateChanged
from ..i18n import translate
from ..state_style import look_of
from ..texts import peer_word
from ..theme import NOTICE_BACKGROUND, NOTICE_TEXT, is_dark, state_text
from .formatting import (
    COLUMNS,
    change_text,
    detail_text,
    elapsed_text,
    row_texts,
    summary_text,
    wall_text,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from ...core.events import SessionEvent

FLUSH_MS = 50
"""Insert buffered events at most this often (20 Hz is smooth and cheap)."""
DEFAULT_MAX_ROWS = 200_000
"""Rows kept in the view; the core event log and the journal keep more."""

EVENT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""Role returning the event object of a row."""

# Roles as plain ints: comparing with an enum member costs an attribute lookup per call.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

_Index = QModelIndex | QPersistentModelIndex
_LEVELS = ("error", "warning")


class EventLogModel(QAbstractTableModel):
    """Rows = events in arrival order (those passing the filter); columns = ``COLUMNS``.

    Args:
        max_rows: oldest events are dropped beyond this (``dropped`` counts them).
        parent: the owning object.
    """

    def __init__(self, max_rows: int = DEFAULT_MAX_ROWS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[SessionEvent] = []
        self._shown: list[int] | None = None
        """Indexes into ``_events`` of the rows while a filter is set; None: every event."""
        self._pending: list[SessionEvent] = []
        self._max_rows = max_rows
        self._types: frozenset[str] | None = None
        self._peer: str | None = None
        self._text = ""
        """Casefolded search text ("" matches every row)."""
        self.dropped = 0
        """Events dropped because of ``max_rows``."""
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
        base = len(self._events)
        if self._shown is None:
            self.beginInsertRows(QModelIndex(), base, base + len(batch) - 1)
            self._events.extend(batch)
            self.endInsertRows()
        else:
            matching = [base + i for i, event in enumerate(batch) if self._matches(event)]
            self._events.extend(batch)
            if matching:
                first = len(self._shown)
                self.beginInsertRows(QModelIndex(), first, first + len(matching) - 1)
                self._shown.extend(matching)
                self.endInsertRows()
        self._trim()

    def _trim(self) -> None:
        # Drop in chunks of 10 % so the front is not shifted on every flush.
        excess = len(self._events) - self._max_rows
        if excess <= 0:
            return
        excess = max(excess, self._max_rows // 10)
        if self._shown is None:
            self.beginRemoveRows(QModelIndex(), 0, excess - 1)
            del self._events[:excess]
            self.endRemoveRows()
        else:
            gone = sum(1 for i in self._shown if i < excess)  # rows shown for dropped events
            if gone:
                self.beginRemoveRows(QModelIndex(), 0, gone - 1)
            del self._events[:excess]
            self._shown = [i - excess for i in self._shown[gone:]]
            if gone:
                self.endRemoveRows()
        self.dropped += excess

    def clear(self) -> None:
        """Forget every event (a new session starts); the filter stays."""
        self._timer.stop()
        self.beginResetModel()
        self._events.clear()
        self._pending.clear()
        if self._shown is not None:
            self._shown = []
        self.dropped = 0
        self.endResetModel()

    @property
    def pending(self) -> int:
        """Events queued but not yet rows."""
        return len(self._pending)

    @property
    def total(self) -> int:
        """Events held as rows or filtered out (not counting pending or dropped ones)."""
        return len(self._events)

    def event_at(self, row: int) -> SessionEvent:
        """The event shown in ``row``."""
        return self._events[row if self._shown is None else self._shown[row]]

    def events(self) -> list[SessionEvent]:
        """Every event held, whatever the filter (flushed ones, then pending ones)."""
        return [*self._events, *self._pending]

    def visible_events(self) -> list[SessionEvent]:
        """The events shown as rows (those passing the filter), in order."""
        if self._shown is None:
            return list(self._events)
        return [self._events[i] for i in self._shown]

    # ------------------------------------------------------------------ filter
    @property
    def types(self) -> frozenset[str] | None:
        """Event types shown; None means all."""
        return self._types

    @property
    def peer(self) -> str | None:
        """Peer shown (``local``/``remote``); None means both."""
        return self._peer

    @property
    def text(self) -> str:
        """The search text (casefolded; empty: no search)."""
        return self._text

    def set_types(self, types: set[str] | frozenset[str] | None) -> None:
        """Show only ``types`` (browser event names); None shows every type."""
        self._set_filter(None if types is None else frozenset(types), self._peer, self._text)

    def set_peer(self, peer: str | None) -> None:
        """Show only ``peer``'s events; None shows both."""
        self._set_filter(self._types, peer, self._text)

    def set_text(self, text: str) -> None:
        """Show only rows whose cells contain ``text`` (case-insensitive); "" shows all."""
        self._set_filter(self._types, self._peer, text.strip().casefold())

    def _set_filter(self, types: frozenset[str] | None, peer: str | None, text: str) -> None:
        if (types, peer, text) == (self._types, self._peer, self._text):
            return
        self.beginResetModel()
        self._types, self._peer, self._text = types, peer, text
        if types is None and peer is None and not text:
            self._shown = None
        else:
            self._shown = [i for i, event in enumerate(self._events) if self._matches(event)]
        self.endResetModel()

    def _matches(self, event: SessionEvent) -> bool:
        if self._types is not None and event.type not in self._types:
            return False
        if self._peer is not None and event.peer.value != self._peer:
            return False
        return not self._text or self._text in "\t".join(row_texts(event)).casefold()

    def header_line(self) -> str:
        """The column titles, tab-separated (the first line of copied rows)."""
        return "\t".join(translate("EventLog", c) for c in COLUMNS)

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows (0 for child indexes: this is a flat table)."""
        if parent.isValid():
            return 0
        return len(self._events) if self._shown is None else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("EventLog", COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        """Cell text, colours, tooltips, and the event itself under :data:`EVENT_ROLE`."""
        # Called ~1000 times per repaint (cells x roles): plain int compares, display first.
        row = index.row()
        if row < 0:  # an invalid index
            return None
        event = self._events[row if self._shown is None else self._shown[row]]
        if role == _DISPLAY:
            return _cell(event, index.column())
        if role == EVENT_ROLE:
            return event
        if role == _TOOLTIP:
            return f"{event.type} ({peer_word(event.peer)}): {summary_text(event)}"
        if role == _FOREGROUND:
            if isinstance(event, Notice) and event.level in _LEVELS:
                return QBrush(QColor(NOTICE_TEXT[is_dark()][event.level]))
            if index.column() == 4 and isinstance(event, StateChanged):
                return QBrush(state_text(look_of(event.state).color, is_dark()))
            return None
        if role == _BACKGROUND:
            if isinstance(event, Notice) and event.level in _LEVELS:
                return QBrush(QColor(NOTICE_BACKGROUND[is_dark()][event.level]))
            return None
        if role == _ALIGNMENT and index.column() == 1:
            return _RIGHT
        return None


def _cell(event: SessionEvent, column: int) -> str:
    if column == 0:
        return wall_text(event.wall)
    if column == 1:
        return elapsed_text(event.ts)
    if column == 2:
        return peer_word(event.peer)
    if column == 3:
        return event.type
    if column == 4:
        return change_text(event)
    return detail_text(event)
