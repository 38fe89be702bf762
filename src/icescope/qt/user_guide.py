"""Help → User guide (F1): the guide bundled with IceScope, in the UI's language, offline.

The guide is one HTML file per language in ``guide/`` (package data, so wheels, editable
installs and the PyInstaller bundle all carry it). It is shown in a :class:`QTextBrowser` that
follows in-page links (``#section``) and never loads anything from the network: external links
open in the desktop's browser, and any other resource request yields nothing.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .i18n import LANGUAGES, current_language, translate

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMenu

GUIDE_DIR: Final = Path(__file__).resolve().parent / "guide"
"""``en.html`` and ``de.html``."""
JOURNAL_PLACEHOLDER: Final = "@JOURNAL_DIR@"


def guide_html(language: str, journal_dir: Path | None = None) -> str:
    """The guide's HTML in ``language`` (else English), with the journal folder filled in."""
    name = language if language in LANGUAGES else "en"
    text = (GUIDE_DIR / f"{name}.html").read_text(encoding="utf-8")
    if journal_dir is None:
        from ..core.journal import default_journal_dir

        journal_dir = default_journal_dir()
    return text.replace(JOURNAL_PLACEHOLDER, html.escape(str(journal_dir)))


class OfflineBrowser(QTextBrowser):
    """A text browser that follows anchors within the page and fetches nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.requested: list[QUrl | str] = []
        """Every resource the document asked for (images, style sheets): none is loaded."""
        self.anchorClicked.connect(self.follow)

    def follow(self, url: QUrl) -> None:
        """Scroll to an in-page anchor; hand any other link to the desktop's browser."""
        if url.scheme() in ("", "file") and not url.path() and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Refuse every resource (the guide has none; nothing may reach the network)."""
        self.requested.append(name)
        return None


class UserGuideDialog(QDialog):
    """The user guide in a resizable, non-modal window.

    Args:
        parent: the owning window.
        language: ``en`` or ``de`` (default: the language the UI speaks).
        journal_dir: the journal folder the guide names (default: the user's).
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        language: str | None = None,
        journal_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("user-guide")
        self.setWindowTitle(translate("UserGuide", "IceScope user guide"))
        self.language = language or current_language()
        self.browser = OfflineBrowser(self)
        self.browser.setAccessibleName(translate("UserGuide", "User guide"))
        self.browser.setHtml(guide_html(self.language, journal_dir))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)


def add_guide_action(window: QWidget, help_menu: QMenu) -> QAction:
    """Put *User guide* (F1) first in the Help menu; it opens one guide window per main window."""
    action = QAction(translate("UserGuide", "&User guide"), window)
    action.setObjectName("user-guide-action")
    action.setShortcut(QKeySequence.StandardKey.HelpContents)
    if action.shortcut().isEmpty():
        action.setShortcut(QKeySequence("F1"))
    existing = help_menu.actions()
    if existing:
        help_menu.insertAction(existing[0], action)
    else:
        help_menu.addAction(action)
    action.triggered.connect(lambda: show_guide(window))
    return action


def show_guide(window: QWidget) -> UserGuideDialog:
    """Show (or raise) the window's user guide, naming the folder its journals go to."""
    dialog = window.findChild(UserGuideDialog, "user-guide")
    if dialog is None:
        dialog = UserGuideDialog(window, journal_dir=_journal_dir(window))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _journal_dir(window: QWidget) -> Path | None:
    """The window's journal folder (as Help → Open journal folder opens it), None if unknown."""
    from .desktop_menus import JournalWindow, journal_folder

    if not isinstance(window, JournalWindow):
        return None
    try:
        return journal_folder(window)
    except OSError:
        return None  # the guide then names the default folder
