"""``async_slot``: a coroutine method as a Qt slot that runs on the (qasync) asyncio loop.

qasync ships ``asyncSlot`` for this, but importing qasync pulls in asyncio (~70 ms here), and
the window's modules must stay cheap to import: the window is shown before the event loop
exists (see :func:`icescope.qt.app.run_gui`). So asyncio is imported when a slot first fires,
by which time the loop is running and asyncio is loaded anyway.
"""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import Slot

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Callable, Coroutine

_F = TypeVar("_F", bound="Callable[..., Coroutine[Any, Any, None]]")

_running: set[asyncio.Task[None]] = set()
"""Tasks of slots still running. The loop keeps only weak references to tasks, and Qt drops
the slot's return value, so without this a slot awaiting an otherwise unreferenced future
could be garbage-collected mid-way."""


def _finished(task: asyncio.Task[None]) -> None:
    # As qasync's asyncSlot: an exception goes to sys.excepthook, which the app turns into a
    # Notice (qt/errors.py); a cancelled slot is not an error.
    _running.discard(task)
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def async_slot(*types: type) -> Callable[[_F], _F]:
    """Decorate a coroutine method as a Qt slot with the signal's argument ``types``.

    Calling the slot schedules the coroutine on the running loop and returns its task.
    Exceptions raised by the coroutine go to ``sys.excepthook``.
    """

    def decorate(method: _F) -> _F:
        @Slot(*types)
        @functools.wraps(method)
        def slot(*args: Any) -> asyncio.Task[None]:
            import asyncio

            task = asyncio.ensure_future(method(*args))
            _running.add(task)
            task.add_done_callback(_finished)
            return task

        return cast("_F", slot)

    return decorate
