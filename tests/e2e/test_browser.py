"""IceScope ↔ headless Chromium (Debian's /usr/bin/chromium via Playwright), both inside a
sealed network namespace (see tests/netns.py): every candidate is the namespace's one private
address, and no packet can leave the namespace.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.netns import PRIVATE_ADDRESS, interfaces_in, netns, run_in_netns
from tests.sysreq import require_binary

pytestmark = [pytest.mark.e2e, pytest.mark.needs_chromium, pytest.mark.needs_root]

ROOT = Path(__file__).resolve().parents[2]


def run_scenario(name: str, *, browser_offers: bool = False) -> dict[str, Any]:
    require_binary("chromium", "install Debian's chromium package")
    pytest.importorskip("playwright.async_api", reason="pip install playwright")
    argv = [sys.executable, "-m", "tests.e2e.browser_scenario", name, "--address", PRIVATE_ADDRESS]
    if browser_offers:
        argv.append("--browser-offers")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    with netns("icescope-br", private_link=True) as ns:
        assert sorted(interfaces_in(ns)) == ["icv0", "icv1", "lo"]
        done = run_in_netns(ns, argv, timeout=90, env=env, cwd=str(ROOT))
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def of(result: dict[str, Any], peer: str, kind: str) -> list[dict[str, Any]]:
    return [e for e in result["events"] if e["peer"] == peer and e["type"] == kind]


def states(result: dict[str, Any], peer: str, kind: str = "iceconnectionstatechange") -> list[str]:
    return [e["state"] for e in of(result, peer, kind)]


def assert_private_only(result: dict[str, Any]) -> None:
    candidates = [e for e in result["events"] if e["type"] == "icecandidate" and not e["end"]]
    # Both sides gathered (the browser's arrive trickled, reported by the page).
    assert {c["peer"] for c in candidates} == {"local", "remote"}
    assert {c["address"] for c in candidates} == {PRIVATE_ADDRESS}
    for pair in of(result, "local", "selectedcandidatepairchange") + of(
        result, "remote", "selectedcandidatepairchange"
    ):
        assert f" {PRIVATE_ADDRESS}:" in pair["local"], pair
        assert f" {PRIVATE_ADDRESS}:" in pair["remote"], pair


def assert_connected_both_sides(result: dict[str, Any]) -> None:
    local = states(result, "local")
    remote = states(result, "remote")
    assert local[0] == "checking" and {"connected", "completed"} & set(local), local
    assert remote[0] == "checking" and "connected" in remote, remote
    # The browser's own reports arrived as typed remote events.
    assert of(result, "remote", "datachannel")[0]["state"] == "open"
    assert of(result, "remote", "selectedcandidatepairchange")
    hello = [e for e in of(result, "local", "notice") if e["code"] == "remote-hello"]
    assert hello and "Chrome" in hello[0]["message"]
    assert result["page"]["errors"] == []
    # Every trickled browser candidate was accepted (none refused for an unknown ufrag).
    rejected = [e for e in of(result, "local", "notice") if e["code"] == "signaling-rejected"]
    assert rejected == [], rejected
    # The page's own getStats() arrived, with its selected candidate pair, over a live socket.
    assert result["remote_channel"]["alive"] and result["remote_channel"]["channel"] == "websocket"
    samples = of(result, "remote", "stats")
    assert samples and all(s["source"] == "remote" for s in samples)
    pairs = [e for s in samples for e in s["report"] if e["type"] == "candidate-pair"]
    assert any(p.get("state") == "succeeded" and p.get("nominated") for p in pairs), pairs
    assert {e["type"] for s in samples for e in s["report"]} <= {
        "candidate-pair", "local-candidate", "remote-candidate", "transport",
    }  # fmt: skip
    assert any(c["type"] == "heartbeat" and c["source"] == "reported" for c in of(
        result, "remote", "heartbeat"))  # fmt: skip
    # And IceScope's own side: the engine's statistics, with the pair it selected.
    ours = of(result, "local", "stats")
    assert ours and all(s["source"] == "engine" for s in ours)
    last = ours[-1]["report"]
    transport = next(e for e in last if e["type"] == "transport")
    selected = [e for e in last if e["id"] == transport.get("selectedCandidatePairId")]
    assert selected and selected[0]["type"] == "candidate-pair" and selected[0]["nominated"]
    assert selected[0]["bytesReceived"] > 0 and selected[0]["responsesReceived"] > 0


def assert_counts_known(summary: dict[str, Any]) -> None:
    """Both directions' heartbeat accounting is known: numbers, nothing lost."""
    for direction in ("local", "remote"):
        counts = summary["peers"][direction]
        assert "unknown" not in counts, summary["peers"]
        assert isinstance(counts["sent"], int) and isinstance(counts["received"], int), counts
        assert counts["lost"] == 0, counts


