"""Run an ICE generation's checks and return as soon as it is usable.

aioice's ``connect()`` paces its checks with a 20 ms sleep and only notices a completed check
list on its next wake-up, so it returns up to 20 ms after the last component was nominated.
Waiting for it would delay promoting a restart's generation (and so the moment data moves to
the new pair) for nothing: RFC 8445 §8.1.1 makes a nominated pair usable at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from .consent import ConnectionHealth

if TYPE_CHECKING:
    from .consent import MonitoredConnection

logger = logging.getLogger(__name__)


async def connect_until_usable(
    conn: MonitoredConnection, background: set[asyncio.Task[None]]
) -> None:
    """Start ``conn.connect()``; return once every component is nominated, or it ends.

    The rest of ``connect()`` (cancelling spare checks, starting consent) goes on in a task
    added to ``background``, which the owner awaits when it stops.

    Raises:
        ConnectionError: the checks failed before the generation became usable.
    """
    loop = asyncio.get_running_loop()
    usable: asyncio.Future[None] = loop.create_future()
    owner = conn.on_change

    def changed() -> None:
        # Health turns CONNECTED exactly when every component has a nominated pair.
        if conn.health is ConnectionHealth.CONNECTED and not usable.done():
            usable.set_result(None)
        if owner is not None:
            owner()

    conn.on_change = changed
    checks = loop.create_task(conn.connect())
    try:
        await asyncio.wait((checks, usable), return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:
        checks.cancel()
        with contextlib.suppress(asyncio.CancelledError, ConnectionError):
            await checks
        raise
    finally:
        if conn.on_change is changed:
            conn.on_change = owner
        usable.cancel()
    if checks.done():
        checks.result()  # raises ConnectionError on failure
        return
    background.add(checks)
    checks.add_done_callback(lambda task: _finished(task, background))


def _finished(task: asyncio.Task[None], background: set[asyncio.Task[None]]) -> None:
    background.discard(task)
    if not task.cancelled() and task.exception() is not None:
        # After nomination, connect() only fails if the connection closed meanwhile.
        logger.debug("checks ended after nomination: %r", task.exception())
