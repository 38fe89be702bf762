"""End-to-end: the real MainWindow on a real loopback session (two aiortc peers, 127.0.0.1)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import asyncio
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from icescope.core.config import Settings
from icescope.core.events import Peer, StateChanged
from icescope.core.journal import read_journal
from icescope.core.states import IceConnectionState, Machine, Provenance
from icescope.qt.eventloop import PreciseEventLoop
from icescope.qt.main_window import MainWindow
from icescope.qt.widgets.status_line import roles_text
from tests.subproc import child_env

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterator
    from pathlib import Path

    import qasync

pytestmark = pytest.mark.e2e

UP = {IceConnectionState.CONNECTED, IceConnectionState.COMPLETED}


@pytest.fixture
def qloop(qapp) -> Iterator[qasync.QEventLoop]:
    """A qasync loop on pytest-qt's QApplication (as in qasync's own tests)."""
    lp = PreciseEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(lp)
    # As in run_gui: closing the window must not quit the app (and stop the loop) mid-scenario.
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield lp
    qapp.setQuitOnLastWindowClosed(quit_on_close)
    # Like asyncio.run(): cancel whatever a failing scenario left, so no task is destroyed
    # while pending.
    pending = [t for t in asyncio.all_tasks(lp) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        lp.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    lp.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(journal_dir=tmp_path, drain=0.1)


def run(loop: qasync.QEventLoop, scenario: Callable[[], Awaitable[None]], timeout: float) -> None:
    async def bounded() -> None:
        async with asyncio.timeout(timeout):
            await scenario()

    loop.run_until_complete(bounded())


async def until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait (bounded) until ``predicate()`` holds."""
    async with asyncio.timeout(timeout):
        while not predicate():  # noqa: ASYNC110 - widget state has no event to await
            await asyncio.sleep(0.02)


def _ice_rows(window: MainWindow, peer: Peer) -> list[StateChanged]:
    window.log_model.flush()
    return [
        e
        for e in window.log_model.events()
        if isinstance(e, StateChanged) and e.machine is Machine.ICE and e.peer is peer
    ]


