"""ICE PAC's countdown shows on the window's state indicator while it holds failure off.

The window's session answers a pasted offer that carries no candidate at all (a remote that
signals none); the offerer's checks are held back by a short inbound blackout on the window's
peer, so only Tpac keeps ICE from failing. The indicator's liveness line counts down, then
ICE connects through a peer-reflexive candidate and the line is the usual one again.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import re
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import Settings
from icescope.core.events import LocalDescription, Peer
from icescope.core.netif import AddressSelection
from icescope.core.session import Session
from icescope.qt.main_window import MainWindow

from .test_gui import UP, qloop, run, until

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["qloop"]  # the fixture, re-used from test_gui

pytestmark = pytest.mark.e2e

LOOPBACK = AddressSelection(addresses=("127.0.0.1",))
COUNTDOWN = re.compile(
    r"^no usable remote candidate yet — waiting for peer-reflexive connectivity, (\d+) s left$"
)


def _without_candidates(sdp: str) -> str:
    return "\r\n".join(line for line in sdp.split("\r\n") if not line.startswith("a=candidate:"))


def test_pac_countdown_on_the_indicator(qtbot, qloop, tmp_path: Path) -> None:
    settings = Settings(
        mode="paste", paste_offers=False, addresses=LOOPBACK, journal_dir=tmp_path, drain=0.1
    )
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    other = Session(
        Settings(mode="paste", paste_offers=True, addresses=LOOPBACK, journal_enabled=False)
    )
    offers: list[LocalDescription] = []
    other.hub.subscribe(lambda e: offers.append(e) if isinstance(e, LocalDescription) else None)
    indicator = window.panels[Peer.LOCAL].indicator
    seen: list[str] = []

    async def scenario() -> None:
        await other.start()
        session = await window.start_session()
        await until(lambda: bool(offers))
        # Hold the offerer's checks back for 4 s: the window's peer has no pair to check.
        answers: list[LocalDescription] = []
        session.hub.subscribe(
            lambda e: answers.append(e) if isinstance(e, LocalDescription) else None
        )
        session.impair(Peer.LOCAL, "blackout", direction="in", value=4.0)
        session.paste_remote(_without_candidates(offers[-1].sdp))
        await until(lambda: bool(answers))
        other.paste_remote(answers[-1].sdp)
        await until(lambda: COUNTDOWN.match(indicator.liveness_text()) is not None, 5)
        seen.append(indicator.liveness_text())
        assert indicator.liveness_urgent()
        await until(lambda: indicator.liveness_text() != seen[0], 3)  # it counts down
        seen.append(indicator.liveness_text())
        assert await session.wait_connected(10)
        await until(lambda: indicator.state in UP, 5)
        await until(lambda: COUNTDOWN.match(indicator.liveness_text()) is None, 3)
        await window.close_session()
        await other.close()

    run(qloop, scenario, 40)
    first, second = (int(COUNTDOWN.match(text).group(1)) for text in seen)  # type: ignore[union-attr]
    assert second == first - 1, seen
    assert window.model is not None and window.model.local.pac is not None
    assert window.model.local.pac.phase == "connected"
    assert "failed" not in window.model.local.time_in
    window.close()
