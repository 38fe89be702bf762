"""MainWindow: composes the widgets and wires them to a core Session. No logic of its own.

Data flows one way: session hub → :class:`EventBridge` → widgets. Commands flow back:
widget signal → async slot here → session method.
"""

from __future__ import annotations

import inspect
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from ..core.errors import IceScopeError
from ..core.events import (
    Impairment,
    Listening,
    LocalDescription,
    Notice,
    Peer,
    SessionMarker,
    StateChanged,
)
from ..core.states import Machine
from .asyncslot import async_slot
from .bridge import EventBridge
from .models.event_log_model import EventLogModel
from .status import session_status
from .widgets.controls import QtControls
from .widgets.event_log_view import QtEventLog
from .widgets.impair_panel import IMPAIR_UNAVAILABLE, ImpairRequest, QtImpairPanel
from .widgets.legend import QtLegend
from .widgets.notice_banner import QtNoticeBanner
from .widgets.peer_panel import QtPeerPanel
from .widgets.status_line import QtStatusLine
from .window_layout import build_layout, build_menus

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from ..core.config import Settings
    from ..core.events import SessionEvent
    from ..core.session import Session
    from .about_dialog import QtAboutDialog
    from .dialogs.session_dialog import QtSessionDialog
    from .dialogs.signaling_panel import QtSignalingPanel

logger = logging.getLogger(__name__)

STATUS_MS = 250
"""Refresh period of the status line (heartbeat counters change without events)."""
CONTROLS_MS = 20
"""Delay before controls follow a state event (coalesces bursts into one refresh)."""


