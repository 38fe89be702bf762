"""PeerModel.offerer: folded from the peer's first signaling change (no peers, no clock)."""

from __future__ import annotations

import pytest

from icescope.core.events import Peer, StateChanged
from icescope.core.model import SessionModel
from icescope.core.states import Machine


def _signaling(previous: str, state: str, ts: float) -> StateChanged:
    return StateChanged(
        ts=ts, wall=ts, peer=Peer.LOCAL, machine=Machine.SIGNALING, previous=previous, state=state
    )


@pytest.mark.parametrize(
    ("first", "offerer"), [("have-local-offer", True), ("have-remote-offer", False)]
)
def test_offerer_from_the_first_offer_only(first: str, offerer: bool) -> None:
    model = SessionModel()
    assert model.local.offerer is None
    model.apply(_signaling("stable", first, 1.0))
    model.apply(_signaling(first, "stable", 1.1))
    assert model.local.offerer is offerer
    # a later renegotiation the other way round (an ICE restart offered by the other side)
    other = "have-remote-offer" if offerer else "have-local-offer"
    model.apply(_signaling("stable", other, 5.0))
    assert model.local.offerer is offerer
    assert model.remote.offerer is None
