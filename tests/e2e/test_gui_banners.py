"""End-to-end: a banner about a problem goes away when the problem does (real sessions).

Each banner is tied to a condition the session model folds (``model.conditions``): an
impairment that took effect ends "Impairment rejected", a paste that connected ends "pasted
text not applied", and a TCP connection that gave up (or got through) ends "retrying".
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import socket
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import Settings
from icescope.core.events import LocalDescription, Peer
from icescope.qt.widgets.impair_panel import ImpairRequest

from .test_gui import UP, qloop, run, until
from .test_gui_remote import LOOPBACK, choose, other_side

if TYPE_CHECKING:
    from pathlib import Path

    from icescope.qt.dialogs.session_dialog import QtSessionDialog
    from icescope.qt.main_window import MainWindow

__all__ = ["qloop"]

pytestmark = pytest.mark.e2e


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(journal_dir=tmp_path, drain=0.1, addresses=LOOPBACK)


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    from icescope.qt.main_window import MainWindow

    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    return w


def test_impairment_rejected_goes_when_a_later_one_takes_effect(window, qloop) -> None:
    async def scenario() -> None:
        session = await window.start_session()
        assert await session.wait_connected(10)
        window._on_impair(ImpairRequest("local", "loss", value=250.0))  # not a percentage
        await until(lambda: window.banner.level == "error")
        assert "Impairment rejected" in window.banner.text()
        assert not window.banner.isHidden()
        assert "impair-rejected" in session.model.conditions.active

        window._on_impair(ImpairRequest("local", "delay", value=20.0))
        await until(lambda: window.banner.isHidden())
        assert window.banner.text() == ""
        assert "impair-rejected" not in session.model.conditions.active
        await window.close_session()

    run(qloop, scenario, 30)
    window.close()


def test_paste_not_applied_goes_once_a_good_paste_connected(window, qtbot, qloop, tmp_path):
    other = other_side(tmp_path, mode="paste", paste_offers=False)
    replies: list[LocalDescription] = []
    other.hub.subscribe(lambda e: replies.append(e) if isinstance(e, LocalDescription) else None)

    def fill(dialog: QtSessionDialog) -> None:
        dialog.mode.setCurrentIndex(dialog.mode.findData("paste"))
        dialog.pages.paste_we_offer.setChecked(True)

    async def scenario() -> None:
        await other.start()
        await choose(window, qtbot, fill)
        session = window.session
        panel = window.remote_panel
        await until(lambda: panel.local_box.toPlainText().startswith("v=0"))
        panel.copy_local.click()
        other.paste_remote(panel.copied)
        await until(lambda: bool(replies))
        panel.remote_box.setPlainText("v=0\nthis is not an answer")
        panel.apply.click()
        await until(lambda: window.banner.level == "warning")
        assert "pasted text not applied" in window.banner.text()

        panel.remote_box.setPlainText(replies[-1].sdp)
        panel.apply.click()
        assert await session.wait_connected(10)
        await until(lambda: window.panels[Peer.LOCAL].indicator.state in UP)
        await until(lambda: window.banner.isHidden())
        assert "paste-rejected" not in session.model.conditions.active
        await window.close_session()
        await other.close()

    run(qloop, scenario, 40)
    window.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _connect_to(port: int):
    def fill(dialog: QtSessionDialog) -> None:
        dialog.mode.setCurrentIndex(dialog.mode.findData("tcp-connect"))
        dialog.pages.connect_to.setText(f"tcp://127.0.0.1:{port}/?token={'x' * 24}")

    return fill


def test_retrying_banner_gives_way_to_a_final_gave_up_banner(
    window, qtbot, qloop, monkeypatch
) -> None:
    monkeypatch.setattr("icescope.core.signaling.tcplisten.DEFAULT_CONNECT_TIMEOUT", 1.5)
    port = _free_port()  # nothing listens there

    async def scenario() -> None:
        await choose(window, qtbot, _connect_to(port))
        await until(lambda: "signaling-retrying" in window.banner.keys)
        assert window.banner.level == "warning"
        assert "retrying" in window.banner.text()
        assert "retrying" in window.remote_panel.link.text()

        await until(lambda: window.banner.level == "error", timeout=10)
        assert window.banner.keys == ["signaling-lost"]  # the retrying banner went
        assert "gave up retrying" in window.banner.text()
        assert "retrying for" not in window.remote_panel.link.text()
        assert "gave up" in window.remote_panel.link.text()
        await window.close_session()

    run(qloop, scenario, 30)
    window.close()


def test_retrying_banner_goes_when_the_listener_comes_up(
    window, qtbot, qloop, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr("icescope.core.signaling.tcplisten.DEFAULT_CONNECT_TIMEOUT", 20.0)
    port = _free_port()
    token = "y" * 24
    listener = other_side(
        tmp_path, mode="tcp-listen", remote_address=f"tcp://127.0.0.1:{port}/?token={token}"
    )

    def fill(dialog: QtSessionDialog) -> None:
        dialog.mode.setCurrentIndex(dialog.mode.findData("tcp-connect"))
        dialog.pages.connect_to.setText(f"tcp://127.0.0.1:{port}/?token={token}")

    async def scenario() -> None:
        await choose(window, qtbot, fill)
        await until(lambda: "signaling-retrying" in window.banner.keys)
        await listener.start()
        await until(lambda: window.banner.isHidden(), timeout=10)
        assert "signaling-retrying" not in window.session.model.conditions.active
        assert await window.session.wait_connected(10)
        await until(lambda: "Connected to" in window.remote_panel.link.text())
        await window.close_session()
        await listener.close()

    run(qloop, scenario, 40)
    window.close()
