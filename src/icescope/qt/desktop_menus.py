"""Menu entries of a desktop app: Settings, Recent sessions, Open journal folder, Copy versions.

Added to the menus :func:`~.window_layout.build_menus` made (found by object name), so the
window's layout module stays as it is.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from ..core.errors import ConfigError
from ..core.tcpaddress import redact
from .i18n import translate

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, SignalInstance
    from PySide6.QtWidgets import QWidget

    from ..core.config import Settings
    from ..core.settings_store import RecentSession
    from .preferences import WindowPreferences
    from .quit_guard import QuitGuard
    from .session_like import SessionLike

_Child = TypeVar("_Child", bound="QObject")


@runtime_checkable
class JournalWindow(Protocol):
    """A window whose sessions write journals: its session (if any) and its settings."""

    session: SessionLike | None
    settings: Settings


class DesktopWindow(JournalWindow, Protocol):
    """What the desktop menu entries need of the main window (and the Settings dialog)."""

    prefs: WindowPreferences | None
    quit_guard: QuitGuard

    @property
    def _settings_chosen(self) -> SignalInstance:
        """Emitted with the settings a new session starts with."""
        ...

    def findChild(self, type: type[_Child], /, name: str = ...) -> _Child | None:
        """The child of ``type`` named ``name`` (Qt's ``QObject.findChild``)."""
        ...

    def open_session_dialog(self) -> object:
        """Open the New session dialog."""
        ...

    def report(self, level: str, code: str, message: str, shown: str | None = None) -> None:
        """Show a notice (through the session when there is one)."""
        ...

    def window(self) -> QWidget:
        """The top-level widget menu entries and dialogs belong to (the main window itself)."""
        ...


def add_desktop_menus(window: DesktopWindow) -> None:
    """Add Settings and Recent sessions to the Session menu, and two Help entries."""
    session_menu = window.findChild(QMenu, "session-menu")
    help_menu = window.findChild(QMenu, "help-menu")
    quit_action = window.findChild(QAction, "quit-action")
    if session_menu is None or help_menu is None or quit_action is None:
        return
    settings_action = QAction(translate("DesktopMenus", "S&ettings…"), window.window())
    settings_action.setObjectName("settings-action")
    settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
    if settings_action.shortcut().isEmpty():  # no platform standard on X11/offscreen
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
    settings_action.triggered.connect(lambda: open_settings(window))
    recent = QMenu(translate("DesktopMenus", "Recen&t sessions"), session_menu)
    recent.setObjectName("recent-menu")
    recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    session_menu.insertMenu(quit_action, recent)
    session_menu.insertAction(quit_action, settings_action)
    session_menu.insertSeparator(quit_action)
    fill_recent(window, recent)

    journal = QAction(translate("DesktopMenus", "Open &journal folder"), window.window())
    journal.setObjectName("journal-folder-action")
    journal.triggered.connect(lambda: open_journal_folder(window))
    versions = QAction(translate("DesktopMenus", "&Copy versions"), window.window())
    versions.setObjectName("copy-versions-action")
    versions.setToolTip(
        translate("DesktopMenus", "Copy the versions of IceScope, its libraries and the OS")
    )
    versions.triggered.connect(copy_versions)
    help_menu.addSeparator()
    help_menu.addAction(journal)
    help_menu.addAction(versions)


def journal_folder(window: JournalWindow) -> Path:
    """Where the window's sessions write their journals (created if missing)."""
    from ..core.journal import default_journal_dir

    session = window.session
    if session is not None and session.journal_path is not None:
        return Path(session.journal_path).parent
    folder = window.settings.journal_dir or default_journal_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_journal_folder(window: DesktopWindow) -> bool:
    """Open the journal folder in the desktop's file manager; False (and a notice) on failure."""
    try:
        folder = journal_folder(window)
    except OSError as exc:
        window.report(
            "warning",
            "journal-folder",
            translate("DesktopMenus", "Cannot open the journal folder: ") + str(exc),
        )
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    window.report(
        "warning",
        "journal-folder",
        translate("DesktopMenus", "No file manager opened the journal folder: ") + str(folder),
    )
    return False


def versions_text() -> str:
    """IceScope, Python, libraries, Qt and the operating system, one ``name: version`` a line."""
    from .about_dialog import all_versions

    return "".join(f"{k}: {v}\n" for k, v in all_versions().items())


def copy_versions() -> None:
    """Put :func:`versions_text` on the clipboard."""
    QGuiApplication.clipboard().setText(versions_text())


def recent_label(entry: RecentSession) -> str:
    """A recent session in one line: when, remote kind, address."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.when))
    mode = str(entry.session.get("mode", "?"))
    address = entry.session.get("remote_address")
    if isinstance(address, str):
        address = redact(address)  # a listener's token is a secret: never on screen
    return f"{when} · {mode}" + (f" · {address}" if address else "")


def fill_recent(window: DesktopWindow, menu: QMenu) -> None:
    """List the recent sessions; choosing one starts a session with its settings."""
    menu.clear()
    entries = window.prefs.store.recent() if window.prefs is not None else []
    if not entries:
        empty = menu.addAction(translate("DesktopMenus", "No recent sessions"))
        empty.setEnabled(False)
        return
    for entry in entries:
        action = menu.addAction(recent_label(entry))
        action.triggered.connect(lambda _c=False, e=entry: start_recent(window, e))


def start_recent(window: DesktopWindow, entry: RecentSession) -> None:
    """Start a session with a recent entry's settings (TURN passwords from the keyring)."""
    from ..core.credentials import load_credential
    from ..core.settings_codec import session_from_dict
    from .core_texts import error_text

    try:
        settings, notes = session_from_dict(entry.session, window.settings, load_credential)
    except ConfigError as exc:
        window.report("warning", "recent-session", error_text(exc))
        return
    for note in notes:
        window.report("warning", "recent-session", note)
    if settings.mode != entry.session.get("mode", settings.mode):
        window.open_session_dialog()  # not restorable as stored (a token is never kept): ask
        return
    window._settings_chosen.emit(settings)


def open_settings(window: DesktopWindow) -> object:
    """Open the Settings dialog (non-modal) and return it."""
    from .dialogs.settings_dialog import QtSettingsDialog

    dialog = QtSettingsDialog(window)
    dialog.open()
    return dialog
