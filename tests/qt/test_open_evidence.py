"""File → Open…: real Chromium dumps shown as recordings in every view, marked not live."""

from __future__ import annotations

import gzip
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from icescope.core.config import Settings
from icescope.core.events import Peer, StateChanged, is_periodic
from icescope.core.settings_store import SettingsStore
from icescope.core.states import IceConnectionState, Machine
from icescope.qt.compare_view import QtCompareView
from icescope.qt.main_window import MainWindow
from icescope.qt.open_evidence import ConnectionPicker, fill_recent_files, open_path
from tests.formats.conftest import DATA

if TYPE_CHECKING:
    from pathlib import Path

INTERNALS = DATA / "webrtc_internals_dump.gz"
RTCSTATS = DATA / "rtcstats_dump.gz"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    store = SettingsStore(tmp_path / "settings.json")
    w = MainWindow(Settings(journal_dir=tmp_path / "journals"), store=store)
    qtbot.addWidget(w)
    w.show()
    return w


def _pick(window: MainWindow, path: Path, rows: list[int]) -> ConnectionPicker:
    picker = open_path(window, path)
    assert isinstance(picker, ConnectionPicker)
    assert picker.list.count() == 2
    assert "8-1" in picker.list.item(0).text() and "8-2" in picker.list.item(1).text()
    picker.list.clearSelection()
    for row in rows:
        picker.list.item(row).setSelected(True)
    picker.accept()
    return picker


def test_a_browser_dump_is_shown_in_every_view_as_a_recording(window: MainWindow) -> None:
    _pick(window, INTERNALS, [1])
    entry = window.switcher.current
    assert entry is not None and entry.recording is not None and entry.recording.pc == "8-2"
    assert window.viewing is entry and window.model is entry.model
    # Clearly a recording, not live: title, the session label, the selector.
    assert "Recording: webrtc_internals_dump.gz · 8-2 — not live" in window.windowTitle()
    assert window.session_label.text() == "Recording: webrtc_internals_dump.gz · 8-2 — not live"
    assert window.switcher.combo.currentText() == "Recording: webrtc_internals_dump.gz · 8-2"
    # Commands that act on a live session are off, and say why.
    assert not window.controls.restart_action.isEnabled()
    assert not window.controls.close_action.isEnabled()
    assert "recording, not live" in window.controls.restart_action.toolTip()
    assert not window.impair_panel.isEnabled() or "not live" in window.impair_panel.toolTip()
    assert window.controls.new_action.isEnabled()  # a live session can still be started
    # The indicators as they were at the end, the log, the timeline, the pairs, the graphs.
    assert window.panels[Peer.LOCAL].indicator.state is IceConnectionState.CONNECTED
    window.log_model.flush()
    ice = [
        e.state
        for e in window.log_model.events()
        if isinstance(e, StateChanged) and e.machine is Machine.ICE
    ]
    assert ice[-1] == "connected"
    assert window.log_model.rowCount() > 10
    assert window.timeline.history is entry.model.history
    assert window.timeline.view_range()[1] == pytest.approx(entry.model.last_ts, abs=1.0)
    assert window.pairs_view.pairs.rowCount() >= 1
    assert window.graphs.history is entry.model.history  # type: ignore[attr-defined]
    assert "peer connection 8-2" in window.panels[Peer.LOCAL].description.text()
    assert window.panels[Peer.LOCAL].title() == "Browser's peer connection (recorded)"


