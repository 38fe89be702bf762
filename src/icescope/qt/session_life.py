"""SessionLife: the main window's session life cycle (start, close, replace, close the window).

A mixin of :class:`~icescope.qt.main_window.MainWindow` (which supplies ``_prepare``, ``refresh``,
``report``, ``log_model`` and ``_stop_rendering``): one session at a time, closed cleanly before
the next one starts or the window goes away.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from ..core.errors import IceScopeError
from ..core.events import Peer
from ..core.states import Provenance
from .asyncslot import async_slot
from .i18n import QT_TRANSLATE_NOOP, translate
from .repeat_port import PORT_TAKEN, Endpoint, fresh_port, keep_endpoint, listened

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from ..core.config import Settings
    from .models.event_log_model import EventLogModel
    from .session_like import SessionLike
    from .widgets.impair_panel import ImpairRequest

logger = logging.getLogger(__name__)


class SessionLife:
    """Start, close and replace the window's session; close it before the window closes.

    Args:
        settings: of the first session.
        factory: builds a session; default :class:`~icescope.core.session.Session`.
    """

    log_model: EventLogModel

    def __init__(
        self, settings: Settings, factory: Callable[[Settings], SessionLike] | None
    ) -> None:
        self.settings = settings
        self.session: SessionLike | None = None
        self.sessions_started = 0
        """How many sessions this window started (shown as the session number)."""
        self._factory = factory
        self.doing = ""
        """``starting…`` or ``closing…`` while a session starts or closes, else empty."""
        self._closing_window = False
        self._window_closed = False
        self._close_task: asyncio.Future[None] | None = None
        self.quit_cause = Provenance.LOCAL_CLOSE
        """The close cause when the window closes its session: ``process-exit`` once a signal
        ends the process (see :meth:`~icescope.qt.quit_guard.QuitGuard.close_without_asking`)."""

    # the window's side of the contract
    def _prepare(self, session: SessionLike) -> None:
        raise NotImplementedError

    def _may_close(self) -> bool:
        """Whether the window may close its live session now (hook: the window asks first)."""
        return True

    def _started(self, session: SessionLike) -> None:
        """A session started (hook: the window remembers it among the recent ones)."""

    def refresh(self) -> None:
        """Render the model into the widgets."""
        raise NotImplementedError

    def report(self, level: str, code: str, message: str, shown: str | None = None) -> None:
        """Show a notice (``message`` in English for the journal, ``shown`` in the UI language)."""
        raise NotImplementedError

    def report_text(self, level: str, code: str, template: str, *args: object) -> None:
        """Report ``template`` (marked ``QT_TRANSLATE_NOOP("SessionLife", …)``) with ``args``.

        The journal gets the English text, the banner the translated one.
        """
        self.report(
            level,
            code,
            template.format(*args),
            translate("SessionLife", template).format(*args),
        )

    def _stop_rendering(self) -> None:
        raise NotImplementedError

    @property
    def busy(self) -> bool:
        """True while a session starts or closes."""
        return bool(self.doing)

    async def start_session(self, keep: Endpoint | None = None) -> SessionLike:
        """Start a fresh session with the window's settings and show it.

        Args:
            keep: listen there again (Repeat session), if that port is still free.
        """
        self.doing = translate("SessionLife", "starting…")
        if self._factory is None:
            # Imported on first use: aiortc takes ~0.4 s to import, and the window should
            # appear before that (cold start).
            from ..core.session import Session

            self._factory = Session
        run_settings, taken = self._listen_again(keep)
        session = self._factory(run_settings)
        self.session = session
        self.sessions_started += 1
        self._prepare(session)
        try:
            await session.start()
        except (IceScopeError, OSError) as exc:
            self.report_text(
                "error",
                "start-failed",
                QT_TRANSLATE_NOOP("SessionLife", "Could not start the session: {0}"),
                exc,
            )
        else:
            self._started(session)
            if taken is not None:
                self.report_text("warning", "port-taken", PORT_TAKEN, taken)
        finally:
            self.doing = ""
            self.refresh()
        return session

    async def close_session(
        self, cause: Provenance = Provenance.LOCAL_CLOSE
    ) -> dict[str, Any] | None:
        """Close the current session (drains heartbeats first); return its summary.

        Args:
            cause: why it closes (``local-close`` for Close; ``process-exit`` when the process
                is ending).
        """
        session = self.session
        if session is None or session.ended:
            return None
        self.doing = translate("SessionLife", "closing…")
        self.refresh()
        try:
            return await session.close(cause)
        finally:
            self.doing = ""
            self.log_model.flush()
            self.refresh()

    async def new_session(self, settings: Settings | None = None) -> SessionLike:
        """Close the current session cleanly, then start a new one.

        Args:
            settings: the new session's settings (they become the window's); default: the same.
        """
        # Repeat: listen where the previous session did, so its URL keeps working.
        model = self.session.model if self.session is not None else None
        endpoint = listened(self.settings, model) if settings is None else None
        await self.close_session()
        if settings is not None:
            self.settings = settings
        return await self.start_session(endpoint)

    def _listen_again(self, keep: Endpoint | None) -> tuple[Settings, int | None]:
        """The settings to run: at ``keep`` when free; else a new port and the taken one."""
        if keep is None:
            return self.settings, None
        try:
            kept = keep_endpoint(self.settings, keep)
            if kept is not None:
                return kept, None
            return fresh_port(self.settings), keep.port
        except IceScopeError:  # not expected: the values came from a working session
            return self.settings, None

    # ------------------------------------------------------------------ commands (slots)
    @async_slot()
    async def _on_restart(self) -> None:
        if self.session is None:
            return
        try:
            await self.session.restart_ice()
        except (IceScopeError, NotImplementedError) as exc:
            self.report_text(
                "error",
                "restart-failed",
                QT_TRANSLATE_NOOP("SessionLife", "ICE restart failed: {0}"),
                exc,
            )
        self.refresh()

    @async_slot()
    async def _on_close(self) -> None:
        await self.close_session()

    @async_slot(object)
    async def _on_new(self, settings: Settings) -> None:
        await self.new_session(settings)

    @async_slot()
    async def _on_repeat(self) -> None:
        await self.new_session()

    def _on_impair(self, request: ImpairRequest) -> None:
        if self.session is None:
            return
        try:
            self.session.impair(
                Peer(request.peer), request.kind, direction=request.direction, value=request.value
            )
        except (IceScopeError, ValueError) as exc:
            self.report_text(
                "error",
                "impair-rejected",
                QT_TRANSLATE_NOOP("SessionLife", "Impairment rejected: {0}"),
                exc,
            )

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
        if needs_close and not self._closing_window and not self._may_close():
            event.ignore()  # the user is asked first; a yes closes the window again
            return
        if needs_close:
            event.ignore()
            if not self._closing_window:
                self._closing_window = True
                self._close_task = asyncio.ensure_future(self._close_then_quit())
            return
        self._stop_rendering()
        self._window_closed = True
        event.accept()
        self.shut_down.emit()  # type: ignore[attr-defined]

    async def _close_then_quit(self) -> None:
        try:
            await self.close_session(self.quit_cause)
        except Exception:
            logger.exception("closing the session failed")
        self._window_closed = True
        self.close()  # type: ignore[attr-defined]
