"""GUI soak: one window, one session, Restart ICE pressed every 2 s for 10 minutes.

The window's own control is used (the Restart ICE action, as a tester presses it), so the whole
path is soaked: widget signal → async slot → session → engine → events → hub → model → every
view repainting. After each restart completes the process is sampled (open descriptors not
counting the ICE generations' sockets, asyncio tasks, threads, RSS; after a garbage collection;
the same rules as ``benchmarks/soak.py``). A run passes when nothing grows after the warm-up,
RSS grows less than 10 % over it, no restart is abandoned and every heartbeat is accounted for
(``lost == 0`` and ``undelivered == 0`` both ways in the summary). The test suite runs a short
share (``tests/e2e/test_gui_soak.py``).

Usage (a display is needed; Xvfb will do)::

    xvfb-run -a -s "-screen 0 1280x800x24" python benchmarks/soak_gui.py [--minutes 10] [--gap 2]

Prints the figures and writes ``benchmarks/results/soak_gui.json``; exit 1 if a check failed.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks.soak import (  # noqa: E402
    Sample,
    _figures,
    growth,
    open_generations,
    restart_warmup,
    sample,
    unaccounted,
    write_result,
)

from icescope.core.config import Settings  # noqa: E402
from icescope.core.ice.transport import GRACE  # noqa: E402
from icescope.core.session import Session  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

    from icescope.qt.main_window import MainWindow


async def _until(condition: Callable[[], bool], timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 (the window's state has no event to await)
            await asyncio.sleep(0.01)


async def soak_window(
    window: MainWindow, cycles: int, gap: float
) -> tuple[list[Sample], dict[str, Any], list[str]]:
    """Press Restart ICE ``cycles`` times, ``gap`` s apart; sample after each completes.

    Each press waits for the action to be enabled (the window disables it while a restart runs)
    and for the model to count the restart as completed or abandoned, so a press is never
    merged with the previous one. The last sample is taken after the sockets' grace period.
    """
    session = await window.start_session()
    assert isinstance(session, Session)  # the embedded loopback session
    if not await session.wait_connected(10):
        raise AssertionError("the session never connected")
    model = session.model.local
    action = window.controls.restart_action
    clock = time.monotonic
    began = clock()
    samples = [sample(0, open_generations(session), 0.0)]
    for cycle in range(1, cycles + 1):
        await _until(action.isEnabled, 10)
        action.trigger()
        await _until(lambda c=cycle: model.restarts_completed + model.restarts_abandoned >= c, 10)
        samples.append(sample(cycle, open_generations(session), clock() - began))
        # The pace the soak asks for (a restart every ``gap`` s), not a wait for a condition.
        await asyncio.sleep(max(0.0, began + cycle * gap - clock()))
    problems = []
    if model.restarts_abandoned:
        problems.append(f"{model.restarts_abandoned} restarts abandoned")
    if model.restarts_completed != cycles:
        problems.append(f"{model.restarts_completed} of {cycles} restarts completed")
    await asyncio.sleep(GRACE + 0.5)  # every retired generation's socket closes by then
    settled = sample(cycles + 1, open_generations(session), clock() - began)
    samples.append(settled)
    if (settled.generations, settled.closing, settled.fds) != (2, 0, samples[0].fds):
        problems.append(f"after the grace period: {settled} (first: {samples[0]})")
    summary = await window.close_session()
    if summary is None:
        return samples, {}, [*problems, "the window's session gave no summary"]
    return samples, summary, problems + unaccounted(summary)


def run(minutes: float, gap: float, warmup: int) -> dict[str, Any]:
    """Run the soak in a fresh QApplication + qasync loop; the figures as a dict."""
    from PySide6.QtWidgets import QApplication

    from icescope.qt.eventloop import PreciseEventLoop
    from icescope.qt.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = PreciseEventLoop(app)  # the window's own loop
    asyncio.set_event_loop(loop)
    cycles = max(1, int(minutes * 60 / gap))
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(Settings(journal_dir=Path(tmp)))
        window.show()
        started = time.monotonic()

        async def bounded() -> tuple[list[Sample], dict[str, Any], list[str]]:
            async with asyncio.timeout(cycles * (gap + 10) + 60):
                return await soak_window(window, cycles, gap)

        samples, summary, problems = loop.run_until_complete(bounded())
        window.close()
    warm = max(warmup, restart_warmup(samples))
    problems += growth(samples, warm)
    return {
        "machine": platform.platform(),
        "python": sys.version.split()[0],
        "gap": gap,
        **_figures(samples, cycles),
        "warmup_cycles": warm,
        "rss_kib_after_warmup": samples[warm - 1].rss_kib if warm else None,
        "heartbeats": summary.get("peers"),
        "problems": problems,
        "seconds": round(time.monotonic() - started, 1),
    }


def main() -> int:
    """Run the GUI soak and write ``benchmarks/results/soak_gui.json``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--gap", type=float, default=2.0)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()
    result = run(args.minutes, args.gap, args.warmup)
    write_result(result, "soak_gui.json")
    return 0 if not result["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
