"""File → Open…, Open recent and Compare sessions…: evidence files shown as recordings.

Opens IceScope journals, chrome://webrtc-internals dumps (``.txt``/``.gz``) and rtcstats
dumps (the core's :func:`~icescope.core.formats.recording.read_recordings`). A file with several
peer connections asks which with a small picker (several may be chosen). Each opened
connection joins the *Showing* selector as a recording. A file that cannot be read gives one
readable line in the banner, never a traceback. Open recent lists the files opened and the
journals of the sessions the window started (paths only: never a token or a password).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from .i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QMenuBar

    from ..core.formats.recording import Recording
    from .models.event_log_model import EventLogModel
    from .preferences import WindowPreferences
    from .session_switcher import SessionSwitcher
    from .widgets.event_log_view import QtEventLog
    from .widgets.notice_banner import QtNoticeBanner

_Child = TypeVar("_Child", bound="QObject")

MAX_RECENT_FILES = 10
FILTERS = (
    QT_TRANSLATE_NOOP("OpenEvidence", "Evidence (*.jsonl *.json *.txt *.gz *.log)"),
    QT_TRANSLATE_NOOP("OpenEvidence", "All files (*)"),
)


class EvidenceWindow(Protocol):
    """What opening a file needs of the main window: the selector, the banner, the settings file."""

    prefs: WindowPreferences | None
    banner: QtNoticeBanner
    switcher: SessionSwitcher

    def window(self) -> QWidget:
        """The top-level widget dialogs belong to (the main window itself)."""
        ...


class EvidenceMenuWindow(EvidenceWindow, Protocol):
    """What the File menu needs besides: the menu bar, the Session menu, the event log."""

    log_view: QtEventLog
    log_model: EventLogModel

    def findChild(self, type: type[_Child], /, name: str = ...) -> _Child | None:
        """The child of ``type`` named ``name`` (Qt's ``QObject.findChild``)."""
        ...

    def menuBar(self) -> QMenuBar:
        """The window's menu bar (Qt's ``QMainWindow.menuBar``)."""
        ...


def add_evidence_menus(window: EvidenceMenuWindow) -> None:
    """A File menu before the Session menu: Open…, Open recent, Compare sessions….

    Also gives the log's export a remembered folder and a dated name.
    """
    from .export_location import ExportLocation

    window.log_view.location = ExportLocation(window)
    session_menu = window.findChild(QMenu, "session-menu")
    if session_menu is None:
        return
    menu = QMenu(translate("OpenEvidence", "&File"), window.window())
    menu.setObjectName("file-menu")
    window.menuBar().insertMenu(session_menu.menuAction(), menu)
    open_action = QAction(translate("OpenEvidence", "&Open…"), window.window())
    open_action.setObjectName("open-evidence-action")
    open_action.setShortcut(QKeySequence.StandardKey.Open)
    open_action.setToolTip(
        translate(
            "OpenEvidence",
            "Open an IceScope journal, a chrome://webrtc-internals dump (.txt, .gz) or an "
            "rtcstats dump, shown as a recording",
        )
    )
    open_action.triggered.connect(lambda: open_dialog(window))
    menu.addAction(open_action)
    recent = QMenu(translate("OpenEvidence", "Open &recent"), menu)
    recent.setObjectName("open-recent-menu")
    recent.aboutToShow.connect(lambda: fill_recent_files(window, recent))
    menu.addMenu(recent)
    fill_recent_files(window, recent)
    menu.addSeparator()
    compare = QAction(translate("OpenEvidence", "&Compare two sessions…"), window.window())
    compare.setObjectName("compare-action")
    compare.triggered.connect(lambda: open_compare(window))
    menu.addAction(compare)


def open_dialog(window: EvidenceWindow) -> QWidget:
    """Ask for a file (non-blocking); choosing one opens it."""
    from PySide6.QtWidgets import QFileDialog  # on use: not part of the first frame

    dialog = QFileDialog(window.window(), translate("OpenEvidence", "Open evidence"))
    dialog.setObjectName("open-evidence-dialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters([translate("OpenEvidence", f) for f in FILTERS])
    folder = _evidence(window).get("open_folder")
    if isinstance(folder, str) and Path(folder).is_dir():
        dialog.setDirectory(folder)
    dialog.fileSelected.connect(lambda name: open_path(window, Path(name)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_path(window: EvidenceWindow, path: Path) -> QDialog | list[Recording] | None:
    """Open ``path``: show its only connection, or ask which of several (the picker returned).

    Returns None (and says why in the banner) when the file cannot be read.
    """
    from ..core.errors import IceScopeError
    from ..core.formats.recording import read_recordings

    try:
        recordings = read_recordings(path)
    except (IceScopeError, OSError, MemoryError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        window.banner.show_notice(
            "error", translate("OpenEvidence", "Cannot open {0}: {1}").format(path.name, why)
        )
        return None
    remember_file(window, path)
    if len(recordings) == 1:
        show_recordings(window, recordings)
        return recordings
    picker = ConnectionPicker(recordings, window.window())
    picker.chosen.connect(lambda chosen: show_recordings(window, chosen))
    picker.open()
    return picker


def show_recordings(window: EvidenceWindow, recordings: list[Recording]) -> None:
    """Add each recording to the selector; the last one is shown."""
    for recording in recordings:
        window.switcher.add_recording(recording)
        for note in recording.notes:
            window.banner.show_notice("warning", note)


# ---------------------------------------------------------------------- the picker
class ConnectionPicker(QDialog):
    """Which peer connections of a file to open (a browser dump holds one per RTCPeerConnection).

    Args:
        recordings: the file's connections.
        parent: the owning widget.
    """

    chosen = Signal(list)
    """The recordings chosen (when OK is pressed with at least one selected)."""

    def __init__(self, recordings: list[Recording], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recordings = recordings
        self.setObjectName("connection-picker")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("OpenEvidence", "Choose peer connections"))
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.addItems([r.describe() for r in recordings])
        self.list.setCurrentRow(0)
        self.list.setAccessibleName(translate("OpenEvidence", "Peer connections"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        text = translate(
            "OpenEvidence",
            "{0} holds {1} peer connections. Choose one or more (Ctrl+click); each is "
            "shown as a recording.",
        ).format(recordings[0].path.name, len(recordings))
        label = QLabel(text, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 260)

    def accept(self) -> None:
        """Emit the chosen connections, then close."""
        rows = sorted(i.row() for i in self.list.selectedIndexes())
        super().accept()
        if rows:
            self.chosen.emit([self.recordings[r] for r in rows])


# ---------------------------------------------------------------------- recent files
def _evidence(window: EvidenceWindow) -> dict[str, object]:
    return window.prefs.store.section("evidence") if window.prefs is not None else {}


def remember_file(window: EvidenceWindow, path: Path) -> None:
    """Put ``path`` at the top of the files opened, and its folder as the next Open's."""
    if window.prefs is None:
        return
    values = _evidence(window)
    old = values.get("recent_files")
    files = [f for f in old if isinstance(f, str)] if isinstance(old, list) else []
    name = str(path.resolve())
    values["recent_files"] = [name, *[f for f in files if f != name]][:MAX_RECENT_FILES]
    values["open_folder"] = str(path.resolve().parent)
    window.prefs.store.set_section("evidence", values)
    window.prefs.save()


def recent_files(window: EvidenceWindow) -> list[Path]:
    """Files opened (newest first), then the journals of the sessions the window started."""
    if window.prefs is None:
        return []
    stored = _evidence(window).get("recent_files")
    names = [f for f in stored if isinstance(f, str)] if isinstance(stored, list) else []
    names += [e.journal for e in window.prefs.store.recent() if e.journal]
    out: list[Path] = []
    for name in names:
        path = Path(name)
        if path not in out and len(out) < 2 * MAX_RECENT_FILES:
            out.append(path)
    return out


def fill_recent_files(window: EvidenceWindow, menu: QMenu) -> None:
    """List the recent files; a missing one is shown greyed out with the reason."""
    menu.clear()
    paths = recent_files(window)
    if not paths:
        menu.addAction(translate("OpenEvidence", "No recent files")).setEnabled(False)
        return
    for path in paths:
        action = menu.addAction(f"{path.name}  —  {path.parent}")
        if not path.is_file():
            action.setEnabled(False)
            action.setToolTip(translate("OpenEvidence", "{0} no longer exists").format(path))
            continue
        action.triggered.connect(lambda _c=False, p=path: open_path(window, p))


def open_compare(window: EvidenceWindow) -> QWidget:
    """Open the Compare sessions view (non-modal) and return it."""
    from .compare_view import QtCompareView

    view = QtCompareView(window.switcher, window.window())
    view.show()
    return view
