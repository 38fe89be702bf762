"""Run a scenario in the probe: its timeline on the session, its verdicts at the end."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from ..errors import IceScopeError
from .checks import judge

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from ..session import Session
    from .model import Action, Expectation, Outcome

EXIT_OK = 0
EXIT_EXPECTATION = 3


class ScenarioHook:
    """A probe hook that plays a timeline and judges expectations.

    The actions start once the local peer connected; the expectations are judged after the
    session ended, one ``expectation`` line each (see :mod:`icescope.core.probehooks`).

    Args:
        name: the scenario's name (the JUnit test suite).
        actions: the timeline (session times).
        expectations: what to judge.
        junit: write a JUnit XML report here, if given.
    """

    def __init__(
        self,
        name: str,
        actions: Sequence[Action],
        expectations: Sequence[Expectation],
        junit: Path | None = None,
    ) -> None:
        self.name = name
        self.actions = tuple(actions)
        self.expectations = tuple(expectations)
        self.junit = junit
        self.outcomes: list[Outcome] = []

    async def start(self, session: Session) -> None:
        """Nothing to do before the session starts."""

    def connected(self, session: Session) -> list[asyncio.Task[None]]:
        """Schedule every action at its session time."""
        loop = asyncio.get_running_loop()
        return [loop.create_task(_play(session, action)) for action in self.actions]

    async def finish(
        self, session: Session, code: int, emit: Callable[[dict[str, Any]], None]
    ) -> int:
        """Judge, print one line per expectation, write the JUnit file; 3 when one failed."""
        end = session.model.last_ts  # the session's end marker: every event is in
        self.outcomes = judge(self.expectations, list(session.log), session.model, end)
        for outcome in self.outcomes:
            emit(outcome.to_dict(end))
        if self.junit is not None:
            from ..junit import write_junit

            try:
                write_junit(self.junit, self.name, self.outcomes, end)
            except OSError as exc:
                emit(
                    {
                        "type": "notice",
                        "ts": round(end, 6),
                        "level": "error",
                        "code": "junit",
                        "message": f"cannot write {self.junit}: {exc.strerror or exc}",
                    }
                )
        if code == EXIT_OK and not all(o.passed for o in self.outcomes):
            return EXIT_EXPECTATION
        return code


async def _play(session: Session, action: Action) -> None:
    await asyncio.sleep(max(0.0, action.at - session.clock.ts()))
    try:
        if action.do == "restart":
            await session.restart_ice()
        elif action.do == "close":
            if session.local is not None:
                await session.local.close()
        else:
            session.impair(action.peer, action.do, direction=action.direction, value=action.value)
    except (IceScopeError, NotImplementedError) as exc:
        session.notice(
            "error",
            "action-failed",
            key="notice:action-failed.scenario",
            action=action.describe(),
            error=str(exc),
        )