def test_file_open_dialog_then_both_connections(window: MainWindow, qtbot, tmp_path) -> None:
    txt = tmp_path / "webrtc_internals_dump.txt"  # as Chromium writes it uncompressed
    txt.write_bytes(gzip.decompress(INTERNALS.read_bytes()))
    action = window.findChild(QAction, "open-evidence-action")
    assert action is not None and action.shortcut().toString() == "Ctrl+O"
    action.trigger()
    dialog = window.findChild(QFileDialog, "open-evidence-dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(txt))
    dialog.accept()
    picker = window.findChild(ConnectionPicker, "connection-picker")
    assert picker is not None
    picker.list.selectAll()
    picker.accept()
    titles = [e.title() for e in window.switcher.entries]
    assert titles == [
        "Recording: webrtc_internals_dump.txt · 8-1",
        "Recording: webrtc_internals_dump.txt · 8-2",
    ]
    # Remembered: Open recent lists it, and choosing it opens it again.
    menu = window.findChild(QMenu, "open-recent-menu")
    assert menu is not None
    fill_recent_files(window, menu)
    labels = [a.text() for a in menu.actions()]
    assert labels[0].startswith("webrtc_internals_dump.txt")
    assert window.prefs is not None
    assert SettingsStore(window.prefs.store.path).section("evidence")["recent_files"] == [
        str(txt.resolve())
    ]
    menu.actions()[0].trigger()
    pickers = [p for p in window.findChildren(ConnectionPicker) if p.isVisible()]
    assert len(pickers) == 1
    pickers[0].reject()


def test_rtcstats_and_switching_between_recordings(window: MainWindow) -> None:
    _pick(window, RTCSTATS, [0])
    _pick(window, INTERNALS, [0])
    first, second = window.switcher.entries
    assert window.switcher.current is second
    window.switcher.combo.setCurrentIndex(0)
    window.switcher.combo.activated.emit(0)
    assert window.model is first.model and window.viewing is first
    assert "rtcstats_dump.gz · 8-1 — not live" in window.windowTitle()
    window.log_model.flush()
    assert window.log_model.total == len([e for e in first.recording.events if not is_periodic(e)])


def test_compare_two_recordings_aligned(window: MainWindow, qtbot) -> None:
    _pick(window, INTERNALS, [0])
    _pick(window, RTCSTATS, [0])
    window.findChild(QAction, "compare-action").trigger()
    view = window.findChild(QtCompareView, "compare-view")
    assert view is not None and view.isVisible()
    top, bottom = view.chosen()
    assert top.recording.format == "webrtc-internals" and bottom.recording.format == "rtcstats"
    for caption in view.captions:
        assert "verdict: connected" in caption.text()
    view.choose(0, 1, "start")
    a, b = view.offsets()
    assert a == pytest.approx(b)
    view.choose(0, 1, "connected")
    a, b = view.offsets()
    assert a == pytest.approx(b)
    # Anchored at each one's first connected: those moments sit at the same x.
    for entry, timeline in zip(view.chosen(), view.timelines, strict=True):
        lo, hi = timeline.view_range()
        assert lo <= entry.model.local.connected_at <= hi
    # Zooming one moves the other in step.
    view.timelines[0].zoom(0.5)
    view.follow_lead(0)
    a, b = view.offsets()
    assert a == pytest.approx(b)
    spans = [t.view_range()[1] - t.view_range()[0] for t in view.timelines]
    assert spans[0] == pytest.approx(spans[1])
    view.close()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        (b"hello, not evidence\n", "not a format IceScope reads"),
        (b"\x1f\x8b\x08\x00garbage", "gzip data is damaged"),
        (b'{"ts": 0, "wall": 1, "peer": "local", "type": "nope"}\n{"ts": 1}\n', "nope"),
    ],
)
def test_a_bad_file_is_one_readable_line(window: MainWindow, tmp_path, content, says) -> None:
    bad = tmp_path / "bad.gz"
    bad.write_bytes(content)
    assert open_path(window, bad) is None
    text = window.banner.text()
    assert text.startswith("Cannot open bad.gz: ") and says in text
    assert "Traceback" not in text and "\n" not in text
    assert window.switcher.entries == []
    assert QApplication.activeModalWidget() is None


def test_the_report_is_of_the_recording_on_screen(window: MainWindow, tmp_path) -> None:
    """Export report / Report a problem describe what is shown, not a live session elsewhere."""
    from icescope.qt.report_menu import write_report

    _pick(window, INTERNALS, [1])
    entry = window.switcher.current
    assert entry is not None
    path = write_report(window, tmp_path / "report.html")
    html = path.read_text(encoding="utf-8")
    assert "IceScope report of a recording" in html
    changes = [
        e
        for e in entry.recording.events
        if isinstance(e, StateChanged) and e.machine is Machine.ICE
    ]
    assert changes and html.count("iceconnectionstatechange") >= len(changes)
