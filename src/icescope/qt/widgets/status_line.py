"""QtStatusLine: ICE roles, selected pair, heartbeat counts and journal, read from the model.

Every value comes from an event the model folded (``icerole``, ``selectedcandidatepairchange``,
``heartbeat``); what no event has said yet is shown as not known, never as a zero.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ..core_texts import notice_text
from ..i18n import translate
from ..texts import peer_word

if TYPE_CHECKING:
    from ...core.model import PeerModel, SessionModel

JOURNAL_NOTICE_CODES = frozenset({"journal", "log:icescope.core.journal"})
"""Notices that say the journal could not be opened or written."""


def _shown_peers(model: SessionModel) -> list[PeerModel]:
    # the remote only once anything about it is known
    return [
        p
        for p in model.peers.values()
        if p.peer.value == "local" or p.observed or p.role or p.heartbeat
    ]


def roles_text(model: SessionModel | None) -> str:
    """``roles: local controlling, remote controlled`` (``unknown`` until an event says)."""
    if model is None or not model.started:
        return translate("StatusLine", "no session")
    peers = _shown_peers(model)
    if not any(p.role for p in peers):
        return translate("StatusLine", "roles: not reported yet")
    unknown = translate("StatusLine", "unknown")
    parts = [f"{peer_word(p.peer)} {p.role.role if p.role else unknown}" for p in peers]
    return translate("StatusLine", "roles: {0}").format(", ".join(parts))


def pair_text(model: SessionModel | None) -> str:
    """The local peer's selected candidate pair."""
    if model is None or not model.started:
        return ""
    pair = model.local.selected
    if pair is None:
        return translate("StatusLine", "pair: none selected yet")
    return translate("StatusLine", "pair: {0} ⇄ {1}").format(pair.local, pair.remote)


def heartbeats_text(model: SessionModel | None) -> str:
    """``heartbeats: local 7↑ 6↓ …`` from the latest counts (``not counted yet`` before)."""
    if model is None or not model.started:
        return ""
    peers = _shown_peers(model)
    if not any(p.heartbeat for p in peers):
        return translate("StatusLine", "heartbeats: not counted yet")
    parts = []
    for p in peers:
        hb = p.heartbeat
        if hb is None:
            parts.append(translate("StatusLine", "{0} not counted yet").format(peer_word(p.peer)))
            continue
        received = "?" if hb.received is None else str(hb.received)
        final = translate("StatusLine", " (final)") if hb.final else ""
        parts.append(f"{peer_word(p.peer)} {hb.sent}↑ {received}↓{final}")
    return translate("StatusLine", "heartbeats: {0}").format(", ".join(parts))


def journal_text(model: SessionModel | None, journal: str | None) -> str:
    """Where the journal goes, or its error (from the session's notices)."""
    if model is not None:
        errors = [n for n in model.notices if n.code in JOURNAL_NOTICE_CODES]
        if errors:
            return translate("StatusLine", "journal error: {0}").format(notice_text(errors[0]))
    return (
        translate("StatusLine", "journal: {0}").format(journal)
        if journal
        else translate("StatusLine", "journal: off")
    )


class QtStatusLine(QWidget):
    """Four labels for the status bar: roles, selected pair, heartbeats, journal.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.hide()
        self.roles = QLabel(self)
        self.pair = QLabel(self)
        self.heartbeats = QLabel(self)
        self.journal = QLabel(self)
        self.journal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Long texts (a path, an IPv6 pair) must not force the window wider than a laptop
        # screen: the pair and the journal shrink first (their tooltips have the full text);
        # the roles and heartbeat counts get their whole text when there is room, and shrink
        # too rather than widen the window when they grow (longer in German, counts rising).
        for label in (self.pair, self.journal):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(60)
        for label in (self.roles, self.heartbeats, self.verdict):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(80)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.verdict)
        for i, label in enumerate((self.roles, self.pair, self.heartbeats, self.journal)):
            if i:
                line = QFrame(self)
                line.setFrameShape(QFrame.Shape.VLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                layout.addWidget(line)
            layout.addWidget(label, {self.pair: 2, self.journal: 1}.get(label, 0))
        self._explain = {
            self.roles: translate(
                "StatusLine", "ICE agent roles (RFC 8445 §6.1.1), as the engine reported them"
            ),
            self.pair: translate(
                "StatusLine", "Selected candidate pair of the local peer (local ⇄ remote)"
            ),
            self.heartbeats: translate(
                "StatusLine",
                "Heartbeat messages on the data channel, per peer: sent ↑ / "
                "received ↓ (the latest counts the peers published)",
            ),
        }
        self.show_model(None, None)

    def show_verdict(self, text: str) -> None:
        """The ended session's verdict first in the line (empty: none, hidden)."""
        self.verdict.setText(f"<b>{text}</b>" if text else "")
        self.verdict.setToolTip(
            translate("StatusLine", "The ended session's verdict (the summary is under the log)")
        )
        self.verdict.setVisible(bool(text))

    def show_model(self, model: SessionModel | None, journal: str | None) -> None:
        """Render ``model`` (None: no session) and the session's journal path."""
        for label, text in (
            (self.roles, roles_text(model)),
            (self.pair, pair_text(model)),
            (self.heartbeats, heartbeats_text(model)),
            (self.journal, journal_text(model, journal)),
        ):
            label.setText(text)
            explain = self._explain.get(label)
            label.setToolTip(f"{text}\n{explain}" if explain and text else text)
