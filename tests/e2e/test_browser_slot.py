"""The browser-peer slot with Debian's Chromium (Playwright, executable_path) on 127.0.0.1.

A failed handshake (``GET /ws`` without Upgrade) first, then the real page, then a reload: the
reloaded page takes the slot again (the old one is gone) and what it sends is read, with a notice
that it begins a new call (aiortc cannot renegotiate DTLS with a new page: test_browser_reload).
"""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from icescope.core.config import Settings
from icescope.core.events import (
    Listening,
    Machine,
    Notice,
    Peer,
    RemoteChannel,
    SessionEvent,
    StateChanged,
)
from icescope.core.netif import AddressSelection
from icescope.core.session import Session
from tests.sysreq import require_binary

pytestmark = [pytest.mark.e2e, pytest.mark.needs_chromium]


async def until(condition, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 (events arrive through the hub)
            await asyncio.sleep(0.02)


async def test_a_reloaded_page_takes_the_slot_again() -> None:
    require_binary("chromium", "install Debian's chromium package")
    pytest.importorskip("playwright.async_api", reason="pip install playwright")
    from playwright.async_api import async_playwright

    from tests.e2e.browser_scenario import launch

    session = Session(
        Settings(
            mode="browser",
            addresses=AddressSelection(addresses=("127.0.0.1",)),
            journal_enabled=False,
        )
    )
    events: list[SessionEvent] = []
    session.hub.subscribe(events.append)

    def codes() -> list[str]:
        return [e.code for e in events if isinstance(e, Notice)]

    def remote_states() -> list[StateChanged]:
        return [e for e in events if isinstance(e, StateChanged) and e.peer is Peer.REMOTE]

    def channel() -> list[bool]:
        return [e.alive for e in events if isinstance(e, RemoteChannel)]

    async with asyncio.timeout(60), async_playwright() as p:
        browser = await launch(p)
        try:
            await session.start()
            # No ICE with the first page: its reload must not take IceScope's connection down
            # with its DTLS (when it had connected, aiortc closes that connection on its own).
            session.impair(Peer.LOCAL, "blackout")
            url = next(e.url for e in events if isinstance(e, Listening))
            async with aiohttp.ClientSession() as http, http.get(url.replace("/?", "/ws?")) as r:
                assert r.status == 400  # a failed handshake, with the token
            page = await browser.new_page()
            await page.goto(url)
            await until(lambda: channel() == [True])
            # The page answered IceScope's offer and reports its own states.
            await until(
                lambda: any(
                    e.machine is Machine.SIGNALING and e.state == "stable" for e in remote_states()
                )
            )
            await page.reload()
            await until(lambda: channel() == [True, False, True])
            # The reloaded page is the agent's peer: what it sends (its hello) is read.
            await until(lambda: codes().count("remote-hello") == 2)
            assert not session.ended
            # A second tab while the reloaded page holds the slot is still turned away.
            other = await browser.new_page()
            await other.goto(url)
            await until(lambda: "browser-busy" in codes())
        finally:
            await browser.close()
            summary = await session.close()
    assert codes().count("browser-connected") == 1
    assert "browser-rejoined" in codes()
    assert "signaling-lost" not in codes()
    assert summary["type"] == "summary"
