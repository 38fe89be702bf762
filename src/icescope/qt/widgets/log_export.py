"""Writing the event log's shown events to a file (JSON Lines or CSV), with or without a dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ...core.eventlog import EventLog
from ..i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from ..models.event_log_model import EventLogModel

EXPORT_FORMATS = {
    "jsonl": QT_TRANSLATE_NOOP("EventLogView", "JSON Lines (*.jsonl)"),
    "csv": QT_TRANSLATE_NOOP("EventLogView", "CSV (*.csv)"),
}
"""Export formats and their file-dialog filters."""


class ExportPlace(Protocol):
    """Where the save dialog starts, and remembering where the file went."""

    def proposal(self, fmt: str) -> str:
        """The path the save dialog starts with."""
        ...

    def remember(self, path: Path) -> None:
        """Keep ``path``'s folder for the next export."""
        ...


class ExportingView(Protocol):
    """What an export needs of the event log view: its model, its place, where problems go."""

    model: EventLogModel
    location: ExportPlace | None

    @property
    def problem(self) -> SignalInstance:
        """Emitted with a readable line when an export fails."""
        ...


def export_events(model: EventLogModel, path: Path, fmt: str) -> int:
    """Write ``model``'s shown events to ``path`` as ``fmt``; return how many (see QtEventLog)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use jsonl or csv")
    model.flush()
    events = model.visible_events()
    # The core owns the formats, so exports match the journal and the probe output.
    serialiser = EventLog(maxlen=1)
    text = serialiser.to_jsonl(events) if fmt == "jsonl" else serialiser.to_csv(events)
    path.write_text(text, encoding="utf-8")
    return len(events)


def export_with_dialog(view: ExportingView, fmt: str, parent: QWidget) -> None:
    """Ask for a file name, then export ``view``'s shown events; failures go to its problem.

    Args:
        view: the event log whose shown events are written.
        fmt: ``jsonl`` or ``csv``.
        parent: the widget the save dialog belongs to (the view itself).
    """
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog  # on use: its type costs the start-up ~0.5 ms

    location = view.location
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("EventLogView", "Export events shown"),
        location.proposal(fmt) if location is not None else f"icescope-events.{fmt}",
        translate("EventLogView", EXPORT_FORMATS[fmt]),
    )
    if not name:
        return
    try:
        export_events(view.model, Path(name), fmt)
    except OSError as exc:
        view.problem.emit(
            translate("EventLogView", "Could not export to {0}: {1}").format(
                name, exc.strerror or exc
            )
        )
    else:
        if location is not None:
            location.remember(Path(name))
