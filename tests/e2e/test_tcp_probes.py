"""Two ``icescope probe`` processes over TCP signaling on 127.0.0.1, with a garbage-injecting
relay between them: the listener reports the garbage as a notice and the session goes on.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
GARBAGE = b"%%% not a signaling message %%%\n"


def probe_argv(*flags: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "icescope",
        "probe",
        "--address",
        "127.0.0.1",  # host candidates on loopback only
        "--no-journal",
        *flags,
    ]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "src")
    return e


async def read_lines(stream: asyncio.StreamReader, into: list[dict[str, Any]]) -> None:
    while line := await stream.readline():
        into.append(json.loads(line))


class GarbageRelay:
    """Pipes one connection through; injects a garbage line towards the listener."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.server: asyncio.Server | None = None
        self.injected = False

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.target)

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter, inject: bool) -> None:
            lines = 0
            while line := await src.readline():
                dst.write(line)
                lines += 1
                # Line 1 is the token (a listener refuses garbage before it); 2 the offer.
                if inject and not self.injected and lines == 2:
                    dst.write(GARBAGE)  # right after the offer, mid-negotiation
                    self.injected = True
                await dst.drain()
            dst.close()

        await asyncio.gather(
            pipe(reader, up_writer, True), pipe(up_reader, writer, False), return_exceptions=True
        )

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()


