"""Timeline of one IceScope ↔ Chromium connect (and restart), on one clock.

Merges, in unix time: IceScope's debug logs (aioice checks, aiortc DTLS/SCTP, the engine),
IceScope's typed events, and the page's own record (``performance.timeOrigin`` + ``at``; the
page runs on the same machine, so both clocks are the system clock). Everything runs inside a
sealed network namespace (tests/netns.py); run as root:
``python benchmarks/trace_browser.py [--restart] [--browser-offers]``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
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
from icescope.core.events import IceRestart, Listening, Peer  # noqa: E402
from icescope.core.netif import AddressSelection  # noqa: E402
from icescope.core.session import Session  # noqa: E402

PAGE_RECORD = """() => ({origin: performance.timeOrigin, events: window.icescope.events,
  marks: window.icescope.marks || [],
  timing: performance.getEntriesByType('navigation').concat(
    performance.getEntriesByType('resource')).map(e => e.toJSON())})"""
TIMING_KEYS = (
    "fetchStart",
    "connectEnd",
    "requestStart",
    "responseStart",
    "responseEnd",
    "domInteractive",
    "domContentLoadedEventStart",
    "loadEventStart",
)


class Collector(logging.Handler):
    """Keeps every log record with its creation time (unix seconds)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[tuple[float, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            stun_line = _stun_summary(record)
        except Exception:  # a trace must never break the code it watches
            stun_line = None
        text = stun_line or f"py  {record.name}: {record.getMessage()}"[:220]
        self.lines.append((record.created, text))


def _stun_summary(record: logging.LogRecord) -> str | None:
    """One compact line for a STUN message aioice logged (``<`` in, ``>`` out).

    Keeps what the roles and nomination turn on: class, transaction, USERNAME, the role
    attribute with its tie-breaker, USE-CANDIDATE and an error code.
    """
    from aioice import stun

    args = record.args if isinstance(record.args, tuple) else ()
    message = next((a for a in args if isinstance(a, stun.Message)), None)
    if message is None or len(args) != 4:  # aioice: "%s %s < %s %s" (conn, protocol, addr, msg)
        return None
    conn, _protocol, addr, _message = args
    direction = "<" if "< " in str(record.msg) else ">"
    attrs = message.attributes
    role = next((k for k in ("ICE-CONTROLLING", "ICE-CONTROLLED") if k in attrs), "")
    parts = [
        f"stun {conn} {direction} {addr[1]}",
        message.message_class.name,
        message.transaction_id.hex()[:8],
        str(attrs.get("USERNAME", "")),
        f"{role}={attrs[role] % 10000:04d}" if role else "",
        "USE-CANDIDATE" if "USE-CANDIDATE" in attrs else "",
        str(attrs.get("ERROR-CODE", "")),
    ]
    return " ".join(p for p in parts if p)


def _page_line(event: dict[str, Any]) -> str:
    skip = {"type", "event", "at"}
    fields = " ".join(f"{k}={v}" for k, v in event.items() if k not in skip and v not in ("", None))
    return f"page {event.get('event')}: {fields}"[:220]


async def watch_loop(lines: list[tuple[float, str]]) -> None:
    """Record every event-loop stall over 5 ms (the loop was busy or starved of CPU)."""
    loop = asyncio.get_running_loop()
    while True:
        before = loop.time()
        await asyncio.sleep(0.001)
        lag = loop.time() - before - 0.001
        if lag > 0.005:
            lines.append((time.time(), f"py  event loop stalled {lag * 1000:.1f} ms"))


def log_frames() -> None:
    """Log each WebSocket frame from the page as it reaches IceScope's inbox."""
    from icescope.core.signaling.websocket import WebSocketSignaling

    feed = WebSocketSignaling.feed
    frames = logging.getLogger("trace.ws")

    def logged(self: WebSocketSignaling, data: str | bytes | None) -> None:
        frames.debug("frame in: %s", str(data)[:60])
        feed(self, data)

    WebSocketSignaling.feed = logged  # type: ignore[method-assign]


async def trace(
    restart: bool, browser_offers: bool, browser_restarts: bool = False
) -> list[tuple[float, str]]:
    from playwright.async_api import async_playwright

    log_frames()

    collector = Collector()
    logging.getLogger().addHandler(collector)
    logging.getLogger().setLevel(logging.DEBUG)
    for name in ("asyncio", "aiohttp"):
        logging.getLogger(name).setLevel(logging.WARNING)
    settings = Settings(
        mode="browser",
        addresses=AddressSelection(addresses=(PRIVATE_ADDRESS,)),
        browser_offers=browser_offers,
        journal_enabled=False,
    )
    lines: list[tuple[float, str]] = []
    watcher = asyncio.ensure_future(watch_loop(lines))
    session = Session(settings)
    events: list[Any] = []
    session.hub.subscribe(events.append)
    async with asyncio.timeout(60), async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page()
            await page.goto("about:blank")  # warm the renderer, as the benchmark does
            lines.append((time.time(), "--- session start"))
            await session.start()
            url = next(e.url for e in events if isinstance(e, Listening))
            lines.append((time.time(), "--- page.goto"))
            await page.goto(url)
            await page.wait_for_function(up("window.icescope.states.ice"), polling=5)
            assert await session.wait_connected(10)
            lines.append((time.time(), "--- both connected (seen by the driver)"))
            if restart:
                await asyncio.sleep(0.5)
                if browser_restarts:
                    lines.append((time.time(), "--- restart_ice() (the page's Restart button)"))
                    await page.click("#restart")
                else:
                    lines.append((time.time(), "--- restart_ice()"))
                    await session.restart_ice()
                await page.wait_for_function(
                    "window.icescope.restarts.some(r => r.phase !== 'start')", polling=5
                )
                async with asyncio.timeout(10):
                    while not any(  # noqa: ASYNC110
                        isinstance(e, IceRestart) and e.peer is Peer.LOCAL and e.phase != "start"
                        for e in events
                    ):
                        await asyncio.sleep(0.005)
                lines.append((time.time(), "--- restart done on both (seen by the driver)"))
            record = await page.evaluate(PAGE_RECORD)
        finally:
            await session.close()
            await browser.close()
            watcher.cancel()
    origin = record["origin"] / 1000
    lines.append((origin, "page navigation start (performance.timeOrigin)"))
    for event in record["events"]:
        lines.append((origin + event["at"] / 1000, _page_line(event)))
    for mark in record["marks"]:
        lines.append(
            (origin + mark["at"] / 1000, f"page mark {mark['name']} {mark.get('detail', '')}")
        )
    for entry in record["timing"]:
        name = str(entry["name"]).split("?")[0].rsplit("/", 1)[-1] or "index"
        for key in TIMING_KEYS:
            if entry.get(key):
                lines.append((origin + entry[key] / 1000, f"page timing {name} {key}"))
    for event in events:
        if event.peer is Peer.LOCAL:
            lines.append((event.wall, f"ev  {event.summary()}"[:220]))
    lines.extend(collector.lines)
    return sorted(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--restart", action="store_true")
    parser.add_argument("--browser-offers", action="store_true")
    parser.add_argument("--browser-restarts", action="store_true", help="the page restarts")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        lines = asyncio.run(trace(args.restart, args.browser_offers, args.browser_restarts))
        t0 = next(t for t, text in lines if text.startswith("--- page.goto"))
        for t, text in lines:
            print(f"{(t - t0) * 1000:9.1f} ms  {text}")
        return 0
    if os.geteuid() != 0:
        print("needs root (a sealed network namespace keeps all traffic local)", file=sys.stderr)
        return 2
    argv = [sys.executable, __file__, "--inside"]
    argv += ["--restart"] if args.restart else []
    argv += ["--browser-offers"] if args.browser_offers else []
    argv += ["--browser-restarts"] if args.browser_restarts else []
    with netns("icescope-trace", private_link=True) as ns:
        done = subprocess.run(["ip", "netns", "exec", ns, *argv], timeout=120, check=False)
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
