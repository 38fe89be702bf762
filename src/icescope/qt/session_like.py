"""SessionLike: what the window needs of a session (the core ``Session`` is one).

Reads go through ``model`` (the fold of the session's events), ``capabilities`` and a few
values fixed at start; everything else is a command. The window never reaches into peers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from ..core.clock import SessionClock
    from ..core.config import Settings
    from ..core.eventlog import EventLog
    from ..core.events import Peer
    from ..core.hub import EventHub
    from ..core.ice.capabilities import Capabilities
    from ..core.journal import Journal
    from ..core.model import SessionModel
    from ..core.states import Provenance


class SessionLike(Protocol):
    """The session as the window uses it."""

    settings: Settings
    hub: EventHub
    model: SessionModel
    clock: SessionClock
    remote_description: str
    remote_text: tuple[str, dict[str, Any]]
    """The remote's description as a core text (template key, arguments)."""
    log: EventLog
    journal: Journal | None
    """Every event of the session (for reports: statistics included)."""
    before_summary: list[Callable[[Any], None]]
    """Called once the session ended, before its summary (a scenario's verdicts)."""

    @property
    def capabilities(self) -> Capabilities:
        """What the engine can do (None per feature = available, else why not)."""
        ...

    @property
    def journal_path(self) -> Path | None:
        """Where the journal is written, if anywhere."""
        ...

    @property
    def ended(self) -> bool:
        """True once the session was closed."""
        ...

    async def start(self) -> None:
        """Open the journal, create the peers and start negotiating."""

    async def wait_connected(self, timeout: float) -> bool:
        """Wait (bounded) until the local peer's ICE is up; False on timeout."""
        ...

    def summary(self) -> dict[str, Any]:
        """The summary as the model knows it now."""
        ...

    async def close(self, cause: Provenance = ...) -> dict[str, Any]:
        """Close everything (``cause``: why, ``local-close`` by default); return the summary."""
        ...

    async def restart_ice(self) -> None:
        """Restart ICE from the local peer."""

    def impair(self, peer: Peer, kind: str, *, direction: str = ..., value: float = ...) -> None:
        """Impair one peer's ICE sockets, or clear it."""

    def paste_remote(self, text: str) -> str:
        """Apply a pasted remote description; return its type."""
        ...

    def notice(self, level: str, code: str, message: str | None = None, /) -> None:
        """Publish a user-facing notice (the window's own words, already translated)."""
