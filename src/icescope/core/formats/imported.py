"""What an import gives: the file's connections, notes about it, and its events on demand."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from ..events import SessionEvent

Tagged = tuple[str | None, "SessionEvent"]
"""An event and the peer connection it came from (None for IceScope's own sessions)."""


@dataclass(slots=True)
class Imported:
    """One readable evidence file.

    ``events()`` reads (or re-reads) the file lazily, so a 24-hour dump never sits in memory
    as a list of events; fold it into a :class:`~icescope.core.model.SessionModel` as it comes.
    """

    format: str
    """``journal``, ``rtcstats`` or ``webrtc-internals``."""
    path: Path
    connections: tuple[str, ...] = ()
    """The browser's peer-connection ids, in order; empty for IceScope's own sessions."""
    notes: list[str] = field(default_factory=list)
    """Facts about the file a reader must know (truncated series, an older format)."""
    metadata: dict[str, Any] = field(default_factory=dict)
    reader: Callable[[str | None], Iterator[Tagged]] | None = None

    @property
    def tagged(self) -> bool:
        """True when lines must say which peer connection they belong to (several)."""
        return len(self.connections) > 1

    def events(self, pc: str | None = None) -> Iterator[Tagged]:
        """Every event in file order, or only those of peer connection ``pc``.

        Raises:
            FormatError: the file is damaged further in (a bad line, a cut gzip stream).
        """
        assert self.reader is not None
        return self.reader(pc)
