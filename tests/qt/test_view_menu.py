"""View menu: panels can be hidden and shown from the menu and the keyboard, and stay so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from icescope.core.config import Settings
from icescope.core.events import Peer
from icescope.core.settings_store import SettingsStore
from icescope.qt.main_window import MainWindow

if TYPE_CHECKING:
    from pathlib import Path


def _window(qtbot, path: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(Settings(journal_dir=tmp_path / "j"), store=SettingsStore(path))
    qtbot.addWidget(window)
    window.show()
    return window


def test_panels_hide_show_and_are_remembered(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    first = _window(qtbot, path, tmp_path)
    menus = [a.text() for a in first.menuBar().actions()]
    assert menus == ["&File", "&Session", "&View", "Sce&nario", "&Help"]
    view = first.findChild(QMenu, "view-menu")
    assert [a.text() for a in view.actions()] == [
        "&Peer panels", "&Impair panel", "&Legend", "&Timeline"
    ]  # fmt: skip
    peers = first.findChild(QAction, "view-peers")
    timeline = first.findChild(QAction, "view-timeline")
    assert peers.isChecked() and first.panels[Peer.LOCAL].isVisible()
    peers.trigger()  # hide
    assert not first.panels[Peer.LOCAL].isVisible() and not first.panels[Peer.REMOTE].isVisible()
    assert timeline.shortcut().toString() == "Ctrl+Alt+4"
    timeline.trigger()
    assert not first.timeline_panel.isVisible()
    timeline.trigger()  # and back
    assert first.timeline_panel.isVisible()
    assert first.log_view.isVisible()  # the log always stays
    first.close()

    second = _window(qtbot, path, tmp_path)
    assert not second.findChild(QAction, "view-peers").isChecked()
    assert not second.panels[Peer.LOCAL].isVisible()
    assert second.timeline_panel.isVisible() and second.impair_panel.isVisible()
    second.findChild(QAction, "view-peers").trigger()
    assert second.panels[Peer.REMOTE].isVisible()
