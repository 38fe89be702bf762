"""The log's CSV export: a real save dialog proposes a dated name in the last folder used."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from icescope.core.config import Settings
from icescope.core.csv_events import read_csv
from icescope.core.events import is_periodic
from icescope.core.settings_store import SettingsStore
from icescope.qt.main_window import MainWindow
from icescope.qt.open_evidence import ConnectionPicker, open_path
from tests.formats.conftest import DATA

if TYPE_CHECKING:
    from pathlib import Path


def _answer_save_dialog(folder: Path | None, seen: list[str]) -> None:
    """Once the modal save dialog is up (polled, bounded), note what it proposes and save."""
    attempts = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        attempts[0] += 1
        if isinstance(dialog, QFileDialog):
            seen.append(dialog.selectedFiles()[0])
            if folder is not None:
                dialog.setDirectory(str(folder))
                dialog.selectFile(str(folder / seen[-1].rsplit("/", 1)[-1]))
            dialog.accept()
        elif attempts[0] < 200:  # 200 × 25 ms
            QTimer.singleShot(25, poll)
        elif dialog is not None:
            dialog.close()  # never block the test run

    QTimer.singleShot(25, poll)


def test_csv_export_asks_with_a_dated_name_and_remembers_the_folder(qtbot, tmp_path) -> None:
    settings_file = tmp_path / "settings.json"
    window = MainWindow(Settings(journal_enabled=False), store=SettingsStore(settings_file))
    qtbot.addWidget(window)
    picker = open_path(window, DATA / "rtcstats_dump.gz")
    assert isinstance(picker, ConnectionPicker)
    picker.accept()  # the first connection
    recording = window.switcher.current.recording
    assert recording is not None
    first_wall = window.log_model.events()[0].wall
    day = time.strftime("%Y%m%d-%H%M%S", time.localtime(first_wall))
    out = tmp_path / "exports"
    out.mkdir()
    seen: list[str] = []
    _answer_save_dialog(out, seen)
    window.log_view.export_dialog("csv")
    assert seen and seen[0].endswith(f"icescope-events-{day}.csv")
    written = out / f"icescope-events-{day}.csv"
    events = read_csv(written.read_text(encoding="utf-8"))
    # every field of every event the log showed (times to the journal's 6 decimals)
    shown = [e for e in recording.events if not is_periodic(e)]
    assert [e.to_dict() for e in events] == [e.to_dict() for e in shown]
    assert SettingsStore(settings_file).section("evidence")["export_folder"] == str(out)
    # The next export (even in a new window) starts in that folder.
    again = MainWindow(Settings(journal_enabled=False), store=SettingsStore(settings_file))
    qtbot.addWidget(again)
    seen.clear()
    _answer_save_dialog(None, seen)
    again.log_view.export_dialog("jsonl")
    assert seen and seen[0].startswith(str(out) + "/icescope-events-")
