"""Keyboard reach: a tab order that reads the window top to bottom, left to right.

Commands first (they also have shortcuts, shown in the Session menu), then the two ICE
indicators (focusable so a screen reader lands on them and says state and duration), the impair
panel, the log's filters and buttons, and the log table last. Every menu entry has a mnemonic;
the menus themselves open with Alt.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QToolButton, QWidget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..core.events import Peer
    from .widgets.controls import QtControls
    from .widgets.event_log_view import QtEventLog
    from .widgets.impair_panel import QtImpairPanel
    from .widgets.peer_panel import QtPeerPanel


class TabWindow(Protocol):
    """The parts of the main window whose widgets Tab visits."""

    controls: QtControls
    panels: dict[Peer, QtPeerPanel]
    impair_panel: QtImpairPanel
    log_view: QtEventLog


def tab_chain(window: TabWindow) -> list[QWidget]:
    """The widgets Tab visits, in order."""
    panel = window.impair_panel
    log = window.log_view
    log_buttons = [
        b for b in log.findChildren(QToolButton) if b.parent() is log and b is not log.type_button
    ]
    return [
        *window.controls.buttons.values(),
        *(p.indicator for p in window.panels.values()),
        panel.peer_combo,
        panel.direction_combo,
        panel.blackout_now,
        panel.blackout_timed,
        panel.blackout_seconds,
        panel.loss_apply,
        panel.loss_percent,
        panel.delay_apply,
        panel.delay_ms,
        panel.clear_button,
        log.type_button,
        log.peer_combo,
        *log_buttons,
        log.table,
    ]


def set_tab_order(window: TabWindow) -> None:
    """Make Tab follow :func:`tab_chain`."""
    chain(tab_chain(window))


def chain(widgets: Sequence[QWidget]) -> None:
    """Tab goes from each widget to the next."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
