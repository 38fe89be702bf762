"""The relay's messages: only the local peer's own facts, read back as the remote's."""

from __future__ import annotations

from icescope.core.clock import SessionClock
from icescope.core.events import HeartbeatCount, Peer, StateChanged, StatsSample
from icescope.core.model import SessionModel
from icescope.core.relay import Relay, relay_message
from icescope.core.reports import RemoteReport
from icescope.core.signaling.base import Message, decode, encode
from icescope.core.states import Machine, Provenance

STAMP = {"ts": 1.5, "wall": 1_700_000_000.0}
REPORT = ({"type": "candidate-pair", "id": "CP1", "state": "succeeded", "priority": 2**63},)


class Wire:
    """The other IceScope's end, through the real encoder and decoder."""

    def __init__(self, accept: bool = True) -> None:
        self.model = SessionModel()
        self.report = RemoteReport(SessionClock(), self.model.apply)
        self.accept = accept

    def send_nowait(self, message: Message) -> bool:
        if self.accept:
            self.report.handle(decode(encode(message)))
        return self.accept


def test_local_facts_arrive_as_the_remotes_and_nothing_comes_back() -> None:
    wire = Wire()
    relay = Relay(wire)
    checking = StateChanged(
        **STAMP,
        peer=Peer.LOCAL,
        machine=Machine.ICE,
        previous="new",
        state="checking",
        provenance=Provenance.DERIVED,
        generation="uf1",
    )
    relay(checking)
    relay(StatsSample(**STAMP, peer=Peer.LOCAL, report=REPORT, source="engine"))
    relay(HeartbeatCount(**STAMP, peer=Peer.LOCAL, sent=5, received=4))
    remote = wire.model.remote
    assert remote.observed and remote.ice.value == "checking"
    assert remote.ice.provenance is Provenance.DERIVED
    assert remote.stats is not None and remote.stats.report == REPORT
    assert remote.heartbeat is not None
    assert (remote.heartbeat.sent, remote.heartbeat.received) == (5, 4)
    assert relay.sent == 3
    # What the remote reported, and the final counts (the bye carries them), stay here.
    for event in (
        StatsSample(**STAMP, peer=Peer.REMOTE, report=REPORT, source="remote"),
        HeartbeatCount(**STAMP, peer=Peer.REMOTE, sent=1, received=1, source="reported"),
        HeartbeatCount(**STAMP, peer=Peer.LOCAL, sent=9, received=9, final=True),
    ):
        assert relay_message(event) is None
    assert relay.sent == 3 and wire.model.events == 3


def test_a_refused_message_is_counted_not_raised() -> None:
    relay = Relay(Wire(accept=False))
    relay(StatsSample(**STAMP, peer=Peer.LOCAL, report=REPORT, source="engine"))
    assert (relay.sent, relay.dropped) == (0, 1)