@pytest.mark.parametrize("browser_offers", [False, True], ids=["icescope-offers", "browser-offers"])
def test_connect_then_close_from_icescope(browser_offers: bool) -> None:
    result = run_scenario("close-local", browser_offers=browser_offers)
    assert_connected_both_sides(result)
    assert_private_only(result)
    page = result["page"]
    assert page["role"] == ("offerer" if browser_offers else "answerer")
    # The page answered IceScope's offer once: inlined in the page, then skipped when the
    # same offer came over the WebSocket.
    sent = [m["name"] for m in page["marks"] if m["name"].startswith("sent ")]
    assert sent.count("sent answer" if not browser_offers else "sent offer") == 1, sent
    skipped = [m["detail"] for m in page["marks"] if m["name"] == "skipped inlined"]
    assert skipped == (["hello"] if browser_offers else ["hello", "offer"]), page["marks"]
    # IceScope's bye closed the page's peer, which says so.
    assert page["closedBy"] == "remote"
    assert page["states"]["ice"] == "closed" and page["states"]["connection"] == "closed"
    assert result["summary"]["final_state"]["remote"] in ("connected", "completed", "closed")
    closed = [e for e in of(result, "local", "iceconnectionstatechange") if e["state"] == "closed"]
    assert closed and closed[0]["provenance"] == "local-close"
    # The page answered IceScope's bye with its final counts, after its closed states.
    assert result["summary"]["final_state"] == {"local": "closed", "remote": "closed"}
    assert result["summary"]["closed_by"] == {"local": "local-close", "remote": "remote-close"}
    assert_counts_known(result["summary"])
    # Heartbeats both ways, nothing lost: the page got every one IceScope sent, and vice versa.
    summary = result["summary"]["peers"]["local"]
    assert summary["sent"] >= 5 and summary["lost"] == 0
    assert page["hbReceived"] == summary["sent"] == page["peerSent"]
    assert summary["received"] == page["hbSent"]


def test_close_from_the_browser() -> None:
    result = run_scenario("close-browser")
    assert_connected_both_sides(result)
    page = result["page"]
    assert page["closedBy"] == "local"
    # The page's Close reached IceScope as a bye (with the heartbeat count) and closed it.
    remote_closed = [
        e for e in of(result, "remote", "iceconnectionstatechange") if e["state"] == "closed"
    ]
    assert remote_closed and remote_closed[0]["provenance"] == "page-closed"
    assert states(result, "local")[-1] == "closed"
    local_closed = [
        e for e in of(result, "local", "connectionstatechange") if e["state"] == "closed"
    ]
    assert local_closed and local_closed[0]["provenance"] == "page-closed", local_closed
    summary = result["summary"]
    assert summary["closed_by"] == {"local": "page-closed", "remote": "page-closed"}
    assert_counts_known(summary)
    assert summary["final_state"] == {"local": "closed", "remote": "closed"}
    assert summary["peers"]["local"]["lost"] == 0
    assert summary["peers"]["local"]["received"] == page["hbSent"]
    # The browser's own figures, from its reports and its bye.
    remote = summary["peers"]["remote"]
    assert remote["sent"] == page["hbSent"] and remote["received"] == page["hbReceived"]
    assert remote["lost"] == 0
    assert summary["time_in_state"]["remote"].get("checking", 0) > 0


def check_restart(result: dict[str, Any], initiator_peer: str) -> None:
    assert_connected_both_sides(result)
    # The side that offers the restart controls it, as Chromium decides too: no role conflict
    # (with roles kept, a restart offered by the controlled side left both agents controlled,
    # or both controlling, and every such restart had one).
    assert result["role_conflicts"] == []
    offered_first = "remote" if result["browser_offers"] else "local"
    assert result["role_before_restart"] == (
        "controlling" if offered_first == "local" else "controlled"
    )
    assert result["role_after_restart"] == (
        "controlling" if initiator_peer == "local" else "controlled"
    )
    local = [e for e in of(result, "local", "icerestart") if e["phase"] == "complete"]
    remote = [e for e in of(result, "remote", "icerestart") if e["phase"] == "complete"]
    assert local and remote, (of(result, "local", "icerestart"), of(result, "remote", "icerestart"))
    assert local[0]["old_ufrag"] != local[0]["new_ufrag"]
    assert remote[0]["old_ufrag"] != remote[0]["new_ufrag"]
    starts = [e for e in of(result, initiator_peer, "icerestart") if e["phase"] == "start"]
    assert starts and starts[0]["initiator"] == "local"
    # No heartbeat lost across the restart, on either side.
    page = result["page"]
    summary = result["summary"]["peers"]["local"]
    assert summary["lost"] == 0
    assert page["hbReceived"] == summary["sent"]
    assert summary["received"] == page["hbSent"]


OFFERS = pytest.mark.parametrize(
    "browser_offers", [False, True], ids=["icescope-offers", "browser-offers"]
)


@OFFERS
def test_icescope_initiated_restart(browser_offers: bool) -> None:
    check_restart(run_scenario("restart-local", browser_offers=browser_offers), "local")


@OFFERS
def test_browser_initiated_restart(browser_offers: bool) -> None:
    check_restart(run_scenario("restart-browser", browser_offers=browser_offers), "remote")


def test_killed_browser_makes_the_remote_stale_within_two_seconds() -> None:
    result = run_scenario("kill-browser")
    kill = result["kill"]
    assert kill["killed"] >= 1
    # The page's last report said connected; the model says stale, not a live green state.
    assert kill["remote_ice_when_stale"] in ("connected", "completed"), kill
    assert kill["stale_after"] < 2.0, kill
    assert (
        kill["stale_reason"] in ("connection lost", "page closed")
        or "no message" in (kill["stale_reason"])
    ), kill
    # The local peer is left running: ICE notices the dead path on its own.
    assert kill["local_ice_when_stale"] in ("connected", "completed"), kill
    assert kill["still_stale"], kill
    summary = result["summary"]
    assert "stale" in summary["state_notes"]["remote"], summary
    # No bye came: the page's final counts are unknown, and the summary says why.
    assert summary["peers"]["local"]["lost"] is None and summary["peers"]["local"]["unknown"]
    gone = [e for e in of(result, "remote", "remotechannel") if not e["alive"]]
    assert gone and gone[0]["ts"] < min(
        e["ts"] for e in of(result, "local", "iceconnectionstatechange")
        if e["state"] == "disconnected"
    )  # fmt: skip
