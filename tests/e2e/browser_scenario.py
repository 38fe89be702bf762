"""One IceScope ↔ Chromium scenario, run as a subprocess inside a test's network namespace.

``python -m tests.e2e.browser_scenario SCENARIO --address A [--browser-offers]`` prints one
JSON object: IceScope's events, the page's own record (``window.icescope``) and the session summary.
Scenarios: ``close-local``, ``close-browser``, ``restart-local``, ``restart-browser``,
``kill-browser`` (the browser's processes are killed mid-session) and ``late-checks``
(close-local, with every datagram arriving at IceScope dropped until 0.3 s after the browser's
end-of-candidates: the browser's checks come after it, as on a slow path).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from icescope.core.config import Settings
from icescope.core.events import CandidateGathered, IceRestart, Listening, Peer
from icescope.core.ice.stats import ice_role
from icescope.core.netif import AddressSelection
from icescope.core.session import Session

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--allow-loopback-in-peer-connection",
    # Real host addresses instead of mDNS names: the namespace has no multicast DNS.
    "--disable-features=WebRtcHideLocalIpsWithMdns",
]
PAGE_STATE = """() => { const s = window.icescope; return {states: s.states, role: s.role,
  connectedAt: s.connectedAt, closedBy: s.closedBy, hbSent: s.hbSent, hbReceived: s.hbReceived,
  peerSent: s.peerSent, restarts: s.restarts, pair: s.pair, errors: s.errors,
  events: s.events, marks: s.marks, statsSent: s.statsSent, lastStats: s.lastStats,
  timeOrigin: performance.timeOrigin}; }"""


ROLE_CONFLICT_LOGS = ("Role conflict", "Switching to")
"""What aioice logs when it answers a role conflict with 487 or changes its role over one."""


class RoleConflicts(logging.Handler):
    """Keeps aioice's role-conflict messages (either side of a conflict logs one here)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if any(key in message for key in ROLE_CONFLICT_LOGS):
            self.messages.append(message)


