"""QtPairsView: every candidate pair and candidate of both peers, and time to connect."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from ..i18n import translate
from ..models.pairs_model import StatsTableModel
from ..texts import peer_word

if TYPE_CHECKING:
    from ...core.events import StatsSample
    from ...core.model import SessionModel


def _table(model: StatsTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(20)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def NO_STATS() -> str:
    """What the view says before the first statistics sample."""
    return translate("PairsView", "No statistics yet (they arrive once a second).")


class QtPairsView(QWidget):
    """Candidate pairs above, candidates below; a line with each peer's time to connect."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs = StatsTableModel("pairs", self)
        self.candidates = StatsTableModel("candidates", self)
        self.summary = QLabel(NO_STATS(), self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pair_table = _table(self.pairs, self)
        self.candidate_table = _table(self.candidates, self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.pair_table)
        split.addWidget(self.candidate_table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def clear(self) -> None:
        """Empty both tables (a new session)."""
        self.pairs.clear()
        self.candidates.clear()
        self.summary.setText(NO_STATS())

    def show_sample(self, sample: StatsSample, model: SessionModel | None) -> None:
        """Show ``sample`` (the peer's latest) and the time to connect from ``model``."""
        self.pairs.show_sample(sample)
        self.candidates.show_sample(sample)
        if model is not None:
            self.summary.setText(summary_text(model))


def summary_text(model: SessionModel) -> str:
    """Time to connect per peer (checking → first connected), and the selected pairs."""
    parts = []
    for peer in model.peers.values():
        if peer.peer.value == "remote" and not peer.observed:
            continue
        ttc = peer.time_to_connect()
        when = (
            translate("PairsView", "not connected yet")
            if ttc is None
            else translate("PairsView", "connected {0} ms after checking").format(
                f"{ttc * 1000:.0f}"
            )
        )
        parts.append(f"<b>{peer_word(peer.peer)}</b>: {when}")
    text = " · ".join(parts)
    key = translate("PairsView", "<b>bold</b> = selected pair, grey = old ICE generation")
    return f"{text} · {key}"
