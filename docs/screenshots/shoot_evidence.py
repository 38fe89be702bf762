"""Screenshots of reopened evidence: a browser dump as a recording, the picker, Compare, recovery.

    PYTHONPATH=src python docs/screenshots/shoot_evidence.py OUT_DIR [--de]

Runs a real loopback session (its journal is compared with the committed Chromium dump) and
opens the real dumps under tests/formats/data; ``--de`` shoots the German window.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication, QWidget

from icescope.core.config import Settings
from icescope.core.netif import AddressSelection
from icescope.core.settings_store import SettingsStore
from icescope.qt.compare_view import QtCompareView
from icescope.qt.i18n import install_translators
from icescope.qt.main_window import MainWindow
from icescope.qt.open_evidence import ConnectionPicker, open_path
from icescope.qt.recovery_prompt import offer_recovery

_ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
OUT = Path(_ARGS[0]) if _ARGS else Path(tempfile.mkdtemp())
GERMAN = "--de" in sys.argv
DATA = Path(__file__).parents[2] / "tests" / "formats" / "data"


def save(widget: QWidget, name: str) -> None:
    """Grab ``widget`` as ``name`` (``-de`` added for German)."""
    path = OUT / (name.replace(".png", "-de.png") if GERMAN else name)
    widget.grab().save(str(path))
    print("wrote", path)  # noqa: T201


async def shoot(window: MainWindow, folder: Path) -> None:
    """A real session, then its journal and a browser dump side by side."""
    session = await window.start_session()
    assert await session.wait_connected(15)
    await asyncio.sleep(2.0)
    await window.close_session()
    picker = open_path(window, DATA / "webrtc_internals_dump.gz")
    assert isinstance(picker, ConnectionPicker)
    await asyncio.sleep(0.2)
    save(picker, "evidence-picker.png")
    picker.list.item(0).setSelected(True)
    picker.accept()
    await asyncio.sleep(0.3)
    save(window, "evidence-recording.png")
    assert session.journal_path is not None
    open_path(window, session.journal_path)
    view = QtCompareView(window.switcher, window)
    view.choose(len(window.switcher.entries) - 2, len(window.switcher.entries) - 1, "connected")
    view.show()
    await asyncio.sleep(0.3)
    save(view, "evidence-compare.png")
    view.close()
    # An interrupted journal (its writer long gone) for the recovery prompt.
    lines = session.journal_path.read_text(encoding="utf-8").splitlines()[:-6]
    crashed = folder / "session-20260101-120000-4194000.jsonl"
    crashed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    box = offer_recovery(window)
    assert box is not None
    await asyncio.sleep(0.3)
    save(box, "evidence-recovery.png")
    box.close()
    window.close()


def main() -> None:
    """Shoot every picture into OUT."""
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if GERMAN:
        install_translators(app, "de")
    app.setQuitOnLastWindowClosed(False)
    folder = Path(tempfile.mkdtemp())
    settings = Settings(
        journal_dir=folder, drain=0.05, addresses=AddressSelection(loopback_only=True)
    )
    window = MainWindow(settings, store=SettingsStore(folder / "settings.json"))
    window.resize(1280, 800)
    window.show()
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(shoot(window, folder))


if __name__ == "__main__":
    main()
