"""Conditions: problem notices open, the events that end them close them (pure fold)."""

from __future__ import annotations

from icescope.core.events import (
    CallStarted,
    IceRestart,
    Impairment,
    Notice,
    Peer,
    StateChanged,
)
from icescope.core.model import SessionModel
from icescope.core.states import Machine

_R = {"old_ufrag": "a", "new_ufrag": "b", "initiator": "local"}


def _notice(ts: float, code: str, level: str = "warning") -> Notice:
    return Notice(ts=ts, wall=ts, peer=Peer.LOCAL, level=level, code=code, message=code)


def test_each_problem_closes_with_its_ending_event_and_others_stay() -> None:
    model = SessionModel()
    for code in ("impair-rejected", "paste-rejected", "restart-failed", "journal"):
        model.apply(_notice(1.0, code, "error"))
    model.apply(_notice(1.1, "signaling-retrying"))
    assert list(model.conditions.active) == [
        "impair-rejected", "paste-rejected", "restart-failed", "journal", "signaling-retrying"
    ]  # fmt: skip
    version = model.conditions.version
    model.apply(_notice(1.2, "tick", "info"))  # nothing ends, nothing opens
    assert model.conditions.version == version

    model.apply(Impairment(ts=2.0, wall=2.0, peer=Peer.LOCAL, kind="delay", value=20))
    assert "impair-rejected" not in model.conditions.active
    model.apply(_notice(2.5, "signaling-lost", "error"))  # gave up: retrying ends, lost opens
    assert "signaling-retrying" not in model.conditions.active
    assert list(model.conditions.active)[-1] == "signaling-lost"
    model.apply(
        StateChanged(
            ts=3.0,
            wall=3.0,
            peer=Peer.LOCAL,
            machine=Machine.ICE,
            previous="checking",
            state="connected",
        )
    )
    assert "paste-rejected" not in model.conditions.active
    model.apply(IceRestart(ts=4.0, wall=4.0, peer=Peer.LOCAL, phase="start", **_R))
    assert "restart-failed" in model.conditions.active  # only a completed restart ends it
    model.apply(IceRestart(ts=4.1, wall=4.1, peer=Peer.LOCAL, phase="complete", **_R))
    assert list(model.conditions.active) == ["journal", "signaling-lost"]
    assert model.conditions.version > version
    model.apply(_notice(5.0, "redialing"))
    model.apply(
        CallStarted(ts=6.0, wall=6.0, peer=Peer.LOCAL, number=2, reason="redialed", detail="")
    )
    assert list(model.conditions.active) == ["journal"]  # the remote is back
