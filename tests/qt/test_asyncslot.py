"""async_slot: a signal starts the coroutine on the running loop, failures reach excepthook."""

from __future__ import annotations

import asyncio
import gc
import sys
import weakref

from PySide6.QtCore import QObject, Signal

from icescope.qt import asyncslot
from icescope.qt.asyncslot import async_slot


class _Commands(QObject):
    fire = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    @async_slot(str)
    async def on_fire(self, text: str) -> None:
        if text == "boom":
            raise RuntimeError("the remote went away")
        if text == "wait":
            # A future that nothing but this coroutine references.
            await asyncio.get_running_loop().create_future()
        await asyncio.sleep(0)
        self.seen.append(text)


def test_signal_runs_the_coroutine_on_the_loop() -> None:
    commands = _Commands()
    commands.fire.connect(commands.on_fire)

    async def scenario() -> None:
        commands.fire.emit("restart")
        assert commands.seen == []  # scheduled, not run inside emit()
        for _ in range(3):
            await asyncio.sleep(0)
        assert commands.seen == ["restart"]
        assert not asyncslot._running

    asyncio.run(scenario())


def test_a_waiting_slot_survives_garbage_collection() -> None:
    commands = _Commands()
    commands.fire.connect(commands.on_fire)

    async def scenario() -> None:
        commands.fire.emit("wait")
        await asyncio.sleep(0)
        (task,) = asyncio.all_tasks() - {asyncio.current_task()}
        alive = weakref.ref(task)
        del task
        gc.collect()  # the loop holds tasks weakly; Qt dropped the slot's return value
        task = alive()
        assert task is not None and not task.done()
        task.cancel()
        await asyncio.sleep(0)
        await asyncio.sleep(0)  # done callbacks run one turn later
        assert task.cancelled() and not asyncslot._running

    asyncio.run(scenario())


def test_exceptions_go_to_excepthook_and_cancellation_does_not(monkeypatch) -> None:
    commands = _Commands()
    commands.fire.connect(commands.on_fire)
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: hooked.append(exc))

    async def scenario() -> None:
        commands.fire.emit("boom")
        commands.fire.emit("wait")
        await asyncio.sleep(0)
        for task in list(asyncslot._running):
            task.cancel()
        await asyncio.sleep(0)
        await asyncio.sleep(0)

    asyncio.run(scenario())
    assert [str(e) for e in hooked] == ["the remote went away"]
    assert not asyncslot._running
