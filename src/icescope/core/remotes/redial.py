"""Redialing: a long-running connecting IceScope reaches its listener again when it goes away.

When the TCP signaling stream to the listener ends (the other IceScope exited, was killed or
restarted) or the first dial failed, the connector dials again on a bounded, backed-off
schedule: after :data:`FIRST_DELAY` s, doubling up to :data:`MAX_DELAY` s between rounds, each
round dialing for up to :data:`ROUND_TIMEOUT` s. Every round is said in a ``redialing`` notice
(what went away, which round, when the next one is due); a round that reaches the listener
begins a new call (``redialed``) and starts the schedule over.
"""

from __future__ import annotations

import asyncio
import functools
from typing import TYPE_CHECKING, Final

from ..errors import IceScopeError
from ..signaling.tcp import TcpSignaling
from ..signaling.tcplisten import connect_tcp

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..tcpaddress import TcpAddress
    from .base import RemoteContext

FIRST_DELAY: Final = 0.5
"""Seconds before the first redial round."""
MAX_DELAY: Final = 30.0
"""The longest wait between two rounds."""
ROUND_TIMEOUT: Final = 3.0
"""Seconds one round keeps trying to connect (every 0.2 s) before it gives up."""
MAX_ROUNDS: Final = 1_000_000
"""A bound on the loop (at :data:`MAX_DELAY` apart, about a year)."""


def delay(round_number: int) -> float:
    """Seconds to wait before round ``round_number`` (1-based) of one outage."""
    return float(min(MAX_DELAY, FIRST_DELAY * 2.0 ** min(round_number - 1, 16)))


async def keep_dialing(
    address: TcpAddress,
    first: TcpSignaling,
    context: RemoteContext,
    wire: Callable[[TcpSignaling], None],
) -> None:
    """Redial ``address`` each time the current stream goes away, until cancelled.

    Args:
        address: the listener (with its token).
        first: the stream of the first call.
        context: the session (its ``new_call`` begins each new call).
        wire: connects a new call's channel to the session (relay, liveness); called from
            the new call's ``prepare``.
    """
    assert address.token is not None
    assert context.new_call is not None
    current, outage = first, 0
    for _ in range(MAX_ROUNDS):
        await current.gone.wait()
        outage += 1
        wait = delay(outage)
        after = delay(outage + 1) if wait < MAX_DELAY else MAX_DELAY
        context.notice(
            "warning",
            "redialing",
            address=address.shown,
            why=current.gone_why,
            wait=f"{wait:g}",
            round=str(outage),
            timeout=f"{ROUND_TIMEOUT:g}",
            after=f"{after:g}",
        )
        await asyncio.sleep(wait)
        fresh = TcpSignaling()
        await connect_tcp(address.host, address.port, fresh, address.token, timeout=ROUND_TIMEOUT)
        if not fresh.attached:
            current = fresh  # gone already: the next round's notice says why
            continue
        try:
            await context.new_call(
                fresh,
                "redialed",
                f"the listener {address.shown} answered again (after {outage} round"
                f"{'' if outage == 1 else 's'})",
                functools.partial(wire, fresh),
            )
        except IceScopeError:
            await fresh.close()
            return  # the session is closing
        current, outage = fresh, 0
