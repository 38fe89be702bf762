"""Meeting over TCP: the listener that admits one peer holding its token, and the connector.

The connecting IceScope's first line is ``{"type": "auth", "token": T}``; the listener answers
``{"type": "welcome"}`` and hands the stream to its :class:`~.tcp.TcpSignaling`, or
``{"type": "refused", "reason": …}`` and closes it. Anything else a connection does before that
(nothing, leaving, garbage, the wrong token) costs the session nothing: the slot stays free.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
from typing import TYPE_CHECKING, Final

from ..errors import ConfigError, IceScopeError, quote
from .base import encode
from .tcp import STREAM_LIMIT, TcpSignaling

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

CONNECT_RETRY: Final = 0.2
"""Seconds between connection attempts while the listener is not up yet."""
DEFAULT_CONNECT_TIMEOUT: Final = 10.0
"""Give up connecting after this many seconds."""
AUTH_TIMEOUT: Final = 5.0
"""Seconds a new connection has to present the token (and a connector to hear back)."""
MAX_UNAUTHENTICATED: Final = 8
"""Connections that may wait to authenticate at once; a new one closes the oldest."""


class TcpListener:
    """Accept exactly one signaling peer on ``host:port``: the first that presents the token.

    A connection must send its ``auth`` line (:func:`auth_line`) within :data:`AUTH_TIMEOUT`;
    one that does not (a port scan, a client that leaves, garbage, the wrong token) is told
    why and closed, and the slot stays free. At most :data:`MAX_UNAUTHENTICATED` connections
    wait to authenticate at once; one more closes the oldest. Once a peer is attached,
    later connections are told and closed: one session has one remote.

    Args:
        token: what a connecting IceScope must present.
        on_peer: told the peer's ``host:port`` once it is attached.
        on_refused: told ``(address, why)`` for every connection turned away.
    """

    def __init__(
        self,
        token: str,
        on_peer: Callable[[str], None] | None = None,
        on_refused: Callable[[str, str], None] | None = None,
    ) -> None:
        self.signaling = TcpSignaling()
        """The channel the authenticated connection feeds."""
        self._token = token
        self._on_peer = on_peer
        self._on_refused = on_refused
        self._server: asyncio.Server | None = None
        self._waiting: dict[asyncio.StreamWriter, None] = {}
        """Connections not yet authenticated, oldest first."""
        self._evicted: set[asyncio.StreamWriter] = set()
        self.refused = 0
        """How many connections were turned away."""
        self.on_next: Callable[[TcpSignaling], Awaitable[None]] | None = None
        """Long-running: once the attached peer's stream went away, the next peer holding the
        token gets a fresh channel, handed to this (a new call) before it is attached."""
        self._stopped = False
        self._switching = False

    @property
    def address(self) -> tuple[str, int]:
        """The bound ``(host, port)``."""
        if self._server is None:
            raise RuntimeError("listener not started")
        sockname = self._server.sockets[0].getsockname()
        return str(sockname[0]), int(sockname[1])

    async def start(self, host: str, port: int) -> None:
        """Bind and start accepting.

        Raises:
            ConfigError: the address cannot be bound (in use, not local, no permission).
        """
        try:
            self._server = await asyncio.start_server(self._accept, host, port, limit=STREAM_LIMIT)
        except OSError as exc:
            raise ConfigError.of(
                "error:listen-failed", host=host, port=str(port), error=str(exc.strerror or exc)
            ) from None

    def _refuse(self, writer: asyncio.StreamWriter, address: str, why: str) -> None:
        self.refused += 1
        with contextlib.suppress(Exception):
            writer.write(encode({"type": "refused", "reason": why}).encode() + b"\n")
        writer.close()
        if self._on_refused is not None:
            self._on_refused(address, why)

    @property
    def _taken(self) -> bool:
        current = self.signaling
        if self.on_next is None:
            return current.attached or current._closed
        return self._stopped or self._switching or (current.attached and not current.gone.is_set())

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        address = f"{peer[0]}:{peer[1]}" if peer else "?"
        if self._taken:
            self._refuse(writer, address, "this IceScope session already has a peer")
            return
        if len(self._waiting) >= MAX_UNAUTHENTICATED:
            # Make room by closing the oldest: a real peer sends its token at once, so a flood
            # of idle connections cannot keep it out.
            oldest = next(iter(self._waiting))
            self._evicted.add(oldest)
            oldest.close()
            del self._waiting[oldest]
        self._waiting[writer] = None
        try:
            why = await self._authenticate(reader)
        finally:
            self._waiting.pop(writer, None)
        if writer in self._evicted:
            self._evicted.discard(writer)
            why = f"more than {MAX_UNAUTHENTICATED} connections waited to authenticate"
        if why is None and self._taken:
            why = "this IceScope session already has a peer"
        if why is not None:
            self._refuse(writer, address, why)
            return
        writer.write(encode({"type": "welcome"}).encode() + b"\n")
        next_call = self.on_next is not None and self.signaling.gone.is_set()
        if next_call and not await self._next_call(writer):
            return
        self.signaling.attach(reader, writer)
        if self._on_peer is not None:
            self._on_peer(self.signaling.peer_address)

    async def _next_call(self, writer: asyncio.StreamWriter) -> bool:
        """A fresh channel and a new call for the next peer; False when none can begin."""
        assert self.on_next is not None
        fresh = TcpSignaling()
        fresh.on_channel = self.signaling.on_channel
        self._switching = True
        try:
            self.signaling = fresh
            await self.on_next(fresh)
        except IceScopeError:
            writer.close()
            return False
        finally:
            self._switching = False
        return True

    async def _authenticate(self, reader: asyncio.StreamReader) -> str | None:
        """None when the first line is an ``auth`` with the token, else why not."""
        try:
            async with asyncio.timeout(AUTH_TIMEOUT):
                line = await reader.readline()
        except TimeoutError:
            return f"no authentication within {AUTH_TIMEOUT:g} s"
        except ValueError:
            return "first line too long"
        except (ConnectionError, OSError) as exc:
            return f"connection lost before authenticating ({exc.strerror or exc})"
        if not line:
            return "left without authenticating"
        return check_auth(line, self._token)

    async def close(self) -> None:
        """Stop listening (the accepted stream is closed by its signaling)."""
        self._stopped = True
        if self._server is not None:
            self._server.close()
            for writer in list(self._waiting):
                writer.close()  # their handshakes end at once (end of stream)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 1.0)
            self._server = None
        await self.signaling.close()


def auth_line(token: str) -> bytes:
    """The first line a connecting IceScope sends."""
    return encode({"type": "auth", "token": token}).encode() + b"\n"


def check_auth(line: bytes, token: str) -> str | None:
    """None when ``line`` is an ``auth`` message carrying ``token``, else why not (in words).

    The token is compared in constant time and never repeated.
    """
    try:
        message = json.loads(line)
    except (ValueError, RecursionError):
        return "not an authentication message (not JSON)"
    if not isinstance(message, dict) or message.get("type") != "auth":
        return "not an authentication message"
    given = message.get("token")
    if not isinstance(given, str) or not hmac.compare_digest(
        given.encode("utf-8", "replace"), token.encode()
    ):
        return "wrong token"
    return None


async def connect_tcp(
    host: str,
    port: int,
    signaling: TcpSignaling,
    token: str,
    *,
    timeout: float | None = None,
    on_retry: Callable[[str, float], None] | None = None,
) -> bool:
    """Connect ``signaling`` to a listener with its ``token``, retrying while it is not up yet.

    Never raises: when ``timeout`` (default :data:`DEFAULT_CONNECT_TIMEOUT`) passes, or the
    listener refuses (a wrong token, a peer already there), ``signaling.receive`` raises a
    ``ConnectionError`` naming the address and the reason.

    Args:
        host: the listener's address.
        port: its port.
        signaling: the channel to attach the connection to.
        token: the listener's token.
        timeout: seconds to keep retrying.
        on_retry: called once, ``(why, timeout)``, when the first attempt failed and retries
            follow (the listener is not up yet).

    Returns:
        True once connected; False when it gave up or was refused.
    """
    timeout = DEFAULT_CONNECT_TIMEOUT if timeout is None else timeout
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    last = "no attempt made"
    # Bounded in time: at most timeout / CONNECT_RETRY attempts.
    while loop.time() < deadline and not signaling._closed:
        try:
            async with asyncio.timeout(max(0.1, deadline - loop.time())):
                reader, writer = await asyncio.open_connection(host, port, limit=STREAM_LIMIT)
        except (OSError, TimeoutError) as exc:
            last = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            if on_retry is not None:
                on_retry(last, timeout)
                on_retry = None  # once: the retrying is one condition
            await asyncio.sleep(CONNECT_RETRY)
            continue
        refused = await _present(reader, writer, token)
        if refused is None:
            signaling.attach(reader, writer)
            return True
        writer.close()
        signaling.fail(ConnectionError(f"{host}:{port} refused this IceScope: {refused}"))
        return False
    signaling.fail(
        ConnectionError(
            f"gave up retrying: could not connect to {host}:{port} within {timeout:g} s ({last})"
        )
    )
    return False


async def _present(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, token: str
) -> str | None:
    """Send the token and read the listener's answer: None when welcomed, else why not."""
    try:
        writer.write(auth_line(token))
        async with asyncio.timeout(AUTH_TIMEOUT):
            await writer.drain()
            line = await reader.readline()
    except TimeoutError:
        return f"no answer to the token within {AUTH_TIMEOUT:g} s"
    except (ValueError, ConnectionError, OSError) as exc:
        return f"connection lost while authenticating ({exc})"
    try:
        answer = json.loads(line) if line.strip() else None
    except (ValueError, RecursionError):
        answer = None
    if isinstance(answer, dict) and answer.get("type") == "welcome":
        return None
    if isinstance(answer, dict) and answer.get("type") == "refused":
        return quote(str(answer.get("reason")), 200)
    return "it did not answer as an IceScope listener"
