"""Named accessors for the aiortc/aioice private names the engine reads on objects it does not own.

Engine code outside the subclasses never spells a private name inline: it calls one of these,
so each name is read in one place and listed once in
:data:`~icescope.core.ice.private_names.PRIVATE_NAMES`. Reads of stock objects (a degraded
engine, or a stock peer built for comparison) tolerate a missing name and answer "unknown"
(None) instead of raising.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import aioice
    from aioice.ice import CandidatePair
    from aiortc import RTCIceGatherer, RTCIceTransport

# aiortc's name-mangled private slots.
_GATHERER_STATE: Final = "_RTCIceGatherer__state"
_TRANSPORT_STATE: Final = "_RTCIceTransport__state"
_TRANSPORT_SET_STATE: Final = "_RTCIceTransport__setState"
_TRANSPORT_MONITOR: Final = "_RTCIceTransport__monitor_task"


# ---------------------------------------------------------------- aioice.Connection
def nominated(conn: aioice.Connection) -> dict[int, CandidatePair]:
    """Component -> nominated pair (empty before the first nomination and after close)."""
    pairs: dict[int, CandidatePair] = getattr(conn, "_nominated", None) or {}
    return pairs


def selected_pair(conn: aioice.Connection) -> CandidatePair | None:
    """The nominated pair of component 1 (IceScope negotiates bundle and rtcp-mux)."""
    return nominated(conn).get(1)


def check_list(conn: aioice.Connection) -> list[CandidatePair]:
    """Every candidate pair of the connection (kept by aioice after close)."""
    pairs: list[CandidatePair] = list(getattr(conn, "_check_list", None) or [])
    return pairs


def check_list_done(conn: aioice.Connection) -> bool:
    """True once aioice's ``connect()`` saw the check list complete."""
    return bool(conn._check_list_done)


def local_candidates_end(conn: aioice.Connection) -> bool:
    """True once local gathering finished."""
    return bool(conn._local_candidates_end)


def remote_candidates_end(conn: aioice.Connection) -> bool:
    """True once the remote end-of-candidates was added."""
    return bool(conn._remote_candidates_end)


def closing(conn: aioice.Connection) -> bool:
    """True once ``close()`` began."""
    return bool(conn._closing)


def remote_is_lite(conn: aioice.Connection) -> bool:
    """True when the remote agent of ``conn`` is ICE-lite (known once checks started)."""
    return bool(getattr(conn, "remote_is_lite", False))


def set_remote_is_lite(conn: aioice.Connection, lite: bool) -> None:
    """Tell a connection whether the remote agent is ICE-lite (stock sets it in ``start()``)."""
    conn.remote_is_lite = lite


def twin_kwargs(conn: aioice.Connection) -> dict[str, Any]:
    """Constructor arguments that rebuild ``conn``'s configuration and role (no credentials)."""
    return {
        "ice_controlling": conn.ice_controlling,
        "stun_server": conn.stun_server,
        "turn_server": conn.turn_server,
        "turn_username": conn.turn_username,
        "turn_password": conn.turn_password,
        "turn_ssl": conn.turn_ssl,
        "turn_transport": conn.turn_transport,
        "use_ipv4": conn._use_ipv4,
        "use_ipv6": conn._use_ipv6,
        "transport_policy": conn._transport_policy,
    }


# ---------------------------------------------------------------- aiortc ICE objects
def transport_connection(transport: RTCIceTransport) -> aioice.Connection | None:
    """The aioice connection a (stock) ICE transport drives; None if the name is gone."""
    return getattr(transport, "_connection", None)


def role_decided(transport: RTCIceTransport) -> bool:
    """True once the transport's ICE role was set (from the remote's description)."""
    return bool(getattr(transport, "_role_set", False))


def stock_gatherer_state(gatherer: RTCIceGatherer) -> str:
    """Aiortc's own gathering state (``new``/``gathering``/``completed``)."""
    return str(getattr(gatherer, _GATHERER_STATE))


def stock_transport_state(transport: RTCIceTransport) -> str:
    """Aiortc's own transport state (``new``/``checking``/``completed``/``failed``/``closed``)."""
    return str(getattr(transport, _TRANSPORT_STATE))


def set_stock_transport_state(transport: RTCIceTransport, state: str) -> None:
    """Set aiortc's own transport state with its setter.

    It emits ``statechange``; ``closed`` also drops every listener.
    """
    getattr(transport, _TRANSPORT_SET_STATE)(state)


def stock_monitor_task(transport: RTCIceTransport) -> Any:
    """The task aiortc's ``start()`` runs ``_monitor()`` in, or None before it started."""
    return getattr(transport, _TRANSPORT_MONITOR, None)
