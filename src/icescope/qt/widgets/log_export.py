"""Writing the event log's shown events to a file (JSON Lines or CSV), with or without a dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.eventlog import EventLog
from ..i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from pathlib import Path

    from ..models.event_log_model import EventLogModel
    from .event_log_view import QtEventLog

EXPORT_FORMATS = {
    "jsonl": QT_TRANSLATE_NOOP("EventLogView", "JSON Lines (*.jsonl)"),
    "csv": QT_TRANSLATE_NOOP("EventLogView", "CSV (*.csv)"),
}
"""Export formats and their file-dialog filters."""


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


def export_with_dialog(view: QtEventLog, fmt: str) -> None:
    """Ask for a file name, then export ``view``'s shown events; failures go to its problem."""
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog  # on use: its type costs the start-up ~0.5 ms

    location = view.location
    name, _ = QFileDialog.getSaveFileName(
        view,
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
