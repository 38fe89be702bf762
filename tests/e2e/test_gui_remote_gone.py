"""Restart ICE follows the remote's presence, and Repeat session keeps the listening port.

Real sessions in the real window: a TCP listener whose peer is another IceScope probe in a
subprocess (killed with SIGKILL: gone without a bye), and a browser-peer session with Debian's
Chromium. The reason on the Restart button is read from the model the window renders.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import contextlib
import socket
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from icescope.core.config import Settings
from icescope.core.events import Peer
from icescope.core.journal import read_journal
from icescope.core.netif import AddressSelection
from icescope.qt.main_window import MainWindow
from tests.subproc import child_env
from tests.sysreq import require_binary

from .test_gui import UP, qloop, run, until

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["qloop"]  # the fixture, re-used from test_gui

pytestmark = pytest.mark.e2e

LOOPBACK = AddressSelection(addresses=("127.0.0.1",))
NO_REMOTE = "no remote peer yet"
GONE = "the remote is gone ("


def _restart(window: MainWindow) -> str | None:
    """None when Restart ICE is enabled, else its tooltip (the reason)."""
    button = window.controls.buttons["restart"]
    return None if button.isEnabled() else button.toolTip()


def _url(window: MainWindow) -> str:
    assert window.model is not None and window.model.listening is not None
    return window.model.listening.url


def _probe(tmp_path: Path, url: str) -> subprocess.Popen[str]:
    """Another IceScope (headless probe) that connects to ``url`` and stays."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "icescope",
            "probe",
            "--connect",
            url,
            "--address",
            "127.0.0.1",
            "--duration",
            "60",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(ICESCOPE_JOURNAL_DIR=str(tmp_path / "probe")),
    )


def _kill(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def test_tcp_peer_absent_then_there_then_killed_and_repeat_keeps_the_url(
    qtbot, qloop, tmp_path: Path
) -> None:
    settings = Settings(
        mode="tcp-listen",
        remote_address="127.0.0.1:0",
        addresses=LOOPBACK,
        journal_dir=tmp_path,
        drain=0.1,
    )
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    procs: list[subprocess.Popen[str]] = []

    async def connect_probe() -> None:
        procs.append(_probe(tmp_path, _url(window)))
        assert window.session is not None
        assert await window.session.wait_connected(20), procs[-1].stderr
        await until(lambda: _restart(window) is None, 15)

    async def scenario() -> None:
        await window.start_session()
        await until(lambda: window.model is not None and window.model.listening is not None, 15)
        # Nobody connected yet: nothing could answer a restart.
        assert NO_REMOTE in (_restart(window) or "")
        first_url = _url(window)
        await connect_probe()
        # The peer dies without a bye: its TCP channel is gone, the session stays open.
        _kill(procs[-1])
        await until(lambda: GONE in (_restart(window) or ""), 5)
        assert "connection" in (_restart(window) or "")
        assert window.session is not None and not window.session.ended

        # Repeat session: the same port and token, so the same URL reaches the new session.
        qtbot.mouseClick(window.controls.buttons["repeat"], Qt.MouseButton.LeftButton)
        await until(lambda: window.sessions_started == 2 and not window.busy, 10)
        await until(lambda: window.model is not None and window.model.listening is not None, 15)
        assert _url(window) == first_url
        assert NO_REMOTE in (_restart(window) or "")
        await connect_probe()  # the old URL works
        await window.close_session()

        # Closed, then the port taken by someone else: Repeat listens on a new one and says so.
        port = int(first_url.split(":")[2].split("/")[0])
        with socket.socket() as squatter:
            # Over the old connections' TIME_WAIT, as any server would bind.
            squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            squatter.bind(("127.0.0.1", port))
            squatter.listen()
            qtbot.mouseClick(window.controls.buttons["repeat"], Qt.MouseButton.LeftButton)
            await until(lambda: window.sessions_started == 3 and not window.busy, 10)
            await until(lambda: window.model is not None and window.model.listening is not None, 15)
            assert f":{port}/" not in _url(window)
            notices = [n for n in window.model.notices if n.code == "port-taken"]
            assert len(notices) == 1 and str(port) in notices[0].message
            await window.close_session()

    try:
        run(qloop, scenario, 90)
    finally:
        for proc in procs:
            _kill(proc)
    assert window.session is not None and window.session.journal_path is not None
    records = read_journal(window.session.journal_path)
    assert records[-1]["type"] == "summary"
    assert any(r.get("code") == "port-taken" for r in records)
    window.close()


@pytest.mark.needs_chromium
def test_browser_page_absent_joined_gone_and_repeat_keeps_the_url(
    qtbot, qloop, tmp_path: Path
) -> None:
    require_binary("chromium", "install Debian's chromium package")
    pytest.importorskip("playwright.async_api", reason="pip install playwright")
    from playwright.async_api import async_playwright

    from tests.e2e.browser_scenario import chromium_descendants, launch

    settings = Settings(mode="browser", addresses=LOOPBACK, journal_dir=tmp_path, drain=0.1)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()

    async def joined(page, url: str) -> None:  # type: ignore[no-untyped-def]
        await page.goto(url)
        assert window.session is not None
        assert await window.session.wait_connected(20)
        await until(lambda: window.panels[Peer.LOCAL].indicator.state in UP, 15)
        await until(lambda: _restart(window) is None, 15)

    async def scenario() -> None:
        async with async_playwright() as p:
            browser = await launch(p)
            try:
                await window.start_session()
                await until(
                    lambda: window.model is not None and window.model.listening is not None, 15
                )
                assert NO_REMOTE in (_restart(window) or "")  # no page has joined yet
                url = _url(window)
                page = await browser.new_page()
                await joined(page, url)
                # Repeat: the tab's URL (same port, same token) reaches the new session.
                qtbot.mouseClick(window.controls.buttons["repeat"], Qt.MouseButton.LeftButton)
                await until(lambda: window.sessions_started == 2 and not window.busy, 10)
                await until(
                    lambda: window.model is not None and window.model.listening is not None, 15
                )
                assert _url(window) == url
                assert NO_REMOTE in (_restart(window) or "")
                await page.reload()
                await joined(page, url)
                # The browser dies (no bye): the page's channel is gone, Restart says so.
                for pid in chromium_descendants():
                    os.kill(pid, 9)
                await until(lambda: GONE in (_restart(window) or ""), 10)
            finally:
                with contextlib.suppress(Exception):
                    await browser.close()
        await window.close_session()

    run(qloop, scenario, 90)
    window.close()
