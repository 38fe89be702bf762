"""The session's summary in words, shown under the log (and its verdict in the status line).

Everything is read from the summary the model gives (``Session.summary()``, i.e.
:func:`icescope.core.model.summary`) and from the model's causes: nothing is recomputed here.
A value the summary does not know is said to be unknown, never shown as a zero.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core.states import Provenance
from ..core_texts import cause_text
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models.event_words import number
from ..texts import close_cause, peer_word

if TYPE_CHECKING:
    from ...core.model import SessionModel


def verdict_text(summary: dict[str, Any]) -> str:
    """``connected · no failure · loss: none`` from the summary's ``verdict``."""
    v = summary.get("verdict") or {}
    parts = [
        translate("SessionSummary", "connected")
        if v.get("connected")
        else translate("SessionSummary", "never connected")
    ]
    if v.get("ended_failed"):
        parts.append(translate("SessionSummary", "ended failed"))
    elif v.get("failed_seen"):
        parts.append(translate("SessionSummary", "failed seen"))
    else:
        parts.append(translate("SessionSummary", "no failure"))
    loss = (
        translate("SessionSummary", "loss: none")
        if v.get("loss") == "none"
        else translate("SessionSummary", "loss: some or unknown")
    )
    parts.append(loss)
    return " · ".join(parts)


def _seconds(value: float | None) -> str:
    if value is None:
        return translate("SessionSummary", "never (or not known)")
    return f"{value * 1000:.0f} ms" if value < 10 else f"{number(value, 1)} s"


_REASONS: Final = (
    (
        re.compile(r"the (\w+) peer never reported heartbeat counts"),
        QT_TRANSLATE_NOOP("SessionSummary", "the {0} peer never reported heartbeat counts"),
    ),
    (
        re.compile(r"the (\w+) peer did not say how many heartbeats it received"),
        QT_TRANSLATE_NOOP(
            "SessionSummary", "the {0} peer did not say how many heartbeats it received"
        ),
    ),
    (
        re.compile(
            r"the (\w+) peer's final count is not known \(it had not stopped when counted\)"
        ),
        QT_TRANSLATE_NOOP(
            "SessionSummary",
            "the {0} peer's final count is not known (it had not stopped when counted)",
        ),
    ),
    (
        re.compile(r"the (\w+) peer never reported how many heartbeats it sent"),
        QT_TRANSLATE_NOOP(
            "SessionSummary", "the {0} peer never reported how many heartbeats it sent"
        ),
    ),
    (
        re.compile(r"the (\w+) peer's final sent count never arrived \(its channel was gone\)"),
        QT_TRANSLATE_NOOP(
            "SessionSummary",
            "the {0} peer's final sent count never arrived (its channel was gone)",
        ),
    ),
)
"""Why a heartbeat count is unknown, as ``core.model.summary.delivery`` words it."""


def _reason(text: str) -> str:
    """A ``delivery`` reason in the UI language (another text as it is)."""
    for pattern, template in _REASONS:
        if match := pattern.fullmatch(text):
            return translate("SessionSummary", template).format(peer_word(match.group(1)))
    return text


def _closed_by(value: str | None) -> str:
    """A ``closed_by`` provenance value as its close cause in words."""
    if not value:
        return ""
    try:
        return close_cause(Provenance(value)) or value
    except ValueError:
        return value


def _count(value: int | None) -> str:
    return translate("SessionSummary", "unknown") if value is None else str(value)


def summary_text(summary: dict[str, Any], model: SessionModel) -> str:
    """The summary in a few lines: verdict, time to connect, heartbeats, why each peer closed."""
    lines = [translate("SessionSummary", "Session ended: {0}").format(verdict_text(summary))]
    connect = summary.get("time_to_connect") or {}
    if connect:
        lines.append(
            translate("SessionSummary", "Time to connect: {0}").format(
                ", ".join(f"{peer_word(peer)} {_seconds(t)}" for peer, t in connect.items())
            )
        )
    beats = []
    for peer, d in (summary.get("peers") or {}).items():
        if d.get("unknown"):
            beats.append(
                translate("SessionSummary", "{0} received {1} ({2})").format(
                    peer_word(peer), _count(d.get("received")), _reason(str(d["unknown"]))
                )
            )
        else:
            beats.append(
                translate("SessionSummary", "{0} received {1}, lost {2}, undelivered {3}").format(
                    peer_word(peer),
                    _count(d.get("received")),
                    _count(d.get("lost")),
                    _count(d.get("undelivered")),
                )
            )
    if beats:
        lines.append(translate("SessionSummary", "Heartbeats: {0}").format("; ".join(beats)))
    closes = []
    for peer, by in (summary.get("closed_by") or {}).items():
        cause = next((p.cause for p in model.peers.values() if p.peer.value == peer), None)
        why = cause_text(cause) if cause is not None and cause.state == "closed" else None
        shown = why or _closed_by(by) or translate("SessionSummary", "not closed")
        closes.append(f"{peer_word(peer)}: {shown}")
    if closes:
        lines.append(translate("SessionSummary", "Closed: {0}").format("; ".join(closes)))
    return "\n".join(lines)


class QtSessionSummary(QFrame):
    """A panel under the log: the ended session's summary (hidden while a session runs).

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionSummary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        self.hide()

    def show_summary(self, summary: dict[str, Any] | None, model: SessionModel | None) -> None:
        """Show ``summary`` (None, or no model: hide the panel)."""
        if summary is None or model is None:
            self.label.clear()
            self.hide()
            return
        text = summary_text(summary, model)
        self.label.setText(text)
        self.label.setToolTip(text)
        self.show()

    def text(self) -> str:
        """The summary shown (empty when hidden)."""
        return self.label.text() if not self.isHidden() else ""
