"""Sessions over time with real sessions: the last few stay selectable, a journal a real session
wrote reopens as it was, two are compared, and a window killed with SIGKILL is offered back."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import json
import select
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import Settings
from icescope.core.events import Peer, is_periodic
from icescope.core.netif import AddressSelection
from icescope.core.recovery import interrupted_journals
from icescope.core.settings_store import SettingsStore
from icescope.core.states import IceConnectionState
from icescope.qt.compare_view import QtCompareView
from icescope.qt.main_window import MainWindow
from icescope.qt.open_evidence import open_path
from icescope.qt.recovery_prompt import offer_recovery
from tests.subproc import child_env

from .test_gui import qloop, run, until

__all__ = ["qloop"]  # the fixture, re-used from test_gui

pytestmark = pytest.mark.e2e

if TYPE_CHECKING:
    from pathlib import Path

UP = {IceConnectionState.CONNECTED, IceConnectionState.COMPLETED}


def _shown_log(window: MainWindow) -> int:
    window.log_model.flush()
    return window.log_model.total


def test_sessions_stay_selectable_and_a_real_journal_reopens(qtbot, qloop, tmp_path) -> None:
    settings = Settings(
        journal_dir=tmp_path, drain=0.05, addresses=AddressSelection(loopback_only=True)
    )
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()

    async def scenario() -> None:
        first = await window.start_session()
        assert await first.wait_connected(10)
        await window.close_session()
        second = await window.new_session()
        assert await second.wait_connected(10)
        await until(lambda: window.controls.restart_action.isEnabled())
        # The previous session was not wiped: both are in the selector.
        titles = [window.switcher.combo.itemText(i) for i in range(window.switcher.combo.count())]
        assert titles == ["Session 1 · loopback", "Session 2 · loopback (live)"]
        # Show the ended one: its model in every view, marked not live, commands off.
        window.switcher.combo.activated.emit(0)
        assert window.model is first.model and window.viewing is not None
        assert window.session_label.text() == "Session 1 (ended) — not live"
        assert window.panels[Peer.LOCAL].title() == "Local peer (recorded)"
        assert not window.controls.restart_action.isEnabled()
        assert window.panels[Peer.LOCAL].indicator.state is IceConnectionState.CLOSED
        assert _shown_log(window) == len([e for e in first.log if not is_periodic(e)]) > 10
        assert window.timeline.history is first.model.history
        # The live session went on meanwhile; back to it, it is live again with its commands.
        window.switcher.combo.activated.emit(1)
        assert window.model is second.model and window.viewing is None
        assert window.controls.restart_action.isEnabled()
        assert window.panels[Peer.LOCAL].indicator.state in UP
        assert "not live" not in window.windowTitle()
        assert window.panels[Peer.LOCAL].title() == "Local peer (this app)"
        # The journal the first session wrote reopens as it was.
        assert first.journal_path is not None
        opened = open_path(window, first.journal_path)
        assert isinstance(opened, list) and len(opened) == 1
        recording = opened[0]
        assert recording.complete and recording.format == "journal"
        assert window.viewing is not None and window.viewing.recording is recording
        assert f"Recording: {first.journal_path.name} — not live" in window.windowTitle()
        assert window.panels[Peer.LOCAL].indicator.state is IceConnectionState.CLOSED
        assert recording.model.local.connected_at == pytest.approx(
            first.model.local.connected_at, abs=2e-6
        )
        # Compare the recording with the live session, aligned at the first connected.
        view = QtCompareView(window.switcher, window)
        qtbot.addWidget(view)
        entries = window.switcher.entries
        view.choose(entries.index(window.viewing), 1, "connected")
        for caption in view.captions:
            assert "verdict: connected" in caption.text()
        a, b = view.offsets()
        assert a == pytest.approx(b)
        view.close()
        await window.close_session()

    run(qloop, scenario, 40)


def _local_ice_up(line: str) -> bool:
    record = json.loads(line)
    return (
        record.get("type") == "iceconnectionstatechange"
        and record.get("peer") == "local"
        and record.get("state") in ("connected", "completed")
    )


def _journal_of(directory: Path, pid: int, deadline_s: float = 30.0) -> Path:
    """Poll (bounded) for the journal of process ``pid`` holding a connected state."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        for path in directory.glob(f"session-*-{pid}.jsonl"):
            if any(_local_ice_up(line) for line in path.read_text(encoding="utf-8").splitlines()):
                return path
        time.sleep(0.05)
    raise AssertionError(f"no connected journal of pid {pid} in {directory}")


def _stderr_line(proc: subprocess.Popen[bytes], needle: str, deadline_s: float = 30.0) -> str:
    """Read ``proc``'s stderr (bounded in time, never blocking) until a line holds ``needle``."""
    assert proc.stderr is not None
    fd = proc.stderr.fileno()
    deadline = time.monotonic() + deadline_s
    seen = b""
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        chunk = os.read(fd, 65536) if ready else b""
        if ready and not chunk:
            break  # the process ended
        seen += chunk
        for line in seen.decode(errors="replace").splitlines():
            if needle in line:
                return line
    raise AssertionError(f"{needle!r} never appeared on stderr: {seen[-2000:]!r}")


def test_a_window_killed_with_sigkill_is_offered_at_the_next_start(qtbot, tmp_path) -> None:
    journals = tmp_path / "journals"  # the conftest points ICESCOPE_JOURNAL_DIR here
    env = child_env(QT_QPA_PLATFORM="offscreen")
    crashed = subprocess.Popen(
        [sys.executable, "-m", "icescope"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        journal = _journal_of(journals, crashed.pid)
    finally:
        crashed.send_signal(signal.SIGKILL)
        crashed.wait(timeout=10)
    assert interrupted_journals(journals) == [journal]

    # A second real start notices it and asks (logged with -v), then ends cleanly on SIGTERM.
    second = subprocess.Popen(
        [sys.executable, "-m", "icescope", "-v"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        line = _stderr_line(second, "offering to open the interrupted session's journal")
        assert str(journal) in line
    finally:
        second.send_signal(signal.SIGTERM)
        second.communicate(timeout=20)
    assert interrupted_journals(journals) == [journal]  # the second one ended cleanly

    # The prompt, in this process: Open shows it; Not now asks again; Don't ask for this one
    # stops asking, also for the next start (the settings file).
    store = SettingsStore()
    window = MainWindow(Settings(journal_dir=journals), store=store)
    qtbot.addWidget(window)
    box = offer_recovery(window)
    assert box is not None and box.isVisible()
    assert "did not end" in box.text() and str(journal) in box.informativeText()
    labels = [b.text() for b in box.buttons()]
    assert labels == ["&Open", "&Not now", "&Don't ask for this one"]
    box.buttons()[0].click()
    assert window.viewing is not None and window.viewing.recording is not None
    assert window.viewing.recording.path == journal
    assert not window.viewing.recording.complete
    assert window.panels[Peer.LOCAL].indicator.state in UP  # as it was when it was killed
    assert f"Recording: {journal.name} — not live" in window.windowTitle()
    box = offer_recovery(window)
    assert box is not None
    box.buttons()[1].click()  # Not now
    box = offer_recovery(window)
    assert box is not None
    box.buttons()[2].click()  # Don't ask for this one
    assert offer_recovery(window) is None
    assert SettingsStore().section("evidence")["recovery_skip"] == [str(journal)]