def chromium_descendants() -> list[int]:
    """This process's descendants running Chromium (the browser Playwright launched for us)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    mine = {os.getpid()}
    for _ in range(10):  # bounded depth: driver -> browser -> zygote -> renderer ...
        mine |= {pid for pid, ppid in parents.items() if ppid in mine}
    found = []
    for pid in sorted(mine - {os.getpid()}):
        try:
            exe = os.readlink(f"/proc/{pid}/exe")
        except OSError:
            continue
        if "chrom" in Path(exe).name:
            found.append(pid)
    return found


async def kill_browser(session: Session, events: list[Any]) -> dict[str, Any]:
    """SIGKILL every Chromium process we started; time how fast the model says stale."""
    pids = chromium_descendants()
    if not pids:
        raise AssertionError("found no Chromium process to kill")
    killed_at = session.clock.ts()
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):  # already gone with its parent
            os.kill(pid, signal.SIGKILL)
    out: dict[str, Any] = {"killed": len(pids)}
    async with asyncio.timeout(10):
        while session.model.remote.staleness() is None:  # noqa: ASYNC110 (the model is fed by the hub)
            await asyncio.sleep(0.01)
        stale = session.model.remote.staleness()
        assert stale is not None
        out["stale_after"] = session.clock.ts() - killed_at
        out["stale_reason"] = stale.reason
        out["remote_ice_when_stale"] = session.model.remote.ice.value
        out["local_ice_when_stale"] = session.model.local.ice.value
        while session.model.local.ice.value not in ("disconnected", "failed"):  # noqa: ASYNC110
            await asyncio.sleep(0.02)
        out["local_disconnected_after"] = session.clock.ts() - killed_at
        out["still_stale"] = session.model.remote.staleness() is not None
    return out


async def launch(playwright: Any) -> Any:
    return await playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )


async def wait_page(page: Any, expression: str, timeout: float = 10.0) -> None:
    await page.wait_for_function(expression, timeout=timeout * 1000, polling=20)


def up(expr: str) -> str:
    return f"['connected', 'completed'].includes({expr})"


async def scenario(name: str, browser_offers: bool, address: str) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    settings = Settings(
        mode="browser",
        addresses=AddressSelection(addresses=(address,)),
        browser_offers=browser_offers,
        journal_enabled=False,
    )
    session = Session(settings)
    events: list[Any] = []
    session.hub.subscribe(events.append)
    result: dict[str, Any] = {"scenario": name, "browser_offers": browser_offers}
    conflicts = RoleConflicts()
    aioice_log = logging.getLogger("aioice.ice")
    aioice_log.setLevel(logging.INFO)
    aioice_log.addHandler(conflicts)
    result["role_conflicts"] = conflicts.messages
    async with asyncio.timeout(60), async_playwright() as p:
        browser = await launch(p)
        try:
            late = name == "late-checks"
            await session.start(
                prepare=(lambda s: s.impair(Peer.LOCAL, "blackout", direction="in"))
                if late
                else None
            )
            opener = asyncio.ensure_future(
                open_after_end(session, events) if late else asyncio.sleep(0)
            )
            url = next(e.url for e in events if isinstance(e, Listening))
            page = await browser.new_page()
            loaded = time.time()
            await page.goto(url)
            if not await session.wait_connected(10):
                page_state = await page.evaluate(PAGE_STATE)
                raise AssertionError(
                    "IceScope never connected: "
                    + json.dumps([e.to_dict() for e in events])
                    + json.dumps(page_state)
                )
            await wait_page(page, up("window.icescope.states.ice"))
            result["connected_after"] = time.time() - loaded
            result["can_restart"] = session.can_restart
            await asyncio.sleep(0.8)
            if name.startswith("restart") and not session.can_restart:
                raise AssertionError("the ICE engine cannot restart: can_restart is False")
            if name == "restart-local":
                result["role_before_restart"] = ice_role(session.local.pc)  # type: ignore[union-attr]
                await session.restart_ice()
                await wait_for_restart(events, Peer.LOCAL)
                await wait_page(page, "window.icescope.restarts.some(r => r.phase !== 'start')")
                await asyncio.sleep(0.8)
            elif name == "restart-browser":
                result["role_before_restart"] = ice_role(session.local.pc)  # type: ignore[union-attr]
                await page.click("#restart")
                await wait_page(page, "window.icescope.restarts.some(r => r.phase !== 'start')")
                await wait_for_restart(events, Peer.LOCAL)
                await asyncio.sleep(0.8)
            if name.startswith("restart"):
                result["role_after_restart"] = ice_role(session.local.pc)  # type: ignore[union-attr]
            await wait_page(page, "window.icescope.statsSent >= 1", timeout=5)
            try:
                async with asyncio.timeout(5):
                    while session.model.remote.stats is None:  # noqa: ASYNC110
                        await asyncio.sleep(0.02)
            except TimeoutError:
                notices = [e.to_dict() for e in events if e.type == "notice"]
                raise AssertionError(f"no remote stats arrived: {notices}") from None
            result["remote_channel"] = session.model.remote.channel.to_dict()  # type: ignore[union-attr]
            if name == "kill-browser":
                result["kill"] = await kill_browser(session, events)
                summary = await session.close()
                result["summary"] = summary
                result["events"] = [e.to_dict() for e in events]
                return result
            if name == "close-browser":
                await page.click("#close")
                async with asyncio.timeout(5):
                    await session.wait_ended()
            await opener
            summary = await session.close()
            if name != "close-browser":
                await wait_page(page, "window.icescope.closedBy !== null", timeout=5)
            await asyncio.sleep(0.3)
            result["page"] = await page.evaluate(PAGE_STATE)
            result["user_agent"] = await page.evaluate("navigator.userAgent")
        finally:
            if "kill" not in result:  # a killed browser has nothing left to close
                await browser.close()
            if not session.ended:
                summary = await session.close()
    result["summary"] = summary
    result["events"] = [e.to_dict() for e in events]
    return result


async def open_after_end(session: Session, events: list[Any], timeout: float = 10.0) -> None:
    """Clear the local peer's impairment 0.3 s after the browser's end-of-candidates."""
    async with asyncio.timeout(timeout):
        while not any(  # noqa: ASYNC110 (events arrive via the hub; polling is simplest)
            isinstance(e, CandidateGathered) and e.peer is Peer.REMOTE and e.end for e in events
        ):
            await asyncio.sleep(0.01)
    await asyncio.sleep(0.3)
    session.impair(Peer.LOCAL, "clear")


async def wait_for_restart(events: list[Any], peer: Peer, timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not any(  # noqa: ASYNC110 (events arrive via the hub; polling is simplest)
            isinstance(e, IceRestart) and e.peer is peer and e.phase != "start" for e in events
        ):
            await asyncio.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario")
    parser.add_argument("--browser-offers", action="store_true")
    parser.add_argument("--address", required=True, help="the only host address to gather")
    args = parser.parse_args()
    result = asyncio.run(scenario(args.scenario, args.browser_offers, args.address))
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
