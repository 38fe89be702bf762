"""EventLogModel and EventFilterProxy over real event objects."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from icescope.core.events import DataChannelChanged, Notice, Peer
from icescope.core.states import Machine, Provenance
from icescope.qt.models.event_log_model import (
    EVENT_ROLE,
    FLUSH_MS,
    EventFilterProxy,
    EventLogModel,
)
from icescope.qt.models.formatting import COLUMNS

from .conftest import state_event


def _channel(peer: Peer = Peer.REMOTE, ts: float = 2.0) -> DataChannelChanged:
    return DataChannelChanged(ts=ts, wall=time.time(), peer=peer, label="hb", state="open")


def test_rows_and_columns(qtbot) -> None:
    model = EventLogModel()
    ev = state_event(
        Machine.ICE, "completed", "closed", ts=12.3456, provenance=Provenance.LOCAL_CLOSE
    )
    model.append(ev)
    assert model.rowCount() == 0
    assert model.pending == 1
    model.flush()
    assert model.rowCount() == 1
    assert model.columnCount() == len(COLUMNS) == 6
    cells = [model.data(model.index(0, c)) for c in range(6)]
    assert cells[1] == "+12.346 s"
    assert cells[2] == "local"
    assert cells[3] == "iceconnectionstatechange"
    assert cells[4] == "completed → closed"
    assert "after 0.250 s in completed" in cells[5]
    assert "local-close" in cells[5]
    # wall clock with milliseconds: HH:MM:SS.mmm
    assert len(cells[0]) == 12
    assert cells[0][8] == "."
    assert model.data(model.index(0, 0), EVENT_ROLE) is ev
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == list(COLUMNS)


def test_error_notice_is_highlighted(qtbot) -> None:
    model = EventLogModel()
    model.append(
        Notice(ts=1, wall=time.time(), peer=Peer.LOCAL, level="error", code="x", message="boom")
    )
    model.flush()
    assert model.data(model.index(0, 4)) == "error"
    assert model.data(model.index(0, 5)) == "[x] boom"
    assert model.data(model.index(0, 5), Qt.ItemDataRole.BackgroundRole) is not None


def test_inserts_are_coalesced_into_one_batch(qtbot) -> None:
    model = EventLogModel()
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserts.append((first, last)))
    for i in range(500):
        model.append(state_event(Machine.ICE, "new", "checking", ts=i))
    assert model.rowCount() == 0
    qtbot.waitUntil(lambda: model.rowCount() == 500, timeout=FLUSH_MS * 20)
    assert inserts == [(0, 499)]


def test_oldest_rows_dropped_beyond_max(qtbot) -> None:
    model = EventLogModel(max_rows=100)
    for i in range(150):
        model.append(state_event(Machine.ICE, "new", "checking", ts=i))
    model.flush()
    assert model.rowCount() <= 100
    assert model.dropped == 150 - model.rowCount()
    assert model.event_at(model.rowCount() - 1).ts == 149
    model.clear()
    assert model.rowCount() == 0
    assert model.dropped == 0


def test_filter_by_type_and_peer(qtbot) -> None:
    model = EventLogModel()
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    model.append(state_event(Machine.ICE, "new", "checking", peer=Peer.LOCAL))
    model.append(state_event(Machine.ICE, "new", "checking", peer=Peer.REMOTE))
    model.append(state_event(Machine.CONNECTION, "new", "connecting", peer=Peer.LOCAL))
    model.append(_channel(Peer.REMOTE))
    model.flush()
    assert proxy.rowCount() == 4
    proxy.set_types({"iceconnectionstatechange"})
    assert proxy.rowCount() == 2
    proxy.set_peer("remote")
    assert [e.type for e in proxy.visible_events()] == ["iceconnectionstatechange"]
    assert proxy.visible_events()[0].peer is Peer.REMOTE
    proxy.set_types(None)
    assert [e.type for e in proxy.visible_events()] == ["iceconnectionstatechange", "datachannel"]
    proxy.set_peer(None)
    assert proxy.rowCount() == 4
    # new rows are filtered as they arrive
    proxy.set_types({"datachannel"})
    model.append(_channel(Peer.LOCAL, ts=3))
    model.append(state_event(Machine.ICE, "checking", "connected"))
    model.flush()
    assert proxy.rowCount() == 2
