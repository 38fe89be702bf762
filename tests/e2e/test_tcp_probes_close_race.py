"""Heartbeat accounting when the closing handshake crosses a busy remote (two real probes).

The listener process is frozen (SIGSTOP, as a loaded machine's scheduler would) from just
before the connector starts closing until after its ``bye`` arrived. On resuming, the listener
sends the heartbeat that fell due while it was frozen before it reads the ``hb_fin`` and the
``bye`` waiting for it: that heartbeat arrives after the connector said goodbye. Every message
must still be accounted for, identically on both sides: nothing is called lost that arrived.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
DURATION = 4.0
"""The connector's session time; it starts closing then (drain 0.5 s, then its bye)."""
FREEZE_FROM = DURATION - 0.3
FREEZE_FOR = 1.0
"""Covers the connector's hb_fin and bye (sent 0.5 s in), and ends well before it stops
waiting for the answer (1 s after its bye)."""


def probe_argv(*flags: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "icescope",
        "probe",
        "--address",
        "127.0.0.1",
        "--no-journal",
        "--stats",
        *flags,
    ]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


async def read_lines(stream: asyncio.StreamReader, into: list[dict[str, Any]]) -> None:
    while line := await stream.readline():
        into.append(json.loads(line))


async def wait_for(records: list[dict[str, Any]], match: Any, what: str) -> dict[str, Any]:
    async with asyncio.timeout(30):
        while True:
            for record in records:
                if match(record):
                    return record
            await asyncio.sleep(0.01)
    raise AssertionError(what)  # pragma: no cover (the timeout raises first)


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX job control signals")
async def test_a_heartbeat_sent_as_the_bye_crosses_is_counted_not_called_lost() -> None:
    listener_out: list[dict[str, Any]] = []
    connector_out: list[dict[str, Any]] = []
    async with asyncio.timeout(90):
        listener = await asyncio.create_subprocess_exec(
            *probe_argv("--listen", "127.0.0.1:0", "--duration", "60", "--connect-timeout", "30"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
            env=env(),
        )
        assert listener.stdout is not None
        reading = asyncio.ensure_future(read_lines(listener.stdout, listener_out))
        url = (await wait_for(listener_out, lambda r: r.get("type") == "listening", "url"))["url"]
        connector = await asyncio.create_subprocess_exec(
            *probe_argv("--connect", url, "--duration", str(DURATION), "--stats-interval", "0.1"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
            env=env(),
        )
        assert connector.stdout is not None
        connector_reading = asyncio.ensure_future(read_lines(connector.stdout, connector_out))
        await wait_for(
            connector_out,
            lambda r: r.get("type") == "heartbeat" and r["ts"] >= FREEZE_FROM,
            "the connector's running counts near its end",
        )
        listener.send_signal(signal.SIGSTOP)
        try:
            await asyncio.sleep(FREEZE_FOR)  # the fault itself: the listener is not scheduled
        finally:
            listener.send_signal(signal.SIGCONT)
        assert await connector.wait() == 0
        assert await listener.wait() == 0
        await asyncio.gather(reading, connector_reading)
    connector_sum, listener_sum = connector_out[-1], listener_out[-1]
    assert connector_sum["type"] == listener_sum["type"] == "summary"
    for summary in (connector_sum, listener_sum):
        for direction in ("local", "remote"):
            counts = summary["peers"][direction]
            assert counts["lost"] == 0 and "unknown" not in counts, summary["peers"]
        assert summary["verdict"]["loss"] == "none", summary["verdict"]
    # Both sides tell the same story: what one sent, the other received.
    c, lst = connector_sum["peers"], listener_sum["peers"]
    assert c["local"]["received"] == lst["local"]["sent"] == c["remote"]["sent"]
    assert lst["local"]["received"] == c["local"]["sent"] == lst["remote"]["sent"]
    assert lst["remote"]["received"] == c["local"]["received"]
