"""Liveness: the countdown to the next verdict from event timestamps and the timings."""

from __future__ import annotations

from icescope.core.config import IceTimings
from icescope.core.events import Peer
from icescope.core.liveness import liveness_of
from tests.builders import WALL0, fold, ice, pair, stats

L = Peer.LOCAL
TIMINGS = IceTimings(keepalive_interval=1.0, disconnected_timeout=2.5, failed_timeout=30.0)


def _sample(ts: float, last_packet: float) -> object:
    entry = pair("u", 0, lastPacketReceivedTimestamp=(WALL0 + last_packet) * 1000)
    return stats(L, ts, [entry], "CPu-0-0")


def test_connected_counts_silence_against_the_disconnected_timeout() -> None:
    model = fold(ice(L, 0.1, "checking", "connected"), _sample(2.0, 1.95))
    live = liveness_of(model.local, TIMINGS)
    assert live.text(2.5) == "last packet 0.5 s ago"  # within one sample interval: healthy
    assert not live.urgent(2.5) and live.urgent(3.35)
    assert live.text(3.35) == "no response for 1.4 s · disconnected at 2.5 s"
    assert live.text(4.6).endswith("(due)")


def test_disconnected_counts_down_to_failed_from_the_event_and_the_timings() -> None:
    model = fold(ice(L, 0.1, "checking", "connected"), ice(L, 5.0, "connected", "disconnected"))
    live = liveness_of(model.local, TIMINGS)
    assert live.verdict_at == 32.5  # 5.0 - 2.5 + 30
    assert live.text(17.0) == "disconnected for 12.0 s · failed in 15.5 s"
    assert live.text(40.0).endswith("failed is due")


def test_unknown_timings_give_no_countdown_and_unknown_packets_no_age() -> None:
    model = fold(ice(L, 0.1, "checking", "connected"), _sample(2.0, 1.0))
    assert liveness_of(model.local, None).text(5.0) == "last packet 4.0 s ago"
    bare = fold(ice(L, 0.1, "checking", "connected"))
    assert liveness_of(bare.local, TIMINGS).text(5.0) == ""
    failed = fold(ice(L, 0.1, "checking", "failed"), _sample(2.0, 1.0))
    assert "terminal until an ICE restart" in liveness_of(failed.local, TIMINGS).text(3.0)
