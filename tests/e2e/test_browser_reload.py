"""A browser page reloaded after it connected begins a new call (Debian's Chromium, Playwright).

aiortc cannot renegotiate DTLS with the reloaded page (a new fingerprint), so the session gives
it a new local peer connection: the old one closes (by the page's DTLS close, or ``replaced``),
a ``call`` event says call 2 began, and the session reaches ``connected`` again with the new
page. The journal and the summary tell both calls.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import Settings
from icescope.core.events import (
    CallStarted,
    Listening,
    Machine,
    Peer,
    SessionEvent,
    StateChanged,
)
from icescope.core.netif import AddressSelection
from icescope.core.session import Session
from tests.sysreq import require_binary

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [pytest.mark.e2e, pytest.mark.needs_chromium]


async def until(condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 (events arrive through the hub)
            await asyncio.sleep(0.02)


def sent(session: Session) -> int:
    beat = session.model.local.heartbeat
    return 0 if beat is None else beat.sent


def up(state: str) -> bool:
    return state in ("connected", "completed")


async def test_a_page_reloaded_after_connected_gets_a_new_call(tmp_path: Path) -> None:
    require_binary("chromium", "install Debian's chromium package")
    pytest.importorskip("playwright.async_api", reason="pip install playwright")
    from playwright.async_api import async_playwright

    from tests.e2e.browser_scenario import launch

    journal = tmp_path / "session.jsonl"
    session = Session(
        Settings(
            mode="browser",
            addresses=AddressSelection(addresses=("127.0.0.1",)),
            journal_path=journal,
            heartbeat_interval=0.2,
        )
    )
    events: list[SessionEvent] = []
    session.hub.subscribe(events.append)

    def local_ice() -> list[StateChanged]:
        return [
            e
            for e in events
            if isinstance(e, StateChanged) and e.peer is Peer.LOCAL and e.machine is Machine.ICE
        ]

    def calls() -> list[CallStarted]:
        return [e for e in events if isinstance(e, CallStarted)]

    async with asyncio.timeout(90), async_playwright() as p:
        browser = await launch(p)
        try:
            await session.start()
            url = next(e.url for e in events if isinstance(e, Listening))
            page = await browser.new_page()
            await page.goto(url)
            await until(lambda: up(session.model.local.ice.value))
            # Heartbeats flowed in call 1 before the reload.
            await until(lambda: sent(session) > 0)
            first = session.local
            await page.reload()
            await until(lambda: len(calls()) == 1)
            assert session.local is not first and first is not None and first.closed
            await until(lambda: up(session.model.local.ice.value))
            assert session.model.call == 2
            assert not session.ended
            await until(
                lambda: session.model.remote.observed and up(session.model.remote.ice.value)
            )
        finally:
            await browser.close()
            summary = await session.close()
    call = calls()[0]
    assert call.number == 2 and call.reason == "page-rejoined"
    # Call 1's local peer closed before call 2 began; every fact after the event is call 2's.
    at = call.ts
    closed_before = [e for e in local_ice() if e.state == "closed" and e.ts <= at]
    assert len(closed_before) == 1, local_ice()
    assert closed_before[0].provenance.value in ("auto-close", "replaced")
    assert any(up(e.state) for e in local_ice() if e.ts > at)
    # The summary: the last call's figures, the count, and each call's outcome.
    assert summary["calls"] == 2
    history = summary["call_history"]
    assert [c["call"] for c in history] == [1, 2]
    assert history[0]["connected"] and history[1]["connected"]
    assert history[0]["ended"] == pytest.approx(at, abs=1e-3)
    assert history[0]["closed_by"] in ("auto-close", "replaced")
    assert history[1]["closed_by"] == "local-close"
    assert summary["verdict"]["connected"] is True
    assert summary["closed_by"]["local"] == "local-close"
    # Heartbeats are per call: call 1's local peer sent some, call 2's counts start from 0.
    assert history[0]["peers"]["remote"]["sent"] > 0
    assert summary["peers"] == history[1]["peers"]
    # The journal says the same: the call line, then the summary with both calls.
    records = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    call_lines = [r for r in records if r["type"] == "call"]
    assert len(call_lines) == 1 and call_lines[0]["number"] == 2
    if history[0]["closed_by"] == "auto-close":  # the page's close came first: the session said
        waiting = [r for r in records if r["type"] == "session" and r["phase"] == "waiting"]
        assert len(waiting) == 1 and waiting[0]["ts"] <= call_lines[0]["ts"]
    assert records[-1]["type"] == "summary" and records[-1]["calls"] == 2
