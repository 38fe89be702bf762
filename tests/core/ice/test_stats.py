"""Engine statistics of real peers: report shape, counters, SCTP queue, sampler, stock peers."""

from __future__ import annotations

import asyncio
import math
from typing import TYPE_CHECKING, Any

from icescope.core.events import HeartbeatCount, Peer, RoleChanged, StatsSample
from icescope.core.ice.stats import collect_stats, ice_role, queued_messages

from .conftest import Pair

if TYPE_CHECKING:
    from icescope.core.peer import PeerAgent

CANDIDATE_FIELDS = {
    "transportId",
    "address",
    "port",
    "protocol",
    "candidateType",
    "priority",
    "foundation",
    "usernameFragment",
}
PAIR_COUNTERS = {
    "requestsSent",
    "requestsReceived",
    "responsesSent",
    "responsesReceived",
    "consentRequestsSent",
    "totalRoundTripTime",
    "currentRoundTripTime",
    "bytesSent",
    "bytesReceived",
    "packetsSent",
    "packetsReceived",
    "lastPacketSentTimestamp",
    "lastPacketReceivedTimestamp",
}


def by_type(report: tuple[dict[str, Any], ...], kind: str) -> list[dict[str, Any]]:
    return [e for e in report if e["type"] == kind]


def report_of(agent: PeerAgent) -> tuple[dict[str, Any], ...]:
    return collect_stats(agent.pc, 1234.5)


async def test_report_of_a_connected_pair_is_complete_and_consistent(pair: Pair) -> None:
    await asyncio.sleep(0.5)  # a few consent checks (every 0.2 s) and heartbeats (every 50 ms)
    for agent, other in ((pair.local, pair.remote), (pair.remote, pair.local)):
        report = report_of(agent)
        ids = [e["id"] for e in report]
        assert len(ids) == len(set(ids))
        assert all(e["timestamp"] == 1234.5 for e in report)
        (transport,) = by_type(report, "transport")
        assert transport["iceRole"] == ice_role(agent.pc)
        assert transport["iceState"] == agent.pc.iceConnectionState == "completed"
        assert transport["dtlsState"] == "connected"
        assert transport["iceLocalUsernameFragment"] == agent.pc.local_ufrag()
        assert transport["selectedCandidatePairChanges"] == 1
        locals_ = {e["id"]: e for e in by_type(report, "local-candidate")}
        remotes = {e["id"]: e for e in by_type(report, "remote-candidate")}
        for cand in (*locals_.values(), *remotes.values()):
            assert cand.keys() >= CANDIDATE_FIELDS
            assert (cand["address"], cand["candidateType"], cand["protocol"]) == (
                "127.0.0.1",
                "host",
                "udp",
            )
            assert "url" not in cand and "relayProtocol" not in cand
        assert {c["usernameFragment"] for c in locals_.values()} == {agent.pc.local_ufrag()}
        assert {c["usernameFragment"] for c in remotes.values()} == {other.pc.local_ufrag()}
        pairs = {e["id"]: e for e in by_type(report, "candidate-pair")}
        chosen = pairs[transport["selectedCandidatePairId"]]
        assert chosen["localCandidateId"] in locals_ and chosen["remoteCandidateId"] in remotes
        assert chosen["state"] == "succeeded" and chosen["nominated"] is True
        assert chosen["icescopeActive"] is True
        assert chosen.keys() >= PAIR_COUNTERS
        assert not {"availableOutgoingBitrate", "availableIncomingBitrate"} & chosen.keys()
        assert chosen["consentRequestsSent"] >= 1
        assert chosen["requestsSent"] >= chosen["consentRequestsSent"]
        assert 1 <= chosen["responsesReceived"] <= chosen["requestsSent"]
        assert chosen["responsesSent"] >= 1 and chosen["requestsReceived"] >= 1
        # the mean RTT is total / responses, as webrtc-stats defines it; loopback is fast
        mean = chosen["totalRoundTripTime"] / chosen["responsesReceived"]
        assert 0 <= mean < 0.05 and 0 <= chosen["currentRoundTripTime"] < 0.05
        assert chosen["packetsSent"] > 10 and chosen["bytesSent"] > chosen["packetsSent"] * 20
        assert chosen["packetsReceived"] > 10
        now = pair.clock.stamp()[1]
        assert math.isclose(chosen["lastPacketReceivedTimestamp"] / 1000, now, abs_tol=1.0)
        for name in ("bytesSent", "bytesReceived", "packetsSent", "packetsReceived"):
            assert transport[name] == sum(p[name] for p in pairs.values())
        (channel,) = by_type(report, "data-channel")
        assert channel["label"] == "icescope-heartbeat" and channel["state"] == "open"
        assert channel["dataChannelIdentifier"] == 0 and channel["protocol"] == ""
        assert channel["messagesSent"] == agent.heartbeat.sent
        # every message is {"hb": N}: at least 9 UTF-8 bytes
        assert channel["bytesSent"] >= 9 * channel["messagesSent"] > 0
        assert channel["messagesReceived"] >= agent.heartbeat.received > 0


