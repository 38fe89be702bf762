"""The Scenario menu: run a scenario file in the window, as ``icescope probe --scenario`` does.

*Run scenario…* opens a TOML file; the shipped examples (``resources/scenarios/``) are listed by
name. A run starts a new session with the file's settings, plays its timeline once the local
peer connected (the probe's own action player), closes the session at the file's duration and
judges the expectations with the probe's checks when the session ended, so both give the same
verdicts; plan and verdicts are events (journal, report, log). The timeline shows the planned
actions and each expectation's window, grey until judged, then green or red.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from .i18n import QT_TRANSLATE_NOOP, translate
from .window_layout import insert_before_help

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtWidgets import QMenuBar, QWidget

    from ..core.config import Settings
    from ..core.events import ExpectationResult
    from ..core.scenario.model import Scenario
    from ..core.session import Session
    from .session_like import SessionLike
    from .widgets.timeline import QtTimeline

logger = logging.getLogger(__name__)


class ScenarioWindow(Protocol):
    """What the Scenario menu uses of the main window."""

    settings: Settings
    timeline: QtTimeline

    @property
    def session(self) -> SessionLike | None:
        """The live session, if any."""

    @property
    def busy(self) -> bool:
        """True while a session starts or closes."""

    async def new_session(self, settings: Settings | None = None) -> SessionLike:
        """Close the current session and start one with ``settings``."""

    async def close_session(self) -> dict[str, Any] | None:
        """Close the current session; its summary."""

    def report(self, level: str, code: str, message: str, shown: str | None = None) -> None:
        """Show a notice (through the session when there is one)."""

    def menuBar(self) -> QMenuBar:
        """The window's menu bar."""

    def window(self) -> QWidget:
        """The top-level widget (the parent of menus and dialogs)."""


_PACKAGE = Path(__file__).resolve().parents[1]
EXAMPLE_DIRS = (
    _PACKAGE.parents[1] / "resources" / "scenarios",  # a checkout (src layout)
    Path(sys.prefix) / "share" / "icescope" / "scenarios",  # an installed copy
)
"""Where the shipped examples are looked for, first found wins."""


def shipped_scenarios() -> list[Path]:
    """The shipped example files, by name."""
    for folder in EXAMPLE_DIRS:
        found = sorted(folder.glob("*.toml")) if folder.is_dir() else []
        if found:
            return found
    return []


