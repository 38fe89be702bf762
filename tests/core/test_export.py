"""Exports other tools read, and anonymisation before sharing."""

from __future__ import annotations

import json

from icescope.core.events import CandidateGathered, Notice, Peer, StateChanged
from icescope.core.export import anonymize_record, anonymize_text, to_markdown, to_rtcstats
from icescope.core.states import Machine, Provenance


def _events() -> list[StateChanged | CandidateGathered | Notice]:
    return [
        CandidateGathered(
            ts=0.01,
            wall=1000.01,
            peer=Peer.LOCAL,
            candidate_type="host",
            protocol="udp",
            address="192.168.1.20",
            port=5000,
        ),
        StateChanged(
            ts=0.02,
            wall=1000.02,
            peer=Peer.LOCAL,
            machine=Machine.ICE,
            previous="new",
            state="checking",
        ),
        StateChanged(
            ts=0.05,
            wall=1000.05,
            peer=Peer.LOCAL,
            machine=Machine.ICE,
            previous="checking",
            state="connected",
            provenance=Provenance.DERIVED,
        ),
        Notice(
            ts=1.0,
            wall=1001.0,
            peer=Peer.REMOTE,
            level="warning",
            code="x",
            message="TURN 203.0.113.9:3478 answered 401",
        ),
    ]


def test_rtcstats_v3_layout() -> None:
    lines = to_rtcstats(_events(), start_wall=1000.0, user_agent="IceScope test").splitlines()
    assert lines[0] == "RTCStatsDump"  # bare, as the format and Chromium write it
    assert json.loads(lines[1])["fileFormat"] == 3
    rows = [json.loads(x) for x in lines[2:]]
    assert [r[0] for r in rows] == [
        "create",
        "create",
        "icescope.icecandidate",
        "oniceconnectionstatechange",
        "oniceconnectionstatechange",
        "icescope.notice",
    ]
    assert rows[0][-1] == 1000000.0  # first delta: epoch ms
    assert abs(rows[3][-1] - 10.0) < 1e-6  # then ms since the previous row
    assert rows[4][2] == "connected" and rows[4][1] == "local"
    assert rows[4][3]["icescope"]["provenance"] == "derived"  # the exact event rides along


def test_anonymisation_is_stable_and_keeps_loopback() -> None:
    text = "a 192.168.1.20 b 192.168.1.20 c 127.0.0.1 d 2001:4860::8888 e 10.0.0.1"
    out = anonymize_text(text, salt="s")
    assert "192.168.1.20" not in out and "2001:4860::8888" not in out and "10.0.0.1" not in out
    assert "127.0.0.1" in out
    words = out.split()
    assert words[1] == words[3]  # same address, same pseudonym
    assert words[1] != words[9]
    record = anonymize_record(_events()[0].to_dict(), salt="s")
    assert record["address"] == words[1] and record["port"] == 5000
    assert anonymize_text("aiortc 1.16.0 at 12:30:05") == "aiortc 1.16.0 at 12:30:05"


def test_markdown_report() -> None:
    summary = {
        "peers": {"local": {"sent": 5, "received": 5, "lost": 0}},
        "final_state": {"local": "closed"},
        "restarts": 1,
    }
    md = to_markdown(_events(), summary)
    assert "| local | closed | 5 | 5 | 0 |" in md
    assert "| 0.050 s | local | checking → connected | derived |" in md
    assert "TURN 203.0.113.9:3478 answered 401" in md
