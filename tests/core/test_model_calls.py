"""The model's calls: a ``call`` event archives the call, starts fresh peers, keeps totals.

Fed hand-built events (no peer): what the summary, the verdict and the metrics read.
"""

from __future__ import annotations

from icescope.core.events import CallStarted, HeartbeatCount, Peer
from icescope.core.formats.records import event_from_record
from icescope.core.model import summary, verdict
from icescope.core.states import Provenance
from tests.builders import WALL0, channel, conn, fold, ice, restart

L, R = Peer.LOCAL, Peer.REMOTE


def beat(peer: Peer, ts: float, sent: int, received: int, *, final: bool) -> HeartbeatCount:
    return HeartbeatCount(
        ts=ts, wall=WALL0 + ts, peer=peer, sent=sent, received=received, queued=0, final=final
    )


def call(ts: float, number: int = 2) -> CallStarted:
    return CallStarted(
        ts=ts, wall=WALL0 + ts, peer=L, number=number, reason="peer-accepted", detail="next peer"
    )


def connected_call(t: float) -> list[object]:
    """Both peers connect at ``t`` + 1 (checking from ``t``)."""
    return [
        ice(L, t, "new", "checking", in_previous=0.0),
        ice(L, t + 1, "checking", "connected"),
        ice(R, t, "new", "checking", in_previous=0.0),
        ice(R, t + 1, "checking", "connected"),
    ]


def test_one_call_summary_is_as_before_plus_a_count() -> None:
    model = fold(*connected_call(0.0))
    out = summary(model, 5.0, None)
    assert out["calls"] == 1 and "call_history" not in out
    assert out["verdict"]["connected"] is True


def test_a_new_call_archives_the_old_one_and_starts_fresh_peers() -> None:
    model = fold(
        channel(0.0, True),
        *connected_call(0.0),
        restart(L, 2.0, "start", "a", "b"),
        restart(L, 2.1, "complete", "a", "b"),
        beat(L, 3.0, 10, 9, final=False),
        beat(R, 3.0, 9, 10, final=False),  # the remote was killed: no final count from it
        channel(3.5, False, "connection lost"),
        ice(L, 5.0, "connected", "disconnected"),
        ice(L, 6.0, "disconnected", "closed", provenance=Provenance.REPLACED),
        conn(L, 6.0, "connected", "closed", provenance=Provenance.REPLACED),
        beat(L, 6.0, 12, 9, final=True),
        call(7.0),
    )
    assert model.call == 2 and model.call_started == 7.0
    # Fresh peers: nothing of call 1 leaks into call 2's state.
    assert model.local.ice.value == "new" and model.local.connected_at is None
    assert model.local.heartbeat is None and model.local.restarts_completed == 0
    # The report channel is the session's: still known gone until the next peer's comes up.
    assert model.remote.channel is not None and not model.remote.channel.alive
    (one,) = model.finished_calls
    assert one.number == 1 and one.started == 0.0 and one.ended == 7.0
    assert one.connected and one.closed_by == "replaced" and one.ended_in == "disconnected"
    assert one.restarts == 1
    # Call 1's loss cannot be known (the remote's final count never came): said, not guessed.
    assert one.heartbeats["local"].lost is None
    assert "final" in (one.heartbeats["local"].unknown or "")
    # Totals for counters: call 1's figures, to which call 2's are added.
    assert model.earlier[L].restarts == 1 and model.earlier[L].heartbeats_sent == 12
    assert model.earlier[L].heartbeats_lost == 0  # unknown adds nothing
    totals = model.time_in_state_total(L, 7.0)
    assert totals["connected"] == 4.0 and totals["checking"] == 1.0


def test_the_verdict_is_the_last_calls_and_loss_covers_every_call() -> None:
    first = [*connected_call(0.0), beat(L, 3.0, 5, 5, final=False), call(4.0)]
    # Call 2 connects, then fails for good: the session is not "connected".
    model = fold(
        *first,
        *connected_call(5.0),
        ice(L, 10.0, "connected", "disconnected"),
        ice(L, 12.0, "disconnected", "failed"),
    )
    result = verdict(model)
    assert result.connected and result.ended_failed and result.failed_seen
    assert not result.loss_clean and "call 1 local" in result.loss_detail
    # Call 2 still checking when the session ends: not connected, whatever call 1 did.
    model = fold(*first, ice(L, 5.0, "new", "checking", in_previous=0.0))
    out = summary(model, 8.0, None)
    assert out["verdict"]["connected"] is False
    assert out["calls"] == 2
    history = out["call_history"]
    assert [c["call"] for c in history] == [1, 2]
    assert history[0]["connected"] and not history[1]["connected"]
    assert history[1]["ended"] is None and history[1]["final_state"] == "checking"


def test_a_call_record_reads_back_from_a_journal_line() -> None:
    event = call(7.0, number=3)
    again = event_from_record(event.to_dict())
    assert again == event
    assert event.summary() == "call 3 began: next peer"
