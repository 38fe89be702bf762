"""What the probe waits for: checking, connected, a final ``failed``, read from the model.

The connect timeout counts from the start of checking (so a slow signaling path does not eat
into the checks' time, and the checks are judged by the same bound wherever the remote is),
and a final verdict ends the wait at once: ICE ``failed`` before it ever connected, or
``failed`` with no scheduled action left that could change it (an ICE restart).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .events import SessionEvent
    from .session import Session


class Progress:
    """Events set from the session model as the local peer's ICE moves on.

    Args:
        session: the session whose hub to follow (subscribe before it starts).
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self.checking = asyncio.Event()
        """Set once the local peer's ICE went ``checking``."""
        self.connected = asyncio.Event()
        """Set once it reached ``connected``/``completed``."""
        self.failed = asyncio.Event()
        """Set while its ``iceConnectionState`` is ``failed``."""
        session.hub.subscribe(self._on_event)

    def _on_event(self, _event: SessionEvent) -> None:
        local = self._session.model.local
        if local.checking_at is not None:
            self.checking.set()
        if local.connected_at is not None:
            self.connected.set()
        if local.ice.value == "failed":
            self.failed.set()
        else:
            self.failed.clear()

    def failure_reason(self) -> str:
        """Why ICE failed before connecting, in plain words."""
        no_path = self._session.model.local.no_path
        if no_path is not None:
            return no_path.message(no_path.ts)
        return "every connectivity check failed"

    async def until_connected(self, timeout: float) -> str | None:
        """Wait for ``connected``; None when reached, else why not (never raises on timeout).

        ``timeout`` bounds the wait for checking to start (the remote's description), and then
        again the checks themselves, counted from the start of checking.
        """
        if not await _first_of((self.checking, self.failed, self.connected), timeout):
            return f"ICE did not start checking within {timeout:g} s (no remote description)"
        checking_at = self._session.model.local.checking_at
        start = self._session.clock.ts() if checking_at is None else checking_at
        left = start + timeout - self._session.clock.ts()
        if not await _first_of((self.connected, self.failed), max(0.0, left)):
            return (
                f"ICE did not reach connected within {timeout:g} s of the start of checks "
                f"(at {start:.3f} s)"
            )
        if self.connected.is_set():
            return None
        return f"ICE failed before it ever connected: {self.failure_reason()}"

    async def final_failure(self, actions: Sequence[asyncio.Task[None]]) -> None:
        """Return once ICE is ``failed`` and no scheduled action is left to change that."""
        if actions:
            await asyncio.wait(actions)
        await self.failed.wait()


async def _first_of(events: Sequence[asyncio.Event], timeout: float) -> bool:
    """True as soon as one of ``events`` is set; False after ``timeout`` seconds."""
    waiters = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        done, _ = await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
    return bool(done)
