"""Make real dump files with Debian's Chromium: what chrome://webrtc-internals downloads.

Run as ``python -m tests.formats.chromium_dumps OUTDIR`` inside a sealed network namespace
(tests/netns.py, ``private_link=True``): one tab on ``chrome://webrtc-internals``, one page with
two RTCPeerConnections joined by a data channel (signaling inside the page), an ICE restart of
the first one after a few statistics samples, then the internals page's own download buttons:
the webrtc-internals dump as ``.txt`` (compression unticked) and as ``.gz``, and the rtcstats v3
export (always gzipped). The ICE server is a TURN URL on an unused loopback port with the
credential ``s3cret``, so tests can check that no credential travels. Prints one JSON line:
the files written and the page's own record.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from tests.e2e.browser_scenario import CHROMIUM, CHROMIUM_ARGS

SECRET = "s3cret"
PAGE = """async () => {
  const rec = {events: [], errors: []};
  window.rec = rec;
  const config = {iceServers: [{urls: 'turn:127.0.0.1:9?transport=udp', username: 'user',
                                credential: 'SECRET'}]};
  const pc1 = new RTCPeerConnection(config), pc2 = new RTCPeerConnection(config);
  window.pcs = [pc1, pc2];
  for (const [name, pc, other] of [['pc1', pc1, () => pc2], ['pc2', pc2, () => pc1]]) {
    pc.onicecandidate = (e) => { if (e.candidate) other().addIceCandidate(e.candidate)
      .catch((err) => rec.errors.push(String(err))); };
    pc.oniceconnectionstatechange = () => rec.events.push([name, pc.iceConnectionState]);
  }
  pc1.createDataChannel('hb');
  window.negotiate = async (restart) => {
    if (restart) pc1.restartIce();
    await pc1.setLocalDescription();
    await pc2.setRemoteDescription(pc1.localDescription);
    await pc2.setLocalDescription();
    await pc1.setRemoteDescription(pc2.localDescription);
  };
  await window.negotiate(false);
}""".replace("SECRET", SECRET)
UP = "['connected', 'completed'].includes(window.pcs[0].iceConnectionState)"
PAIR = """async () => { const r = await window.pcs[0].getStats(); let id = null;
  r.forEach((s) => { if (s.type === 'transport') id = s.selectedCandidatePairId; }); return id; }"""


async def _pair(page: Any) -> str | None:
    pair: str | None = await page.evaluate(PAIR)
    return pair


async def _wait_samples(internals: Any, count: int) -> None:
    """Wait (bounded) until the internals page has polled ``count`` more statistics samples."""
    for _ in range(count):
        await internals.wait_for_timeout(1100)  # webrtc-internals polls getStats every 1000 ms


async def make(out: Path) -> dict[str, Any]:
    """Run the page, download the three dumps into ``out``, return what was written."""
    from playwright.async_api import async_playwright

    written: dict[str, Any] = {}
    async with asyncio.timeout(90), async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            context = await browser.new_context(accept_downloads=True)
            internals = await context.new_page()
            await internals.goto("chrome://webrtc-internals")
            page = await context.new_page()
            await page.goto("about:blank")
            await page.evaluate(PAGE)
            await page.wait_for_function(UP, timeout=15000, polling=50)
            await _wait_samples(internals, 3)
            before = await _pair(page)
            await page.evaluate("() => window.negotiate(true)")
            for _ in range(100):  # bounded: 10 s for the restarted generation to be selected
                if (await _pair(page)) not in (None, before):
                    break
                await page.wait_for_timeout(100)
            await _wait_samples(internals, 3)
            await internals.bring_to_front()
            await internals.evaluate(
                "() => document.querySelectorAll('details').forEach((d) => d.open = true)"
            )
            for name, compress, button in (
                ("webrtc_internals_dump.gz", True, "#dump-click-target"),
                ("webrtc_internals_dump.txt", False, "#dump-click-target"),
                ("rtcstats_dump.gz", None, "#dump-click-target-rtcstats"),
            ):
                if compress is not None:
                    await internals.set_checked("#dump-checkbox", compress)
                async with internals.expect_download(timeout=20000) as info:
                    await internals.click(button)
                download = await info.value
                await download.save_as(out / name)
                written[name] = (out / name).stat().st_size
            written["page"] = await page.evaluate("() => window.rec")
            written["restarted_pair"] = [before, await _pair(page)]
        finally:
            await browser.close()
    return written


def main() -> int:
    """``python -m tests.formats.chromium_dumps OUTDIR``."""
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    result = asyncio.run(make(out))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
