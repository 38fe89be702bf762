"""One ICE restart at a time: requests while one is under way are queued or refused, aloud.

A restart runs from its offer until it completes or is abandoned. Before this, requests that
came faster than that were merged into the pending generation without a word (500 requests
20 ms apart: 12 merged, 5 rejected, and an ``AttributeError`` out of the engine).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from .texts import Notify


class RestartPacer:
    """Runs restarts one after another; at most one waits, later requests are refused.

    Args:
        run: performs one restart (flag it, send the offer).
        in_progress: True while a restart (ours or the remote's) is under way.
        notice: publishes ``(level, code, message)``.
    """

    def __init__(
        self,
        run: Callable[[], Awaitable[None]],
        in_progress: Callable[[], bool],
        notice: Notify,
    ) -> None:
        self._run = run
        self._in_progress = in_progress
        self._notice = notice
        self._busy = False
        self._queued = False
        self._stopped = False
        self._tasks: set[asyncio.Task[None]] = set()

    async def request(self) -> None:
        """Restart now, or queue the request, or refuse it; each said in a notice but the first.

        Raises:
            Exception: what ``run`` raises for a restart started now.
        """
        if self._busy or self._in_progress():
            if self._queued:
                self._notice("warning", "restart-refused")
                return
            self._queued = True
            self._notice("info", "restart-queued")
            return
        self._busy = True
        try:
            await self._run()
        finally:
            if not self._in_progress():  # nothing started, or it is over already
                self.ended()

    def ended(self) -> None:
        """The restart under way ended (completed or abandoned): start the queued one."""
        self._busy = False
        if not self._queued or self._stopped:
            self._queued = False
            return
        self._queued = False
        task = asyncio.get_running_loop().create_task(self._queued_restart())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _queued_restart(self) -> None:
        try:
            await self.request()
        except Exception as exc:  # noqa: BLE001 (said as a notice: the peer closed meanwhile, or the offer failed)
            self._notice("warning", "restart-failed", error=str(exc))

    def stop(self) -> None:
        """Drop the queued request and cancel a queued restart that is starting (closing)."""
        self._stopped = True
        self._queued = False
        for task in list(self._tasks):
            task.cancel()
