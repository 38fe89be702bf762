"""Shared checks for imports: fold into a model, read state sequences."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from icescope.core.events import StateChanged, StatsSample
from icescope.core.formats import open_evidence
from icescope.core.model import SessionModel

if TYPE_CHECKING:
    from pathlib import Path

    from icescope.core.events import SessionEvent


def events_of(path: Path, pc: str | None = None) -> list[SessionEvent]:
    return [e for _, e in open_evidence(path).events(pc)]


def fold(events: list[SessionEvent]) -> SessionModel:
    model = SessionModel()
    for event in events:
        model.apply(event)
    return model


def states(events: list[SessionEvent]) -> list[tuple[str, str, str, str]]:
    return [
        (e.peer.value, e.type, e.previous, e.state) for e in events if isinstance(e, StateChanged)
    ]


def kinds(events: list[SessionEvent], kind: str) -> list[Any]:
    return [e for e in events if e.type == kind]


def stats(events: list[SessionEvent]) -> list[StatsSample]:
    return [e for e in events if isinstance(e, StatsSample)]
