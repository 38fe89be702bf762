"""Compare two sessions: their timelines stacked, aligned at session start or first connected.

Either side is any session of the *Showing* selector (live, ended, or a recording opened from
a file), e.g. an imported browser dump beside IceScope's own journal of the same call. Each
side shows its verdict. Zooming or panning one timeline moves the other by the same amount of
time from its anchor; a double-click aligns both again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.formats.recording import verdict_code
from .i18n import QT_TRANSLATE_NOOP, translate
from .widgets.timeline import QtTimeline

if TYPE_CHECKING:
    from .session_switcher import SessionSwitcher, Shown

VERDICTS = {
    "connected": QT_TRANSLATE_NOOP("Compare", "connected, no failure"),
    "connected-recovered": QT_TRANSLATE_NOOP("Compare", "connected; failed on the way"),
    "connected-then-failed": QT_TRANSLATE_NOOP("Compare", "connected, then failed"),
    "never-connected": QT_TRANSLATE_NOOP("Compare", "never connected"),
    "never-connected-failed": QT_TRANSLATE_NOOP("Compare", "never connected: ICE failed"),
}
ALIGN_START, ALIGN_CONNECTED = "start", "connected"
_SYNC_EVENTS = (QEvent.Type.Wheel, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove)


def anchor(entry: Shown, at: str) -> tuple[float, bool]:
    """Session time to align ``entry`` at, and whether it is the one asked for.

    A session that never connected is aligned at its start instead (False).
    """
    start = entry.model.history.first_ts or 0.0
    if at == ALIGN_CONNECTED:
        connected = entry.model.local.connected_at
        return (start, False) if connected is None else (connected, True)
    return start, True


class QtCompareView(QWidget):
    """Two sessions' timelines, one above the other, aligned; a top-level window.

    Args:
        switcher: where the sessions to choose from are.
        parent: the owning window (the view stays on top of it).
    """

    def __init__(self, switcher: SessionSwitcher, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("compare-view")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("Compare", "IceScope — compare two sessions"))
        self.entries = list(switcher.entries)
        self.pickers = (QComboBox(self), QComboBox(self))
        self.captions = (QLabel(self), QLabel(self))
        self.timelines = (QtTimeline(self), QtTimeline(self))
        self.align_combo = QComboBox(self)
        self.align_combo.addItem(translate("Compare", "session start"), ALIGN_START)
        self.align_combo.addItem(translate("Compare", "first connected"), ALIGN_CONNECTED)
        self.align_combo.setObjectName("compare-align")
        form = QFormLayout()
        for n, picker in enumerate(self.pickers):
            picker.addItems([e.title() for e in self.entries])
            picker.setCurrentIndex(max(0, len(self.entries) - 2 + n))
            picker.currentIndexChanged.connect(lambda _i: self.align())
            label = (translate("Compare", "&Top:"), translate("Compare", "&Bottom:"))[n]
            form.addRow(label, picker)
        form.addRow(translate("Compare", "&Align at:"), self.align_combo)
        self.align_combo.currentIndexChanged.connect(lambda _i: self.align())
        fit = QPushButton(translate("Compare", "&Fit both"), self)
        fit.clicked.connect(self.align)
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addWidget(fit, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        for caption, timeline in zip(self.captions, self.timelines, strict=True):
            caption.setWordWrap(True)
            caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(caption)
            layout.addWidget(timeline)
            timeline.installEventFilter(self)
        layout.addStretch(1)
        if len(self.entries) < 2:
            self.captions[0].setText(
                translate(
                    "Compare",
                    "Two sessions are needed: open a file (File → Open…) or run another "
                    "session; each joins the Showing list.",
                )
            )
        self.resize(1100, 520)
        self.align()

    # ------------------------------------------------------------------ choosing
    def chosen(self) -> tuple[Shown, Shown] | None:
        """The two sessions shown (None with fewer than two to choose from)."""
        if len(self.entries) < 2:
            return None
        top, bottom = (self.entries[p.currentIndex()] for p in self.pickers)
        return top, bottom

    def choose(self, top: int, bottom: int, at: str = ALIGN_START) -> None:
        """Show sessions number ``top`` and ``bottom`` of the list, aligned ``at``."""
        self.pickers[0].setCurrentIndex(top)
        self.pickers[1].setCurrentIndex(bottom)
        self.align_combo.setCurrentIndex(self.align_combo.findData(at))
        self.align()

    @property
    def at(self) -> str:
        """``start`` or ``connected``."""
        return str(self.align_combo.currentData())

    # ------------------------------------------------------------------ aligning
    def align(self) -> None:
        """Both timelines over the same span of time around their anchors."""
        pair = self.chosen()
        if pair is None:
            return
        anchors = [anchor(e, self.at) for e in pair]
        starts = [
            (e.model.history.first_ts or 0.0) - a for e, (a, _) in zip(pair, anchors, strict=True)
        ]
        ends = [
            max(e.now(), e.model.history.last_ts) - a
            for e, (a, _) in zip(pair, anchors, strict=True)
        ]
        lo, hi = min(starts), max(ends)
        hi = max(hi, lo + 1.0)
        for entry, (at, exact), timeline, caption in zip(
            pair, anchors, self.timelines, self.captions, strict=True
        ):
            timeline.follow(entry.model.history, entry.now)
            timeline.view = (at + lo, at + hi)
            timeline.update()
            caption.setText(self._caption(entry, exact))

    def _caption(self, entry: Shown, exact: bool) -> str:
        verdict = translate("Compare", VERDICTS[verdict_code(entry.model)])
        text = translate("Compare", "{0} — verdict: {1}").format(entry.title(), verdict)
        if not exact:
            text += translate("Compare", " (never connected: aligned at its start)")
        return text

    def offsets(self) -> tuple[float, float]:
        """Where each timeline's view starts, relative to its anchor (equal when in step)."""
        pair = self.chosen()
        assert pair is not None
        return tuple(  # type: ignore[return-value]
            t.view_range()[0] - anchor(e, self.at)[0]
            for e, t in zip(pair, self.timelines, strict=True)
        )

    # ------------------------------------------------------------------ in step
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After a zoom or pan on one timeline (handled by it), move the other the same way."""
        if watched in self.timelines:
            lead = self.timelines.index(watched)
            if event.type() == QEvent.Type.MouseButtonDblClick:
                QTimer.singleShot(0, self, self.align)
            elif event.type() in _SYNC_EVENTS:
                # after the timeline has handled it (the context object cancels it on close)
                QTimer.singleShot(0, self, lambda: self.follow_lead(lead))
        return False

    def follow_lead(self, lead: int) -> None:
        """Give the other timeline ``lead``'s span, relative to each one's anchor."""
        pair = self.chosen()
        if pair is None:
            return
        t0, t1 = self.timelines[lead].view_range()
        a_lead = anchor(pair[lead], self.at)[0]
        other = 1 - lead
        a_other = anchor(pair[other], self.at)[0]
        self.timelines[other].view = (t0 - a_lead + a_other, t1 - a_lead + a_other)
        self.timelines[other].update()
