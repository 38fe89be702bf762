"""Take the README's German screenshot: the real window at 1280×800, in German, disconnected.

    PYTHONPATH=src xvfb-run -s "-screen 0 1280x800x24" python docs/screenshots/shoot_german.py

A loopback session connects, then a blackout of the remote's sockets makes the local peer
``disconnected``; the window is grabbed a few seconds later (``main-window-de.png``).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from icescope.core.config import Settings
from icescope.core.events import Peer
from icescope.qt.i18n import install_translators
from icescope.qt.main_window import MainWindow

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent


async def until(predicate, timeout: float = 15.0) -> None:
    """Wait (bounded) until ``predicate()`` holds."""
    async with asyncio.timeout(timeout):
        while not predicate():  # noqa: ASYNC110
            await asyncio.sleep(0.05)


async def shoot(window: MainWindow) -> None:
    """Connected, then a blackout: grab the German window while disconnected."""
    session = await window.start_session()
    assert await session.wait_connected(15)
    await asyncio.sleep(2.0)
    session.impair(Peer.REMOTE, "blackout", direction="both", value=0.0)
    await until(lambda: window.panels[Peer.LOCAL].indicator.state == "disconnected")
    await asyncio.sleep(3.2)  # "seit 3,… s"
    window.grab().save(str(OUT / "main-window-de.png"))
    print("wrote", OUT / "main-window-de.png")  # noqa: T201
    await window.close_session()


def main() -> None:
    """Run the German window on a qasync loop and save the screenshot."""
    app = QApplication(sys.argv[:1])
    install_translators(app, "de")
    window = MainWindow(Settings(journal_enabled=False))
    window.resize(1280, 800)
    window.show()
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(shoot(window))
    window.deleteLater()


if __name__ == "__main__":
    main()
