"""Where exports go: the last folder used (settings file) and a name with the session's date.

The event log's *Export…* asks where to save; it proposes
``icescope-events-<session date>-<time>.<format>`` in the folder the last export went to,
remembered in the settings file's ``evidence`` section (a folder path, nothing else).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .models.event_log_model import EventLogModel
    from .preferences import WindowPreferences


class ExportingWindow(Protocol):
    """What the export location needs of the window: its settings file and its log."""

    prefs: WindowPreferences | None
    log_model: EventLogModel


class ExportLocation:
    """Proposes export file names and remembers the folder chosen.

    Args:
        window: whose shown session dates the name, and whose settings file remembers.
    """

    def __init__(self, window: ExportingWindow) -> None:
        self.window = window

    def folder(self) -> Path | None:
        """The folder the last export went to, when it still exists."""
        prefs = self.window.prefs
        if prefs is None:
            return None
        folder = prefs.store.section("evidence").get("export_folder")
        return Path(folder) if isinstance(folder, str) and Path(folder).is_dir() else None

    def session_start(self) -> float | None:
        """Wall time of the shown session's first event (None before any)."""
        events = self.window.log_model.events()
        return events[0].wall if events else None

    def proposal(self, fmt: str) -> str:
        """The path the save dialog starts with."""
        start = self.session_start()
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(start))
        name = f"icescope-events-{stamp}.{fmt}"
        folder = self.folder()
        return str(folder / name) if folder is not None else name

    def remember(self, path: Path) -> None:
        """Keep ``path``'s folder for the next export (saved at once)."""
        prefs = self.window.prefs
        if prefs is None:
            return
        values = prefs.store.section("evidence")
        values["export_folder"] = str(path.resolve().parent)
        prefs.store.set_section("evidence", values)
        prefs.save()
