"""Candidate-pair and candidate tables from each peer's latest statistics sample.

Rows are the webrtc-stats entries of the latest :class:`StatsSample` of both peers: every
pair and candidate of every ICE generation (the engine keeps old and failed ones, so the
check list stays inspectable after a failure). The selected pair is bold and tinted; pairs
and candidates of a generation a restart replaced are grey and marked *old*. Updated when a
sample arrives, never polled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.events import Peer, selected_pair_stats
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..texts import peer_word
from .event_words import number

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...core.events import StatsSample

_Index = QModelIndex | QPersistentModelIndex
Row = tuple[Peer, dict[str, Any], dict[str, Any]]
"""(peer, entry, context): context has the sample's ts/wall, the selected id, candidates."""

SELECTED_TINT = QColor(46, 160, 67, 45)
OLD_COLOR = QColor(128, 128, 128)


def _pair(entry: dict[str, Any], key: str, peer_key: str) -> str:
    a, b = entry.get(key), entry.get(peer_key)
    return f"{'?' if a is None else a} / {'?' if b is None else b}"


def _ms(value: Any) -> str:
    return number(value * 1000, 1) if isinstance(value, int | float) else ""


def _at(stamp: Any, ctx: dict[str, Any]) -> str:
    if not isinstance(stamp, int | float):
        return translate("PairsModel", "never")
    return f"{number(ctx['ts'] - (ctx['wall'] - stamp / 1000.0), 2)} s"


def _candidate(ctx: dict[str, Any], cid: Any) -> str:
    c = ctx["candidates"].get(cid)
    if c is None:
        return str(cid or "?")
    return f"{c.get('candidateType', '?')} {c.get('address', '?')}:{c.get('port', '?')}"


def _generation(entry: dict[str, Any], ctx: dict[str, Any]) -> str:
    gen = entry.get("icescopeGeneration") or entry.get("usernameFragment") or ""
    return translate("PairsModel", "{0} (old)").format(gen) if _old(entry, ctx) else str(gen)


def _old(entry: dict[str, Any], ctx: dict[str, Any]) -> bool:
    if entry.get("type") == "candidate-pair":
        return entry.get("icescopeActive") is False
    return entry.get("usernameFragment") in ctx["old_ufrags"]


def _avg_rtt(e: dict[str, Any]) -> str:
    total, n = e.get("totalRoundTripTime"), e.get("responsesReceived")
    return _ms(total / n) if isinstance(total, int | float) and n else ""


Column = tuple[str, "Callable[[dict[str, Any], dict[str, Any]], str]", str]

