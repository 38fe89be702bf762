"""Expectation verdicts from a session's events and model (a fold of typed events, no peers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from icescope.core.events import HeartbeatCount, IceRestart, Impairment, Peer, StateChanged
from icescope.core.model import SessionModel
from icescope.core.scenario.checks import judge
from icescope.core.scenario.model import Expectation
from icescope.core.states import Machine

if TYPE_CHECKING:
    from icescope.core.events import SessionEvent


def ice(ts: float, previous: str, state: str, peer: Peer = Peer.LOCAL) -> StateChanged:
    return StateChanged(
        ts=ts, wall=ts, peer=peer, machine=Machine.ICE, previous=previous, state=state
    )


def cut(ts: float, active: bool, kind: str = "blackout") -> Impairment:
    return Impairment(
        ts=ts, wall=ts, peer=Peer.REMOTE, kind=kind, direction="both", value=1.0, active=active
    )


OUTAGE: list[SessionEvent] = [
    ice(0.1, "new", "checking"),
    ice(0.2, "checking", "connected"),
    cut(1.0, True),
    ice(3.4, "connected", "disconnected"),
    cut(4.0, False),
    ice(4.05, "disconnected", "connected"),
]


def verdicts(
    events: list[SessionEvent], *expectations: Expectation, end: float = 6.0
) -> list[bool]:
    model = SessionModel()
    for event in events:
        model.apply(event)
    return [o.passed for o in judge(expectations, events, model, end)]


def test_windows_count_a_state_held_across_the_window() -> None:
    inside = Expectation("x", "reaches", state="disconnected", start=3.5, end=3.9)
    before = Expectation("x", "reaches", state="disconnected", start=0, end=3.0)
    never = Expectation("x", "never", state="disconnected", start=4.1)
    never_bad = Expectation("x", "never", state="disconnected", start=3.9, end=4.0)
    assert verdicts(OUTAGE, inside, before, never, never_bad) == [True, False, True, False]


def test_reaction_times_after_cut_and_restore() -> None:
    fast = Expectation("x", "disconnect-after-cut", seconds=2.5)
    slow = Expectation("x", "disconnect-after-cut", seconds=2.0)
    back = Expectation("x", "recover-after-restore", seconds=0.1)
    assert verdicts(OUTAGE, fast, slow, back) == [True, False, True]
    model = SessionModel()
    (outcome,) = judge([slow], OUTAGE, model, 6.0)
    assert "took 2.400 s after the cut at 1.000 s (limit 2 s)" in outcome.message
    assert "3.400 disconnected" in outcome.observed


def test_nothing_to_measure_fails_rather_than_passes() -> None:
    calm = OUTAGE[:2]
    assert verdicts(calm, Expectation("x", "disconnect-after-cut", seconds=5)) == [False]
    assert verdicts(calm, Expectation("x", "recover-after-restore", seconds=5)) == [False]


def test_a_restore_while_still_connected_counts_zero() -> None:
    events = [*OUTAGE[:2], cut(1.0, True), cut(1.5, False)]
    assert verdicts(events, Expectation("x", "recover-after-restore", seconds=0.001)) == [True]


def test_connect_restarts_and_heartbeats() -> None:
    restart = [
        IceRestart(
            ts=5.0,
            wall=5.0,
            peer=Peer.LOCAL,
            phase="start",
            old_ufrag="a",
            new_ufrag="b",
            initiator="local",
        ),
        IceRestart(
            ts=5.1,
            wall=5.1,
            peer=Peer.LOCAL,
            phase="complete",
            old_ufrag="a",
            new_ufrag="b",
            initiator="local",
        ),
    ]
    beats = [
        HeartbeatCount(ts=6, wall=6, peer=Peer.LOCAL, sent=10, received=10, queued=0, final=True),
        HeartbeatCount(ts=6, wall=6, peer=Peer.REMOTE, sent=10, received=9, queued=0, final=True),
    ]
    events = [*OUTAGE, *restart, *beats]
    checks = [
        Expectation("x", "connect-within", seconds=0.2),
        Expectation("x", "connect-within", seconds=0.05),
        Expectation("x", "restarts-completed", count=1),
        Expectation("x", "restarts-completed", count=2),
        Expectation("x", "no-heartbeat-lost"),
    ]
    assert verdicts(events, *checks) == [True, False, True, False, False]
    assert verdicts(OUTAGE, Expectation("x", "no-heartbeat-lost")) == [
        False
    ]  # unknown is not clean
