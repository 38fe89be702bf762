"""Browser benchmark: IceScope ↔ Chromium vs Chromium ↔ Chromium, measured in one run.

Times, per trial:
* connect: from the start of page navigation until both peers are connected;
* restart: from restartIce() until both peers use the new ICE generation.

IceScope ↔ Chromium uses the real browser-peer page and WebSocket signaling; the reference
is two RTCPeerConnections in one page (in-page signaling), i.e. the best case. Target: the
IceScope median within 1.5× the reference. Everything runs inside a sealed network namespace
(tests/netns.py); run as root: ``python benchmarks/bench_browser.py [--trials N]``.
Writes benchmarks/results/browser.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.e2e.browser_scenario import CHROMIUM, CHROMIUM_ARGS, up  # noqa: E402
from tests.netns import PRIVATE_ADDRESS, netns  # noqa: E402

from icescope.core.config import Settings  # noqa: E402
from icescope.core.events import IceRestart, Notice, Peer  # noqa: E402
from icescope.core.netif import AddressSelection  # noqa: E402
from icescope.core.session import Session  # noqa: E402

TARGET_RATIO = 1.5
PAIR_JS = """async () => {
  const a = new RTCPeerConnection(), b = new RTCPeerConnection();
  window.pair = {a, b};
  a.onicecandidate = e => e.candidate && b.addIceCandidate(e.candidate);
  b.onicecandidate = e => e.candidate && a.addIceCandidate(e.candidate);
  a.createDataChannel('hb', {negotiated: true, id: 0});
  b.createDataChannel('hb', {negotiated: true, id: 0});
  const upOf = pc => new Promise(r => {
    const f = () => ['connected', 'completed'].includes(pc.iceConnectionState) && r();
    pc.addEventListener('iceconnectionstatechange', f); f(); });
  await a.setLocalDescription(await a.createOffer());
  await b.setRemoteDescription(a.localDescription);
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription(b.localDescription);
  await Promise.all([upOf(a), upOf(b)]);
}"""
PAIR_RESTART_JS = """async () => {
  const {a, b} = window.pair;
  const ufrag = pc => /a=ice-ufrag:(\\S+)/.exec(pc.localDescription.sdp)[1];
  const selectedUfrag = async pc => {
    const s = await pc.getStats();
    for (const t of s.values()) if (t.type === 'transport' && t.selectedCandidatePairId) {
      const p = s.get(t.selectedCandidatePairId);
      return s.get(p.localCandidateId).usernameFragment; }
    return null; };
  const t0 = performance.now();
  a.restartIce();
  await a.setLocalDescription(await a.createOffer());
  await b.setRemoteDescription(a.localDescription);
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription(b.localDescription);
  for (let i = 0; i < 500; i++) {
    if (await selectedUfrag(a) === ufrag(a) && await selectedUfrag(b) === ufrag(b)) {
      return (performance.now() - t0) / 1000; }
    await new Promise(r => setTimeout(r, 10));
  }
  return -1;  // never switched: reported as null
}"""


async def icescope_trial(browser: Any) -> dict[str, float | None]:
    settings = Settings(
        mode="browser",
        addresses=AddressSelection(addresses=(PRIVATE_ADDRESS,)),
        journal_enabled=False,
    )
    session = Session(settings)
    events: list[Any] = []
    session.hub.subscribe(events.append)
    page = await browser.new_page()
    try:
        await session.start()
        url = next(
            e.message.rsplit(" ", 1)[-1]
            for e in events
            if isinstance(e, Notice) and e.code == "listening"
        )
        t0 = time.monotonic()
        await page.goto(url)
        connected = asyncio.ensure_future(session.wait_connected(15))
        await page.wait_for_function(up("window.icescope.states.ice"), polling=5, timeout=15000)
        assert await connected
        connect = time.monotonic() - t0
        page_connected_ms = await page.evaluate("window.icescope.connectedAt")
        restart = None
        if session.can_restart:
            t1 = time.monotonic()
            await session.restart_ice()
            await page.wait_for_function(
                "window.icescope.restarts.some(r => r.phase === 'complete')",
                polling=5,
                timeout=15000,
            )
            async with asyncio.timeout(15):
                while not any(  # noqa: ASYNC110
                    isinstance(e, IceRestart) and e.peer is Peer.LOCAL and e.phase == "complete"
                    for e in events
                ):
                    await asyncio.sleep(0.005)
            restart = time.monotonic() - t1
        return {"connect": connect, "restart": restart, "page_connected": page_connected_ms / 1000}
    finally:
        await session.close()
        await page.close()


async def reference_trial(browser: Any) -> dict[str, float | None]:
    page = await browser.new_page()
    try:
        t0 = time.monotonic()
        await page.goto("about:blank")
        await page.evaluate(PAIR_JS)
        connect = time.monotonic() - t0
        restart = float(await page.evaluate(PAIR_RESTART_JS))
        return {"connect": connect, "restart": restart if restart >= 0 else None}
    finally:
        await page.close()


def median(values: list[float | None]) -> float | None:
    real = [v for v in values if v is not None]
    return statistics.median(real) if real else None


async def measure(trials: int) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    ice: list[dict[str, float | None]] = []
    ref: list[dict[str, float | None]] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            await reference_trial(browser)  # warm-up, not counted
            for _ in range(trials):  # interleaved, so drift hits both alike
                ice.append(await icescope_trial(browser))
                ref.append(await reference_trial(browser))
            version = browser.version
        finally:
            await browser.close()
    out: dict[str, Any] = {"trials": trials, "chromium": version, "target_ratio": TARGET_RATIO}
    out["icescope_page_connected_s"] = [t.get("page_connected") for t in ice]
    for metric in ("connect", "restart"):
        mi, mr = median([t[metric] for t in ice]), median([t[metric] for t in ref])
        ratio = None if mi is None or mr is None or mr == 0 else mi / mr
        out[metric] = {
            "icescope_s": [t[metric] for t in ice],
            "chromium_pair_s": [t[metric] for t in ref],
            "icescope_median_s": mi,
            "chromium_pair_median_s": mr,
            "ratio": ratio,
            "within_target": None if ratio is None else ratio <= TARGET_RATIO,
        }
    if out["restart"]["icescope_median_s"] is None:
        out["restart"]["note"] = "ICE restart engine not merged: IceScope cannot restart yet"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        result = asyncio.run(measure(args.trials))
        print(json.dumps(result))
        return 0
    if os.geteuid() != 0:
        print("needs root (a sealed network namespace keeps all traffic local)", file=sys.stderr)
        return 2
    with netns("icescope-bench", private_link=True) as ns:
        done = subprocess.run(
            [
                "ip",
                "netns",
                "exec",
                ns,
                sys.executable,
                __file__,
                "--inside",
                "--trials",
                str(args.trials),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        return 1
    result = json.loads(done.stdout.strip().splitlines()[-1])
    target = ROOT / "benchmarks" / "results" / "browser.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({m: result[m].get("ratio") for m in ("connect", "restart")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
