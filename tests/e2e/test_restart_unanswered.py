"""An ICE restart that gets no answer: the remote IceScope hangs (SIGSTOP) mid-session.

The offer reaches the other process's socket but nothing answers it. The restart must not
sit in ``have-local-offer`` forever: at Tpac it is logged ``abandoned`` with the reason, the
offer is rolled back (signaling ``stable``) and the session stays on the old generation.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from typing import Any

import pytest

from tests.subproc import child_env

pytestmark = pytest.mark.e2e


def probe(*flags: str) -> list[str]:
    return [sys.executable, "-m", "icescope", "probe", "--address", "127.0.0.1", "--no-journal",
            *flags]  # fmt: skip


async def test_restart_with_a_hung_remote_is_abandoned_at_tpac() -> None:
    pac, restart_at = 3.0, 2.0
    lines: list[dict[str, Any]] = []
    listener = await asyncio.create_subprocess_exec(
        *probe("--listen", "127.0.0.1:0", "--pac-timeout", str(pac),
               "--restart-at", str(restart_at), "--duration", "8"),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=child_env(),
    )  # fmt: skip
    connector: asyncio.subprocess.Process | None = None
    try:
        async with asyncio.timeout(40):
            assert listener.stdout is not None
            first = json.loads(await listener.stdout.readline())
            assert first["type"] == "listening", first
            connector = await asyncio.create_subprocess_exec(
                *probe("--connect", first["url"], "--duration", "30"),
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
                env=child_env(),
            )  # fmt: skip
            while line := await listener.stdout.readline():
                record = json.loads(line)
                lines.append(record)
                if (
                    record.get("type") == "iceconnectionstatechange"
                    and record["state"]
                    in (
                        "connected",
                        "completed",
                    )
                    and record["peer"] == "local"
                    and connector.returncode is None
                ):
                    connector.send_signal(signal.SIGSTOP)  # hung: reads and answers nothing
                    break
            while line := await listener.stdout.readline():
                lines.append(json.loads(line))
            assert await listener.wait() == 0
    finally:
        for proc in (listener, connector):
            if proc is not None and proc.returncode is None:
                proc.kill()
                await proc.wait()
    restarts = [r for r in lines if r.get("type") == "icerestart"]
    assert [r["phase"] for r in restarts] == ["start", "abandoned"], restarts
    start, abandoned = restarts
    assert "no answer" in abandoned["detail"] and "Tpac" in abandoned["detail"], abandoned
    assert pac - 0.1 <= abandoned["ts"] - start["ts"] <= pac + 1.0, restarts
    signaling = [
        r["state"] for r in lines
        if r.get("type") == "signalingstatechange" and r["peer"] == "local"
    ]  # fmt: skip
    after = signaling[signaling.index("have-local-offer") :]
    assert after[:2] == ["have-local-offer", "stable"], signaling
