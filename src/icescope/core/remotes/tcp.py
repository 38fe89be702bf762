"""Another IceScope as the remote, over TCP signaling (``tcp-listen`` / ``tcp-connect``).

The connecting side offers and the listening side answers, so two probes started in either
order agree on roles without glare (aiortc has no rollback, ice-engine.md §3.8). Each side
relays its own peer's facts to the other (:mod:`~icescope.core.relay`), so each shows the
other's real states, and publishes the TCP connection's liveness as a ``RemoteChannel``.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from ..config import parse_hostport
from ..relay import Relay
from ..signaling.tcp import TcpListener, TcpSignaling, connect_tcp
from .base import RemoteContext, RemoteLink

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..config import Settings


def _address(settings: Settings) -> tuple[str, int]:
    assert settings.remote_address is not None  # checked by Settings
    return parse_hostport(settings.remote_address)


def _wire(signaling: TcpSignaling, context: RemoteContext) -> Callable[[], None]:
    """Publish the channel's liveness and relay the local peer's facts; return the undo."""
    signaling.on_channel = context.channel_watcher("tcp")
    if context.subscribe is None:
        return lambda: None
    return context.subscribe(Relay(signaling))


async def open_tcp_listen(settings: Settings, context: RemoteContext) -> RemoteLink:
    """Listen for one IceScope peer; it will offer, we answer.

    Raises:
        ConfigError: the address cannot be bound.
    """
    host, port = _address(settings)

    def on_peer(address: str) -> None:
        context.notice("info", "peer-connected", f"signaling peer connected from {address}")

    listener = TcpListener(on_peer)
    await listener.start(host, port)
    unrelay = _wire(listener.signaling, context)

    async def close() -> None:
        unrelay()
        await listener.close()

    bound_host, bound_port = listener.address
    context.listening(f"tcp://{bound_host}:{bound_port}", "waiting for an IceScope peer")
    return RemoteLink(
        signaling=listener.signaling,
        local_offers=False,
        description=f"IceScope peer over TCP signaling (listening on {bound_host}:{bound_port})",
        close=close,
    )


async def open_tcp_connect(settings: Settings, context: RemoteContext) -> RemoteLink:
    """Connect to a listening IceScope (retrying for a while); we offer."""
    host, port = _address(settings)
    signaling = TcpSignaling()
    unrelay = _wire(signaling, context)
    task = asyncio.get_running_loop().create_task(connect_tcp(host, port, signaling))

    async def close() -> None:
        unrelay()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await signaling.close()

    return RemoteLink(
        signaling=signaling,
        local_offers=True,
        description=f"IceScope peer over TCP signaling ({host}:{port})",
        close=close,
    )
