"""Long-running probes (``--duration 0``) that outlive their remote, as real subprocesses.

A listening probe serving ``/metrics`` accepts the next IceScope after its connector is killed
(call 2), its counters continuing; a connecting probe redials a listener that was killed and
started again on the same URL. Everything on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import signal
from typing import Any

import pytest
from prometheus_client.openmetrics.parser import text_string_to_metric_families

from tests.e2e.prom import OPENMETRICS, get
from tests.e2e.test_tcp_probes import probe_argv
from tests.e2e.turn_server import free_port
from tests.subproc import child_env

pytestmark = pytest.mark.e2e


class Probe:
    """One ``icescope probe`` subprocess whose JSON lines are collected as they come."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.lines: list[dict[str, Any]] = []
        assert proc.stdout is not None
        self._reading = asyncio.ensure_future(self._read(proc.stdout))

    @classmethod
    async def start(cls, *flags: str) -> Probe:
        proc = await asyncio.create_subprocess_exec(
            *probe_argv(*flags),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=child_env(),
        )
        return cls(proc)

    async def _read(self, stream: asyncio.StreamReader) -> None:
        while line := await stream.readline():
            self.lines.append(json.loads(line))

    async def until(self, what: str, check: Any, timeout: float = 30) -> Any:
        """Poll ``check(lines)`` until truthy (bounded); fail naming ``what``."""
        try:
            async with asyncio.timeout(timeout):
                while not (found := check(self.lines)):
                    assert self.proc.returncode is None, f"probe exited waiting for {what}"
                    await asyncio.sleep(0.05)
        except TimeoutError:
            raise AssertionError(f"timed out waiting for {what}: {self.lines[-5:]}") from None
        return found

    async def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.proc.returncode is None:
            self.proc.send_signal(sig)
        code = await asyncio.wait_for(self.proc.wait(), 20)
        await self._reading
        return code

    async def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        await asyncio.wait_for(self.proc.wait(), 10)
        await self._reading


def connected_in_call(call: int) -> Any:
    """A check: the local peer reached connected after call ``call`` began."""

    def check(lines: list[dict[str, Any]]) -> bool:
        current = 1
        for r in lines:
            if r.get("type") == "call":
                current = r["number"]
            elif (
                current == call
                and r.get("type") == "iceconnectionstatechange"
                and r["peer"] == "local"
                and r["state"] in ("connected", "completed")
            ):
                return True
        return False

    return check