def add_scenario_menu(window: ScenarioWindow) -> QMenu:
    """Add the Scenario menu before Help; return it."""
    menu = QMenu(translate("ScenarioMenu", "Sce&nario"), window.window())
    menu.setObjectName("scenario-menu")
    run = QAction(translate("ScenarioMenu", "&Run scenario…"), window.window())
    run.setObjectName("run-scenario-action")
    run.setToolTip(
        translate("ScenarioMenu", "Run a scenario file (TOML), as icescope probe --scenario does")
    )
    run.triggered.connect(lambda: _choose_and_run(window))
    menu.addAction(run)
    examples = shipped_scenarios()
    if examples:
        menu.addSeparator()
        for number, path in enumerate(examples[:9], start=1):
            action = menu.addAction(f"&{number} {path.stem}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: _start(window, p))
    insert_before_help(window.menuBar(), menu)
    return menu


def _choose_and_run(window: ScenarioWindow) -> None:
    folder = next((str(d) for d in EXAMPLE_DIRS if d.is_dir()), "")
    path, _ = QFileDialog.getOpenFileName(
        window.window(),
        translate("ScenarioMenu", "Run scenario"),
        folder,
        translate("ScenarioMenu", "Scenario files (*.toml)"),
    )
    if path:
        _start(window, Path(path))


def _start(window: ScenarioWindow, path: Path) -> None:
    import asyncio  # loaded by now (a loop runs); not before the window is shown

    task = asyncio.ensure_future(run_scenario(window, path))
    window._scenario_task = task  # type: ignore[attr-defined]  # kept alive (and for tests)


def load_scenario(window: ScenarioWindow, path: Path) -> Scenario | None:
    """The scenario in ``path``, or None after a notice saying why it cannot run."""
    from ..core.errors import ConfigError
    from ..core.scenario.parse import load
    from .core_texts import error_text

    try:
        return load(path)
    except ConfigError as exc:  # one line naming the file, line and field
        window.report("error", "scenario", error_text(exc))
        return None


async def run_scenario(window: ScenarioWindow, path: Path) -> list[ExpectationResult] | None:
    """Run the scenario in ``path`` in a new session; return its verdicts (None: not run)."""
    scenario = load_scenario(window, path)
    if scenario is None or window.busy:
        return None
    settings = window.settings.replace(**scenario.settings)
    session = await window.new_session(settings)
    if session.ended or not session.model.started:
        return None
    return await ScenarioRun(window, session, scenario).run()


class ScenarioRun:
    """One scenario on one window session: plan, timeline, overlay, verdicts.

    Args:
        window: shows the progress (timeline overlay, notices).
        session: the session it runs on (already started with the file's settings).
        scenario: what to run.
    """

    TICK = 0.5
    """Seconds between overlay updates while running."""

    def __init__(self, window: ScenarioWindow, session: SessionLike, scenario: Scenario) -> None:
        self.window, self.session, self.scenario = window, session, scenario
        self.core = cast("Session", session)  # the window's sessions are core sessions
        self.outcomes: list[Any] = []
        session.before_summary.append(self._judge)

    def _judge(self, _session: object) -> None:
        from ..core.scenario.runner import judge_and_publish

        end = self.session.model.last_ts
        self.outcomes = judge_and_publish(self.core, self.scenario.expectations, end)

    async def run(self) -> list[ExpectationResult]:
        """Play the timeline, close at the scenario's duration, return the verdicts."""
        import asyncio

        from ..core.scenario.runner import plan_event, play_action

        s, session = self.scenario, self.session
        session.hub.publish(plan_event(self.core, s.name, s.actions, s.expectations))
        self._overlay()
        tasks: list[asyncio.Task[None]] = []
        try:
            if await session.wait_connected(s.connect_timeout):
                loop = asyncio.get_running_loop()
                tasks = [loop.create_task(play_action(self.core, a)) for a in s.actions]
            await self._until_end()
            if self.window.session is session and not session.ended:
                await self.window.close_session()
        finally:
            for task in tasks:
                task.cancel()
        self._overlay()
        self._say_verdicts()
        return list(session.model.expectations)

    async def _until_end(self) -> None:
        """Until the scenario's duration (None: until the session is closed), updating."""
        import asyncio

        s, session = self.scenario, self.session
        for _ in range(10_000_000):  # bounded: ~58 days of ticks
            if session.ended or self.window.session is not session:
                return
            if s.duration is not None and session.clock.ts() >= s.duration:
                return
            self._overlay()
            left = self.TICK if s.duration is None else s.duration - session.clock.ts()
            await asyncio.sleep(max(0.01, min(self.TICK, left)))

    def _overlay(self) -> None:
        verdicts = {x.name: x.passed for x in self.session.model.expectations}
        windows = [
            (x.start, x.end, verdicts.get(x.name))
            for x in self.scenario.expectations
            if x.check in ("reaches", "never")
        ]
        self.window.timeline.set_scenario([a.at for a in self.scenario.actions], windows)

    def _say_verdicts(self) -> None:
        results = self.session.model.expectations
        passed = sum(1 for r in results if r.passed)
        template = QT_TRANSLATE_NOOP("ScenarioMenu", "Scenario {0}: {1} of {2} expectations met")
        args = (self.scenario.name, passed, len(results))
        level = "info" if passed == len(results) else "warning"
        self.window.report(
            level,
            "scenario-verdict",
            template.format(*args),
            translate("ScenarioMenu", template).format(*args),
        )
