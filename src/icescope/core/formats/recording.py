"""A recording: one peer connection of an evidence file, its events and its folded model.

The window shows a recording in the same views as a live session: :func:`read_recordings`
reads the file once, groups its events by peer connection and folds each group into its own
:class:`~icescope.core.model.SessionModel`, exactly as a live session's events are folded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..events import is_periodic
from ..model import SessionModel, verdict
from . import open_evidence

if TYPE_CHECKING:
    from pathlib import Path

    from ..events import SessionEvent


@dataclass(slots=True)
class Recording:
    """One peer connection (or an IceScope session) read from a file."""

    path: Path
    format: str
    """``journal``, ``rtcstats`` or ``webrtc-internals``."""
    pc: str | None
    """The browser's peer-connection id; None for an IceScope journal."""
    events: list[SessionEvent] = field(default_factory=list)
    """What a view replays: every event except periodic samples (statistics, running heartbeat
    counts), of which only each peer's last one is kept, at the end: a 24-hour dump's 86,400
    samples are folded into :attr:`model` (graphs, timeline) but not kept."""
    model: SessionModel = field(default_factory=SessionModel)
    count: int = 0
    """Events read, samples included."""
    notes: tuple[str, ...] = ()
    """Facts about the file a reader must know (truncated series, an older format)."""

    @property
    def name(self) -> str:
        """The file name, with the peer connection when the file holds several."""
        return self.path.name + (f" · {self.pc}" if self.pc else "")

    @property
    def complete(self) -> bool:
        """True when the recording has the session's end (an IceScope journal's end marker)."""
        return self.model.ended

    def describe(self) -> str:
        """One line to choose it by: final ICE state of the local side and the event count."""
        state = self.model.local.ice.value or "no ICE state"
        return f"{self.name} · {state} · {self.count} events"


def read_recordings(path: Path) -> list[Recording]:
    """Every peer connection of ``path`` with events, in the file's order (one for a journal).

    Raises:
        FormatError: the file cannot be read, is none of the formats IceScope reads, is
            damaged further in, or holds no event at all.
    """
    from .errors import FormatError

    imported = open_evidence(path)
    notes = tuple(imported.notes)
    found: list[Recording] = []
    # One pass per connection: its times count from its own start, as ``icescope import
    # --pc`` prints them.
    for pc in imported.connections or (None,):
        recording = Recording(path, imported.format, pc, notes=notes)
        last: dict[tuple[str, str], SessionEvent] = {}
        for _pc, event in imported.events(pc):
            recording.model.apply(event)
            recording.count += 1
            if is_periodic(event):
                last[event.type, event.peer.value] = event
            else:
                recording.events.append(event)
        recording.events += last.values()
        found.append(recording)
    found = [r for r in found if r.events]
    if not found:
        raise FormatError(f"{path.name} holds no session events")
    return found


def verdict_code(model: SessionModel) -> str:
    """The verdict as a stable code the views put in words.

    ``never-connected``, ``never-connected-failed`` (ICE failed before connecting),
    ``connected-then-failed`` (ended failed), ``connected-recovered`` (failed on the way,
    recovered) or ``connected``.
    """
    v = verdict(model)
    if not v.connected:
        return "never-connected-failed" if v.failed_seen else "never-connected"
    if v.ended_failed:
        return "connected-then-failed"
    return "connected-recovered" if v.failed_seen else "connected"
