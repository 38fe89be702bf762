"""What the probe lets other features do around its session (scenarios, JUnit, metrics).

A hook is told when the session is about to start (metrics start serving), when it connected
(a scenario schedules its timeline) and when it ended (expectations are judged and printed,
figures pushed); it may turn the exit code into 3 (an expectation failed). The probe itself
stays one loop: ``run_probe`` calls the hooks in order and knows nothing else about them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Callable

    from .session import Session


class ProbeHook(Protocol):
    """Called by :func:`icescope.core.probe.run_probe` at three points of a session."""

    async def start(self, session: Session) -> None:
        """Before the session starts.

        Raises:
            IceScopeError: the hook cannot run (the probe then exits 1, as for a start failure).
        """

    def connected(self, session: Session) -> list[asyncio.Task[None]]:
        """Once the local peer connected: tasks to cancel when the session ends."""

    async def finish(
        self, session: Session, code: int, emit: Callable[[dict[str, Any]], None]
    ) -> int:
        """After the session closed, before the summary line; return the exit code.

        Print with ``emit``; return ``code``, or 3 when an expectation failed.
        """
