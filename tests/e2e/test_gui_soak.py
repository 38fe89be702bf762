"""GUI soak, CI-sized (issue 11): Restart ICE pressed in the real window, over and over.

The long run is ``benchmarks/soak_gui.py`` (a restart every 2 s for 10 minutes); this runs the
same code for 30 restarts 0.25 s apart. After each restart: open descriptors (not counting the
ICE generations' sockets in their grace period), asyncio tasks and threads do not grow, RSS
grows less than 10 % after the warm-up, and at the end every heartbeat is accounted for.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import asyncio
from typing import TYPE_CHECKING

import pytest
from benchmarks.soak import growth, restart_warmup
from benchmarks.soak_gui import soak_window

from icescope.core.config import Settings
from icescope.qt.main_window import MainWindow

from .test_gui import qloop

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["qloop"]  # the fixture, re-used from test_gui

pytestmark = pytest.mark.e2e

CYCLES = 30


def test_restart_pressed_again_and_again_leaks_nothing(qtbot, qloop, tmp_path: Path) -> None:
    window = MainWindow(Settings(journal_dir=tmp_path, drain=0.1))
    qtbot.addWidget(window)
    window.show()

    async def bounded():
        async with asyncio.timeout(120):
            return await soak_window(window, CYCLES, 0.25)

    samples, summary, problems = qloop.run_until_complete(bounded())
    assert problems == []
    assert len(samples) == CYCLES + 2
    warmup = max(10, restart_warmup(samples))
    assert growth(samples, warmup) == []
    assert all(p["received"] > 0 and p["lost"] == 0 for p in summary["peers"].values())
    assert window.session.model.local.restarts_completed == CYCLES
    window.close()
