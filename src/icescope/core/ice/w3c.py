"""The W3C ``RTCIceTransportState`` of a transport, from the health of its generations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .consent import ConnectionHealth
from .internals import check_list_done, local_candidates_end, remote_candidates_end

if TYPE_CHECKING:
    from .consent import MonitoredConnection

_IN_PROGRESS = (ConnectionHealth.CHECKING, ConnectionHealth.CONNECTED)


def transport_state(
    active: MonitoredConnection, pending: MonitoredConnection | None, *, stopped: bool
) -> str:
    """Map the active (and any restart) generation onto webrtc-pc §5.6.6.

    Args:
        active: the generation carrying data.
        pending: a restart generation not yet promoted, if any.
        stopped: the transport was stopped.

    Returns:
        One of the seven W3C values.
    """
    if stopped:
        return "closed"
    health = active.health
    # A restart generation counts from its first check until it is promoted.
    restarting = pending is not None and pending.health in _IN_PROGRESS
    if health is ConnectionHealth.NEW:
        return "new"
    if health is ConnectionHealth.CHECKING:
        return "checking"
    if health in (ConnectionHealth.DISCONNECTED, ConnectionHealth.FAILED):
        # §5.6.6: a restart begun while disconnected/failed shows checking.
        return "checking" if restarting else health.value
    if health is ConnectionHealth.CONNECTED:
        if restarting:
            return "connected"  # §5.6.6: a restart begun in completed shows connected
        if active.was_disconnected:
            return "connected"  # recovery reports connected, as libwebrtc does
        # completed = checks done + local gathering complete + remote end-of-candidates.
        # The check list is done once every component is nominated (aioice's connect()
        # notices only on its next 20 ms tick).
        done = check_list_done(active) and local_candidates_end(active)
        return "completed" if done and remote_candidates_end(active) else "connected"
    return "closed"
