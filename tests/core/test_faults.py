"""Network impairment: the injector's datapath, validation, and Session.impair()."""

from __future__ import annotations

import asyncio

import pytest

from icescope.core.config import IceTimings, Settings
from icescope.core.errors import ConfigError
from icescope.core.events import Impairment, Peer
from icescope.core.faults import FaultInjector, validate_impairment
from icescope.core.session import Session

FAST = IceTimings(keepalive_interval=0.2, disconnected_timeout=0.6, failed_timeout=2.0)


def _run(injector: FaultInjector, direction: str, n: int) -> list[int]:
    delivered: list[int] = []
    for i in range(n):
        injector.deliver(direction, lambda i=i: delivered.append(i))
    return delivered


async def test_blackout_drops_only_its_direction_until_cleared() -> None:
    f = FaultInjector()
    assert not f.active and _run(f, "in", 3) == [0, 1, 2]
    f.blackout("in")
    assert f.active and f.blacked_out("in") and not f.blacked_out("out")
    assert _run(f, "in", 5) == [] and _run(f, "out", 2) == [0, 1]
    assert f.dropped == {"in": 5, "out": 0}
    f.clear()
    assert not f.active and _run(f, "in", 1) == [0]


async def test_timed_blackout_ends_by_itself_and_says_so() -> None:
    f = FaultInjector()
    ended: list[bool] = []
    f.blackout("both", 0.05, on_end=lambda: ended.append(True))
    assert _run(f, "out", 1) == []
    await asyncio.sleep(0.1)
    assert ended == [True] and not f.active and _run(f, "out", 1) == [0]


async def test_clear_cancels_a_timed_blackout() -> None:
    f = FaultInjector()
    ended: list[bool] = []
    f.blackout("both", 0.05, on_end=lambda: ended.append(True))
    f.clear()
    await asyncio.sleep(0.1)
    assert ended == []


async def test_seeded_loss_is_reproducible_and_about_right() -> None:
    a, b = FaultInjector(seed=7), FaultInjector(seed=7)
    a.loss(30, "out")
    b.loss(30, "out")
    got_a, got_b = _run(a, "out", 2000), _run(b, "out", 2000)
    assert got_a == got_b
    assert 0.25 < 1 - len(got_a) / 2000 < 0.35
    assert _run(a, "in", 10) == list(range(10))  # the other direction is untouched


async def test_delay_holds_datagrams_then_delivers_in_order() -> None:
    f = FaultInjector()
    f.delay(50, "in")
    loop = asyncio.get_running_loop()
    start = loop.time()
    arrived: list[float] = []
    for _ in range(3):
        f.deliver("in", lambda: arrived.append(loop.time() - start))
    assert arrived == []
    await asyncio.sleep(0.1)
    assert len(arrived) == 3 and min(arrived) >= 0.045


async def test_close_drops_delayed_datagrams() -> None:
    f = FaultInjector()
    f.delay(20, "out")
    arrived: list[int] = []
    f.deliver("out", lambda: arrived.append(1))
    f.close()
    await asyncio.sleep(0.05)
    assert arrived == [] and not f.active


@pytest.mark.parametrize(
    ("kind", "direction", "value", "message"),
    [
        ("jitter", "both", 1.0, "unknown impairment 'jitter'"),
        ("loss", "sideways", 1.0, "unknown direction 'sideways'"),
        ("loss", "both", 101.0, "loss must be 0-100 %"),
        ("loss", "both", -1.0, "loss must be 0-100 %"),
        ("delay", "in", 20_000.0, "delay must be"),
        ("blackout", "out", -2.0, "blackout length"),
        ("delay", "in", float("nan"), "finite number"),
    ],
)
def test_bad_impairments_are_refused_readably(
    kind: str, direction: str, value: float, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        validate_impairment(kind, direction, value)


async def test_session_impair_applies_publishes_and_validates() -> None:
    session = Session(Settings(timings=FAST, journal_enabled=False, drain=0.1))
    with pytest.raises(ConfigError, match="has not started"):
        session.impair(Peer.LOCAL, "blackout")
    async with asyncio.timeout(10):
        await session.start()
        assert await session.wait_connected(5)
        with pytest.raises(ConfigError, match="unknown impairment"):
            session.impair(Peer.LOCAL, "explode")
        session.impair(Peer.REMOTE, "blackout", direction="both", value=1.0)
        assert session.remote is not None and session.remote.faults.active
        loop = asyncio.get_running_loop()
        start = loop.time()
        while session.ice_state.value != "disconnected":
            assert loop.time() - start < 2.0
            await asyncio.sleep(0.01)
        while session.remote.faults.active:
            assert loop.time() - start < 3.0
            await asyncio.sleep(0.01)
        session.impair(Peer.LOCAL, "loss", direction="in", value=5)
        session.impair(Peer.LOCAL, "delay", direction="out", value=20)
        session.impair(Peer.LOCAL, "clear")
        assert session.local is not None and not session.local.faults.active
        await session.close()
        with pytest.raises(ConfigError, match="is closed"):
            session.impair(Peer.LOCAL, "clear")
    impairments = [
        (e.peer.value, e.kind, e.direction, e.value, e.active)
        for e in session.log
        if isinstance(e, Impairment)
    ]
    assert impairments == [
        ("remote", "blackout", "both", 1.0, True),
        ("remote", "blackout", "both", 1.0, False),
        ("local", "loss", "in", 5.0, True),
        ("local", "delay", "out", 20.0, True),
        ("local", "clear", "both", 0.0, False),
    ]
