"""Recordings: one per peer connection of a real Chromium dump, folded like a live session."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from icescope.core.events import is_periodic
from icescope.core.formats import FormatError
from icescope.core.formats.recording import read_recordings, verdict_code
from tests.formats.helpers import events_of, fold

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize("name", ["internals_gz", "internals_txt", "rtcstats_gz"])
def test_each_peer_connection_is_a_recording(name: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(name)
    recordings = read_recordings(path)
    assert [r.pc for r in recordings] == ["8-1", "8-2"]
    for recording in recordings:
        events = events_of(path, recording.pc)
        # every event but the periodic samples, of which each peer's last one is kept
        kept = [e for e in events if not is_periodic(e)]
        assert recording.events[: len(kept)] == kept
        last = recording.events[len(kept) :]
        assert last and all(is_periodic(e) for e in last)
        for sample in last:
            assert (
                sample == [e for e in events if (e.type, e.peer) == (sample.type, sample.peer)][-1]
            )
        assert recording.count == len(events)
        assert recording.model.local.ice == fold(events).local.ice
        assert recording.model.local.connected_at is not None
        assert verdict_code(recording.model) in ("connected", "connected-recovered")
        assert recording.describe().startswith(f"{path.name} · {recording.pc} · ")


def test_an_empty_or_foreign_file_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(FormatError, match="is empty"):
        read_recordings(empty)
    words = tmp_path / "notes.txt"
    words.write_text("hello\n")
    with pytest.raises(FormatError, match="not a format IceScope reads"):
        read_recordings(words)
    nothing = tmp_path / "none.jsonl"
    nothing.write_text('{"ts": 0, "type": "summary"}\n')
    with pytest.raises(FormatError, match="holds no session events"):
        read_recordings(nothing)
