"""End-to-end: the ended session's summary under the log and in the status line (real session)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest

from icescope.core.config import Settings
from icescope.core.netif import AddressSelection
from icescope.qt.main_window import MainWindow
from icescope.qt.widgets.session_summary import verdict_text

from .test_gui import qloop, run, until

__all__ = ["qloop"]

pytestmark = pytest.mark.e2e


def test_summary_appears_when_the_session_ends_and_goes_with_the_next(qtbot, qloop, tmp_path):
    window = MainWindow(
        Settings(journal_dir=tmp_path, drain=0.1, addresses=AddressSelection(loopback_only=True))
    )
    qtbot.addWidget(window)
    window.show()
    panel = window.log_view.summary
    ended: dict[str, object] = {}

    async def scenario() -> None:
        session = await window.start_session()
        assert await session.wait_connected(10)
        await until(lambda: "local" in window.status_line.heartbeats.text())
        assert panel.isHidden() and window.status_line.verdict.isHidden()
        ended.update(await window.close_session())
        await until(lambda: not panel.isHidden())

    run(qloop, scenario, 30)
    text = panel.text()
    lines = text.splitlines()
    # what the model's summary says, in words; nothing recomputed
    assert lines[0] == f"Session ended: {verdict_text(ended)}"
    assert lines[0].startswith("Session ended: connected · no failure")
    ttc = ended["time_to_connect"]["local"]  # type: ignore[index]
    assert f"local {ttc * 1000:.0f} ms" in lines[1]
    received = ended["peers"]["local"]["received"]  # type: ignore[index]
    assert received > 0 and f"local received {received}, lost 0" in lines[2]
    cause = window.model.local.cause  # the model's close cause, as it explains it
    assert cause is not None and cause.state == "closed"
    assert lines[3].startswith(f"Closed: local: {cause.message}")
    assert window.status_line.verdict.isVisible()
    assert verdict_text(ended) in window.status_line.verdict.text()

    async def again() -> None:
        await window.start_session()
        assert panel.isHidden() and window.status_line.verdict.isHidden()
        await window.close_session()

    run(qloop, again, 30)
    window.close()
