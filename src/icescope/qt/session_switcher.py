"""The last few sessions, selectable: live, ended and opened from files, one shown at a time.

A new session no longer wipes the previous one's view: every session the window started and
every recording it opened stays in the *Showing* selector (the menu bar's corner) until
:data:`KEEP` newer ones push it out. Choosing one shows its model in every view (indicators as
they were at its end, log, timeline, pairs, graphs, causes). A session that is not the live one
is marked as such: the session label and the title say "Recording: <file> — not live" (or
"Session N (ended) — not live"), and the commands that act on a live session are disabled with
the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ..core.events import Peer, StatsSample
from ..core.hub import EventHub
from .i18n import translate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from PySide6.QtWidgets import QMenuBar

    from ..core.events import SessionEvent
    from ..core.formats.recording import Recording
    from ..core.model import SessionModel
    from .bridge import EventBridge
    from .models.event_log_model import EventLogModel
    from .session_like import SessionLike
    from .widgets.controls import QtControls
    from .widgets.graphs import QtGraphs
    from .widgets.impair_panel import QtImpairPanel
    from .widgets.peer_panel import QtPeerPanel
    from .widgets.status_line import QtStatusLine
    from .widgets.timeline import QtTimeline

KEEP = 5
"""How many sessions the selector keeps (the live one and the shown one always stay)."""
NOT_LIVE_STYLE = "QLabel { background: palette(highlight); color: palette(highlighted-text); }"


class SwitchingWindow(Protocol):
    """What the switcher needs of the main window: its session, its views and its labels."""

    session: SessionLike | None
    sessions_started: int
    viewing: Shown | None
    bridge: EventBridge
    log_model: EventLogModel
    timeline: QtTimeline
    graphs: QtGraphs
    controls: QtControls
    impair_panel: QtImpairPanel
    panels: dict[Peer, QtPeerPanel]
    status_line: QtStatusLine
    session_label: QLabel

    @property
    def busy(self) -> bool:
        """True while a session starts or closes."""
        ...

    def follow(
        self, hub: EventHub, model: SessionModel, now: Callable[[], float], who: str = ""
    ) -> None:
        """Render ``model`` (already subscribed to ``hub``) as ``hub``'s events arrive."""
        ...

    def refresh(self) -> None:
        """Render the model into every widget."""
        ...

    def menuBar(self) -> QMenuBar:
        """The window's menu bar (Qt's ``QMainWindow.menuBar``)."""
        ...

    def setWindowTitle(self, title: str, /) -> None:
        """Set the window's title (Qt's ``QWidget.setWindowTitle``)."""
        ...

    def window(self) -> QWidget:
        """The top-level widget the selector belongs to (the main window itself)."""
        ...


@dataclass(eq=False)
class Shown:
    """One session the window can show: a session it started, or a recording it opened."""

    number: int
    """The window's session number, or 0 for a recording."""
    hub: EventHub
    model: SessionModel
    now: Callable[[], float]
    """Session time for elapsed-time texts (a recording's is frozen at its last event)."""
    events: Callable[[], Iterable[SessionEvent]]
    session: SessionLike | None = None
    recording: Recording | None = None
    mode: str = ""

    def title(self) -> str:
        """How the selector and the compare view name it."""
        if self.recording is not None:
            return translate("Sessions", "Recording: {0}").format(self.recording.name)
        return translate("Sessions", "Session {0} · {1}").format(self.number, self.mode)


def shown_recording(recording: Recording) -> Shown:
    """A recording as something the window can show (its own hub: nothing more arrives)."""
    end = recording.model.last_ts
    return Shown(
        0,
        EventHub(),
        recording.model,
        lambda: end,
        lambda: recording.events,
        recording=recording,
        mode=recording.format,
    )


