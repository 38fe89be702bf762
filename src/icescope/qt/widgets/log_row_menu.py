"""The event log's row menu: only this type, only this peer, show all, copy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from ..i18n import translate
from ..texts import peer_word

if TYPE_CHECKING:
    from .event_log_view import QtEventLog


def build_row_menu(view: QtEventLog, row: int) -> QMenu:
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