def test_window_connects_then_close_button_closes(qtbot, qloop, settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()

    async def scenario() -> None:
        session = await window.start_session()
        assert await session.wait_connected(10)
        local = window.panels[Peer.LOCAL].indicator
        await until(lambda: local.state in UP)
        await until(lambda: window.panels[Peer.REMOTE].indicator.state in UP)
        await until(lambda: window.status_line.pair.text().startswith("pair: host udp 127.0.0.1"))
        # the status line renders the model: roles from the engine's `icerole` events
        await until(lambda: "local controlling" in window.status_line.roles.text())
        await until(lambda: "remote controlled" in window.status_line.roles.text())
        assert window.status_line.roles.text() == roles_text(session.model)
        await until(lambda: "local" in window.status_line.heartbeats.text())
        remote = window.panels[Peer.REMOTE]
        assert remote.view.known and remote.view.stale is None  # the in-process peer, live
        assert remote.view.reporter == "reported by the library (in-process peer)"
        assert window.controls.close_action.isEnabled()
        assert session.can_restart
        await until(lambda: window.controls.restart_action.isEnabled())
        qtbot.mouseClick(window.controls.buttons["close"], Qt.MouseButton.LeftButton)
        await until(lambda: session.ended and not window.busy)
        assert local.state is IceConnectionState.CLOSED
        assert local.provenance is Provenance.LOCAL_CLOSE
        assert not window.controls.close_action.isEnabled()
        assert window.controls.new_action.isEnabled()

    run(qloop, scenario, 20)
    states = [e.state for e in _ice_rows(window, Peer.LOCAL)]
    assert states[0] == "checking"
    assert states[-1] == "closed"
    assert set(states[1:-1]) <= {"connected", "completed"}
    assert states[1:-1], "never reached connected/completed"
    journal = window.session.journal_path
    records = read_journal(journal)
    closed = [
        r
        for r in records
        if r.get("type") == "iceconnectionstatechange" and r.get("peer") == "local"
    ]
    assert closed[-1]["state"] == "closed"
    assert closed[-1]["provenance"] == "local-close"
    assert records[-1]["type"] == "summary"
    assert records[-1]["final_state"] == {"local": "closed", "remote": "closed"}
    window.close()


@pytest.mark.parametrize("via", ["dialog", "repeat"])
def test_new_session_replaces_the_old_one(qtbot, qloop, settings, via) -> None:
    """New session… opens the dialog pre-filled (OK keeps the settings); Repeat skips it."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()

    async def scenario() -> None:
        first = await window.start_session()
        assert await first.wait_connected(10)
        if via == "dialog":
            qtbot.mouseClick(window.controls.buttons["new"], Qt.MouseButton.LeftButton)
            await until(lambda: window.session_dialog is not None)
            dialog = window.session_dialog
            assert dialog.isVisible() and dialog.isModal()
            assert dialog.form().mode == "loopback"
            assert dialog.ok_button.isEnabled()
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            await until(lambda: window.session_dialog is None)
        else:
            qtbot.mouseClick(window.controls.buttons["repeat"], Qt.MouseButton.LeftButton)
        await until(lambda: window.sessions_started == 2 and not window.busy, timeout=10)
        assert first.ended
        second = window.session
        assert second is not first
        assert await second.wait_connected(10)
        await until(lambda: window.panels[Peer.LOCAL].indicator.state in UP)
        assert "Session 2" in window.session_label.text()
        assert second.settings.timings == first.settings.timings
        await window.close_session()

    run(qloop, scenario, 30)
    # The log shows the new session only; its journal is a different file.
    window.log_model.flush()
    assert window.log_model.event_at(0).type == "session"
    assert all(e.ts < 30 for e in window.log_model.events())
    window.close()


def test_closing_the_window_closes_the_session_first(qtbot, qloop, settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    shut: list[bool] = []
    window.shut_down.connect(lambda: shut.append(True))

    async def scenario() -> None:
        session = await window.start_session()
        assert await session.wait_connected(10)
        window.quit_guard.set_asks(False)  # "don't ask again" (test_gui_quit.py asks)
        window.close()  # ignored until the session is closed, then closes for real
        assert window.isVisible()
        await until(lambda: shut == [True], timeout=10)
        assert session.ended
        assert not window.isVisible()

    run(qloop, scenario, 20)


def test_restart_ice_button_restarts_without_loss(qtbot, qloop, settings) -> None:
    """Restart ICE in the window performs a real restart: a new generation, no heartbeat lost."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    summary: dict[str, object] = {}

    async def scenario() -> None:
        session = await window.start_session()
        assert await session.wait_connected(10)
        await until(lambda: window.controls.restart_action.isEnabled())
        old = session.local.pc.local_ufrag()
        window.controls.restart_action.trigger()
        await until(lambda: session.restarts == 1, timeout=10)
        assert session.local.pc.local_ufrag() != old
        await asyncio.sleep(0.5)
        summary.update(await window.close_session())

    run(qloop, scenario, 30)
    phases = [
        e.phase
        for e in window.log_model.events()
        if e.type == "icerestart" and e.peer is Peer.LOCAL
    ]
    assert phases[:2] == ["start", "complete"]
    local_ice = [e.state for e in _ice_rows(window, Peer.LOCAL)]
    assert "checking" not in local_ice[local_ice.index("completed") :]  # healthy restart
    assert all(p["lost"] == 0 for p in summary["peers"].values())  # type: ignore[attr-defined]
    window.close()


def test_errors_in_commands_become_notices(qtbot, qloop, settings, monkeypatch) -> None:
    """A command that fails (here: restart refused by a closed peer) becomes a notice."""
    from icescope.core.errors import PeerClosedError

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()

    async def refuse() -> None:
        raise PeerClosedError("the peer connection is closed")

    async def scenario() -> None:
        session = await window.start_session()
        assert await session.wait_connected(10)
        monkeypatch.setattr(session, "restart_ice", refuse)
        window.controls.restart_action.setEnabled(True)
        window.controls.restart_action.trigger()
        await until(lambda: window.banner.level == "error")
        assert "ICE restart failed" in window.banner.text()
        await window.close_session()

    run(qloop, scenario, 20)
    notices = [e for e in window.log_model.events() if e.type == "notice"]
    assert any("restart" in e.summary() for e in notices)
    window.close()


def _env(**extra: str) -> dict[str, str]:
    return child_env(QT_QPA_PLATFORM="offscreen", **extra)


def test_self_test_entry_returns_zero() -> None:
    code = (
        "import sys; from icescope.core.config import Settings; "
        "from icescope.qt.app import run_gui; sys.exit(run_gui(Settings(), self_test=True))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=_env(),
    )
    assert out.returncode == 0, out.stderr
    assert "diagnostics: frozen=False crc32c=" in out.stdout
    assert "self-test passed" in out.stdout


def test_launch_shows_window_with_icon_and_startup_marker(qapp, tmp_path: Path) -> None:
    """`icescope` (the real entry point) exposes its window and can be stopped with SIGINT."""
    import signal

    env = {**_env(), "ICESCOPE_STARTUP_MARKER": "1", "ICESCOPE_JOURNAL_DIR": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "icescope"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.strip() == "icescope-startup: window-exposed"
        deadline = time.monotonic() + 15
        journals: list[Path] = []
        while time.monotonic() < deadline and not journals:
            journals = list(tmp_path.glob("*.jsonl"))
            time.sleep(0.1)
        time.sleep(1.0)  # let the loopback session connect
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    records = read_journal(journals[0])
    assert any(r.get("state") in ("connected", "completed") for r in records)
    assert records[-1]["type"] == "summary"
    from icescope.qt.startup import ICON, app_icon

    assert ICON.exists()
    assert not app_icon().isNull()
