"""Causes: hand-built facts through a real SessionModel, then explain() on the state event."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from icescope.core.causes import CAUSE_TEXT, cause_text, explain
from icescope.core.events import Peer
from icescope.core.states import Provenance
from tests.builders import (
    WALL0,
    candidate,
    channel,
    fold,
    ice,
    impair,
    notice,
    pair,
    restart,
    stats,
)

if TYPE_CHECKING:
    from icescope.core.model import SessionModel

L, R = Peer.LOCAL, Peer.REMOTE


def _explained(model: SessionModel, event: Any) -> tuple[str, str]:
    model.apply(event)
    cause = explain(model, event)
    assert cause is not None
    assert (cause.peer, cause.ts, cause.about) == (event.peer, event.ts, event.type)
    model.apply(cause)
    return cause.code, cause.message


def _connected(*extra: Any) -> SessionModel:
    return fold(ice(L, 0.1, "new", "checking"), ice(L, 0.2, "checking", "connected"), *extra)


def test_consent_lost_says_since_when_from_the_last_packet_and_that_no_impairment_was_on() -> None:
    sample = stats(
        L, 3.0, [pair("u1", 0, lastPacketReceivedTimestamp=(WALL0 + 1.25) * 1000)], "CPu1-0-0"
    )
    code, words = _explained(_connected(sample), ice(L, 3.8, "connected", "disconnected"))
    assert code == "consent-lost"
    assert "since 1.2 s" in words and "no impairment" in words


def test_consent_lost_names_the_active_impairment_of_either_peer() -> None:
    model = _connected(impair(R, 1.0, "blackout"))
    code, words = _explained(model, ice(L, 3.5, "connected", "disconnected"))
    assert code == "consent-lost-impairment"
    assert "blackout (both) on the remote peer since 1.0 s" in words
    assert "a time not known" in words  # no statistics: the last packet is not invented


def test_a_cleared_impairment_is_no_longer_blamed() -> None:
    model = _connected(impair(L, 1.0, "loss", value=50), impair(L, 2.0, "loss", active=False))
    assert _explained(model, ice(L, 5.0, "connected", "disconnected"))[0] == "consent-lost"


def test_the_other_peer_closing_or_the_remote_going_away_comes_first() -> None:
    model = _connected(ice(R, 0.2, "new", "connected"), ice(R, 1.0, "connected", "closed"))
    code, words = _explained(model, ice(L, 3.5, "connected", "disconnected"))
    assert code == "remote-closed" and "remote peer closed its connection at 1.0 s" in words
    gone = _connected(channel(1.5, False, "page closed"), impair(L, 1.0, "blackout"))
    code, words = _explained(gone, ice(L, 4.0, "connected", "failed"))
    assert code == "remote-gone" and "page closed, at 1.5 s" in words


def test_never_connected_causes_in_order() -> None:
    start = (ice(L, 0.1, "new", "checking"),)
    no_remote = fold(*start, stats(L, 1.0, [candidate("IL", "u", 0, "10.0.0.2")]))
    assert _explained(no_remote, ice(L, 9, "checking", "failed"))[0] == "no-remote-candidates"

    local, remote = candidate("IL", "u", 0, "10.0.0.2"), candidate("IR", "u", 0, "192.168.7.9")
    failed_pair = pair("u", 0, state="failed")
    apart = fold(*start, stats(L, 1.0, [local, remote, failed_pair]))
    code, words = _explained(apart, ice(L, 9, "checking", "failed"))
    assert code == "host-only-different-networks"
    assert "local 10.0.0.2; remote 192.168.7.9" in words

    turn = fold(
        *start,
        notice(0.5, "turn-auth-failed", "TURN server turn:x rejected the credentials (401)"),
        stats(L, 1.0, [local, remote, failed_pair]),
    )
    code, words = _explained(turn, ice(L, 9, "checking", "failed"))
    assert code == "turn-auth-failed" and "(401)" in words

    same_net = candidate("IR", "u", 0, "10.0.0.7")
    plain = fold(*start, stats(L, 1.0, [local, same_net, failed_pair]))
    code, words = _explained(plain, ice(L, 9, "checking", "failed"))
    assert code == "checks-failed" and "1 pairs; 3 requests sent, 0 responses" in words


def test_closed_carries_the_close_provenance_and_an_abandoned_restart_is_explained() -> None:
    model = _connected()
    closed = ice(L, 5, "connected", "closed", provenance=Provenance.PAGE_CLOSED)
    assert _explained(model, closed)[0] == "page-closed"
    reported = ice(R, 5, "connected", "closed")
    assert _explained(model, reported)[0] == "closed-reported"
    abandoned = restart(L, 6, "abandoned", "u1", "u2", "the remote kept its credentials")
    code, words = _explained(model, abandoned)
    assert code == "restart-not-answered" and "kept its credentials" in words
    assert model.local.cause is not None and model.local.cause.code == "restart-not-answered"


def test_other_events_get_no_cause_and_every_code_has_words() -> None:
    model = _connected()
    assert explain(model, ice(L, 1, "connected", "completed")) is None
    assert explain(model, restart(L, 1, "complete", "a", "b")) is None
    for code in CAUSE_TEXT:
        assert cause_text(code)  # a template missing its facts still reads (unfilled)
    assert cause_text("no-such-code") == CAUSE_TEXT["unknown"]