def scrape(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    status, _, body = get(url, OPENMETRICS)
    assert status == 200, status
    return {
        (s.name, tuple(sorted((k, v) for k, v in s.labels.items() if k != "probe"))): s.value
        for family in text_string_to_metric_families(body)
        for s in family.samples
    }


def value(samples: dict[Any, float], name: str, **labels: str) -> float | None:
    return samples.get((name, tuple(sorted(labels.items()))))


async def test_a_listening_probe_accepts_the_next_peer_and_its_counters_go_on() -> None:
    metrics_port = free_port()
    url = f"http://127.0.0.1:{metrics_port}/metrics"
    listener = await Probe.start(
        "--listen", "127.0.0.1:0", "--duration", "0", "--metrics", f"127.0.0.1:{metrics_port}",
        "--stats-interval", "0.2", "--probe-name", "long-1",
    )  # fmt: skip
    first = second = None
    try:
        listening = await listener.until(
            "the listening URL", lambda ls: next((r for r in ls if r["type"] == "listening"), None)
        )
        first = await Probe.start("--connect", listening["url"], "--duration", "0")
        await listener.until("call 1 connected", connected_in_call(1))
        local = {"peer": "local", "remote": "tcp-listen"}
        sent = "icescope_heartbeat_sent_total"
        before = await listener.until(
            "heartbeats counted in call 1",
            lambda _: (s := scrape(url)) and (value(s, sent, **local) or 0) >= 3 and s,
        )
        assert value(before, "icescope_calls_total", remote="tcp-listen") == 1
        await first.kill()  # gone without a bye
        second = await Probe.start("--connect", listening["url"], "--duration", "0")
        call = await listener.until(
            "call 2", lambda ls: next((r for r in ls if r["type"] == "call"), None)
        )
        assert call["number"] == 2 and call["reason"] == "peer-accepted"
        await listener.until("call 2 connected", connected_in_call(2))
        # Scraped throughout: the state set shows call 2, the counters carry on from call 1.
        after = await listener.until(
            "call 2 heartbeats on top of call 1's",
            lambda _: (
                (s := scrape(url))
                and (value(s, "icescope_heartbeat_received_total", **local) or 0)
                > (value(before, "icescope_heartbeat_received_total", **local) or 0) + 3
                and s
            ),
        )
        assert value(after, "icescope_calls_total", remote="tcp-listen") == 2
        for name in ("icescope_heartbeat_sent_total", "icescope_ice_restarts_total"):
            was, now = value(before, name, **local), value(after, name, **local)
            assert was is not None and now is not None and now >= was, (name, was, now)
        spent = "icescope_ice_state_seconds_total"
        for state in ("new", "checking"):
            was = value(before, spent, state=state, **local)
            now = value(after, spent, state=state, **local)
            assert was is not None and now is not None and now > was, (state, was, now)
        ice = "icescope_ice_connection_state"
        on = [s for s in ("connected", "completed") if value(after, ice, **{ice: s}, **local) == 1]
        assert on, after
        assert listener.proc.returncode is None  # still running
        code = await listener.stop()
    finally:
        for probe in (listener, first, second):
            if probe is not None:
                await probe.kill()
    summary = listener.lines[-1]
    assert summary["type"] == "summary" and code == 0, summary
    assert summary["calls"] == 2
    one, two = summary["call_history"]
    assert one["connected"] and one["closed_by"] == "replaced"
    # Call 1's remote never sent its final count (killed): its loss is unknown, not guessed.
    assert one["peers"]["local"]["lost"] is None and "unknown" in one["peers"]["local"]
    assert two["connected"] and two["closed_by"] == "process-exit"
    # The summary's time in state is call 2's: its "new" began with the call, not the session.
    assert summary["time_in_state"]["local"]["new"] <= summary["ts"] - two["started"]
    assert summary["verdict"]["connected"] is True
    assert summary["verdict"]["loss"] == "some-or-unknown"


async def test_a_connecting_probe_redials_a_listener_that_restarts() -> None:
    port = free_port()
    target = f"tcp://127.0.0.1:{port}/?token={secrets.token_urlsafe(18)}"
    listener = await Probe.start("--listen", target, "--duration", "0")
    connector = again = None
    try:
        await listener.until("listening", lambda ls: any(r["type"] == "listening" for r in ls))
        connector = await Probe.start("--connect", target, "--duration", "0")
        await connector.until("call 1 connected", connected_in_call(1))
        await listener.kill()
        notice = await connector.until(
            "a redialing notice",
            lambda ls: next((r for r in ls if r.get("code") == "redialing"), None),
        )
        assert f"127.0.0.1:{port}" in notice["message"] and "round 1" in notice["message"]
        again = await Probe.start("--listen", target, "--duration", "0")
        call = await connector.until(
            "call 2", lambda ls: next((r for r in ls if r["type"] == "call"), None), timeout=40
        )
        assert call["reason"] == "redialed"
        await connector.until("call 2 connected", connected_in_call(2))
        code = await connector.stop()
    finally:
        for probe in (listener, connector, again):
            if probe is not None:
                await probe.kill()
    summary = connector.lines[-1]
    assert summary["type"] == "summary" and code == 0, summary
    assert summary["calls"] == 2 and summary["verdict"]["connected"] is True
    assert [c["connected"] for c in summary["call_history"]] == [True, True]
    assert summary["call_history"][0]["closed_by"] == "replaced"
