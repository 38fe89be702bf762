"""Quit asks first: closing the window with a live session opens a question; Cancel keeps it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from icescope.core.config import Settings
from icescope.core.settings_store import SettingsStore
from icescope.qt.main_window import MainWindow

from .test_gui import qloop, run, until

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e
__all__ = ["qloop"]


@pytest.mark.parametrize("never_again", [False, True])
def test_quit_with_a_live_session_asks_first(qloop, qtbot, tmp_path: Path, never_again) -> None:
    path = tmp_path / "settings.json"
    window = MainWindow(Settings(journal_dir=tmp_path, drain=0.1), store=SettingsStore(path))
    qtbot.addWidget(window)
    window.show()
    closed = []
    window.shut_down.connect(lambda: closed.append(True))
    quit_action = window.findChild(QAction, "quit-action")
    assert quit_action.shortcut().toString() == "Ctrl+Q"

    async def scenario() -> None:
        session = await window.start_session()
        assert await session.wait_connected(10)
        quit_action.trigger()  # Ctrl+Q
        await until(lambda: window.quit_guard.box is not None)
        box = window.quit_guard.box
        assert "still running" in box.text() and box.checkBox().text() == "Don't ask again"
        box.button(QMessageBox.StandardButton.Cancel).click()
        await until(lambda: window.quit_guard.box is None)
        assert window.isVisible() and not session.ended and not closed
        window.close()  # the window's close button: asks again
        await until(lambda: window.quit_guard.box is not None)
        box = window.quit_guard.box
        box.checkBox().setChecked(never_again)
        quit_button = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        )
        quit_button.click()
        await until(lambda: bool(closed), timeout=10)
        assert session.ended

    run(qloop, scenario, 30)
    assert SettingsStore(path).section("ui").get("confirm_quit", True) is not never_again