async def test_two_probes_over_tcp_with_garbage_in_between() -> None:
    listener_out: list[dict[str, Any]] = []
    connector_out: list[dict[str, Any]] = []
    async with asyncio.timeout(60):
        listener = await asyncio.create_subprocess_exec(
            *probe_argv("--listen", "127.0.0.1:0", "--duration", "30", "--connect-timeout", "20"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env(),
        )
        assert listener.stdout is not None
        reading = asyncio.ensure_future(read_lines(listener.stdout, listener_out))
        while not any(r.get("type") == "listening" for r in listener_out):
            assert listener.returncode is None
            await asyncio.sleep(0.05)
        # Scripts read the first line to learn where to point the other peer.
        assert listener_out[0]["type"] == "listening"
        url = listener_out[0]["url"]
        assert url.startswith("tcp://127.0.0.1:") and "/?token=" in url
        hostport, _, token = url.removeprefix("tcp://").partition("/?token=")
        host, port = hostport.rsplit(":", 1)
        relay = GarbageRelay((host, int(port)))
        relay_port = await relay.start()
        connector = await asyncio.create_subprocess_exec(
            *probe_argv(
                "--connect", f"tcp://127.0.0.1:{relay_port}/?token={token}", "--duration", "2"
            ),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env(),
        )
        out, err = await connector.communicate()
        connector_out = [json.loads(line) for line in out.splitlines()]
        assert connector.returncode == 0, err.decode()[-2000:]
        # The connector's bye ends the listener's session too.
        assert await listener.wait() == 0, (await listener.stderr.read()).decode()[-2000:]  # type: ignore[union-attr]
        await reading
        await relay.close()
    assert relay.injected
    garbage = [r for r in listener_out if r.get("code") == "signaling-garbage"]
    assert len(garbage) == 1 and "not JSON" in garbage[0]["message"]
    for records in (listener_out, connector_out):
        states = [r["state"] for r in records if r.get("type") == "iceconnectionstatechange"]
        assert {"connected", "completed"} & set(states), states
        assert states[-1] == "closed"
        pairs = [r for r in records if r.get("type") == "selectedcandidatepairchange"]
        assert pairs and "127.0.0.1" in pairs[0]["local"] and "127.0.0.1" in pairs[0]["remote"]
        summary = records[-1]
        assert summary["type"] == "summary"
        assert summary["peers"]["local"]["lost"] == 0
        assert summary["peers"]["local"]["received"] >= 5
    # Each side received exactly what the other sent.
    lsum, csum = listener_out[-1]["peers"]["local"], connector_out[-1]["peers"]["local"]
    assert lsum["received"] == csum["sent"] and csum["received"] == lsum["sent"]
    for records in (listener_out, connector_out):
        # The other IceScope relayed its own states: this side's remote panel is real.
        remote = [
            r["state"]
            for r in records
            if r.get("type") == "iceconnectionstatechange" and r["peer"] == "remote"
        ]
        assert remote[0] == "checking" and {"connected", "completed"} & set(remote), remote
        assert remote[-1] == "closed", remote
        channel = [r for r in records if r.get("type") == "remotechannel"]
        assert channel[0]["channel"] == "tcp" and channel[0]["alive"], channel
        summary = records[-1]
        assert summary["final_state"] == {"local": "closed", "remote": "closed"}, summary
        assert "state_notes" not in summary, summary
        for direction in ("local", "remote"):
            counts = summary["peers"][direction]
            assert "unknown" not in counts and counts["lost"] == 0, summary["peers"]
    # The listener was closed by the connector's bye, and says so.
    assert connector_out[-1]["closed_by"] == {"local": "local-close", "remote": "remote-close"}
    assert listener_out[-1]["closed_by"] == {"local": "remote-close", "remote": "local-close"}


async def test_probe_connect_to_nothing_exits_1_with_notice() -> None:
    async with asyncio.timeout(30):
        proc = await asyncio.create_subprocess_exec(
            *probe_argv(
                "--connect", "tcp://127.0.0.1:9/?token=" + "x" * 24, "--connect-timeout", "2"
            ),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env(),
        )
        out, err = await proc.communicate()
    assert proc.returncode == 1, err.decode()
    assert b"Traceback" not in err
    records = [json.loads(line) for line in out.splitlines()]
    codes = [r.get("code") for r in records]
    assert "not-connected" in codes


async def test_exposed_listener_warns_and_refuses_scans_and_wrong_tokens() -> None:
    """--listen 0.0.0.0: a warning; a scan and a wrong token leave the slot to the real peer."""
    out: list[dict[str, Any]] = []
    async with asyncio.timeout(90):
        listener = await asyncio.create_subprocess_exec(
            *probe_argv("--listen", "0.0.0.0:0", "--duration", "30", "--connect-timeout", "40"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env(),
        )
        assert listener.stdout is not None
        reading = asyncio.ensure_future(read_lines(listener.stdout, out))
        while not any(r.get("type") == "listening" for r in out):
            assert listener.returncode is None
            await asyncio.sleep(0.05)
        url = out[0]["url"]
        port = int(url.split(":")[2].split("/")[0])
        token = url.partition("?token=")[2]
        _, w = await asyncio.open_connection("127.0.0.1", port)  # a port scan
        w.close()
        wrong = await asyncio.create_subprocess_exec(
            *probe_argv(
                "--connect", f"tcp://127.0.0.1:{port}/?token={'w' * 24}", "--connect-timeout", "3"
            ),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env(),
        )
        wrong_out, wrong_err = await wrong.communicate()
        assert wrong.returncode == 1, wrong_err.decode()
        assert b"Traceback" not in wrong_err
        lost = [json.loads(x) for x in wrong_out.splitlines() if b"signaling-lost" in x]
        assert lost and "refused this IceScope: 'wrong token'" in lost[0]["message"], wrong_out
        real = await asyncio.create_subprocess_exec(
            *probe_argv("--connect", f"tcp://127.0.0.1:{port}/?token={token}", "--duration", "1"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env(),
        )
        _, real_err = await real.communicate()
        assert real.returncode == 0, real_err.decode()[-2000:]
        assert await listener.wait() == 0
        await reading
    codes = [r.get("code") for r in out]
    assert "tcp-exposed" in codes
    refused = [r["message"] for r in out if r.get("code") == "peer-refused"]
    assert len(refused) == 2, refused
    assert "left without authenticating" in refused[0] and "wrong token" in refused[1]
    assert "peer-connected" in codes and "signaling-closed" not in codes
    assert out[-1]["type"] == "summary" and out[-1]["verdict"]["connected"]
    assert sum(token in json.dumps(r) for r in out) == 1  # the listening line only


async def test_connect_without_the_token_is_a_usage_error() -> None:
    proc = await asyncio.create_subprocess_exec(
        *probe_argv("--connect", "127.0.0.1:7400"),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env(),
    )
    out, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 2 and out == b""
    assert "give the URL the listening IceScope printed" in err.decode()
    assert len(err.decode().strip().splitlines()) == 1
