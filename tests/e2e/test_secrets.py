"""Secrets stay where they must (issue 11): TURN credentials and access tokens.

Real probe processes at ``-vv`` with a real coturn, a real browser-peer server and real TCP
listeners on 127.0.0.1; every byte of stdout, stderr, the journal, the exports and the
process's command line is searched for a known secret.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp
import pytest

from icescope.core.config import IceServer, Settings
from icescope.core.events import Listening
from icescope.core.export import to_markdown, to_rtcstats
from icescope.core.session import Session
from tests.e2e.turn_server import PASSWORD, USER, TurnServer, turn_server

if TYPE_CHECKING:
    from collections.abc import Iterator

    from icescope.core.events import SessionEvent

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "known-secret-token-0123456789"


def env(**extra: str) -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "src")
    e.pop("ICESCOPE_TURN_CREDENTIAL", None)
    e.update(extra)
    return e


def probe(*flags: str) -> list[str]:
    return [sys.executable, "-m", "icescope", "probe", "-vv", "--address", "127.0.0.1", *flags]


class Run:
    """One probe process: its output, its journal and what its command line showed."""

    def __init__(self, tmp_path: Path, name: str) -> None:
        self.journal = tmp_path / f"{name}.jsonl"
        self.out = b""
        self.err = b""
        self.cmdline = b""
        self.code: int | None = None
        self.lines: list[dict[str, Any]] = []

    async def start(self, *flags: str, **extra: str) -> asyncio.subprocess.Process:
        proc = await asyncio.create_subprocess_exec(
            *probe("--journal", str(self.journal), *flags),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env(**extra),
        )
        self.cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes()  # noqa: ASYNC240 (procfs)
        return proc

    async def finish(self, proc: asyncio.subprocess.Process, first: bytes = b"") -> Run:
        out, self.err = await asyncio.wait_for(proc.communicate(), 60)
        self.out = first + out
        self.code = proc.returncode
        self.lines = [json.loads(x) for x in self.out.splitlines()]
        return self

    async def run(self, *flags: str, **extra: str) -> Run:
        return await self.finish(await self.start(*flags, **extra))

    def found(self, secret: str) -> dict[str, int]:
        """Where ``secret`` occurs, and how often."""
        places = {"stdout": self.out, "stderr": self.err, "cmdline": self.cmdline}
        if self.journal.exists():
            places["journal"] = self.journal.read_bytes()
        return {k: v.count(secret.encode()) for k, v in places.items() if secret.encode() in v}


@pytest.fixture
def coturn(tmp_path: Path) -> Iterator[TurnServer]:
    with turn_server(tmp_path) as server:
        yield server


@pytest.mark.needs_coturn
@pytest.mark.parametrize("how", ["file", "environment", "flag"])
async def test_turn_credential_is_used_and_never_shown(
    coturn: TurnServer, tmp_path: Path, how: str
) -> None:
    secret_file = tmp_path / "turn.secret"
    secret_file.write_text(PASSWORD + "\n")
    flags = ["--ice-server", coturn.url(), "--username", USER]
    extra: dict[str, str] = {}
    if how == "file":
        flags += ["--credential-file", str(secret_file)]
    elif how == "environment":
        extra["ICESCOPE_TURN_CREDENTIAL"] = PASSWORD
    else:
        flags += ["--credential", PASSWORD]
    done = await Run(tmp_path, how).run(*flags, "--relay-only", "--duration", "2", **extra)
    assert done.code == 0, done.err.decode()[-3000:]
    assert done.lines[-1]["verdict"]["connected"]  # through the relay: the credential worked
    assert b"DEBUG" in done.err  # -vv really logged
    expected = {"cmdline": 1} if how == "flag" else {}
    assert done.found(PASSWORD) == expected


@pytest.mark.needs_coturn
async def test_a_wrong_credential_is_diagnosed_without_being_shown(
    coturn: TurnServer, tmp_path: Path
) -> None:
    wrong = "wrong-but-secret-42"
    done = await Run(tmp_path, "wrong").run(
        "--ice-server", coturn.url(), "--username", USER, "--relay-only",
        "--duration", "1", "--connect-timeout", "3",
        ICESCOPE_TURN_CREDENTIAL=wrong,
    )  # fmt: skip
    assert done.code == 1
    assert any(r.get("code") == "turn-auth-failed" for r in done.lines), done.lines
    assert done.found(wrong) == {}


async def test_bad_credential_input_is_refused_without_echo(tmp_path: Path) -> None:
    two_lines = tmp_path / "two"
    two_lines.write_text("first-secret-line\nsecond-secret-line\n")
    control = "secret\x07bell"
    for flags, extra, secret in (
        (["--credential-file", str(two_lines)], {}, "secret-line"),
        (["--credential-file", str(tmp_path / "absent")], {}, "absent-secret"),
        ([], {"ICESCOPE_TURN_CREDENTIAL": control}, control),
        (["--credential", "x", "--credential-file", str(two_lines)], {}, "secret-line"),
    ):
        done = await Run(tmp_path, "bad").run(
            "--ice-server", "turn:127.0.0.1:3478", "--username", "u", *flags,
            ICESCOPE_EXIT_ON_ERROR="1", **extra,
        )  # fmt: skip
        assert done.code == 2, done.err.decode()
        assert done.out == b"" and b"Traceback" not in done.err
        assert secret.encode() not in done.err, done.err


async def test_browser_token_only_in_the_listening_line(tmp_path: Path) -> None:
    run = Run(tmp_path, "browser")
    proc = await run.start("--browser-peer", "--duration", "3", "--connect-timeout", "5")
    assert proc.stdout is not None
    first = await asyncio.wait_for(proc.stdout.readline(), 30)
    url = json.loads(first)["url"]
    token = url.partition("?token=")[2]
    assert len(token) >= 16
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as page:
            assert page.status == 200
        async with http.get(url.replace(token, "wrong-token")) as page:
            assert page.status == 403
        ws = await http.ws_connect(url.replace("http", "ws").replace("/?", "/ws?"))
        assert (await ws.receive_json())["type"] == "hello"
        await ws.send_str("garbage that the journal records")
        await ws.close()
    done = await run.finish(proc, first)
    assert done.found(token) == {"stdout": 1}
    codes = [r.get("code") for r in done.lines]
    assert "browser-connected" in codes and "signaling-garbage" in codes


async def test_tcp_token_only_in_the_listening_line_and_the_connectors_argv(
    tmp_path: Path,
) -> None:
    listener = Run(tmp_path, "listen")
    proc = await listener.start(
        "--listen",
        f"tcp://127.0.0.1:0/?token={TOKEN}",
        "--duration",
        "1",
        "--connect-timeout",
        "20",
    )
    assert proc.stdout is not None
    first = await asyncio.wait_for(proc.stdout.readline(), 30)
    url = json.loads(first)["url"]
    assert url.endswith(f"/?token={TOKEN}")
    connector = await Run(tmp_path, "connect").run("--connect", url, "--duration", "1")
    assert connector.code == 0, connector.err.decode()[-2000:]
    await listener.finish(proc, first)
    assert listener.code == 0
    assert listener.found(TOKEN) == {"stdout": 1, "cmdline": 1}
    assert connector.found(TOKEN) == {"cmdline": 1}
    # A bad --connect value is refused without repeating its token.
    bad = await Run(tmp_path, "bad").run("--connect", f"tcp://127.0.0.1:0/?token={TOKEN}")
    assert bad.code == 2 and bad.found(TOKEN) == {"cmdline": 1}


async def test_exports_and_reprs_hold_neither_secret() -> None:
    settings = Settings(
        mode="browser",
        ice_servers=(IceServer(urls=("turn:127.0.0.1:9",), username=USER, credential=PASSWORD),),
        journal_enabled=False,
    )
    session = Session(settings)
    events: list[SessionEvent] = []
    session.hub.subscribe(events.append)
    async with asyncio.timeout(20):
        await session.start()
        url = next(e.url for e in events if isinstance(e, Listening))
        token = url.partition("?token=")[2]
        summary = await session.close()
    texts = [
        session.log.to_jsonl(),
        session.log.to_csv(),
        to_markdown(events, summary),
        to_rtcstats(events, start_wall=events[0].wall, user_agent="test"),
        json.dumps(summary),
        repr(settings),
        "\n".join(e.summary() for e in events),
    ]
    for text in texts:
        assert token not in text and PASSWORD not in text
    assert "token=…" in texts[0]
