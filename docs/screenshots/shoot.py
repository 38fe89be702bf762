"""Take the README's screenshots of the real window (run under Xvfb or offscreen).

    PYTHONPATH=src python docs/screenshots/shoot.py [OUT_DIR]

``main-window.png``: a loopback session, connected. ``main-window-disconnected.png``: the same
session a few seconds into a blackout of the remote's sockets. ``main-window-stale.png``: a
browser session whose page died, rendered from its model (fed the events such a session
publishes: the page's reports, then its channel going away).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from icescope.core.clock import SessionClock
from icescope.core.config import Settings
from icescope.core.events import Peer, RemoteChannel, SelectedPairChanged, StateChanged
from icescope.core.hub import EventHub
from icescope.core.model import SessionModel
from icescope.core.states import Machine, Provenance
from icescope.qt.eventloop import PreciseEventLoop
from icescope.qt.main_window import MainWindow

_ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
OUT = Path(_ARGS[0]) if _ARGS else Path(__file__).parent
UP = ("connected", "completed")


async def until(predicate, timeout: float = 15.0) -> None:
    """Wait (bounded) until ``predicate()`` holds."""
    async with asyncio.timeout(timeout):
        while not predicate():  # noqa: ASYNC110
            await asyncio.sleep(0.05)


def save(window: MainWindow, name: str) -> None:
    """Grab the window's client area as ``name``."""
    window.grab().save(str(OUT / name))
    print("wrote", OUT / name)  # noqa: T201


async def loopback(window: MainWindow) -> None:
    """Connected, then disconnected by a blackout of the remote peer."""
    session = await window.start_session()
    assert await session.wait_connected(15)
    await asyncio.sleep(3.2)  # a few heartbeats, a readable "for N s"
    save(window, "main-window.png")
    session.impair(Peer.REMOTE, "blackout", direction="both", value=0.0)
    await until(lambda: window.panels[Peer.LOCAL].indicator.state == "disconnected")
    await asyncio.sleep(1.5)
    save(window, "main-window-disconnected.png")
    await window.close_session()


async def why(window: MainWindow) -> None:
    """The views that say why: a restart, 50 ms of delay, then a blackout with its countdown."""
    session = await window.start_session()
    assert await session.wait_connected(15)
    await asyncio.sleep(2.2)
    await session.restart_ice()
    await asyncio.sleep(2.0)
    session.impair(Peer.REMOTE, "delay", value=50)
    await asyncio.sleep(4.0)
    session.impair(Peer.REMOTE, "clear")
    session.impair(Peer.REMOTE, "blackout", direction="both", value=0.0)
    await until(lambda: window.panels[Peer.LOCAL].indicator.state == "disconnected")
    await asyncio.sleep(2.5)
    window.log_model.flush()
    for index, name in ((0, "view-timeline.png"), (1, "view-pairs.png"), (2, "view-graphs.png")):
        window.tabs.setCurrentIndex(index)
        await asyncio.sleep(0.3)  # let Qt lay out and paint the tab
        save(window, name)
    window.tabs.setCurrentIndex(0)
    session.impair(Peer.REMOTE, "clear")
    await until(lambda: window.panels[Peer.LOCAL].indicator.state in UP)
    await window.close_session()


def stale(window: MainWindow) -> None:
    """A browser remote that reported connected, then its page went away 49 s ago."""
    clock, hub, model = SessionClock(), EventHub(), SessionModel()
    hub.subscribe(model.apply)
    age = 75.0
    who = "browser peer page (Chromium 120 on Linux)"
    window.follow(hub, model, lambda: age + clock.ts(), who)

    def at(ago: float) -> dict[str, object]:
        ts = age + clock.ts() - ago
        return {"ts": ts, "wall": clock.started_wall - age + ts}

    def change(peer: Peer, machine: Machine, prev: str, new: str, ago: float, **kw: object):
        return StateChanged(**at(ago), peer=peer, machine=machine, previous=prev, state=new, **kw)

    from icescope.core.events import SessionMarker

    hub.publish(SessionMarker(**at(70), peer=Peer.LOCAL, phase="start", detail="mode=browser"))
    hub.publish(RemoteChannel(**at(69), peer=Peer.REMOTE, channel="websocket", alive=True))
    both = ((Peer.LOCAL, "have-local-offer"), (Peer.REMOTE, "have-remote-offer"))
    steps = [
        (Machine.SIGNALING, "stable", None, 68),
        (Machine.SIGNALING, None, "stable", 67.5),
        (Machine.GATHERING, "new", "complete", 67),
        (Machine.ICE, "new", "checking", 66),
        (Machine.ICE, "checking", "connected", 65),
        (Machine.CONNECTION, "connecting", "connected", 65),
    ]
    for machine, prev, new, ago in steps:  # in time order, as a live session publishes
        for peer, offer in both:
            hub.publish(change(peer, machine, prev or offer, new or offer, ago))
    hub.publish(
        SelectedPairChanged(
            **at(65),
            peer=Peer.LOCAL,
            local="host udp 192.0.2.10:50123",
            remote="host udp 192.0.2.20:61000",
        )
    )
    hub.publish(
        RemoteChannel(
            **at(49), peer=Peer.REMOTE, channel="websocket", alive=False, detail="page closed"
        )
    )
    hub.publish(
        change(
            Peer.LOCAL, Machine.ICE, "connected", "disconnected", 44, provenance=Provenance.DERIVED
        )
    )
    hub.publish(
        change(Peer.LOCAL, Machine.ICE, "disconnected", "failed", 14, provenance=Provenance.DERIVED)
    )
    hub.publish(change(Peer.LOCAL, Machine.CONNECTION, "connected", "failed", 14))
    window.refresh()
    window.log_model.flush()
    QApplication.processEvents()
    save(window, "main-window-stale.png")


def main() -> int:
    """Take the screenshots."""
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    window = MainWindow(Settings(journal_enabled=False, drain=0.2))
    window.resize(1280, 760)
    window.show()
    with asyncio.Runner(loop_factory=PreciseEventLoop) as runner:
        runner.run(loopback(window))
        if "--why" in sys.argv:
            runner.run(why(window))
    window.close()
    browser = MainWindow(Settings(mode="browser", journal_enabled=False))
    browser.resize(1280, 760)
    browser.show()
    stale(browser)
    browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
