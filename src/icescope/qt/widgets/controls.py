"""QtControls: the session commands (Restart ICE, Close, New session) as actions and buttons.

The actions carry the keyboard shortcuts and also go into the window's Session menu; the
buttons show them. The widget only emits requests; the window decides what they do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

RESTART_UNAVAILABLE = (
    "ICE restart is not available: this ICE engine cannot restart ICE yet. "
    "IceScope never fakes a restart."
)
"""Tooltip of the disabled Restart button when the engine lacks restart support."""


class QtControls(QWidget):
    """Buttons and shortcuts for the session commands.

    Args:
        parent: the owning widget.
    """

    restart_requested = Signal()
    """Restart ICE (Ctrl+R)."""
    close_requested = Signal()
    """Close the session (Ctrl+W)."""
    new_session_requested = Signal()
    """Open the New session dialog (remote peer, servers, timings), then start (Ctrl+N)."""
    repeat_session_requested = Signal()
    """Close the session if open and start a fresh one with the same settings (Ctrl+Shift+N)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.restart_action = self._action("Restart ICE", "Ctrl+R", self.restart_requested)
        self.close_action = self._action("Close session", "Ctrl+W", self.close_requested)
        self.new_action = self._action("New session…", "Ctrl+N", self.new_session_requested)
        self.repeat_action = self._action(
            "Repeat session", "Ctrl+Shift+N", self.repeat_session_requested
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QToolButton] = {}
        for key, action in (
            ("restart", self.restart_action),
            ("close", self.close_action),
            ("new", self.new_action),
            ("repeat", self.repeat_action),
        ):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumHeight(30)
            button.setMinimumWidth(110)
            layout.addWidget(button)
            self.buttons[key] = button
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.set_session_state(active=False, closed=False, can_restart=False, busy=False)

    def _action(self, text: str, shortcut: str, signal: SignalInstance) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        # Window-wide shortcut, also while focus is in the log table.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: signal.emit())
        self.addAction(action)
        return action

    def set_session_state(
        self,
        *,
        active: bool,
        closed: bool,
        can_restart: bool,
        busy: bool,
        restart_reason: str = RESTART_UNAVAILABLE,
    ) -> None:
        """Enable each command only when it means something.

        Args:
            active: a session exists and was started.
            closed: the session is closed (by us or by the remote).
            can_restart: the engine can restart ICE now (``Session.can_restart``).
            busy: a command is in progress (closing, starting); everything waits for it.
            restart_reason: tooltip explaining why restart is unavailable.
        """
        live = active and not closed and not busy
        self.restart_action.setEnabled(live and can_restart)
        if live and can_restart:
            tip = "Restart ICE: new ufrag/pwd in a new offer (webrtc-pc restartIce()). Ctrl+R"
        elif not live:
            tip = "Restart ICE: needs an open session"
        else:
            tip = restart_reason
        self.restart_action.setToolTip(tip)
        # Say why Restart is grey right next to it, not only in a tooltip.
        self.hint.setText(
            "Restart ICE unavailable: engine cannot restart" if live and not can_restart else ""
        )
        self.hint.setToolTip(restart_reason if live and not can_restart else "")
        self.close_action.setEnabled(live)
        self.close_action.setToolTip(
            "Close both peers (drains heartbeats first). Ctrl+W" if live else "Nothing to close"
        )
        self.new_action.setEnabled(not busy)
        self.new_action.setToolTip(
            "Choose the remote peer, STUN/TURN servers, timings and host candidates, then "
            "start a new session (closes this one). Ctrl+N"
        )
        self.repeat_action.setEnabled(not busy)
        self.repeat_action.setToolTip(
            "Close this session (if open) and start a fresh one with the same settings. "
            "Ctrl+Shift+N"
        )
        for button in self.buttons.values():
            # QToolButton shows the action's tooltip; disabled buttons keep showing it too.
            button.setToolTip(button.defaultAction().toolTip())
