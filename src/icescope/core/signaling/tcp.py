"""TCP signaling: newline-delimited JSON messages over one asyncio stream.

One side listens, the other connects (:mod:`.tcplisten`, which checks the token). Both hand the
local :class:`~icescope.core.peer.PeerAgent` a :class:`TcpSignaling` at once; messages sent before
the stream exists are buffered, so starting a session never blocks on the network.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Final

from ..errors import SignalingError
from .base import MAX_MESSAGE_BYTES, decode, encode

if TYPE_CHECKING:
    from collections.abc import Callable

    from .base import Message

logger = logging.getLogger(__name__)

MAX_BACKLOG: Final = 1 << 20
""":meth:`TcpSignaling.send_nowait` refuses messages while this many bytes wait unsent."""


class TcpSignaling:
    """The message channel over one TCP stream (once :meth:`attach` has been called)."""

    def __init__(self) -> None:
        self._ready: asyncio.Future[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = (
            asyncio.get_running_loop().create_future()
        )
        self._pending: list[bytes] = []
        self._closed = False
        self.peer_address = ""
        """``host:port`` of the other end once connected."""
        self.on_channel: Callable[[bool, str], None] | None = None
        """Told ``(True, how)`` when the stream is attached and ``(False, why)`` once when it
        goes away (closed by either side, reset, or never made)."""
        self._told: set[bool] = set()
        self.gone = asyncio.Event()
        """Set once the stream went away (closed by either side, reset, or never made)."""
        self.gone_why = ""
        """Why, in words (once :attr:`gone` is set)."""

    def _tell(self, alive: bool, detail: str) -> None:
        if alive in self._told or (alive and False in self._told):
            return
        self._told.add(alive)
        if not alive:
            self.gone_why = detail
            self.gone.set()
        if self.on_channel is not None:
            self.on_channel(alive, detail)

    # ------------------------------------------------------------------ plumbing
    def attach(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Use this stream from now on and flush everything queued before it existed."""
        if self._ready.done():
            raise RuntimeError("signaling stream already attached")
        peer = writer.get_extra_info("peername")
        self.peer_address = f"{peer[0]}:{peer[1]}" if peer else "?"
        for line in self._pending:
            writer.write(line)
        self._pending.clear()
        self._ready.set_result((reader, writer))
        self._tell(True, f"connected with {self.peer_address}")

    def fail(self, exc: BaseException) -> None:
        """No stream will come: make ``receive`` raise ``exc`` (a ``ConnectionError``)."""
        if not self._ready.done():
            self._ready.set_exception(exc)
            self._tell(False, str(exc))

    @property
    def attached(self) -> bool:
        """True once a stream is attached."""
        return self._ready.done() and not self._ready.exception()

    # ------------------------------------------------------------------ Signaling
    async def connect(self) -> None:
        """Wait until the stream exists.

        Raises:
            ConnectionError: the connection could not be made.
        """
        await self._ready

    async def send(self, message: Message) -> None:
        """Send ``message`` (queued until connected; dropped once closed)."""
        await self.send_raw(encode(message))

    def send_nowait(self, message: Message) -> bool:
        """Write ``message`` now, in order with every other send, without waiting for it to leave.

        Returns False (nothing sent) once closed or while :data:`MAX_BACKLOG` bytes wait.
        """
        if self._closed or self.backlog > MAX_BACKLOG:
            return False
        line = encode(message).encode("utf-8") + b"\n"
        if not self._ready.done():
            self._pending.append(line)
            return True
        if self._ready.exception() is not None:
            return False
        _, writer = self._ready.result()
        if writer.is_closing():
            return False
        writer.write(line)
        return True

    @property
    def backlog(self) -> int:
        """Bytes written but not yet handed to the network (queued before connecting too)."""
        if not self._ready.done():
            return sum(len(line) for line in self._pending)
        if self._ready.exception() is not None:
            return 0
        _, writer = self._ready.result()
        return writer.transport.get_write_buffer_size()

    async def send_raw(self, text: str) -> None:
        """Send one raw line, valid or not (tests of garbage handling)."""
        if self._closed:
            return
        line = text.encode("utf-8") + b"\n"
        if not self._ready.done():
            self._pending.append(line)
            return
        if self._ready.exception() is not None:
            return
        _, writer = self._ready.result()
        if writer.is_closing():
            return
        writer.write(line)
        with contextlib.suppress(ConnectionError):
            await writer.drain()

    async def receive(self) -> Message | None:
        """Next message, or None at end of stream.

        Raises:
            SignalingError: the line was not a valid message (the channel stays usable).
            ConnectionError: the connection could not be made or was reset.
        """
        if self._closed:
            return None
        reader, _ = await self._ready
        while True:
            try:
                line = await reader.readline()
            except ValueError:
                # asyncio discards an over-long line and raises ValueError: report, go on.
                raise SignalingError(
                    f"signaling line longer than {MAX_MESSAGE_BYTES} bytes, ignored"
                ) from None
            except (ConnectionError, OSError) as exc:
                self._tell(False, f"connection lost ({exc.strerror or exc})")
                raise
            if not line:
                self._tell(False, "connection closed by the other side")
                return None
            if line.strip():
                return decode(line.rstrip(b"\r\n"))

    async def close(self) -> None:
        """Close the stream; the other end sees end of stream."""
        if self._closed:
            return
        self._closed = True
        self._tell(False, "closed here")
        if self._ready.done() and self._ready.exception() is None:
            _, writer = self._ready.result()
            writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await writer.wait_closed()
        else:
            self.fail(ConnectionError("signaling closed before it connected"))
            # Nobody may ever await it; keep asyncio from warning about it.
            self._ready.exception()


# Newline-delimited; allow one maximum-size message plus slack per line.
STREAM_LIMIT: Final = MAX_MESSAGE_BYTES + 1024
