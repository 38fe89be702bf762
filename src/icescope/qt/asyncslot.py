"""A typed wrapper over ``qasync.asyncSlot`` (qasync ships no type hints)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar, cast

from qasync import asyncSlot

_F = TypeVar("_F", bound=Callable[..., Coroutine[Any, Any, None]])


def async_slot(*types: type) -> Callable[[_F], _F]:
    """Decorate a coroutine method as a Qt slot run on the asyncio loop.

    Exceptions raised by the coroutine go to ``sys.excepthook`` (qasync's behaviour), which the
    app turns into a Notice.
    """
    return cast("Callable[[_F], _F]", asyncSlot(*types))
