"""The main window's layout and menus (kept out of main_window.py, which wires behaviour)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from ..core.events import Peer

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_layout(window: MainWindow) -> QSplitter:
    """Controls on top, then the banner, the peers + impair panel + legend, and the log.

    Returns the splitter holding the upper part and the log.
    """
    top = QHBoxLayout()
    top.addWidget(window.controls)
    top.addStretch(1)
    top.addWidget(window.session_label)
    peers = QHBoxLayout()
    peers.addWidget(window.panels[Peer.LOCAL], 1)
    peers.addWidget(window.panels[Peer.REMOTE], 1)
    peers.addWidget(window.impair_panel, 0)
    upper = QWidget(window)
    upper_layout = QVBoxLayout(upper)
    upper_layout.setContentsMargins(0, 0, 0, 0)
    upper_layout.addLayout(peers)
    upper_layout.addWidget(window.legend)
    splitter = QSplitter(Qt.Orientation.Vertical, window)
    splitter.addWidget(upper)
    # The remote panel (URL, address, or the copy-and-paste boxes) goes between these two
    # when a session needs it (MainWindow.remote_panel).
    splitter.addWidget(window.log_view)
    splitter.setStretchFactor(1, 1)
    splitter.setChildrenCollapsible(False)
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(10, 8, 10, 4)
    layout.addLayout(top)
    layout.addWidget(window.banner)
    layout.addWidget(splitter, 1)
    window.setCentralWidget(central)
    return splitter


def build_menus(window: MainWindow) -> None:
    """Session menu (commands, export, quit) and Help menu (About)."""
    session_menu = window.menuBar().addMenu("&Session")
    for action in (window.controls.restart_action, window.controls.close_action):
        session_menu.addAction(action)
    session_menu.addAction(window.controls.new_action)
    session_menu.addAction(window.controls.repeat_action)
    session_menu.addSeparator()
    session_menu.addAction(
        "Export events as JSON Lines…", lambda: window.log_view.export_dialog("jsonl")
    )
    session_menu.addAction("Export events as CSV…", lambda: window.log_view.export_dialog("csv"))
    session_menu.addSeparator()
    quit_action = QAction("&Quit", window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    session_menu.addAction(quit_action)
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction("&About IceScope", window.show_about)
