"""EventLogModel (rows, batching, trimming, filters) over real event objects."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from icescope.core.events import DataChannelChanged, Notice, Peer
from icescope.core.states import Machine, Provenance
from icescope.qt.models.event_log_model import (
    EVENT_ROLE,
    FLUSH_MS,
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
    model.append(state_event(Machine.ICE, "new", "checking", peer=Peer.LOCAL))
    model.append(state_event(Machine.ICE, "new", "checking", peer=Peer.REMOTE))
    model.append(state_event(Machine.CONNECTION, "new", "connecting", peer=Peer.LOCAL))
    model.append(_channel(Peer.REMOTE))
    model.flush()
    assert model.rowCount() == 4
    model.set_types({"iceconnectionstatechange"})
    assert model.rowCount() == 2
    assert model.total == 4
    model.set_peer("remote")
    assert [e.type for e in model.visible_events()] == ["iceconnectionstatechange"]
    assert model.visible_events()[0].peer is Peer.REMOTE
    assert model.data(model.index(0, 2)) == "remote"
    assert model.event_at(0).peer is Peer.REMOTE
    model.set_types(None)
    assert [e.type for e in model.visible_events()] == ["iceconnectionstatechange", "datachannel"]
    model.set_peer(None)
    assert model.rowCount() == 4
    # New rows are filtered as they arrive; events() still holds every event.
    model.set_types({"datachannel"})
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserts.append((first, last)))
    model.append(_channel(Peer.LOCAL, ts=3))
    model.append(state_event(Machine.ICE, "checking", "connected"))
    model.flush()
    assert model.rowCount() == 2
    assert inserts == [(1, 1)]
    assert len(model.events()) == model.total == 6
    # A new session keeps the filter.
    model.clear()
    model.append(_channel(Peer.LOCAL, ts=4))
    model.append(state_event(Machine.ICE, "checking", "connected"))
    model.flush()
    assert model.rowCount() == 1 and model.total == 2


def test_trimming_while_filtered_keeps_rows_and_events_in_step(qtbot) -> None:
    model = EventLogModel(max_rows=100)
    model.set_types({"datachannel"})
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    for i in range(150):  # every third event is a datachannel one
        model.append(_channel(ts=i) if i % 3 == 0 else state_event(Machine.ICE, "new", "checking"))
    model.flush()
    assert model.total <= 100
    assert model.dropped == 150 - model.total
    shown = model.visible_events()
    assert all(e.type == "datachannel" for e in shown)
    # Exactly the datachannel events among those kept, in order, the newest last.
    kept = [e for e in model.events() if e.type == "datachannel"]
    assert shown == kept
    assert shown[-1].ts == 147
    assert model.rowCount() == len(kept)
    assert removed and removed[0][0] == 0
    model.set_types(None)
    assert model.rowCount() == model.total
