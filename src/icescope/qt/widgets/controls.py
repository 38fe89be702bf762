"""QtControls: the session commands (Restart ICE, Close, New session) as actions and buttons.

The actions carry the keyboard shortcuts and also go into the window's Session menu; the
buttons show them. The widget only emits requests; the window decides what they do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ..commands import BUSY, NO_SESSION
from ..i18n import translate
from ..texts import reason


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
        self.restart_action = self._action(
            translate("Controls", "&Restart ICE"), "Ctrl+R", self.restart_requested
        )
        self.close_action = self._action(
            translate("Controls", "&Close session"), "Ctrl+W", self.close_requested
        )
        self.new_action = self._action(
            translate("Controls", "&New session…"), "Ctrl+N", self.new_session_requested
        )
        self.repeat_action = self._action(
            translate("Controls", "Re&peat session"), "Ctrl+Shift+N", self.repeat_session_requested
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
        self.set_commands(restart=NO_SESSION, close=NO_SESSION, busy=False)

    def _action(self, text: str, shortcut: str, signal: SignalInstance) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        # Window-wide shortcut, also while focus is in the log table.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: signal.emit())
        self.addAction(action)
        return action

    def set_commands(
        self, *, restart: str | None, close: str | None, busy: bool, capability_off: bool = False
    ) -> None:
        """Enable each command only when it means something; a disabled one says why.

        Args:
            restart: None when Restart ICE is possible, else why not.
            close: None when Close is possible, else why not.
            busy: a command is in progress (closing, starting); New and Repeat wait for it.
            capability_off: restart is off because the engine cannot do it: say so beside it.
        """
        self.restart_action.setEnabled(restart is None)
        self.restart_action.setToolTip(
            translate(
                "Controls",
                "Restart ICE: new ufrag/pwd in a new offer (webrtc-pc restartIce()). Ctrl+R",
            )
            if restart is None
            else translate("Controls", "Restart ICE unavailable: {0}").format(reason(restart))
        )
        # Say why Restart is grey right next to it when it is the engine's doing, not only
        # in a tooltip.
        show_hint = capability_off and restart is not None
        hint = translate("Controls", "Restart ICE unavailable: the ICE engine cannot restart")
        self.hint.setText(hint if show_hint else "")
        self.hint.setToolTip(reason(restart or "") if show_hint else "")
        self.close_action.setEnabled(close is None)
        self.close_action.setToolTip(
            translate("Controls", "Close both peers (drains heartbeats first). Ctrl+W")
            if close is None
            else translate("Controls", "Nothing to close: {0}").format(reason(close))
        )
        self.new_action.setEnabled(not busy)
        self.new_action.setToolTip(
            translate(
                "Controls",
                "Choose the remote peer, STUN/TURN servers, timings and host candidates, then "
                "start a new session (closes this one). Ctrl+N",
            )
            if not busy
            else reason(BUSY)
        )
        self.repeat_action.setEnabled(not busy)
        self.repeat_action.setToolTip(
            translate(
                "Controls",
                "Close this session (if open) and start a fresh one with the same settings. "
                "Ctrl+Shift+N",
            )
            if not busy
            else reason(BUSY)
        )
        for button in self.buttons.values():
            # QToolButton shows the action's tooltip; disabled buttons keep showing it too.
            # The status bar (menu hover) and screen readers get the same words.
            action = button.defaultAction()
            action.setStatusTip(action.toolTip())
            button.setToolTip(action.toolTip())
            button.setAccessibleDescription(action.toolTip())
