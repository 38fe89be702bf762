"""SessionModel: hand-built event sequences (no peers) for every rule it folds."""

from __future__ import annotations

from typing import Any

import pytest

from icescope.core.events import (
    HeartbeatCount,
    IceRestart,
    Impairment,
    Peer,
    RemoteChannel,
    SelectedPairChanged,
    SessionMarker,
    StateChanged,
)
from icescope.core.model import SessionModel, delivery, summary, verdict
from icescope.core.states import Machine, Provenance

L, R = Peer.LOCAL, Peer.REMOTE


def ice(peer: Peer, ts: float, previous: str, state: str, **kw: Any) -> StateChanged:
    return StateChanged(
        ts=ts, wall=1e9 + ts, peer=peer, machine=Machine.ICE, previous=previous, state=state, **kw
    )


def conn(peer: Peer, ts: float, previous: str, state: str, **kw: Any) -> StateChanged:
    return StateChanged(
        ts=ts,
        wall=1e9 + ts,
        peer=peer,
        machine=Machine.CONNECTION,
        previous=previous,
        state=state,
        **kw,
    )


def hb(peer: Peer, ts: float, sent: int, received: int | None, **kw: Any) -> HeartbeatCount:
    return HeartbeatCount(ts=ts, wall=1e9 + ts, peer=peer, sent=sent, received=received, **kw)


def fold(*events: Any) -> SessionModel:
    model = SessionModel()
    for event in events:
        model.apply(event)
    return model


def test_time_in_state_comes_from_event_timestamps_and_counts_the_current_state_to_now() -> None:
    model = fold(
        ice(L, 0.5, "new", "checking", in_previous=0.5),
        ice(L, 0.7, "checking", "connected", in_previous=0.2),
        ice(L, 2.7, "connected", "completed", in_previous=2.0),
    )
    assert model.local.time_in_state(now=4.0) == {
        "new": 0.5,
        "checking": pytest.approx(0.2),
        "connected": 2.0,
        "completed": 1.3,
    }
    assert model.local.in_state_for(now=4.0) == pytest.approx(1.3)
    assert model.local.time_to_connect() == pytest.approx(0.2)
    assert model.local.ice.since == 2.7


def test_a_reported_remote_s_first_state_has_no_known_duration_but_its_current_one_does() -> None:
    # A browser exists before it can report: the time in its first value is unknown.
    model = fold(
        ice(R, 1.0, "new", "checking", in_previous=None),
        ice(R, 1.5, "checking", "connected", in_previous=None),
    )
    assert model.remote.time_in_state(now=3.0) == {"checking": 0.5, "connected": 1.5}


def test_a_remote_whose_report_channel_is_gone_is_stale_not_live() -> None:
    model = fold(
        RemoteChannel(ts=0.1, wall=0, peer=R, channel="websocket", alive=True),
        ice(R, 1.0, "checking", "connected"),
        ice(L, 60.0, "connected", "disconnected"),
        RemoteChannel(
            ts=61.0, wall=0, peer=R, channel="websocket", alive=False, detail="page gone"
        ),
    )
    stale = model.remote.staleness()
    assert stale is not None
    assert stale.reason == "page gone"
    assert stale.last_report == 1.0  # the channel's news is not a report about the peer
    states, why = _final(model)
    assert states["remote"] == "connected"
    assert why["remote"].startswith("stale: last reported at 1.000 s; page gone")


def test_a_closed_remote_is_not_stale_when_its_channel_goes() -> None:
    model = fold(
        ice(R, 1.0, "checking", "connected"),
        conn(R, 2.0, "connected", "closed", provenance=Provenance.PAGE_CLOSED),
        RemoteChannel(ts=2.1, wall=0, peer=R, channel="websocket", alive=False),
    )
    assert model.remote.staleness() is None
    assert model.remote.closed_by is Provenance.PAGE_CLOSED


