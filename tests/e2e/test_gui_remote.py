"""End-to-end: the real window with remote peers chosen in the New session dialog.

A second, GUI-less Session runs in the same qasync loop as the other side: over TCP signaling,
or with the offer and answer carried by copy and paste. Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import asyncio
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from icescope.core.config import Settings
from icescope.core.events import LocalDescription, Peer
from icescope.core.journal import read_journal
from icescope.core.netif import AddressSelection
from icescope.core.session import Session
from icescope.qt.main_window import MainWindow

from .test_gui import UP, qloop, run, until

if TYPE_CHECKING:
    from pathlib import Path

    from icescope.qt.dialogs.session_dialog import QtSessionDialog

__all__ = ["qloop"]  # the fixture, re-used from test_gui

pytestmark = pytest.mark.e2e

LOOPBACK = AddressSelection(loopback_only=True)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(journal_dir=tmp_path, drain=0.1)


def other_side(tmp_path: Path, **changes: object) -> Session:
    """The GUI-less peer: loopback addresses only, no journal."""
    return Session(Settings(addresses=LOOPBACK, journal_enabled=False, drain=0.1, **changes))  # type: ignore[arg-type]


async def choose(window: MainWindow, qtbot, fill) -> None:
    """Open New session…, let ``fill`` set the fields, click Start session; wait for it."""
    started = window.sessions_started
    qtbot.mouseClick(window.controls.buttons["new"], Qt.MouseButton.LeftButton)
    await until(lambda: window.session_dialog is not None)
    dialog: QtSessionDialog = window.session_dialog
    fill(dialog)
    dialog.hosts.radios["loopback"].setChecked(True)
    assert dialog.ok_button.isEnabled(), dialog.revalidate().errors
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    await until(lambda: window.sessions_started == started + 1 and not window.busy, timeout=10)


def test_gui_listens_and_a_second_session_connects_over_tcp(qtbot, qloop, settings, tmp_path):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()

    def fill(dialog: QtSessionDialog) -> None:
        dialog.mode.setCurrentIndex(dialog.mode.findData("tcp-listen"))
        dialog.pages.listen.setText("127.0.0.1:0")  # any free port, shown once listening

    async def scenario() -> None:
        await choose(window, qtbot, fill)
        session = window.session
        assert session.settings.mode == "tcp-listen"
        panel = window.remote_panel
        assert panel.isVisible()
        await until(lambda: panel.copy_link.isVisible())
        panel.copy_link.click()
        address = panel.copied
        assert address.startswith("tcp://127.0.0.1:") and ":0/" not in address
        assert "/?token=" in address
        other = other_side(tmp_path, mode="tcp-connect", remote_address=address)
        await other.start()
        assert await session.wait_connected(10)
        assert await other.wait_connected(10)
        await until(lambda: window.panels[Peer.LOCAL].indicator.state in UP)
        # The remote panel shows what the other IceScope reports of itself: live, not `new`.
        remote = window.panels[Peer.REMOTE]
        await until(lambda: remote.indicator.state in UP)
        assert remote.view.known and remote.view.stale is None
        assert "other IceScope" in remote.view.reporter
        assert "answerer" in window.panels[Peer.LOCAL].description.text()
        assert "mode tcp-listen" in window.session_label.text()
        await window.close_session()
        await asyncio.wait_for(other.wait_ended(), 5)  # our bye closed the other side
        await other.close()

    run(qloop, scenario, 30)
    records = read_journal(window.session.journal_path)
    assert any(r.get("type") == "listening" for r in records)
    summary = records[-1]
    assert summary["type"] == "summary"
    # Both sides' final states and heartbeat counts are known across TCP (the bye carries them).
    assert summary["final_state"] == {"local": "closed", "remote": "closed"}
    assert summary["closed_by"] == {"local": "local-close", "remote": "remote-close"}
    for peer in ("local", "remote"):
        assert summary["peers"][peer]["lost"] == 0, summary
    window.close()


@pytest.mark.parametrize("gui_offers", [True, False], ids=["gui-offers", "gui-answers"])
def test_copy_and_paste_between_the_gui_and_a_session(qtbot, qloop, settings, tmp_path, gui_offers):
    """Copy the GUI's description to another Session, paste its reply back: connected.

    A malformed paste first: the precise error appears inline, the bad line is marked, the
    session and its journal carry on, and the right text still works afterwards.
    """
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    other = other_side(tmp_path, mode="paste", paste_offers=not gui_offers)
    replies: list[LocalDescription] = []
    other.hub.subscribe(lambda e: replies.append(e) if isinstance(e, LocalDescription) else None)

    def fill(dialog: QtSessionDialog) -> None:
        dialog.mode.setCurrentIndex(dialog.mode.findData("paste"))
        (dialog.pages.paste_we_offer if gui_offers else dialog.pages.paste_they_offer).setChecked(
            True
        )

    async def reply() -> str:
        await until(lambda: bool(replies), timeout=5)
        return replies[-1].sdp

    async def scenario() -> None:
        await other.start()
        await choose(window, qtbot, fill)
        session = window.session
        panel = window.remote_panel
        assert panel.paste_area.isVisible()
        if gui_offers:
            await until(lambda: panel.local_box.toPlainText().startswith("v=0"))
            panel.copy_local.click()
            other.paste_remote(panel.copied)
            good = await reply()
        else:
            good = await reply()  # the other side's offer
        expected = "answer" if gui_offers else "offer"
        assert panel.apply.text() == f"Apply {expected}"

        lines = good.split("\r\n")
        fingerprint = next(i for i, line in enumerate(lines) if line.startswith("a=fingerprint"))
        lines[fingerprint] = "a fingerprint without its equals sign"
        panel.remote_box.setPlainText("\n".join(lines))
        qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
        assert panel.error_text() == (
            f"Not applied: {expected} SDP line {fingerprint + 1}: expected '<letter>=<value>', "
            "got 'a fingerprint without its equals sign'"
        )
        assert panel.marked_line() == fingerprint + 1
        await asyncio.sleep(0.3)
        assert not session.ended
        assert session.local.pc.remoteDescription is None  # nothing was applied

        panel.remote_box.setPlainText(good)
        qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
        assert panel.status_text().startswith(f"✓ Remote {expected} accepted")
        if not gui_offers:
            await until(lambda: panel.local_box.toPlainText().startswith("v=0"))
            panel.copy_local.click()
            assert "a=setup:active" in panel.copied or "a=setup:passive" in panel.copied
            other.paste_remote(panel.copied)
        assert await session.wait_connected(10)
        assert await other.wait_connected(10)
        await until(lambda: window.panels[Peer.LOCAL].indicator.state in UP)
        await asyncio.sleep(0.3)  # some heartbeats
        summary = await window.close_session()
        assert summary["peers"]["local"]["received"] > 0
        await other.close()

    run(qloop, scenario, 40)
    records = read_journal(window.session.journal_path)
    types = [r.get("type") for r in records]
    assert "localdescription" in types
    rejected = [r for r in records if r.get("code") == "paste-rejected"]
    assert len(rejected) == 1 and "line" in rejected[0]["message"]
    assert records[-1]["type"] == "summary"
    assert records[-1]["final_state"]["local"] == "closed"
    window.close()


def test_listen_address_in_use_is_reported_not_raised(qtbot, qloop, settings):
    """A port already taken: the banner and the panel say so; no traceback, window usable."""
    import socket

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]

    def fill(dialog: QtSessionDialog) -> None:
        dialog.mode.setCurrentIndex(dialog.mode.findData("tcp-listen"))
        dialog.pages.listen.setText(f"127.0.0.1:{port}")

    async def scenario() -> None:
        await choose(window, qtbot, fill)
        await until(lambda: window.banner.level == "error")
        assert "Could not start the session" in window.banner.text()
        assert "Could not start the session" in window.remote_panel.link.text()
        assert window.controls.new_action.isEnabled()

    try:
        run(qloop, scenario, 20)
    finally:
        taken.close()
    records = read_journal(window.session.journal_path)
    assert any(r.get("code") == "start-failed" for r in records)
    window.close()
