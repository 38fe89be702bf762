"""The event log's row menu: only this type, only this peer, show all, copy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMenu

from ..i18n import translate
from ..texts import peer_word

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QTableView

    from ..models.event_log_model import EventLogModel


class RowMenuView(Protocol):
    """What the row menu needs of the event log view: its rows, its filters, its copy."""

    model: EventLogModel
    table: QTableView
    copy_action: QAction

    def set_type_filter(self, types: set[str] | None) -> None:
        """Show only events of ``types`` (None: all)."""
        ...

    def set_peer_filter(self, peer: str | None) -> None:
        """Show only ``peer``'s events (None: both)."""
        ...

    def show_all(self) -> None:
        """Every row again."""
        ...


def build_row_menu(view: RowMenuView, row: int) -> QMenu:
    """The menu of ``view``'s ``row`` (its actions act on ``view``'s filters)."""
    event = view.model.event_at(row)
    menu = QMenu(view.table)
    only_type = menu.addAction(translate("EventLogView", "Only this type ({0})").format(event.type))
    only_type.setObjectName("only-type")
    only_type.triggered.connect(lambda: view.set_type_filter({event.type}))
    only_peer = menu.addAction(
        translate("EventLogView", "Only this peer ({0})").format(peer_word(event.peer))
    )
    only_peer.setObjectName("only-peer")
    only_peer.triggered.connect(lambda: view.set_peer_filter(event.peer.value))
    show_all = menu.addAction(translate("EventLogView", "Show all rows"))
    show_all.setObjectName("show-all")
    show_all.triggered.connect(view.show_all)
    show_all.setEnabled(view.model.rowCount() != view.model.total)
    menu.addSeparator()
    menu.addAction(view.copy_action)
    return menu