def test_a_remote_that_reports_nothing_is_unknown_not_new() -> None:
    model = fold(ice(L, 0.2, "new", "checking"), ice(L, 0.4, "checking", "connected"))
    out = summary(model, now=1.0, journal=None)
    assert out["final_state"] == {"local": "connected", "remote": None}
    assert "not observable" in out["state_notes"]["remote"]
    assert "remote" not in out["time_in_state"]


def test_a_session_that_ends_failed_is_a_failed_session() -> None:
    vanished = fold(
        ice(L, 0.1, "new", "connected"),
        ice(L, 3.0, "connected", "disconnected"),
        ice(L, 30.0, "disconnected", "failed"),
        ice(L, 31.0, "failed", "closed", provenance=Provenance.LOCAL_CLOSE),
    )
    assert vanished.local.ended_in == "failed"
    assert verdict(vanished).ended_failed
    recovered = fold(
        ice(L, 0.1, "new", "connected"),
        ice(L, 30.0, "connected", "failed"),
        ice(L, 31.0, "failed", "checking"),
        ice(L, 31.1, "checking", "connected"),
        ice(L, 40.0, "connected", "closed", provenance=Provenance.LOCAL_CLOSE),
    )
    assert verdict(recovered).failed_seen and not verdict(recovered).ended_failed
    never = fold(ice(L, 0.1, "new", "checking"), ice(L, 40.0, "checking", "failed"))
    assert not verdict(never).ended_failed  # never connected: a different verdict (exit 1 too)


def test_close_causes_stay_distinct() -> None:
    model = fold(
        conn(L, 1.0, "connected", "closed", provenance=Provenance.REMOTE_CLOSE),
        ice(L, 1.0, "connected", "closed", provenance=Provenance.REMOTE_CLOSE),
        conn(R, 1.1, "connected", "closed", provenance=Provenance.LOCAL_CLOSE),
    )
    out = summary(model, now=2.0, journal=None)
    assert out["closed_by"] == {"local": "remote-close", "remote": "local-close"}


def test_summary_reads_the_final_states_after_the_closed_events() -> None:
    # Defect 2: the remote's closed events must be folded before the summary is made.
    model = fold(
        ice(L, 0.2, "new", "connected"),
        ice(R, 0.2, "new", "connected"),
        ice(R, 0.9, "connected", "disconnected"),
        ice(L, 1.5, "connected", "closed", provenance=Provenance.LOCAL_CLOSE),
        ice(R, 1.6, "disconnected", "closed", provenance=Provenance.REMOTE_CLOSE),
        SessionMarker(ts=1.7, wall=0, peer=L, phase="end"),
    )
    out = summary(model, now=1.7, journal="j.jsonl")
    assert out["final_state"] == {"local": "closed", "remote": "closed"}
    assert out["events"] == 6
    assert model.ended


def test_loss_is_counted_only_from_both_final_counts() -> None:
    model = fold(hb(L, 1.0, 10, 10, final=True), hb(R, 1.0, 10, 10, final=True))
    assert delivery(model.local, model.remote).lost == 0
    assert delivery(model.remote, model.local).lost == 0
    # The remote sent 10, the local received 9: one lost.
    model = fold(hb(L, 1.0, 10, 9, final=True), hb(R, 1.0, 10, 10, final=True, queued=0))
    d = delivery(model.local, model.remote)
    assert (d.lost, d.undelivered, d.unknown) == (1, 0, None)


def test_queued_messages_are_undelivered_not_lost() -> None:
    # After a cut the remote still held 7 unacknowledged messages when it closed.
    model = fold(hb(L, 1.0, 50, 43, final=True), hb(R, 1.0, 50, 50, final=True, queued=7))
    d = delivery(model.local, model.remote)
    assert (d.lost, d.undelivered) == (0, 7)
    assert not d.clean
    assert not verdict(model).loss_clean


def test_a_missing_final_count_is_unknown_with_a_reason_and_fails_expect_no_loss() -> None:
    # Defect 3: the side that closed first never learned the other's count.
    model = fold(hb(L, 1.0, 10, 10, final=True), hb(R, 0.5, 6, 6, final=False))
    d = delivery(model.local, model.remote)
    assert d.lost is None and d.unknown is not None
    assert "remote" in d.unknown and "final" in d.unknown
    assert delivery(model.remote, model.local).lost is None
    result = verdict(model)
    assert not result.loss_clean
    assert "remote" in result.loss_detail


