"""A timed blackout from the window's impair panel lasts what was asked, to ±20 ms.

qasync's timers were Qt coarse timers (±5 %): a 5 s blackout lasted 4.75–5.25 s in the window
while the probe's were exact. The window's loop now uses precise timers.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import asyncio
import math
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from icescope.core.config import Settings
from icescope.core.events import Impairment, Peer
from icescope.qt.main_window import MainWindow

from .test_gui import qloop, run

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["qloop"]  # the fixture, re-used from test_gui

pytestmark = pytest.mark.e2e

TOLERANCE = 0.020
"""Allowed error of a timed blackout's length, seconds."""


def _blackouts(window: MainWindow) -> list[Impairment]:
    assert window.session is not None
    return [e for e in window.session.log if isinstance(e, Impairment)]


@pytest.mark.parametrize("length", [5.0, 1.3])
def test_timed_blackout_from_the_panel_is_exact(qloop, qtbot, tmp_path: Path, length) -> None:
    window = MainWindow(Settings(journal_dir=tmp_path, drain=0.1))
    qtbot.addWidget(window)
    window.show()
    panel = window.impair_panel

    async def scenario() -> None:
        session = await window.start_session()
        assert await session.wait_connected(15)
        window.refresh()
        assert panel.blackout_timed.isEnabled()
        panel.peer_combo.setCurrentIndex(panel.peer_combo.findData("local"))
        panel.blackout_seconds.setValue(length)
        qtbot.mouseClick(panel.blackout_timed, Qt.MouseButton.LeftButton)
        deadline = asyncio.get_running_loop().time() + length + 3
        while not any(not e.active for e in _blackouts(window)):
            assert asyncio.get_running_loop().time() < deadline, "the blackout never ended"
            await asyncio.sleep(0.01)
        await window.close_session()

    run(qloop, scenario, length + 30)
    events = _blackouts(window)
    start = next(e for e in events if e.kind == "blackout" and e.active)
    end = next(e for e in events if e.kind == "blackout" and not e.active)
    assert start.peer is end.peer is Peer.LOCAL and math.isclose(start.value, length)
    lasted = end.ts - start.ts
    print(f"blackout asked {length:g} s, lasted {lasted:.4f} s")
    assert abs(lasted - length) <= TOLERANCE, f"{length:g} s blackout lasted {lasted:.3f} s"
    # The model agrees: no blackout is active once it ended.
    assert window.model is not None
    assert not window.model.local.impairments
