"""Read IceScope's own journals (and saved probe output): JSON lines of event records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import source
from .errors import FormatError
from .imported import Imported
from .records import event_from_record

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from .imported import Tagged


def read(path: Path) -> Imported:
    """Open a journal; its events are read when asked for.

    Raises:
        FormatError: unreadable (reading the events raises it for a bad line further in).
    """
    imported = Imported("journal", path)
    imported.reader = lambda pc: _events(path)
    return imported


def _events(path: Path) -> Iterator[Tagged]:
    pending: tuple[int, str] | None = None
    for number, line in source.lines(path):
        if pending is not None:
            yield from _one(path, *pending)
        pending = (number, line)
    if pending is not None:
        number, line = pending
        try:
            yield from _one(path, number, line)
        except FormatError:
            # A torn last line (power loss mid-write) is the only one skipped, and only
            # after whole ones.
            if line.endswith("\n") or number == 1:
                raise


def _one(path: Path, number: int, line: str) -> Iterator[Tagged]:
    try:
        event = event_from_record(source.loads(line))
    except FormatError as exc:
        raise FormatError(f"{path.name}:{number}: {exc}") from None
    if event is not None:
        yield None, event
