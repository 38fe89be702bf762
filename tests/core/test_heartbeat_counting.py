"""Heartbeat counting: distinct messages, in memory that does not grow with the session."""

from __future__ import annotations

import json
import random

from aiortc import RTCPeerConnection

from icescope.core.heartbeat import CHANNEL_ID, LABEL, Heartbeat


async def test_received_counts_distinct_sequence_numbers_in_bounded_memory() -> None:
    pc = RTCPeerConnection()
    try:
        channel = pc.createDataChannel(LABEL, negotiated=True, id=CHANNEL_ID)
        rng = random.Random(15)
        for _ in range(50):
            heartbeat = Heartbeat(channel, 0.1)
            seqs = [rng.randint(-3, 60) for _ in range(rng.randint(0, 120))]
            for seq in seqs:
                channel.emit("message", json.dumps({"hb": seq}))
            assert heartbeat.received == len(set(seqs)), seqs
            channel.remove_all_listeners("message")
        heartbeat = Heartbeat(channel, 0.1)
        for seq in range(10_000):  # an hour and more of heartbeats, in order, some twice
            channel.emit("message", json.dumps({"hb": seq}))
            if seq % 7 == 0:
                channel.emit("message", json.dumps({"hb": seq}))
        assert heartbeat.received == 10_000
        assert not heartbeat._ahead, "in-order heartbeats leave nothing stored"
    finally:
        await pc.close()
