"""Session → Export report… and Help → Report a problem… write the core's HTML report."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import asyncio
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from icescope.core.config import Settings
from icescope.core.netif import AddressSelection
from icescope.qt.main_window import MainWindow
from icescope.qt.report_menu import report_problem, write_report

from .test_gui import qloop, run

__all__ = ["qloop"]  # the fixture, re-used from test_gui

pytestmark = pytest.mark.e2e

if TYPE_CHECKING:
    from pathlib import Path


def test_the_menus_offer_the_report(qtbot, tmp_path: Path) -> None:
    window = MainWindow(Settings(journal_dir=tmp_path))
    qtbot.addWidget(window)
    assert window.findChild(QAction, "export-report-action") is not None
    assert window.findChild(QAction, "report-problem-action") is not None
    # No session yet: a readable notice, no file, no traceback.
    assert report_problem(window) is None
    assert not list(tmp_path.glob("*.html"))
    assert "no session" in window.banner.text()


def test_a_real_session_s_report_is_written_beside_its_journal(qtbot, qloop, tmp_path) -> None:
    settings = Settings(
        journal_dir=tmp_path, drain=0.05, addresses=AddressSelection(loopback_only=True)
    )
    window = MainWindow(settings)
    qtbot.addWidget(window)

    async def scenario() -> None:
        session = await window.start_session()
        assert await session.wait_connected(10)
        for _ in range(60):  # bounded: a statistics sample of both peers (1 s interval)
            if session.model.local.stats and session.model.remote.stats:
                break
            await asyncio.sleep(0.05)
        html = write_report(window, tmp_path / "r.html").read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>")
        assert "iceconnectionstatechange" in html and "completed" in html
        assert "statistics of " in html  # the pairs at first connected, from the statistics
        saved = report_problem(window)
        assert saved is not None and saved.parent == session.journal_path.parent
        assert QApplication.clipboard().text() == str(saved)
        await window.close_session()

    run(qloop, scenario, 30)
