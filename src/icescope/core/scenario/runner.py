"""Run a scenario in the probe: its timeline on the session, its verdicts at the end.

The plan and every verdict are published as typed events (:class:`ScenarioPlan`,
:class:`ExpectationResult`), so the journal, a report, ``icescope import`` and the window see
them as the probe's output does: the verdicts are judged once the session ended, before its
summary (:attr:`Session.before_summary`).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from ..errors import IceScopeError
from ..events import ExpectationResult, Peer, ScenarioPlan
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
        self.end: float | None = None
        """Session time the verdicts were judged at (None until then)."""
        self._plan_published = False

    async def start(self, session: Session) -> None:
        """Judge the expectations when the session ends (before its summary)."""
        session.before_summary.append(self._judge)

    def connected(self, session: Session) -> list[asyncio.Task[None]]:
        """Publish the plan; schedule every action at its session time."""
        self._publish_plan(session)
        loop = asyncio.get_running_loop()
        return [loop.create_task(play_action(session, action)) for action in self.actions]

    def _publish_plan(self, session: Session) -> None:
        if self._plan_published:
            return
        self._plan_published = True
        session.hub.publish(plan_event(session, self.name, self.actions, self.expectations))

    def _judge(self, session: Session) -> None:
        self._publish_plan(session)  # a session that never connected still says its plan
        end = session.model.last_ts  # the session's end marker: every event is in
        self.end = end
        self.outcomes = judge_and_publish(session, self.expectations, end)

    async def finish(
        self, session: Session, code: int, emit: Callable[[dict[str, Any]], None]
    ) -> int:
        """Write the JUnit file; 3 when an expectation failed.

        The verdicts were published (and printed) as events when the session ended.
        """
        if self.end is None:  # the session never reached its close
            self._judge(session)
        end = self.end if self.end is not None else session.model.last_ts
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


def plan_event(
    session: Session, name: str, actions: Sequence[Action], expectations: Sequence[Expectation]
) -> ScenarioPlan:
    """The :class:`ScenarioPlan` of a run, stamped now."""
    ts, wall = session.clock.stamp()
    return ScenarioPlan(
        ts=ts,
        wall=wall,
        peer=Peer.LOCAL,
        name=name,
        actions=tuple(f"{a.at:g} s: {a.describe()}" for a in actions),
        expectations=tuple(x.name for x in expectations),
    )


def judge_and_publish(
    session: Session, expectations: Sequence[Expectation], end: float
) -> list[Outcome]:
    """Judge ``expectations`` on the session so far; publish one event per verdict."""
    outcomes = judge(expectations, list(session.log), session.model, end)
    for outcome in outcomes:
        ts, wall = session.clock.stamp()
        session.hub.publish(
            ExpectationResult(
                ts=ts,
                wall=wall,
                peer=Peer.LOCAL,
                name=outcome.name,
                check=outcome.check,
                passed=outcome.passed,
                message=outcome.message,
                measured=outcome.measured,
                observed=outcome.observed,
            )
        )
    return outcomes


async def play_action(session: Session, action: Action) -> None:
    """Perform ``action`` at its session time (a failure is a notice, never raised)."""
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