class MainWindow(QMainWindow):
    """The IceScope window for one ``Settings``; runs one session at a time.

    Args:
        settings: of the first session; *New session* lets the user change them.
        session_factory: builds a session; default :class:`~icescope.core.session.Session`.
        parent: the owning widget.
    """

    shut_down = Signal()
    """The window closed for good (its session, if any, is closed)."""
    _settings_chosen = Signal(object)

    def __init__(
        self,
        settings: Settings,
        *,
        session_factory: Callable[[Settings], Session] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.session: Session | None = None
        self.sessions_started = 0
        """How many sessions this window started (shown as the session number)."""
        self._factory = session_factory
        self._busy = False
        self._closing_window = False
        self._window_closed = False
        self._close_task: asyncio.Future[None] | None = None

        self.bridge = EventBridge(self)
        self.bridge.event.connect(self._on_event)
        self.log_model = EventLogModel(parent=self)
        self.log_view = QtEventLog(self.log_model, self)
        self.panels = {
            Peer.LOCAL: QtPeerPanel("Local peer (this app)", parent=self),
            Peer.REMOTE: QtPeerPanel("Remote peer", parent=self),
        }
        self.controls = QtControls(self)
        self.impair_panel = QtImpairPanel(self)
        self.banner = QtNoticeBanner(self)
        self.legend = QtLegend(self)
        self.session_label = QLabel(self)
        self.session_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_line = QtStatusLine(self)
        self._remote_panel: QtSignalingPanel | None = None
        self.session_dialog: QtSessionDialog | None = None
        """The New session dialog while it is open."""
        self.statusBar().addPermanentWidget(self.status_line, 1)
        self.splitter = build_layout(self)
        build_menus(self)

        self.controls.restart_requested.connect(self._on_restart)
        self.controls.close_requested.connect(self._on_close)
        self.controls.new_session_requested.connect(self.open_session_dialog)
        self.controls.repeat_session_requested.connect(self._on_repeat)
        self._settings_chosen.connect(self._on_new)
        self.impair_panel.impair_requested.connect(self._on_impair)
        self.log_view.problem.connect(lambda text: self.report("error", "export", text))

        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_MS)
        self._status_timer.timeout.connect(self._refresh)
        self._status_timer.start()
        # Controls follow state events, coalesced: a burst of events refreshes them once.
        self._controls_timer = QTimer(self)
        self._controls_timer.setSingleShot(True)
        self._controls_timer.setInterval(CONTROLS_MS)
        self._controls_timer.timeout.connect(self._refresh_controls)
        self.setWindowTitle("IceScope")
        self.resize(1280, 820)
        self._refresh()

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
            from .dialogs.signaling_panel import QtSignalingPanel

            self._remote_panel = QtSignalingPanel(self)
            self.splitter.insertWidget(1, self._remote_panel)
        return self._remote_panel

    # ------------------------------------------------------------------ session life cycle
    @property
    def busy(self) -> bool:
        """True while a session starts or closes."""
        return self._busy

    async def start_session(self) -> Session:
        """Start a fresh session with the window's settings and show it."""
        self._busy = True
        self.log_model.clear()
        for panel in self.panels.values():
            panel.reset()
        self.banner.clear()
        self.impair_panel.reset()
        if self._factory is None:
            # Imported on first use: aiortc takes ~0.4 s to import, and the window should
            # appear before that (cold start).
            from ..core.session import Session

            self._factory = Session
        session = self._factory(self.settings)
        self.session = session
        self.sessions_started += 1
        if self.settings.mode != "loopback" or self._remote_panel is not None:
            self.remote_panel.configure(self.settings, getattr(session, "paste_remote", None))
        self.bridge.attach(session.hub)
        self._refresh()
        try:
            await session.start()
        except (IceScopeError, OSError) as exc:
            self.report("error", "start-failed", f"Could not start the session: {exc}")
        finally:
            self._busy = False
            self._refresh()
        return session

    async def close_session(self) -> dict[str, Any] | None:
        """Close the current session (drains heartbeats first); return its summary."""
        session = self.session
        if session is None or session.ended:
            return None
        self._busy = True
        self._refresh()
        try:
            return await session.close()
        finally:
            self._busy = False
            self.log_model.flush()
            self._refresh()

    async def new_session(self, settings: Settings | None = None) -> Session:
        """Close the current session cleanly, then start a new one.

        Args:
            settings: the new session's settings (they become the window's); default: the same.
        """
        await self.close_session()
        if settings is not None:
            self.settings = settings
        return await self.start_session()

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

    def report(self, level: str, code: str, message: str) -> None:
        """Show a notice: through the session (log + journal + banner) when there is one."""
        if self.session is not None:
            self.session.notice(level, code, message)
        else:
            self.banner.show_notice(level, message)

    # ------------------------------------------------------------------ commands (async slots)
    @async_slot()
    async def _on_restart(self) -> None:
        if self.session is None:
            return
        try:
            await self.session.restart_ice()
        except (IceScopeError, NotImplementedError) as exc:
            self.report("error", "restart-failed", f"ICE restart failed: {exc}")
        self._refresh()

    @async_slot()
    async def _on_close(self) -> None:
        await self.close_session()

    @async_slot(object)
    async def _on_new(self, settings: Settings) -> None:
        await self.new_session(settings)

    @async_slot()
    async def _on_repeat(self) -> None:
        await self.new_session()

    @async_slot(object)
    async def _on_impair(self, request: ImpairRequest) -> None:
        impair = getattr(self.session, "impair", None)
        if impair is None:
            return
        try:
            result = impair(
                Peer(request.peer), request.kind, direction=request.direction, value=request.value
            )
            if inspect.isawaitable(result):
                await result
        except (IceScopeError, ValueError) as exc:
            self.report("error", "impair-rejected", f"Impairment rejected: {exc}")

    # ------------------------------------------------------------------ events in
    def _on_event(self, event: SessionEvent) -> None:
        self.log_model.append(event)
        if isinstance(event, StateChanged):
            panel = self.panels.get(event.peer)
            if panel is not None:
                panel.show_state(event)
            if event.machine in (Machine.ICE, Machine.CONNECTION):
                self._schedule_controls()
        elif isinstance(event, Notice) and event.level in ("warning", "error"):
            self.banner.show_notice(event.level, event.message)
            if self._remote_panel is not None:
                self._remote_panel.show_event(event)
        elif isinstance(event, Impairment):
            self.impair_panel.show_impairment(event)
        elif isinstance(event, SessionMarker):
            self._schedule_controls()
        elif isinstance(event, Listening | LocalDescription) and self._remote_panel is not None:
            self._remote_panel.show_event(event)

    # ------------------------------------------------------------------ refreshers
    def _schedule_controls(self) -> None:
        # Throttle, not debounce: a steady stream of events must not postpone it forever.
        if not self._controls_timer.isActive():
            self._controls_timer.start()

    def _refresh(self) -> None:
        self._refresh_controls()
        self.status_line.set_status(session_status(self.session))

    def _refresh_controls(self) -> None:
        session = self.session
        active = session is not None and session.local is not None
        closed = session is None or session.ended
        self.controls.set_session_state(
            active=active,
            closed=closed,
            can_restart=bool(session is not None and session.can_restart),
            busy=self._busy,
        )
        live = active and not closed and not self._busy
        if session is not None and not hasattr(session, "impair"):
            self.impair_panel.set_available(False, IMPAIR_UNAVAILABLE)
        else:
            self.impair_panel.set_available(live, "" if live else "Needs an open session")
        self._update_labels(session)

    def _update_labels(self, session: Session | None) -> None:
        if session is None:
            self.session_label.setText("No session")
            return
        state = "closed" if session.ended else ("starting…" if self._busy else "open")
        self.session_label.setText(
            f"Session {self.sessions_started} · mode {session.settings.mode} · {state}"
        )
        local = session.local
        role = "offerer" if local is not None and local.offerer else "answerer"
        self.panels[Peer.LOCAL].set_description(f"IceScope's aiortc peer · {role}")
        remote = session.remote_description or "not started"
        if session.remote is None and session.local is not None:
            remote += " (its states are not observable from this process)"
        self.panels[Peer.REMOTE].set_description(remote)
        self.setWindowTitle(f"IceScope — {session.ice_state.value}")

    # ------------------------------------------------------------------ window close
    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the session first (asynchronously), then the window."""
        # asyncio is loaded by now when a loop runs (the window is shown before it is imported).
        import asyncio

        session = self.session
        needs_close = session is not None and not session.ended and not self._window_closed
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            needs_close = False  # no loop (e.g. widget tests): nothing async can run
        if needs_close:
            event.ignore()
            if not self._closing_window:
                self._closing_window = True
                self._close_task = asyncio.ensure_future(self._close_then_quit())
            return
        self._status_timer.stop()
        self._controls_timer.stop()
        self.bridge.detach()
        self._window_closed = True
        event.accept()
        self.shut_down.emit()

    async def _close_then_quit(self) -> None:
        try:
            await self.close_session()
        except Exception:
            logger.exception("closing the session failed")
        self._window_closed = True
        self.close()
