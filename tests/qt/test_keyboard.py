"""Keyboard only: Tab walks the window in reading order; every action has a key; names are read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from icescope.core.config import Settings
from icescope.core.events import Peer
from icescope.core.model.peer import StateValue
from icescope.core.states import Provenance
from icescope.qt.keyboard import tab_chain
from icescope.qt.main_window import MainWindow

if TYPE_CHECKING:
    from pathlib import Path


def _window(qtbot, tmp_path: Path) -> MainWindow:
    window = MainWindow(Settings(journal_dir=tmp_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def test_tab_walks_the_window_in_reading_order(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    # Commands are enabled only with a session; enable everything so every stop is visited.
    for widget in tab_chain(window):
        widget.setEnabled(True)
    expected = tab_chain(window)
    expected[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is expected[0], timeout=2000)
    visited = [QApplication.focusWidget()]
    for _ in range(len(expected) - 1):  # bounded: one Tab per expected stop
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    names = [w.objectName() or type(w).__name__ for w in visited]
    assert visited == expected, names
    # The indicators are stops of their own, between the commands and the impair panel.
    indicators = [window.panels[Peer.LOCAL].indicator, window.panels[Peer.REMOTE].indicator]
    assert visited.index(indicators[0]) == len(window.controls.buttons)
    assert visited[-1] is window.log_view.table


def test_every_menu_action_has_a_key(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), menu_action.text()  # Alt+letter opens it
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        letters = []
        for action in menu.actions():
            if action.isSeparator():
                continue
            text = action.text()
            assert "&" in text, f"{text!r} has no mnemonic"
            letters.append(text[text.index("&") + 1].lower())
        assert len(letters) == len(set(letters)), f"mnemonics repeat in {menu_action.text()}"
    shortcuts = {
        a.objectName() or a.text(): a.shortcut().toString()
        for a in window.findChildren(QAction)
        if not a.shortcut().isEmpty()
    }
    for key in ("Ctrl+R", "Ctrl+W", "Ctrl+N", "Ctrl+Shift+N", "Ctrl+Q", "Ctrl+,"):
        assert key in shortcuts.values(), shortcuts


def test_indicator_says_whose_state_which_and_for_how_long(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    now = [10.0]
    indicator = window.panels[Peer.LOCAL].indicator
    indicator.set_clock(lambda: now[0])
    indicator.show_value(StateValue("disconnected", 7.0, Provenance.DERIVED))
    assert indicator.accessibleName() == (
        "ICE connection state of the local peer: disconnected, for 3 seconds"
    )
    assert "Connectivity is currently lost" in indicator.accessibleDescription()
    now[0] = 72.0
    indicator._tick()  # the once-a-second repaint also refreshes what is read
    assert indicator.accessibleName() == (
        "ICE connection state of the local peer: disconnected, for 1 minute 5 seconds"
    )
    remote = window.panels[Peer.REMOTE].indicator
    assert remote.accessibleName().startswith("ICE connection state of the remote peer: new")
