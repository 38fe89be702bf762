"""The main window's layout and menus, built from the widgets they hold (not from the window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSplitter, QTabWidget, QVBoxLayout, QWidget

from .i18n import translate
from .user_guide import add_guide_action

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QMainWindow, QMenuBar

    from .widgets.controls import QtControls
    from .widgets.event_log_view import QtEventLog


PEER_MIN_WIDTH = 330
"""Width under which a peer panel is never laid out (it never asks for more either)."""


def build_layout(
    window: QMainWindow,
    *,
    top: Sequence[QWidget],
    banner: QWidget,
    peers: Sequence[QWidget],
    side: QWidget,
    legend: QWidget,
    log: QWidget,
) -> QSplitter:
    """``top`` row with the banner before its last widget, peers + side panel, legend, log.

    Nothing moves when texts change: the banner fills the room left in the top row (it keeps
    it while hidden and elides long texts), the side panel keeps the width it was built
    with (its status text wraps instead of widening it), and the peer panels have a fixed
    minimum width.

    Returns the splitter holding the upper part and the log (a remote panel goes between).
    """
    row = QHBoxLayout()
    for i, widget in enumerate(top):
        if i == len(top) - 1:
            row.addWidget(banner, 1)
        row.addWidget(widget)
    peer_row = QHBoxLayout()
    for widget in peers:
        # An explicit minimum: a long state or liveness text (German, a countdown) is
        # squeezed into the panel instead of widening the window past the screen.
        widget.setMinimumWidth(PEER_MIN_WIDTH)
        peer_row.addWidget(widget, 1)
    side.setFixedWidth(side.minimumSizeHint().width())
    peer_row.addWidget(side, 0)
    upper = QWidget(window)
    upper_layout = QVBoxLayout(upper)
    upper_layout.setContentsMargins(0, 0, 0, 0)
    upper_layout.addLayout(peer_row)
    upper_layout.addWidget(legend)
    splitter = QSplitter(Qt.Orientation.Vertical, window)
    splitter.addWidget(upper)
    splitter.addWidget(log)
    splitter.setStretchFactor(1, 1)
    splitter.setChildrenCollapsible(False)
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(10, 8, 10, 4)
    layout.addLayout(row)
    layout.addWidget(splitter, 1)
    window.setCentralWidget(central)
    return splitter


def build_tabs(
    window: QMainWindow, *, log: QWidget, timeline: QWidget, pairs: QWidget, graphs: QWidget
) -> QTabWidget:
    """The lower area: log under the timeline (a click there selects log rows), pairs, graphs."""
    split = QSplitter(Qt.Orientation.Vertical, window)
    split.addWidget(timeline)
    split.addWidget(log)
    split.setStretchFactor(1, 1)
    split.setCollapsible(1, False)
    tabs = QTabWidget(window)
    tabs.setDocumentMode(True)
    tabs.addTab(split, translate("Window", "Log && timeline"))
    tabs.addTab(pairs, translate("Window", "Candidates && pairs"))
    tabs.addTab(graphs, translate("Window", "Graphs"))
    tabs.setTabToolTip(0, translate("Window", "Every event, and both peers' states over time"))
    tabs.setTabToolTip(
        1,
        translate(
            "Window", "Every candidate and candidate pair of both peers, from their statistics"
        ),
    )
    tabs.setTabToolTip(
        2, translate("Window", "Round-trip time, bytes/s and heartbeats/s of both peers")
    )
    return tabs


def build_menus(
    window: QMainWindow, controls: QtControls, log: QtEventLog, show_about: Callable[[], object]
) -> None:
    """Session menu (commands, export, quit) and Help menu (About)."""
    session_menu = window.menuBar().addMenu(translate("WindowLayout", "&Session"))
    session_menu.setObjectName("session-menu")
    for action in (
        controls.restart_action,
        controls.close_action,
        controls.new_action,
        controls.repeat_action,
    ):
        session_menu.addAction(action)
    session_menu.addSeparator()
    session_menu.addAction(
        translate("WindowLayout", "Export events as &JSON Lines…"),
        lambda: log.export_dialog("jsonl"),
    )
    session_menu.addAction(
        translate("WindowLayout", "Export events as CS&V…"), lambda: log.export_dialog("csv")
    )
    session_menu.addSeparator()
    quit_action = QAction(translate("WindowLayout", "&Quit"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    if quit_action.shortcut().isEmpty():  # the generic platform theme has no Quit key
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(window.close)
    session_menu.addAction(quit_action)
    quit_action.setObjectName("quit-action")
    help_menu = window.menuBar().addMenu(translate("WindowLayout", "&Help"))
    help_menu.setObjectName("help-menu")
    help_menu.addAction(translate("WindowLayout", "&About IceScope"), show_about)
    add_guide_action(window, help_menu)


def insert_before_help(bar: QMenuBar, menu: QMenu) -> None:
    """Put ``menu`` in the menu bar ``bar`` just before Help (at the end when there is none)."""
    owner = bar.parentWidget()
    help_menu = owner.findChild(QMenu, "help-menu") if owner is not None else None
    if help_menu is not None:
        bar.insertMenu(help_menu.menuAction(), menu)
    else:
        bar.addMenu(menu)
