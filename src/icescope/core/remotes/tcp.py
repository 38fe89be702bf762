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

from ..relay import Relay
from ..signaling.tcp import TcpSignaling
from ..signaling.tcplisten import TcpListener, connect_tcp
from ..tcpaddress import TcpAddress, exposed, new_token, parse_tcp_address
from ..texts import render, said
from .base import RemoteContext, RemoteLink
from .redial import keep_dialing

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..config import Settings


def _address(settings: Settings) -> TcpAddress:
    assert settings.remote_address is not None  # checked by Settings
    listen = settings.mode == "tcp-listen"
    return parse_tcp_address(
        settings.remote_address, flag="--listen" if listen else "--connect", need_token=not listen
    )


def _wire(signaling: TcpSignaling, context: RemoteContext) -> Callable[[], None]:
    """Publish the channel's liveness and relay the local peer's facts; return the undo."""
    signaling.on_channel = context.channel_watcher("tcp")
    if context.subscribe is None:
        return lambda: None
    return context.subscribe(Relay(signaling))


async def open_tcp_listen(settings: Settings, context: RemoteContext) -> RemoteLink:
    """Listen for one IceScope peer holding the token; it will offer, we answer.

    The listening URL (``tcp://HOST:PORT/?token=T``) is what the other side connects with.

    Raises:
        ConfigError: the address cannot be bound.
    """
    address = _address(settings)
    token = address.token or new_token()

    def on_peer(peer: str) -> None:
        context.notice("info", "peer-connected", address=peer)

    def on_refused(peer: str, why: str) -> None:
        context.notice("warning", "peer-refused", address=peer, why=why)

    listener = TcpListener(token, on_peer, on_refused)
    await listener.start(address.host, address.port)
    unrelay = _wire(listener.signaling, context)
    new_call = context.new_call
    if context.reconnect and new_call is not None:

        async def next_peer(fresh: TcpSignaling) -> None:
            def wire() -> None:
                nonlocal unrelay
                unrelay()
                unrelay = _wire(fresh, context)

            await new_call(fresh, "peer-accepted", "the next IceScope peer holding the token", wire)

        listener.on_next = next_peer

    async def close() -> None:
        unrelay()
        await listener.close()

    bound_host, bound_port = listener.address
    bound = TcpAddress(bound_host, bound_port, token)
    context.listening(bound.url(token), "waiting for an IceScope peer (give it this URL)")
    if exposed(address.host):
        context.notice("warning", "tcp-exposed", address=address.shown)
    text = said("remote:tcp.listen", address=bound.shown)
    return RemoteLink(
        signaling=listener.signaling,
        local_offers=False,
        description=render(*text),
        text=text,
        close=close,
    )


async def open_tcp_connect(settings: Settings, context: RemoteContext) -> RemoteLink:
    """Connect to a listening IceScope with its token (retrying for a while); we offer."""
    address = _address(settings)
    assert address.token is not None  # need_token
    signaling = TcpSignaling()
    current = signaling
    unrelay = _wire(signaling, context)

    def on_retry(why: str, timeout: float) -> None:
        context.notice(
            "warning", "signaling-retrying", address=address.shown, why=why, timeout=f"{timeout:g}"
        )

    async def connect() -> None:
        token = address.token
        assert token is not None
        if await connect_tcp(address.host, address.port, signaling, token, on_retry=on_retry):
            context.notice("info", "signaling-connected", address=address.shown)

    loop = asyncio.get_running_loop()
    tasks = [loop.create_task(connect())]

    def wire(fresh: TcpSignaling) -> None:
        nonlocal unrelay, current
        unrelay()
        unrelay = _wire(fresh, context)
        current = fresh
        assert fresh.on_channel is not None
        fresh.on_channel(True, f"connected with {fresh.peer_address}")  # attached unwired

    if context.reconnect and context.new_call is not None:
        tasks.append(loop.create_task(keep_dialing(address, signaling, context, wire)))

    async def close() -> None:
        unrelay()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await current.close()

    text = said("remote:tcp.connect", address=address.shown)

    return RemoteLink(
        signaling=signaling,
        local_offers=True,
        description=render(*text),
        text=text,
        close=close,
    )