class SessionSwitcher(QObject):
    """The *Showing* selector and the list of sessions behind it.

    Args:
        window: the main window whose views show the chosen session.
    """

    def __init__(self, window: SwitchingWindow) -> None:
        super().__init__(window.window())
        self.window = window
        self.entries: list[Shown] = []
        """Oldest first."""
        self.current: Shown | None = None
        self.widget = QWidget(window.window())
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(4, 0, 4, 0)
        label = QLabel(translate("Sessions", "Sho&wing:"), self.widget)
        self.combo = QComboBox(self.widget)
        self.combo.setObjectName("session-selector")
        self.combo.setMinimumContentsLength(44)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setToolTip(
            translate(
                "Sessions",
                "The last sessions: live, ended and opened from files. Choose one to show it "
                "in every view; a new session keeps the previous ones here.",
            )
        )
        self.combo.setAccessibleName(translate("Sessions", "Session shown"))
        label.setBuddy(self.combo)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self.combo.activated.connect(lambda index: self.show(self.entries[index]))
        window.menuBar().setCornerWidget(self.widget, Qt.Corner.TopRightCorner)
        self._fill()

    # ------------------------------------------------------------------ entries
    def live(self, session: SessionLike) -> Shown:
        """A session the window just started: add it and mark it shown (the window follows it)."""
        entry = Shown(
            self.window.sessions_started,
            session.hub,
            session.model,
            session.clock.ts,
            lambda: session.log,
            session=session,
            mode=session.settings.mode,
        )
        self._add(entry)
        self.current = entry
        self._fill()
        return entry

    def add_recording(self, recording: Recording) -> Shown:
        """Keep ``recording`` among the sessions and show it."""
        entry = shown_recording(recording)
        self._add(entry)
        self.show(entry)
        return entry

    def _add(self, entry: Shown) -> None:
        self.entries.append(entry)
        keep = {id(self.current)}
        if self.window.session is not None:
            keep.add(id(self.window.session))
        while len(self.entries) > KEEP:
            old = next(
                (e for e in self.entries if id(e) not in keep and id(e.session) not in keep),
                None,
            )
            if old is None:
                break
            self.entries.remove(old)

    # ------------------------------------------------------------------ showing
    def is_live(self, entry: Shown) -> bool:
        """True for the window's running session (the one its commands act on)."""
        session = entry.session
        return session is not None and session is self.window.session and not session.ended

    def show(self, entry: Shown) -> None:
        """Show ``entry`` in every view: its model, and its events replayed into the log."""
        window = self.window
        self.current = entry
        live = entry.session is not None and entry.session is window.session
        window.viewing = None if live else entry
        window.follow(entry.hub, entry.model, entry.now)
        last: dict[Peer, StatsSample] = {}
        for event in entry.events():
            if isinstance(event, StatsSample):
                last[event.peer] = event  # the pairs view shows the latest sample only
            else:
                window.bridge.event.emit(event)
        for sample in last.values():
            window.bridge.event.emit(sample)
        window.log_model.flush()
        window.timeline.update()
        window.graphs.update()
        window.refresh()
        self._fill()

    def render_not_live(self, entry: Shown) -> None:
        """Mark the window as showing ``entry``, which is not the live session (refresh hook)."""
        window = self.window
        if entry.recording is not None:
            what = translate("Sessions", "Recording: {0} — not live").format(entry.recording.name)
            why = translate(
                "Sessions", "this is a recording, not live (choose a live session under Showing)"
            )
        else:
            what = translate("Sessions", "Session {0} (ended) — not live").format(entry.number)
            why = translate(
                "Sessions", "this session has ended (choose the live one under Showing)"
            )
        window.controls.set_commands(restart=why, close=why, busy=window.busy)
        short = translate("Sessions", "not live: nothing to impair")
        window.impair_panel.set_available(False, short)
        window.impair_panel.set_remote_available(short)
        browser = entry.recording is not None and entry.recording.pc is not None
        window.panels[Peer.LOCAL].set_recorded(
            translate("Sessions", "Browser's peer connection (recorded)")
            if browser
            else translate("Sessions", "Local peer (recorded)")
        )
        window.panels[Peer.REMOTE].set_recorded(translate("Sessions", "Remote peer (recorded)"))
        if entry.recording is not None and entry.recording.pc is not None:
            window.panels[Peer.LOCAL].set_description(
                translate("Sessions", "the browser's peer connection {0}, from {1}").format(
                    entry.recording.pc, entry.recording.path.name
                )
            )
        window.impair_panel.show_model(entry.model)
        path = entry.recording.path if entry.recording is not None else None
        journal = entry.session.journal_path if entry.session is not None else path
        window.status_line.show_model(entry.model, str(journal) if journal else None)
        window.session_label.setText(what)
        window.session_label.setStyleSheet(NOT_LIVE_STYLE)
        window.setWindowTitle(translate("Sessions", "IceScope — {0}").format(what))

    def _label(self, entry: Shown) -> str:
        return entry.title() + (translate("Sessions", " (live)") if self.is_live(entry) else "")

    def _fill(self) -> None:
        self.combo.clear()
        for entry in self.entries:
            self.combo.addItem(self._label(entry))
        if self.current in self.entries:
            self.combo.setCurrentIndex(self.entries.index(self.current))
        self.widget.setVisible(bool(self.entries))
        self.sync()

    def sync(self) -> None:
        """Bring the labels up to date (a session ended) and unmark a live view (refresh hook)."""
        for index, entry in enumerate(self.entries):
            text = self._label(entry)
            if self.combo.itemText(index) != text:
                self.combo.setItemText(index, text)
        if self.window.viewing is None and self.window.session_label.styleSheet():
            self.window.session_label.setStyleSheet("")
