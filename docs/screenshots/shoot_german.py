"""Take the README's German and dark screenshots: the real window at 1280×800, disconnected.

    PYTHONPATH=src xvfb-run -s "-screen 0 1280x800x24" python docs/screenshots/shoot_german.py
    PYTHONPATH=src xvfb-run -s "-screen 0 1280x800x24" python docs/screenshots/shoot_german.py \
        --dark

The first is German (``main-window-de.png``); ``--dark`` is English on a dark Fusion palette, as
a desktop in dark mode gives it (``main-window-dark.png``).

A loopback session connects, then a blackout of the remote's sockets makes the local peer
``disconnected``; the window is grabbed a few seconds later (``main-window-de.png``).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from icescope.core.config import Settings
from icescope.core.events import Peer
from icescope.qt.eventloop import PreciseEventLoop
from icescope.qt.i18n import install_translators
from icescope.qt.main_window import MainWindow

DARK = "--dark" in sys.argv[1:]
ARGS = [a for a in sys.argv[1:] if a != "--dark"]
OUT = Path(ARGS[0]) if ARGS else Path(__file__).parent
NAME = "main-window-dark.png" if DARK else "main-window-de.png"


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
    window.grab().save(str(OUT / NAME))
    print("wrote", OUT / NAME)  # noqa: T201
    await window.close_session()


def dark_palette() -> QPalette:
    """A dark palette like a desktop's dark mode (Fusion's colours)."""
    palette = QPalette(QColor("#353535"), QColor("#2a2a2a"))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(role, QColor("#eeeeee"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#2a2a2a"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#303030"))
    return palette


def main() -> None:
    """Run the German window on a qasync loop and save the screenshot."""
    app = QApplication(sys.argv[:1])
    if DARK:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    else:
        install_translators(app, "de")
    window = MainWindow(Settings(journal_enabled=False))
    window.resize(1280, 800)
    window.show()
    with asyncio.Runner(loop_factory=PreciseEventLoop) as runner:
        runner.run(shoot(window))
    window.deleteLater()


if __name__ == "__main__":
    main()
