"""ManagedIceGatherer: an ``RTCIceGatherer`` whose connection is IceScope's subclass."""

from __future__ import annotations

from typing import Any

from aiortc import RTCIceGatherer

from .connection import IceConnection


class ManagedIceGatherer(RTCIceGatherer):
    """Swap the stock ``aioice.Connection`` for :class:`IceConnection` at construction.

    Safe because no socket exists yet: the stock connection has only been configured.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stock = self._connection
        conn = IceConnection.__new__(IceConnection)
        conn.__dict__.update(stock.__dict__)
        self._connection = conn