def test_an_in_band_final_count_gives_one_direction_only() -> None:
    # In paste mode the remote's hb_fin says how many it sent, not how many it received.
    model = fold(hb(L, 1.0, 10, 8, final=True), hb(R, 1.0, 10, None, final=True))
    assert delivery(model.local, model.remote).lost == 2
    remote = delivery(model.remote, model.local)
    assert remote.lost is None and "did not say" in (remote.unknown or "")


def test_a_late_running_count_does_not_replace_a_final_one() -> None:
    model = fold(hb(R, 1.0, 10, 10, final=True), hb(R, 0.9, 9, 9, final=False))
    assert model.remote.heartbeat is not None and model.remote.heartbeat.final


def test_no_counts_at_all_is_unknown() -> None:
    model = fold(ice(L, 0.1, "new", "checking"))
    d = delivery(model.local, model.remote)
    assert d.to_dict()["unknown"] == "the local peer never reported heartbeat counts"


def test_impairments_are_folded_and_a_one_way_clear_keeps_the_other_way() -> None:
    on = Impairment(ts=1, wall=0, peer=R, kind="blackout", direction="both", value=0)
    loss = Impairment(ts=1, wall=0, peer=R, kind="loss", direction="out", value=20)
    clear_in = Impairment(ts=2, wall=0, peer=R, kind="clear", direction="in", active=False)
    model = fold(on, loss)
    assert set(model.remote.impairments) == {("blackout", "both"), ("loss", "out")}
    model.apply(clear_in)
    assert set(model.remote.impairments) == {("blackout", "out"), ("loss", "out")}
    model.apply(Impairment(ts=3, wall=0, peer=R, kind="clear", direction="both", active=False))
    assert model.remote.impairments == {}
    timed = Impairment(ts=4, wall=0, peer=R, kind="blackout", direction="in", value=5)
    model.apply(timed)
    model.apply(
        Impairment(ts=9, wall=0, peer=R, kind="blackout", direction="in", value=5, active=False)
    )
    assert model.remote.impairments == {}
    # A closed peer connection has no impairment left: they lived on its sockets.
    model.apply(loss)
    model.apply(
        StateChanged(
            ts=10, wall=0, peer=R, machine=Machine.CONNECTION, previous="connected", state="closed"
        )
    )
    assert model.remote.impairments == {}


def test_restarts_failures_and_pair_changes() -> None:
    restart = {"old_ufrag": "a", "new_ufrag": "b", "initiator": "local"}
    model = fold(
        ice(L, 0.1, "new", "checking"),
        ice(L, 0.3, "checking", "connected"),
        SelectedPairChanged(ts=0.3, wall=0, peer=L, local="host udp 1", remote="host udp 2"),
        IceRestart(ts=1.0, wall=0, peer=L, phase="start", **restart),
        IceRestart(ts=1.01, wall=0, peer=L, phase="complete", duration=0.01, **restart),
        SelectedPairChanged(ts=1.01, wall=0, peer=L, local="host udp 3", remote="host udp 4"),
        IceRestart(ts=2.0, wall=0, peer=L, phase="start", **restart),
        ice(L, 4.0, "connected", "failed"),
        IceRestart(ts=5.0, wall=0, peer=L, phase="abandoned", **restart),
    )
    local = model.local
    assert (local.restarts_completed, local.restarts_abandoned) == (1, 1)
    assert local.restart_pending is None
    assert local.selected is not None and local.selected.local == "host udp 3"
    assert local.selected_changes == 2
    assert verdict(model).failed_seen and verdict(model).connected
    assert summary(model, now=5.0, journal=None)["restarts"] == 1


def _final(model: SessionModel) -> tuple[dict[str, str | None], dict[str, str]]:
    from icescope.core.model.summary import final_states

    return final_states(model)
