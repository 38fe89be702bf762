"""MainWindow: the composition root. It builds and wires the widgets and passes model values down.

Data flows one way: session hub → :class:`SessionModel` (folded first) and
:class:`EventBridge` → this window routes each event to the widgets that render the model.
Commands flow back: widget signal → async slot here → session method. Nothing here reads a
peer or polls the session for display.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from ..core.errors import IceScopeError
from ..core.events import (
    CallStarted,
    Cause,
    ConnectivityWait,
    HeartbeatCount,
    IceRestart,
    Impairment,
    Listening,
    LocalDescription,
    Notice,
    Peer,
    RemoteChannel,
    RoleChanged,
    SelectedPairChanged,
    SessionMarker,
    StateChanged,
    StatsSample,
    is_periodic,
)
from ..core.states import Machine
from .bridge import EventBridge
from .commands import closed_reason, commands_of, waiting_reason
from .core_texts import core_text, notice_text
from .desktop_menus import add_desktop_menus
from .i18n import translate
from .keyboard import set_tab_order
from .models.event_log_model import EventLogModel
from .open_evidence import add_evidence_menus
from .preferences import WindowPreferences
from .quit_guard import QuitGuard
from .report_menu import add_report_menus
from .scenario_menu import add_scenario_menu
from .session_life import SessionLife
from .session_switcher import SessionSwitcher
from .view_menu import add_view_menu
from .widgets.controls import QtControls
from .widgets.event_log_view import QtEventLog
from .widgets.graphs import QtGraphs
from .widgets.impair_panel import QtImpairPanel
from .widgets.legend import QtLegend
from .widgets.notice_banner import QtNoticeBanner
from .widgets.pairs_view import QtPairsView
from .widgets.peer_panel import QtPeerPanel
from .widgets.status_line import JOURNAL_NOTICE_CODES, QtStatusLine
from .widgets.timeline_panel import QtTimelinePanel
from .window_layout import build_layout, build_menus, build_tabs

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..core.config import Settings
    from ..core.events import SessionEvent
    from ..core.hub import EventHub
    from ..core.model import SessionModel
    from ..core.settings_store import SettingsStore
    from .about_dialog import QtAboutDialog
    from .dialogs.session_dialog import QtSessionDialog
    from .session_like import SessionLike
    from .session_switcher import Shown
    from .widgets.signaling_panel import QtSignalingPanel

CONTROLS_MS = 20
"""Delay before controls follow a state event (coalesces bursts into one refresh)."""


class MainWindow(SessionLife, QMainWindow):
    """The IceScope window for one ``Settings``; runs one session at a time.

    Args:
        settings: of the first session; *New session* lets the user change them.
        session_factory: builds a session; default :class:`~icescope.core.session.Session`.
        store: the settings file to remember choices in; None remembers nothing.
        parent: the owning widget.
    """

    shut_down = Signal()
    """The window closed for good (its session, if any, is closed)."""
    _settings_chosen = Signal(object)

    def __init__(
        self,
        settings: Settings,
        *,
        session_factory: Callable[[Settings], SessionLike] | None = None,
        store: SettingsStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        QMainWindow.__init__(self, parent)
        SessionLife.__init__(self, settings, session_factory)
        self.model: SessionModel | None = None
        """The model the widgets render (the session's; None before any)."""
        self.viewing: Shown | None = None
        """The session shown when it is not the live one (an ended session, a recording)."""
        self._now: Callable[[], float] = lambda: 0.0
        self._who = ""
        self._conditions_seen = -1
        """The model's ``conditions.version`` the banner shows."""
        self._shown: dict[str, str] = {}
        """Translations of the window's own notices, by their English (journaled) text."""
        self.bridge = EventBridge(self)
        self.bridge.event.connect(self._on_event)
        self.log_model = EventLogModel(parent=self)
        self.log_view = QtEventLog(self.log_model, self)
        self.panels = {
            Peer.LOCAL: QtPeerPanel(
                translate("MainWindow", "Local peer (this app)"),
                parent=self,
                subject=translate("MainWindow", "ICE connection state of the local peer"),
            ),
            Peer.REMOTE: QtPeerPanel(
                translate("MainWindow", "Remote peer"),
                parent=self,
                subject=translate("MainWindow", "ICE connection state of the remote peer"),
            ),
        }
        self.controls = QtControls(self)
        self.impair_panel = QtImpairPanel(self)
        self.banner = QtNoticeBanner(self)
        self.legend = QtLegend(self)
        self.session_label = QLabel(translate("MainWindow", "No session"), self)
        self.session_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_line = QtStatusLine(self)
        self._remote_panel: QtSignalingPanel | None = None
        self.session_dialog: QtSessionDialog | None = None
        """The New session dialog while it is open."""
        self.statusBar().addPermanentWidget(self.status_line, 1)
        self.timeline_panel = QtTimelinePanel(self)
        self.timeline = self.timeline_panel.timeline
        self.pairs_view = QtPairsView(self)
        self.graphs = QtGraphs(self)
        self.tabs = build_tabs(
            self,
            log=self.log_view,
            timeline=self.timeline_panel,
            pairs=self.pairs_view,
            graphs=self.graphs,
        )
        self.splitter = build_layout(
            self,
            top=(self.controls, self.session_label),
            banner=self.banner,
            peers=(self.panels[Peer.LOCAL], self.panels[Peer.REMOTE]),
            side=self.impair_panel,
            legend=self.legend,
            log=self.tabs,
        )
        build_menus(self, self.controls, self.log_view, self.show_about)

        self.controls.restart_requested.connect(self._on_restart)
        self.controls.close_requested.connect(self._on_close)
        self.controls.new_session_requested.connect(self.open_session_dialog)
        self.controls.repeat_session_requested.connect(self._on_repeat)
        self._settings_chosen.connect(self._on_new)
        self.impair_panel.impair_requested.connect(self._on_impair)
        self.log_view.problem.connect(lambda text: self.report("error", "export", text))
        self.timeline_panel.problem.connect(lambda text: self.report("error", "export", text))
        self.timeline.moment_clicked.connect(self.log_view.select_between)
        # Controls follow state events, coalesced: a burst of events refreshes them once.
        self._controls_timer = QTimer(self)
        self._controls_timer.setSingleShot(True)
        self._controls_timer.setInterval(CONTROLS_MS)
        self._controls_timer.timeout.connect(self.refresh)
        self.setWindowTitle(translate("MainWindow", "IceScope"))
        room = self.screen().availableGeometry()  # a laptop's 1366×768 is less than 800 high
        self.resize(min(1280, room.width()), min(800, room.height()))
        self.prefs = WindowPreferences(self, store) if store is not None else None
        """What the window remembers between runs (None: nothing)."""
        self.quit_guard = QuitGuard(self)
        if self.prefs is not None:
            self._settings_chosen.connect(self.prefs.session_chosen)
            self.prefs.restore()
        add_desktop_menus(self)
        add_report_menus(self)
        self.switcher = SessionSwitcher(self)
        add_evidence_menus(self)
        add_view_menu(
            self,
            {
                "peers": list(self.panels.values()),
                "impair": [self.impair_panel],
                "legend": [self.legend],
                "timeline": [self.timeline_panel],
            },
            self.prefs,
        )
        add_scenario_menu(self)
        set_tab_order(self)
        self.refresh()

    # ------------------------------------------------------------------ composition
    def show_about(self) -> QtAboutDialog:
        """Open the About dialog (non-modal) and return it."""
        from .about_dialog import QtAboutDialog  # on use: it loads `platform` and versions

        dialog = QtAboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @property
    def remote_panel(self) -> QtSignalingPanel:
        """How to reach the remote peer (URL, address, paste boxes), above the log.

        Built when a session first needs it: loopback sessions never show it, and its
        modules would otherwise add to every start-up.
        """
        if self._remote_panel is None:
            from .widgets.signaling_panel import QtSignalingPanel

            self._remote_panel = QtSignalingPanel(self)
            self._remote_panel.paste_requested.connect(self._on_paste)
            self.splitter.insertWidget(1, self._remote_panel)
        return self._remote_panel

    def open_session_dialog(self) -> QtSessionDialog:
        """Open the New session dialog pre-filled with the current settings (non-blocking).

        Accepting it closes the current session and starts one with the chosen settings.
        """
        if self.session_dialog is None:
            # Imported on first use: the dialog's modules cost ~25 ms of start-up otherwise.
            from .dialogs.session_dialog import open_session_dialog

            self.session_dialog = open_session_dialog(self.settings, self, self._settings_chosen)
            self.session_dialog.finished.connect(lambda _r: setattr(self, "session_dialog", None))
        return self.session_dialog

    def follow(
        self, hub: EventHub, model: SessionModel, now: Callable[[], float], who: str = ""
    ) -> None:
        """Render ``model`` (already subscribed to ``hub``) as ``hub``'s events arrive.

        Args:
            hub: the event source.
            model: the fold of ``hub``'s events (subscribed before this window).
            now: the session's current time (as event ``ts``), for elapsed-time texts.
            who: who the remote is, in words.
        """
        self.model, self._now, self._who = model, now, who
        self.log_model.clear()
        self.banner.reset()
        self._conditions_seen = -1
        self._show_summary(None)
        self.pairs_view.clear()
        self.timeline.follow(model.history, now)
        self.timeline.set_scenario([], [])  # a scenario run draws its own (scenario_menu)
        self.graphs.follow(model.history, now)
        for panel in self.panels.values():
            panel.set_clock(now)
        self.bridge.attach(hub)
        self.refresh()

    def _prepare(self, session: SessionLike) -> None:
        """Show a session that is about to start (SessionLife calls this)."""
        if self.settings.mode != "loopback" or self._remote_panel is not None:
            self.remote_panel.configure(self.settings)
        self.viewing = None
        self.follow(session.hub, session.model, session.clock.ts)
        self.switcher.live(session)

    def report(self, level: str, code: str, message: str, shown: str | None = None) -> None:
        """Show a notice: through the session (log + journal + banner) when there is one.

        ``message`` goes to the journal (English: it stays language-neutral); the banner shows
        ``shown`` (the same in the UI language) when given.
        """
        if shown is not None:
            self._shown[message] = shown
        if self.session is not None:
            self.session.notice(level, code, message)
        if self.session is None or self.viewing is not None:  # else its event shows it
            self.banner.show_notice(level, self._shown.pop(message, message), key=code)

    # ------------------------------------------------------------------ commands
    def _on_paste(self, text: str) -> None:
        from ..core.signaling.paste import PastedSdpError  # paste sessions only

        panel = self.remote_panel
        if self.session is None:
            panel.show_paste_refused(translate("MainWindow", "no session is running"))
            return
        try:
            kind = self.session.paste_remote(text)
        except IceScopeError as exc:
            line = exc.line if isinstance(exc, PastedSdpError) else None
            panel.show_paste_refused(str(exc), line)
        else:
            panel.show_paste_accepted(kind)

    # ------------------------------------------------------------------ events in
    def _on_event(self, event: SessionEvent) -> None:
        self._show_conditions()
        if not is_periodic(event):
            # The log lists what happened; periodic samples (statistics, running heartbeat
            # counts) feed the status line and stay in the journal and exports.
            self.log_model.append(event)
        match event:
            case StateChanged(peer=peer, machine=machine):
                self._show_peer(peer)
                # signaling too: a remote description applied enables Restart ICE
                if machine in (Machine.ICE, Machine.CONNECTION, Machine.SIGNALING):
                    self._schedule_render()
                    self.timeline.update()
            case StatsSample(peer=peer):
                self.pairs_view.show_sample(event, self.model)
                self._show_peer(peer)  # liveness: the selected pair's last packet
                self.graphs.update()
                self.timeline.update()
            case Cause(peer=peer) | ConnectivityWait(peer=peer):
                # the cause goes into the indicator's tooltip; ICE PAC's countdown into its
                # liveness line
                self._show_peer(peer)
            case IceRestart():
                self.timeline.update()
            case RemoteChannel(peer=peer):
                self._show_peer(peer)
                self._schedule_render()
            case Notice(level="warning" | "error"):
                if self._remote_panel is not None:
                    self._remote_panel.show_event(event)
                if event.code in JOURNAL_NOTICE_CODES:
                    self._show_status()
            case Impairment():
                self.impair_panel.show_model(self.model)
                self.timeline.update()
            case SessionMarker():
                self._schedule_render()
            case CallStarted():
                # A new call: both peers' models start fresh (a new local peer connection).
                for peer in Peer:
                    self._show_peer(peer)
                self.impair_panel.show_model(self.model)
                self._schedule_render()
                self.timeline.update()
            case RoleChanged() | SelectedPairChanged() | HeartbeatCount():
                self._show_status()
            case Listening() | LocalDescription() | Notice(code="signaling-connected") if (
                self._remote_panel is not None
            ):
                self._remote_panel.show_event(event)
            case _:
                pass

    # ------------------------------------------------------------------ rendering
    def _show_conditions(self) -> None:
        """The banner follows the model's open problems (closed ones go)."""
        conditions = self.model.conditions if self.model is not None else None
        if conditions is None or conditions.version == self._conditions_seen:
            return
        self._conditions_seen = conditions.version
        self.banner.show_conditions(
            {
                code: (n.level, self._shown.get(n.message) or notice_text(n))
                for code, n in conditions.active.items()
            }
        )

    def _schedule_render(self) -> None:
        # Throttle, not debounce: a steady stream of events must not postpone it forever.
        if not self._controls_timer.isActive():
            self._controls_timer.start()

    def _show_peer(self, peer: Peer) -> None:
        if self.model is not None:
            # The engine's timings drive this process's peers; a browser or another
            # IceScope runs its own, so the remote gets no countdown there.
            ours = peer is Peer.LOCAL or self.settings.mode == "loopback"
            ours = ours and self.viewing is None  # a recording has no countdown
            self.panels[peer].show_peer(
                self.model.peers[peer],
                self.viewing.mode if self.viewing is not None else self.settings.mode,
                self._who,
                self.settings.timings if ours else None,
                self.settings.stats_interval,
            )

    def _show_summary(self, summary: dict[str, object] | None) -> None:
        """The ended session's summary under the log and its verdict in the status line."""
        from .widgets.session_summary import verdict_text

        self.log_view.summary.show_summary(summary, self.model)
        self.status_line.show_verdict(verdict_text(summary) if summary is not None else "")

    def _show_status(self) -> None:
        journal = self.session.journal_path if self.session is not None else None
        self.status_line.show_model(self.model, str(journal) if journal else None)

    def refresh(self) -> None:
        """Render the model into every widget (panels, controls, labels, status line)."""
        model = self.model
        if self.viewing is not None:  # not the live session: shown as it was, commands off
            for peer in self.panels:
                self._show_peer(peer)
            self.switcher.render_not_live(self.viewing)
            return
        for panel in self.panels.values():
            panel.set_recorded(None)
        self.switcher.sync()
        capabilities = self.session.capabilities if self.session is not None else None
        commands = commands_of(model, capabilities, busy=self.busy)
        self.controls.set_commands(
            restart=commands.restart,
            close=commands.close,
            busy=commands.busy,
            capability_off=commands.capability_off,
        )
        self.impair_panel.set_available(commands.impair is None, commands.impair or "")
        self.impair_panel.set_remote_available(commands.impair_remote)
        self.impair_panel.show_model(model)
        self._show_status()
        if self.session is not None and self.session.remote_description:
            # Known once the session started; in the UI's language when the core said it so.
            key, args = self.session.remote_text
            english = self.session.remote_description
            self._who = core_text(key, args, english) if key else english
        if model is None:
            self.session_label.setText(translate("MainWindow", "No session"))
            self.setWindowTitle(translate("MainWindow", "IceScope"))
            return
        for peer in self.panels:
            self._show_peer(peer)
        if model.ended and self.session is not None and not self.log_view.summary.text():
            self._show_summary(self.session.summary())
        if self.busy:
            state = self.doing
        elif not model.started:
            state = translate("MainWindow", "not started")
        elif closed_reason(model) is not None:
            state = translate("MainWindow", "closed")
        elif waiting_reason(model) is not None:
            state = translate("MainWindow", "waiting for the remote to come back")
        elif self.session is not None:
            state = translate("MainWindow", "open")
        else:
            state = translate("MainWindow", "view only (no live session)")
        self.session_label.setText(
            translate("MainWindow", "Session {0} · mode {1} · {2}").format(
                self.sessions_started, self.settings.mode, state
            )
        )
        self.setWindowTitle(translate("MainWindow", "IceScope — {0}").format(model.local.ice.value))

    # ------------------------------------------------------------------ window close
    def _may_close(self) -> bool:
        return self.quit_guard.may_close()

    def _started(self, session: SessionLike) -> None:
        if self.prefs is not None:
            journal = session.journal_path
            self.prefs.session_started(self.settings, str(journal) if journal else None)

    def _stop_rendering(self) -> None:
        if self.prefs is not None:
            self.prefs.capture()
        self._controls_timer.stop()
        self.bridge.detach()
