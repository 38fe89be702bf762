"""The HTML report in real Chromium: renders with no console error and no network request, and
hostile peer-controlled strings (candidates, messages, user agents) stay text."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import pytest

from icescope.core.events import CandidateGathered, Notice, Peer, SelectedPairChanged
from icescope.core.formats.report_html import render
from tests.e2e.browser_scenario import CHROMIUM, CHROMIUM_ARGS
from tests.formats.helpers import events_of, fold
from tests.sysreq import require_binary

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [pytest.mark.e2e, pytest.mark.needs_chromium]
HOSTILE = "<img src=http://203.0.113.7/x onerror=alert(1)><script>alert(2)</script>"


async def _open(path: Path) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    seen: dict[str, Any] = {"console": [], "requests": [], "dialogs": []}
    async with asyncio.timeout(60), async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page()
            page.on("console", lambda m: seen["console"].append((m.type, m.text)))
            page.on("pageerror", lambda e: seen["console"].append(("pageerror", str(e))))
            page.on("request", lambda r: seen["requests"].append(r.url))
            page.on("dialog", lambda d: seen["dialogs"].append(d.message))
            await page.goto(path.as_uri(), wait_until="load")
            seen["text"] = await page.inner_text("body")
            seen["svgs"] = await page.locator("svg").count()
            seen["images"] = await page.locator("img").count()
        finally:
            await browser.close()
    return seen


def test_report_renders_inert_in_chromium(internals_gz: Path, tmp_path: Path) -> None:
    require_binary("chromium", "install Debian's chromium package")
    pytest.importorskip("playwright.async_api", reason="pip install playwright")
    events = events_of(internals_gz, "8-1")
    end = events[-1]
    hostile = [
        CandidateGathered(ts=end.ts, wall=end.wall, peer=Peer.REMOTE, candidate_type=HOSTILE,
                          protocol="udp", address=HOSTILE, port=1),
        Notice(ts=end.ts, wall=end.wall, peer=Peer.REMOTE, level="warning", code="remote-hello",
               message=f"user agent {HOSTILE}"),
        SelectedPairChanged(ts=end.ts, wall=end.wall, peer=Peer.LOCAL, local=HOSTILE,
                            remote="host udp 192.0.2.1:9"),
    ]  # fmt: skip
    events += hostile
    model = fold(events)
    from icescope.core.model import summary

    path = tmp_path / "report.html"
    config = {"iceServers": [{"urls": ["turn:127.0.0.1:9"], "credential": "s3cret"}]}
    path.write_text(render(events, summary(model, model.last_ts, None), config=config))
    assert "s3cret" not in path.read_text()
    seen = _run(path)
    assert seen["console"] == [] and seen["dialogs"] == []
    assert seen["requests"] == [path.as_uri()]
    assert seen["images"] == 0 and seen["svgs"] >= 2
    assert "<script>alert(2)</script>" in seen["text"]  # shown as text, never run
    assert "192.0.2.1" not in seen["text"]  # addresses pseudonymised by default


def _run(path: Path) -> dict[str, Any]:
    return asyncio.run(_open(path))
