"""QuitGuard: Ctrl+Q or closing the window with a live session asks first (with "don't ask again").

The question is a window-modal message box opened with ``open()``, never ``exec()``: a nested
event loop would stall the session's asyncio tasks. The close is refused at once and repeated
when the user confirms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox

from ..core.states import Provenance
from .i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .preferences import WindowPreferences

ASK_OPTION = "confirm_quit"
"""The ``ui`` option that turns the question on (default) or off."""


class GuardedWindow(Protocol):
    """What the guard needs of the window it guards."""

    prefs: WindowPreferences | None
    quit_cause: Provenance

    def close(self) -> bool:
        """Close the window (Qt's ``QWidget.close``)."""
        ...

    def window(self) -> QWidget:
        """The top-level widget the question belongs to (the main window itself)."""
        ...


class QuitGuard:
    """Decides whether the window may close now, asking the user when a session is live.

    Args:
        window: the main window it guards.
    """

    def __init__(self, window: GuardedWindow) -> None:
        self.window = window
        self.confirmed = False
        self.box: QMessageBox | None = None
        """The open question, if any."""
        self._ask_default = True

    def asks(self) -> bool:
        """Whether closing with a live session asks first (the stored option)."""
        prefs = self.window.prefs
        return prefs.option(ASK_OPTION, True) if prefs is not None else self._ask_default

    def set_asks(self, ask: bool) -> None:
        """Turn the question on or off (remembered in the settings file when there is one)."""
        if self.window.prefs is not None:
            self.window.prefs.set_option(ASK_OPTION, ask)
        else:
            self._ask_default = ask

    def close_without_asking(self) -> None:
        """Close the window as Close does, without the question (a signal ended the process).

        The session closes with the cause ``process-exit``, as the probe's do.
        """
        self.confirmed = True
        self.window.quit_cause = Provenance.PROCESS_EXIT
        self.window.close()

    def may_close(self) -> bool:
        """True when the window may close its live session now; otherwise opens the question."""
        if self.confirmed or not self.asks():
            return True
        if self.box is None:
            self._open()
        return False

    def _open(self) -> None:
        box = QMessageBox(self.window.window())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("QuitGuard", "Quit IceScope?"))
        box.setText(translate("QuitGuard", "A session is still running. Quit and close it?"))
        box.setInformativeText(
            translate(
                "QuitGuard",
                "The session is closed the way Close does it: heartbeats drain, "
                "the summary is written.",
            )
        )
        quit_button = box.addButton(
            translate("QuitGuard", "&Quit"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(quit_button)
        never = QCheckBox(translate("QuitGuard", "Don't ask again"), box)
        box.setCheckBox(never)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box

        def done(_result: int) -> None:
            self.box = None
            if box.clickedButton() is not quit_button:
                return
            if never.isChecked():
                self.set_asks(False)
            self.confirmed = True
            self.window.close()

        box.finished.connect(done)
        box.open()
