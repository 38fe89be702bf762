"""Apply a network impairment to one peer's ICE sockets and publish it as a fact."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ConfigError
from .events import Impairment
from .faults import validate_impairment

if TYPE_CHECKING:
    from collections.abc import Callable

    from .clock import SessionClock
    from .events import Peer, SessionEvent
    from .peer import PeerAgent


def impair(
    peer: Peer,
    agent: PeerAgent | None,
    kind: str,
    direction: str,
    value: float,
    *,
    clock: SessionClock,
    publish: Callable[[SessionEvent], None],
    started: bool,
) -> None:
    """Impair ``agent``'s sockets (see :meth:`icescope.core.session.Session.impair`).

    Raises:
        ConfigError: bad kind, direction or value; no such peer in this process; the peer is
            closed; or the engine cannot impair it (the capability's reason).
    """
    validate_impairment(kind, direction, value)
    if agent is None or agent.closed or agent.closing:
        if not started:
            why = "error:impair-peer.not-started"
        elif agent is None:
            why = "error:impair-peer.elsewhere"
        else:
            why = "error:impair-peer.closed"
        raise ConfigError.of(
            "error:impair-peer", peer=_peer_word(peer), why={"key": why, "args": {}}
        )
    refused = agent.pc.capabilities.impair
    if refused is not None:
        raise ConfigError.of(
            "error:impair-peer",
            peer=_peer_word(peer),
            why={"key": "error:impair-peer.refused", "args": {"refused": refused}},
        )

    def announce(kind: str, *, active: bool) -> None:
        ts, wall = clock.stamp()
        publish(
            Impairment(
                ts=ts,
                wall=wall,
                peer=peer,
                kind=kind,
                direction=direction,
                value=float(value),
                active=active,
            )
        )

    faults = agent.faults
    if kind == "blackout":
        ended = (lambda: announce("blackout", active=False)) if value > 0 else None
        faults.blackout(direction, value, on_end=ended)
    elif kind == "loss":
        faults.loss(value, direction)
    elif kind == "delay":
        faults.delay(value, direction)
    else:
        faults.clear(direction)
    announce(kind, active=kind != "clear")


def _peer_word(peer: Peer) -> dict[str, object]:
    """``local`` or ``remote`` as a nested phrase (said in the reader's language)."""
    key = "phrase:peer-local" if peer.value == "local" else "phrase:peer-remote"
    return {"key": key, "args": {}}
