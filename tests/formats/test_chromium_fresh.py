"""Fresh dumps from the test Chromium (tests/formats/chromium_dumps.py in a sealed namespace):
all three downloads import, and the .txt and .gz dumps agree with the rtcstats export."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING

import pytest

from icescope.core.formats import open_evidence
from tests.formats.helpers import events_of, kinds, states
from tests.netns import netns, run_in_netns
from tests.sysreq import require_binary

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [pytest.mark.e2e, pytest.mark.needs_chromium, pytest.mark.needs_root]
ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def test_fresh_chromium_dumps_import(tmp_path: Path) -> None:
    require_binary("chromium", "install Debian's chromium package")
    pytest.importorskip("playwright.async_api", reason="pip install playwright")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    argv = [sys.executable, "-m", "tests.formats.chromium_dumps", str(tmp_path)]
    with netns("icescope-dump", private_link=True) as ns:
        done = run_in_netns(ns, argv, timeout=150, env=env, cwd=str(ROOT))
    assert done.returncode == 0, done.stderr[-3000:]
    made = json.loads(done.stdout.strip().splitlines()[-1])
    assert made["page"]["errors"] == []
    txt, gz = tmp_path / "webrtc_internals_dump.txt", tmp_path / "webrtc_internals_dump.gz"
    rtc = tmp_path / "rtcstats_dump.gz"
    assert txt.read_bytes()[:1] == b"{" and gz.read_bytes()[:2] == b"\x1f\x8b"
    for path in (txt, gz, rtc):
        imported = open_evidence(path)
        assert len(imported.connections) == 2, path
    first = open_evidence(txt).connections[0]
    for path in (txt, gz, rtc):
        events = events_of(path, first)
        ice = [s[3] for s in states(events) if s[1] == "iceconnectionstatechange"]
        assert ice[:2] == ["checking", "connected"], (path, ice)
        assert [r.phase for r in kinds(events, "icerestart")] == ["start", "complete"], path
        assert "s3cret" not in json.dumps([e.to_dict() for e in events])
