"""Session → Export report… and Help → Report a problem…: the one-file HTML report.

The report is the core's (``core/formats/report_html.py``): every event of the session with
its statistics, the model's summary and verdict, the configuration without credentials, IP
addresses replaced unless the tester keeps them.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from .i18n import translate

if TYPE_CHECKING:
    from collections.abc import Iterable

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from ..core.events import SessionEvent
    from ..core.model import SessionModel
    from .session_like import SessionLike
    from .session_switcher import Shown

_Child = TypeVar("_Child", bound="QObject")


class ReportWindow(Protocol):
    """What the report entries need of the main window: the session on screen, notices."""

    session: SessionLike | None
    viewing: Shown | None

    def findChild(self, type: type[_Child], /, name: str = ...) -> _Child | None:
        """The child of ``type`` named ``name`` (Qt's ``QObject.findChild``)."""
        ...

    def report(self, level: str, code: str, message: str, shown: str | None = None) -> None:
        """Show a notice (through the session when there is one)."""
        ...

    def window(self) -> QWidget:
        """The top-level widget menu entries and dialogs belong to (the main window itself)."""
        ...


def add_report_menus(window: ReportWindow) -> None:
    """Add *Export report…* to the Session menu and *Report a problem…* to Help."""
    session_menu = window.findChild(QMenu, "session-menu")
    help_menu = window.findChild(QMenu, "help-menu")
    quit_action = window.findChild(QAction, "quit-action")
    if session_menu is None or help_menu is None or quit_action is None:
        return
    export = QAction(translate("ReportMenu", "Export &HTML report…"), window.window())
    export.setObjectName("export-report-action")
    export.setToolTip(
        translate(
            "ReportMenu",
            "One HTML file with the verdict, timeline, events, pairs and configuration "
            "(addresses replaced, no credentials)",
        )
    )
    export.triggered.connect(lambda: export_report_dialog(window))
    session_menu.insertAction(quit_action, export)
    session_menu.insertSeparator(quit_action)
    problem = QAction(translate("ReportMenu", "&Report a problem…"), window.window())
    problem.setObjectName("report-problem-action")
    problem.triggered.connect(lambda: report_problem(window))
    help_menu.addAction(problem)


def report_html(session: SessionLike, *, keep_addresses: bool = False) -> str:
    """The HTML report of ``session`` as it stands now."""
    from ..core.formats.report_html import render, session_config  # on use
    from ..core.recorded import recorded_events

    events, trimmed = recorded_events(session.log, session.journal)
    return render(
        events,
        session.summary(),
        keep_addresses=keep_addresses,
        config=session_config(session.settings),
        trimmed=trimmed,
    )


def write_report(window: ReportWindow, path: Path) -> Path:
    """Write the current session's report to ``path``.

    Raises:
        OSError: the file could not be written.
        LookupError: there is no session to report on.
    """
    shown = window.viewing
    if shown is not None and shown.session is None:  # a recording on screen: report on it
        path.write_text(recording_html(shown.events(), shown.model, shown.now()), encoding="utf-8")
        return path
    session = shown.session if shown is not None else window.session
    if session is None:
        raise LookupError(translate("ReportMenu", "there is no session to report on"))
    path.write_text(report_html(session), encoding="utf-8")
    return path


def recording_html(events: Iterable[SessionEvent], model: SessionModel, end: float) -> str:
    """The HTML report of an opened recording (its events and their fold, as it was at ``end``)."""
    from ..core.formats.report_html import render  # on use
    from ..core.model import summary

    return render(list(events), summary(model, end, None), title="IceScope report of a recording")


def _default_name() -> str:
    return time.strftime("icescope-report-%Y%m%d-%H%M%S.html")


def export_report_dialog(window: ReportWindow) -> None:
    """Ask where to save the report, then write it; a failure becomes a notice."""
    from PySide6.QtWidgets import QFileDialog  # on use: not part of the first frame

    name, _ = QFileDialog.getSaveFileName(
        window.window(),
        translate("ReportMenu", "Export report"),
        _default_name(),
        translate("ReportMenu", "HTML report (*.html)"),
    )
    if name:
        _write_or_say(window, Path(name))


def report_problem(window: ReportWindow) -> Path | None:
    """Write a report of the current session beside its journal and say where it is."""
    session = window.session
    folder = session.journal_path.parent if session and session.journal_path else Path.cwd()
    path = _write_or_say(window, folder / _default_name())
    if path is not None:
        from PySide6.QtWidgets import QMessageBox  # on use: not part of the first frame

        QGuiApplication.clipboard().setText(str(path))
        box = QMessageBox(window.window())
        box.setWindowTitle(translate("ReportMenu", "Report a problem"))
        box.setText(
            translate(
                "ReportMenu",
                "A report of this session was saved as\n{0}\n(the path is on the clipboard). "
                "Attach it to the bug ticket: it holds no credentials, and IP addresses are "
                "replaced.",
            ).format(path)
        )
        box.open()
    return path


def _write_or_say(window: ReportWindow, path: Path) -> Path | None:
    try:
        return write_report(window, path)
    except (OSError, LookupError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        window.report(
            "error",
            "export",
            translate("ReportMenu", "cannot write the report {0}: {1}").format(path, reason),
        )
        return None
