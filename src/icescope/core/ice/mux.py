"""GenerationMux: one receive queue fed by every ICE generation of a transport."""

from __future__ import annotations

import asyncio


class GenerationMux:
    """What ``RTCDtlsTransport`` reads from: datagrams of any generation, in arrival order.

    Keeps aioice's ``recv()`` semantics: a lost selected-pair socket or a closed transport
    raises ``ConnectionError`` (which ends DTLS, as with stock aiortc).
    """

    def __init__(self) -> None:
        self._queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        self._closed = False

    def feed(self, data: bytes, component: int) -> None:
        """Queue one datagram (called by every generation's ``data_received``)."""
        self._queue.put_nowait(data)

    def lose(self) -> None:
        """The socket under the selected pair died: wake and fail every reader."""
        self._queue.put_nowait(None)

    def close(self) -> None:
        """No more data: pending and later reads raise ``ConnectionError``."""
        self._closed = True
        self._queue.put_nowait(None)

    async def recv(self) -> bytes:
        """The next datagram.

        Raises:
            ConnectionError: the transport closed or its selected pair's socket died.
        """
        if self._closed:
            raise ConnectionError("Connection lost while receiving data")
        data = await self._queue.get()
        if data is None:
            self._queue.put_nowait(None)  # wake every other reader too
            raise ConnectionError("Connection lost while receiving data")
        return data