PAIR_COLUMNS: tuple[Column, ...] = (
    (
        QT_TRANSLATE_NOOP("PairsModel", "Gen"),
        _generation,
        QT_TRANSLATE_NOOP(
            "PairsModel", "ICE generation (local ufrag); old = replaced by a restart"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Local"),
        lambda e, c: _candidate(c, e.get("localCandidateId")),
        QT_TRANSLATE_NOOP("PairsModel", "local candidate"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Remote"),
        lambda e, c: _candidate(c, e.get("remoteCandidateId")),
        QT_TRANSLATE_NOOP("PairsModel", "remote candidate"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "State"),
        lambda e, c: str(e.get("state", "?")),
        QT_TRANSLATE_NOOP("PairsModel", "candidate-pair state"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Nom"),
        lambda e, c: translate("PairsModel", "yes") if e.get("nominated") else "",
        QT_TRANSLATE_NOOP("PairsModel", "nominated"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Sel"),
        lambda e, c: translate("PairsModel", "SELECTED") if e.get("id") == c["selected"] else "",
        QT_TRANSLATE_NOOP("PairsModel", "selected pair"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Req out/in"),
        lambda e, c: _pair(e, "requestsSent", "requestsReceived"),
        QT_TRANSLATE_NOOP("PairsModel", "STUN requests"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Resp out/in"),
        lambda e, c: _pair(e, "responsesSent", "responsesReceived"),
        QT_TRANSLATE_NOOP("PairsModel", "responses"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "RTT ms"),
        lambda e, c: _ms(e.get("currentRoundTripTime")),
        QT_TRANSLATE_NOOP("PairsModel", "current round-trip time"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "avg ms"),
        lambda e, c: _avg_rtt(e),
        QT_TRANSLATE_NOOP("PairsModel", "total RTT / responses received"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Bytes out/in"),
        lambda e, c: _pair(e, "bytesSent", "bytesReceived"),
        QT_TRANSLATE_NOOP("PairsModel", "bytes"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Pkts out/in"),
        lambda e, c: _pair(e, "packetsSent", "packetsReceived"),
        QT_TRANSLATE_NOOP("PairsModel", "packets"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Last in"),
        lambda e, c: _at(e.get("lastPacketReceivedTimestamp"), c),
        QT_TRANSLATE_NOOP("PairsModel", "session time of the last packet received"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Last out"),
        lambda e, c: _at(e.get("lastPacketSentTimestamp"), c),
        QT_TRANSLATE_NOOP("PairsModel", "session time of the last packet sent"),
    ),
)
CANDIDATE_COLUMNS: tuple[Column, ...] = (
    (
        QT_TRANSLATE_NOOP("PairsModel", "Side"),
        lambda e, c: peer_word("local" if e["type"] == "local-candidate" else "remote"),
        "",
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Gen"),
        _generation,
        QT_TRANSLATE_NOOP("PairsModel", "ICE generation (ufrag)"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Type"),
        lambda e, c: str(e.get("candidateType", "?")),
        QT_TRANSLATE_NOOP("PairsModel", "host, srflx, prflx, relay"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Proto"),
        lambda e, c: str(e.get("protocol", "?")),
        QT_TRANSLATE_NOOP("PairsModel", "transport protocol"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Address"),
        lambda e, c: str(e.get("address", "?")),
        QT_TRANSLATE_NOOP("PairsModel", "address"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Port"),
        lambda e, c: str(e.get("port", "?")),
        QT_TRANSLATE_NOOP("PairsModel", "port"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Priority"),
        lambda e, c: str(e.get("priority", "")),
        QT_TRANSLATE_NOOP("PairsModel", "ICE priority"),
    ),
    (
        QT_TRANSLATE_NOOP("PairsModel", "Server"),
        lambda e, c: " ".join(str(e[k]) for k in ("url", "relayProtocol") if e.get(k)),
        QT_TRANSLATE_NOOP("PairsModel", "STUN/TURN server the candidate came from"),
    ),
)


class StatsTableModel(QAbstractTableModel):
    """Candidate pairs (``kind="pairs"``) or candidates (``"candidates"``) of both peers."""

    def __init__(self, kind: str = "pairs", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = PAIR_COLUMNS if kind == "pairs" else CANDIDATE_COLUMNS
        self._types = (
            ("candidate-pair",) if kind == "pairs" else ("local-candidate", "remote-candidate")
        )
        self._rows: dict[Peer, list[Row]] = {Peer.LOCAL: [], Peer.REMOTE: []}
        self._flat: list[Row] = []

    def clear(self) -> None:
        """Forget every row (a new session)."""
        self.beginResetModel()
        self._rows = {Peer.LOCAL: [], Peer.REMOTE: []}
        self._flat = []
        self.endResetModel()

    def show_sample(self, sample: StatsSample) -> None:
        """Replace ``sample.peer``'s rows with those of ``sample``."""
        report = sample.report
        selected = selected_pair_stats(report)
        candidates = {
            e.get("id"): e for e in report if str(e.get("type", "")).endswith("candidate")
        }
        old = {e.get("icescopeGeneration") for e in report if e.get("icescopeActive") is False} - {
            e.get("icescopeGeneration") for e in report if e.get("icescopeActive") is True
        }
        ctx = {
            "ts": sample.ts,
            "wall": sample.wall,
            "selected": selected.get("id") if selected else None,
            "candidates": candidates,
            "old_ufrags": {u for u in old if u},
        }
        rows = [(sample.peer, e, ctx) for e in report if e.get("type") in self._types]
        rows.sort(key=lambda r: (_old(r[1], ctx), r[1].get("id") != ctx["selected"]))
        before = [r[1].get("id") for r in self._rows[sample.peer]]
        self._rows[sample.peer] = rows
        flat = self._rows[Peer.LOCAL] + self._rows[Peer.REMOTE]
        if before == [r[1].get("id") for r in rows]:
            self._flat = flat
            if flat:
                last = self.index(len(flat) - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._flat = flat
        self.endResetModel()

    def row_entry(self, row: int) -> tuple[Peer, dict[str, Any]]:
        """The peer and the stats entry of ``row``."""
        peer, entry, _ctx = self._flat[row]
        return peer, entry

    def is_selected(self, row: int) -> bool:
        """True for the row of a peer's selected pair."""
        _peer, entry, ctx = self._flat[row]
        return self.kind == "pairs" and entry.get("id") == ctx["selected"]

    def is_old(self, row: int) -> bool:
        """True for a row of a generation an ICE restart replaced."""
        _peer, entry, ctx = self._flat[row]
        return _old(entry, ctx)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows of both peers."""
        return 0 if parent.isValid() else len(self._flat)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The peer column plus the kind's columns."""
        return 0 if parent.isValid() else len(self.columns) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles and their tooltips."""
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = "Peer" if section == 0 else self.columns[section - 1][0]
            return translate("PairsModel", title)
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            tip = self.columns[section - 1][2]
            return translate("PairsModel", tip) if tip else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; bold and tinted for the selected pair, grey for old generations."""
        if not index.isValid() or index.row() >= len(self._flat):
            return None
        peer, entry, ctx = self._flat[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return peer_word(peer)
            return self.columns[index.column() - 1][1](entry, ctx)
        if role == Qt.ItemDataRole.FontRole and self.is_selected(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self.is_selected(index.row()):
            return QBrush(SELECTED_TINT)
        if role == Qt.ItemDataRole.ForegroundRole and _old(entry, ctx):
            return QBrush(OLD_COLOR)
        return None
