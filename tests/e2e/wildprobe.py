"""A real ``icescope probe`` subprocess inside a network namespace, read line by line.

Used by the network-fault tests: each probe's JSON lines are collected as they arrive, so a
test can wait (bounded) for an event and act on the real link at a known moment.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
import time
from typing import TYPE_CHECKING, Any

from tests.subproc import child_env

if TYPE_CHECKING:
    from collections.abc import Callable

Record = dict[str, Any]


class NetnsProbe:
    """``ip netns exec NS python -m icescope probe --no-journal FLAGS...``.

    Args:
        namespace: where the probe runs.
        flags: the probe's flags.
    """

    def __init__(self, namespace: str, *flags: str) -> None:
        self.argv = [
            "ip", "netns", "exec", namespace,
            sys.executable, "-m", "icescope", "probe", "--no-journal", *flags,
        ]  # fmt: skip
        self.lines: list[Record] = []
        self.proc: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._changed = asyncio.Event()

    async def start(self) -> NetnsProbe:
        """Start the process and the line reader."""
        self.proc = await asyncio.create_subprocess_exec(
            *self.argv,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=child_env(),
        )
        self._reader = asyncio.ensure_future(self._read())
        return self

    async def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        while line := await self.proc.stdout.readline():
            self.lines.append(json.loads(line))
            self._changed.set()
        self._changed.set()

    def find(self, match: Callable[[Record], bool]) -> Record | None:
        """The first line so far that ``match`` accepts."""
        return next((r for r in self.lines if match(r)), None)

    async def wait_for(self, match: Callable[[Record], bool], timeout: float) -> Record:
        """The first line ``match`` accepts, waiting at most ``timeout`` seconds for it."""
        deadline = time.monotonic() + timeout
        while (found := self.find(match)) is None:
            left = deadline - time.monotonic()
            if left <= 0 or (self._reader is not None and self._reader.done()):
                raise AssertionError(f"no such line within {timeout:g} s: {self.tail()}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), left)
        return found

    def tail(self, n: int = 12) -> str:
        """The last ``n`` lines, for assertion messages."""
        return "\n".join(json.dumps(r) for r in self.lines[-n:])

    def session_wall(self) -> float:
        """Wall-clock time (Unix seconds) of the probe's session start (its ts 0)."""
        first = self.lines[0]
        return float(first["wall"]) - float(first["ts"])

    async def finish(self, timeout: float) -> tuple[int, str]:
        """Wait for the exit (bounded); return the exit code and stderr."""
        assert self.proc is not None and self.proc.stderr is not None
        async with asyncio.timeout(timeout):
            err = await self.proc.stderr.read()
            code = await self.proc.wait()
            if self._reader is not None:
                await self._reader
        return code, err.decode(errors="replace")

    def kill(self) -> None:
        """Kill the process if it still runs (cleanup after a failed test)."""
        if self.proc is not None and self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
        if self._reader is not None:
            self._reader.cancel()

    def states(self, peer: str = "local") -> list[str]:
        """``peer``'s ``iceConnectionState`` values in order (its ``new`` start included)."""
        return [
            r["state"]
            for r in self.lines
            if r.get("type") == "iceconnectionstatechange" and r.get("peer") == peer
        ]

    def state_at(self, state: str, peer: str = "local", after: float = 0.0) -> Record | None:
        """The first ``iceconnectionstatechange`` to ``state`` at or after session ts ``after``."""
        return self.find(
            lambda r: (
                r.get("type") == "iceconnectionstatechange"
                and r.get("peer") == peer
                and r.get("state") == state
                and float(r["ts"]) >= after
            )
        )


def is_state(state: str, peer: str = "local", after_wall: float = 0.0) -> Callable[[Record], bool]:
    """A matcher: ``peer``'s ``iceConnectionState`` went ``state`` at or after ``after_wall``."""
    return lambda r: (
        r.get("type") == "iceconnectionstatechange"
        and r.get("peer") == peer
        and r.get("state") == state
        and float(r["wall"]) >= after_wall
    )


def listening_url(probe: NetnsProbe) -> str:
    """The ``tcp://HOST:PORT/?token=…`` URL from a listener's first line (what --connect takes)."""
    first = probe.lines[0]
    assert first["type"] == "listening", first
    return str(first["url"])
