"""QtEventLog: filters, follow/pause scrolling, copy as TSV, JSONL/CSV export."""

from __future__ import annotations

import csv
import json

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QToolButton

from icescope.core.events import Peer
from icescope.core.states import Machine
from icescope.qt.models.event_log_model import EventLogModel
from icescope.qt.widgets.event_log_view import QtEventLog

from .conftest import state_event


@pytest.fixture
def view(qtbot):
    model = EventLogModel()
    w = QtEventLog(model)
    qtbot.addWidget(w)
    w.resize(900, 300)
    w.show()
    qtbot.waitExposed(w)
    return w


def _fill(view: QtEventLog, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        peer = Peer.LOCAL if i % 2 == 0 else Peer.REMOTE
        machine = Machine.ICE if i % 3 == 0 else Machine.SIGNALING
        view.model.append(state_event(machine, "new", "checking", peer=peer, ts=i))
    view.model.flush()


def test_type_and_peer_filters_from_the_widget(view) -> None:
    _fill(view, 30)
    view.set_type_filter({"iceconnectionstatechange"})
    assert view.model.rowCount() == 10
    assert view.type_button.text().startswith("iceconnectionstatechange")
    view.set_peer_filter("local")
    assert all(e.peer is Peer.LOCAL for e in view.model.visible_events())
    assert view.model.rowCount() == 5
    assert "5 of 30 rows" in view.count_label.text()
    view.set_peer_filter(None)
    view.set_type_filter(None)
    assert view.model.rowCount() == 30
    # Unticking one type in the menu hides it.
    view._type_actions["signalingstatechange"].setChecked(False)
    assert view.model.rowCount() == 10


def test_autoscroll_pauses_when_scrolled_up_and_resumes_at_bottom(view, qtbot) -> None:
    bar = view.table.verticalScrollBar()
    _fill(view, 300)
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=2000)
    assert view.following
    with qtbot.waitSignal(view.following_changed) as blocker:
        bar.setValue(10)  # the user scrolls up
    assert blocker.args == [False]
    assert not view.following
    assert "Paused" in view.follow_button.text()
    _fill(view, 100, start=300)
    qtbot.wait(50)
    assert bar.value() == 10, "new events must not yank the view while paused"
    bar.setValue(bar.maximum())  # back at the bottom
    assert view.following
    _fill(view, 100, start=400)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=2000)
    assert view.model.rowCount() == 500


def test_follow_button_resumes(view, qtbot) -> None:
    bar = view.table.verticalScrollBar()
    _fill(view, 300)
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(0)
    assert not view.following
    qtbot.mouseClick(view.follow_button, Qt.MouseButton.LeftButton)
    assert view.following
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=2000)


def test_copy_selected_rows_as_tsv(view, qtbot) -> None:
    _fill(view, 5)
    selection = view.table.selectionModel()
    for row in (1, 3):
        selection.select(
            view.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    QGuiApplication.clipboard().clear()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    header, *lines = text.splitlines()
    assert header.split("\t") == ["Time", "Elapsed", "Peer", "Event", "Change", "Detail"]
    assert len(lines) == 2
    cells = [line.split("\t") for line in lines]
    assert all(len(c) == 6 for c in cells)
    assert [c[1] for c in cells] == ["+1.000 s", "+3.000 s"]
    assert [c[2] for c in cells] == ["remote", "remote"]
    assert text == view.copy_selection()


def test_search_filters_live_and_counts_rows(view, qtbot) -> None:
    _fill(view, 30)
    window = view.window()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "ICECONNECTION")
    qtbot.waitUntil(lambda: view.model.rowCount() == 10, timeout=2000)  # case-insensitive
    assert view.count_label.text() == "10 of 30 rows"
    view.set_peer_filter("remote")  # search and filters combine
    assert view.model.rowCount() == 5
    view.model.append(state_event(Machine.ICE, "checking", "connected", peer=Peer.REMOTE, ts=31))
    view.model.append(state_event(Machine.SIGNALING, "a", "b", peer=Peer.REMOTE, ts=32))
    view.model.flush()
    assert view.model.rowCount() == 6  # new rows are searched as they come
    assert view.count_label.text() == "6 of 32 rows"
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)  # Esc clears the search
    assert view.search.text() == "" and view.model.rowCount() == 17
    view.search.setText("+3.000 s")
    view.search.apply()
    assert [e.ts for e in view.model.visible_events()] == [3]
    # the clear button (QLineEdit's own) empties the field; the rows follow
    clear = view.search.findChild(QToolButton)  # QLineEdit's own clear button
    assert clear is not None and clear.isVisible()
    clear.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 17, timeout=2000)


def test_row_menu_only_this_type_only_this_peer_and_show_all(view, qtbot) -> None:
    _fill(view, 12)
    row = 3  # remote, iceconnectionstatechange
    menu = view.row_menu(row)
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert "iceconnectionstatechange" in actions["only-type"].text()
    assert not actions["show-all"].isEnabled()  # everything is shown already
    actions["only-type"].trigger()
    assert {e.type for e in view.model.visible_events()} == {"iceconnectionstatechange"}
    assert view.type_button.text().startswith("iceconnectionstatechange")
    menu = view.row_menu(0)
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    peer = view.model.event_at(0).peer
    actions["only-peer"].trigger()
    assert {e.peer for e in view.model.visible_events()} == {peer}
    assert view.peer_combo.currentData() == peer.value
    view.search.setText("checking")
    view.search.apply()
    actions = {a.objectName(): a for a in view.row_menu(0).actions() if a.objectName()}
    assert actions["show-all"].isEnabled()
    actions["show-all"].trigger()
    assert view.model.rowCount() == 12 and view.search.text() == ""
    assert view.peer_combo.currentData() is None and view.model.types is None
    # the menu opens on a right click, on the clicked row
    rect = view.table.visualRect(view.model.index(2, 0))
    view.table.customContextMenuRequested.emit(rect.center())
    assert view.table.selectionModel().isRowSelected(2)
    assert view.copy_selection().splitlines()[0].startswith("Time\t")


def test_export_jsonl_and_csv_round_trip(view, tmp_path) -> None:
    _fill(view, 12)
    view.set_type_filter({"iceconnectionstatechange"})
    jsonl = tmp_path / "events.jsonl"
    assert view.export(jsonl, "jsonl") == 4
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [r["type"] for r in records] == ["iceconnectionstatechange"] * 4
    assert [r["ts"] for r in records] == [0, 3, 6, 9]
    assert records[0]["previous"] == "new"
    assert records[0]["state"] == "checking"

    view.set_type_filter(None)
    path = tmp_path / "events.csv"
    assert view.export(path, "csv") == 12
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 12
    assert rows[1]["peer"] == "remote"
    assert rows[1]["type"] == "signalingstatechange"
    assert float(rows[5]["ts"]) == 5.0


def test_export_errors_are_exceptions_not_crashes(view, tmp_path) -> None:
    with pytest.raises(ValueError):
        view.export(tmp_path / "x.txt", "xml")
    with pytest.raises(OSError):
        view.export(tmp_path / "missing-dir" / "x.jsonl", "jsonl")
