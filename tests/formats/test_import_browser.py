"""Import of real Chromium 156 dumps: webrtc-internals (.gz, .txt) and its rtcstats export."""

from __future__ import annotations

import gzip
import json
from typing import TYPE_CHECKING

import pytest

from icescope.core.events import IceRestart, SelectedPairChanged
from icescope.core.formats import open_evidence
from tests.formats.helpers import events_of, fold, kinds, states, stats

if TYPE_CHECKING:
    from pathlib import Path

ICE_UP = [
    ("local", "iceconnectionstatechange", "new", "checking"),
    ("local", "iceconnectionstatechange", "checking", "connected"),
]


def _raw(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(gzip.decompress(path.read_bytes()))


def test_internals_gz_and_txt_read_alike(internals_gz: Path, internals_txt: Path) -> None:
    gz, txt = open_evidence(internals_gz), open_evidence(internals_txt)
    assert gz.format == txt.format == "webrtc-internals"
    assert gz.connections == txt.connections == ("8-1", "8-2")
    assert gz.tagged and gz.notes == []
    assert "HeadlessChrome/156" in gz.metadata["userAgent"]
    assert [e.to_dict() for e in events_of(internals_gz)] == [
        e.to_dict() for e in events_of(internals_txt)
    ]


def test_internals_states_restart_and_selected_pair(internals_gz: Path) -> None:
    raw = _raw(internals_gz)["PeerConnections"]["8-1"]
    events = events_of(internals_gz, "8-1")
    ice = [s for s in states(events) if s[1] == "iceconnectionstatechange"]
    assert ice == ICE_UP  # Chromium logs nothing for the restart itself
    logged = [
        json.loads(u["value"])
        for u in raw["updateLog"]
        if u["type"] == "oniceconnectionstatechange"
    ]
    assert [s[3] for s in ice] == logged
    # The restart: restartIce() starts it; the transport's selected pair moving completes it.
    restarts = [e for e in events if isinstance(e, IceRestart)]
    assert [r.phase for r in restarts] == ["start", "complete"]
    assert restarts[0].initiator == "local" and restarts[1].old_ufrag != restarts[1].new_ufrag
    chosen = json.loads(raw["stats"]["T01-selectedCandidatePairId"]["values"])
    pairs = [e for e in events if isinstance(e, SelectedPairChanged)]
    assert len(pairs) == len(set(chosen)) == 2
    assert all(p.local.startswith("host udp 10.213.0.1:") for p in pairs)
    # One sample per getStats tick, aligned to the per-object timestamp series.
    ticks = json.loads(raw["stats"]["T01-timestamp"]["values"])
    samples = stats(events)
    assert [s.wall * 1000 for s in samples] == pytest.approx(ticks)
    for sample, pair_id in zip(samples, chosen, strict=True):
        transport = next(e for e in sample.report if e["type"] == "transport")
        assert transport["selectedCandidatePairId"] == pair_id
    # Pairs that appeared after the restart are present only from their first tick on.
    late = raw["stats"][f"{chosen[-1]}-timestamp"]
    first_late = json.loads(late["values"])[0]
    for sample in samples:
        ids = {e["id"] for e in sample.report}
        assert (chosen[-1] in ids) == (sample.wall * 1000 >= first_late - 1e-3)
    model = fold(events)
    assert model.local.connected_at is not None and model.local.restarts_completed == 1
    assert model.local.stats is samples[-1]


def test_rtcstats_export_reads_like_the_internals_dump(
    internals_gz: Path, rtcstats_gz: Path
) -> None:
    imported = open_evidence(rtcstats_gz)
    assert imported.format == "rtcstats" and imported.connections == ("8-1", "8-2")
    for pc in imported.connections:
        a, b = events_of(internals_gz, pc), events_of(rtcstats_gz, pc)
        assert states(a) == states(b)
        assert [(r.phase, r.initiator) for r in kinds(a, "icerestart")] == [
            (r.phase, r.initiator) for r in kinds(b, "icerestart")
        ]
        assert len(kinds(b, "selectedcandidatepairchange")) == len(
            kinds(a, "selectedcandidatepairchange")
        )
        assert stats(b) and all(s.report for s in stats(b))
    remote = events_of(rtcstats_gz, "8-2")
    assert [(r.phase, r.initiator) for r in kinds(remote, "icerestart")][:1] == [
        ("start", "remote")
    ]


def test_no_credential_travels(internals_gz: Path, rtcstats_gz: Path) -> None:
    for path in (internals_gz, rtcstats_gz):
        text = json.dumps([e.to_dict() for e in events_of(path)])
        assert "s3cret" not in text and "10.213.0.1" in text
