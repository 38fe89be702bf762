"""End-to-end: the views that say why, on a real loopback session in the real window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import asyncio
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import Settings
from icescope.core.events import Peer
from icescope.qt.main_window import MainWindow

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

from .test_gui import qloop

__all__ = ["qloop"]  # the fixture, re-used from test_gui

pytestmark = pytest.mark.e2e


async def until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    """Wait (bounded) until ``predicate()`` holds."""
    try:
        async with asyncio.timeout(timeout):
            while not predicate():  # noqa: ASYNC110 - widget state has no event to await
                await asyncio.sleep(0.05)
    except TimeoutError:
        pytest.fail(f"not within {timeout} s: {what}")


def test_restart_delay_and_blackout_show_in_the_views(qloop, qtbot, tmp_path: Path) -> None:
    window = MainWindow(Settings(journal_dir=tmp_path, drain=0.1))
    qtbot.addWidget(window)
    window.show()
    local = window.panels[Peer.LOCAL].indicator
    pairs = window.pairs_view.pairs

    def old_rows() -> list[int]:
        return [r for r in range(pairs.rowCount()) if pairs.is_old(r)]

    async def scenario() -> None:
        session = await window.start_session()
        assert await session.wait_connected(15)
        await until(lambda: pairs.rowCount() >= 2, 5, "a statistics sample in the pairs view")
        assert not old_rows()
        await session.restart_ice()
        await until(lambda: bool(old_rows()), 6, "the old generation's pairs after a restart")
        assert any(pairs.is_selected(r) for r in range(pairs.rowCount()))

        rtt = window.model.history.series[(Peer.LOCAL, "rtt")]
        session.impair(Peer.REMOTE, "delay", value=50)
        # 50 ms each way on the remote's sockets: the local consent checks see RTT > 90 ms
        await until(lambda: (rtt.last() or (0, 0))[1] > 90, 8, "a 50 ms delay in the RTT graph")
        session.impair(Peer.REMOTE, "clear")

        session.impair(Peer.REMOTE, "blackout")
        await until(
            lambda: local.liveness_text().startswith("no response for"), 4, "silence counted"
        )
        assert local.liveness_text().endswith("disconnected at 2.5 s")
        await until(lambda: local.state == "disconnected", 6, "disconnected")
        await until(lambda: "failed in" in local.liveness_text(), 2, "countdown to failed")
        assert "blackout (both) on the remote peer" in local.toolTip()
        window.log_model.flush()
        causes = {(e.peer, e.code) for e in window.log_model.events() if e.type == "cause"}
        assert (Peer.LOCAL, "consent-lost-impairment") in causes
        session.impair(Peer.REMOTE, "clear")
        await until(lambda: local.state in ("connected", "completed"), 6, "recovered")
        await window.close_session()

    async def bounded() -> None:
        async with asyncio.timeout(60):
            await scenario()

    qloop.run_until_complete(bounded())
    window.close()