async def test_counters_mirror_each_other_once_traffic_stops(pair: Pair) -> None:
    """What one side counts as sent, the other counts as received (a lossless loopback)."""
    for agent in (pair.local, pair.remote):
        await agent.heartbeat.stop()
        await agent.sampler.stop()
        for conn in agent.pc.ice_transports()[0].iceGatherer.generations():
            conn.retire()  # no more consent checks either: the wire goes quiet
    await asyncio.sleep(0.5)
    local = {e["id"]: e for e in report_of(pair.local)}
    remote = {e["id"]: e for e in report_of(pair.remote)}
    ours = local[by_type(tuple(local.values()), "transport")[0]["selectedCandidatePairId"]]
    theirs = remote[by_type(tuple(remote.values()), "transport")[0]["selectedCandidatePairId"]]
    assert ours["bytesSent"] == theirs["bytesReceived"] > 0
    assert ours["packetsReceived"] == theirs["packetsSent"] > 0
    # requests received include retransmissions, requests sent do not (webrtc-stats)
    assert 0 < ours["requestsSent"] <= theirs["requestsReceived"]
    assert ours["responsesSent"] >= theirs["responsesReceived"] > 0
    local_channel = by_type(tuple(local.values()), "data-channel")[0]
    remote_channel = by_type(tuple(remote.values()), "data-channel")[0]
    assert local_channel["messagesSent"] == remote_channel["messagesReceived"]
    assert local_channel["bytesSent"] == remote_channel["bytesReceived"]


async def test_queued_messages_grow_during_a_blackout_and_drain_after(pair: Pair) -> None:
    channel = pair.local.heartbeat.channel
    await pair.wait(lambda: queued_messages(channel) == 0, 2)  # the delayed SACK came
    # 1 s: disconnected after 0.6 s, well before consent expires (2 s with these timers)
    pair.remote.faults.blackout("both", 1.0)
    await asyncio.sleep(0.3)
    early = queued_messages(channel)
    await asyncio.sleep(0.5)
    late = queued_messages(channel)
    assert early is not None and late is not None
    assert 0 < early < late  # one heartbeat every 50 ms, none acknowledged
    assert late <= pair.local.heartbeat.sent
    await pair.wait(lambda: queued_messages(channel) == 0, 20)  # SCTP retransmits them


async def test_sampler_publishes_stats_heartbeat_and_role() -> None:
    p = Pair(stats_interval=0.1)
    async with asyncio.timeout(10):
        await p.start()
        await p.wait(lambda: sum(isinstance(e, HeartbeatCount) for e in p.events) >= 3, 5)
        await p.close()
    local = [e for e in p.events if e.peer is Peer.LOCAL]
    roles = [e for e in local if isinstance(e, RoleChanged)]
    assert [(r.role, r.generation) for r in roles] == [("controlling", roles[0].generation)]
    assert roles[0].generation  # the local ufrag
    samples = [e for e in local if isinstance(e, StatsSample)]
    counts = [e for e in local if isinstance(e, HeartbeatCount) and not e.final]
    assert samples and all(s.source == "engine" for s in samples)
    assert len(counts) == len(samples)
    assert all(c.queued is not None and c.queued >= 0 and not c.final for c in counts)
    assert [c.sent for c in counts] == sorted(c.sent for c in counts)
    # stopped at the top of close(): nothing after the peer's connection closed
    last = max(e.ts for e in samples)
    closed = min(e.ts for e in local if getattr(e, "state", None) == "closed")
    assert last < closed


async def test_a_stock_peer_lists_candidates_and_pairs_without_counters() -> None:
    p = Pair(stock_remote=True)
    async with asyncio.timeout(15):
        await p.start()
        report = report_of(p.remote)
        await p.close()
    (transport,) = by_type(report, "transport")
    assert "selectedCandidatePairChanges" not in transport  # not tracked: not said
    assert "bytesSent" not in transport
    pairs = by_type(report, "candidate-pair")
    assert pairs and all(not PAIR_COUNTERS & p.keys() for p in pairs)
    assert transport["selectedCandidatePairId"] in {p["id"] for p in pairs}
    assert by_type(report, "local-candidate") and by_type(report, "remote-candidate")
