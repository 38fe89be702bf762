"""IceScope ↔ Chromium where Chromium can signal no candidate at all (ICE PAC, RFC 8863).

In a namespace whose only interface is ``lo``, Chromium gathers nothing (no default route; it
never offers loopback candidates) and signals end-of-candidates alone, while IceScope gathers
127.0.0.1. Chromium's checks reach IceScope, which learns a peer-reflexive candidate: without
PAC IceScope declared its empty check list failed in the same millisecond. Here the browser's
checks are held back (IceScope's inbound datagrams dropped) until its end-of-candidates has
arrived, the order that loses the race.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.netns import interfaces_in, netns, run_in_netns
from tests.sysreq import require_binary

pytestmark = [pytest.mark.e2e, pytest.mark.needs_chromium, pytest.mark.needs_root]

ROOT = Path(__file__).resolve().parents[2]


def run_loopback(name: str, *, browser_offers: bool) -> dict[str, Any]:
    require_binary("chromium", "install Debian's chromium package")
    pytest.importorskip("playwright.async_api", reason="pip install playwright")
    argv = [sys.executable, "-m", "tests.e2e.browser_scenario", name, "--address", "127.0.0.1"]
    if browser_offers:
        argv.append("--browser-offers")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    with netns("icescope-lo") as ns:
        assert interfaces_in(ns) == ["lo"]
        done = run_in_netns(ns, argv, timeout=90, env=env, cwd=str(ROOT))
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("browser_offers", [False, True], ids=["icescope-offers", "browser-offers"])
def test_loopback_only_chromium_connects_through_prflx(browser_offers: bool) -> None:
    result = run_loopback("late-checks", browser_offers=browser_offers)
    events = result["events"]
    local_ice = [
        e["state"]
        for e in events
        if e["peer"] == "local" and e["type"] == "iceconnectionstatechange"
    ]
    assert "failed" not in local_ice, local_ice
    assert {"connected", "completed"} & set(local_ice), local_ice
    browser = [
        e for e in events if e["peer"] == "remote" and e["type"] == "icecandidate" and not e["end"]
    ]
    assert browser == [], browser  # Chromium signalled no candidate at all
    pairs = [
        e for e in events if e["peer"] == "local" and e["type"] == "selectedcandidatepairchange"
    ]
    assert pairs and pairs[0]["remote"].startswith("prflx"), pairs
    # Its end-of-candidates came first (its checks were held back): only Tpac kept IceScope
    # from failing, and it said so while it waited.
    end = next(e["ts"] for e in events if e["peer"] == "remote" and e["type"] == "icecandidate")
    assert end < pairs[0]["ts"]
    waits = [e for e in events if e["peer"] == "local" and e["type"] == "icepac"]
    assert [e["phase"] for e in waits] == ["waiting", "connected"], waits
    assert waits[0]["deadline"] > pairs[0]["ts"]
    assert result["page"]["errors"] == []
    assert result["summary"]["peers"]["local"]["received"] > 0
