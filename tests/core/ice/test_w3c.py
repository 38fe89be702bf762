"""Table-driven: generation health -> W3C RTCIceTransportState (webrtc-pc §5.6.6)."""

from __future__ import annotations

import pytest

from icescope.core.ice.consent import ConnectionHealth as H
from icescope.core.ice.consent import MonitoredConnection
from icescope.core.ice.w3c import transport_state


def conn(
    health: H, *, done: bool = True, remote_end: bool = True, was_disconnected: bool = False
) -> MonitoredConnection:
    c = MonitoredConnection(ice_controlling=True)
    c.health = health
    c.connect_done = done
    c._local_candidates_end = True
    c._remote_candidates_end = remote_end
    c.was_disconnected = was_disconnected
    return c


@pytest.mark.parametrize(
    ("active", "pending", "expected"),
    [
        (conn(H.NEW), None, "new"),
        (conn(H.CHECKING), None, "checking"),
        (conn(H.CONNECTED, done=False), None, "connected"),
        (conn(H.CONNECTED, remote_end=False), None, "connected"),  # no end-of-candidates
        (conn(H.CONNECTED), None, "completed"),
        (conn(H.CONNECTED, was_disconnected=True), None, "connected"),
        (conn(H.DISCONNECTED), None, "disconnected"),
        (conn(H.FAILED, done=False), None, "failed"),
        (conn(H.FAILED), None, "failed"),
        (conn(H.CLOSED), None, "closed"),
        # restarts: from completed -> connected, never checking; from down -> checking
        (conn(H.CONNECTED), conn(H.NEW), "completed"),  # gathered, checks not begun
        (conn(H.CONNECTED), conn(H.CHECKING), "connected"),
        (conn(H.CONNECTED), conn(H.CONNECTED), "connected"),  # nominated, not yet promoted
        (conn(H.DISCONNECTED), conn(H.CHECKING), "checking"),
        (conn(H.FAILED), conn(H.CHECKING), "checking"),
        (conn(H.FAILED), conn(H.CONNECTED), "checking"),
        (conn(H.FAILED), conn(H.FAILED), "failed"),  # the restart failed too
    ],
)
def test_transport_state(
    active: MonitoredConnection, pending: MonitoredConnection | None, expected: str
) -> None:
    assert transport_state(active, pending, stopped=False) == expected


def test_stopped_is_closed_whatever_the_health() -> None:
    assert transport_state(conn(H.CONNECTED), conn(H.CHECKING), stopped=True) == "closed"
