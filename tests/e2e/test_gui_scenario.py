"""The window's Scenario menu runs a scenario file as ``icescope probe --scenario`` does."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QMenu

from icescope.core.config import Settings
from icescope.core.journal import read_journal
from icescope.qt.main_window import MainWindow
from icescope.qt.scenario_menu import run_scenario, shipped_scenarios
from icescope.qt.widgets.timeline import WINDOW_COLORS
from tests.e2e.test_gui import qloop, run  # noqa: F401 - the fixture, shared
from tests.subproc import ROOT, run_python

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e

SCENARIO = """\
name = "cut and back"
duration = 3.5
[settings]
keepalive_interval = 0.2
disconnected_timeout = 0.5
[[action]]
at = 1
do = "blackout"
length = 1
[[expect]]
name = "connects within 5 s"
check = "connect-within"
seconds = 5
[[expect]]
name = "disconnected during the cut"
check = "reaches"
state = "disconnected"
from = 1
to = 2.5
[[expect]]
name = "never disconnected"
check = "never"
state = "disconnected"
[[expect]]
name = "a restart completed"
check = "restarts-completed"
count = 1
"""
EXPECTED = {
    "connects within 5 s": True,
    "disconnected during the cut": True,
    "never disconnected": False,
    "a restart completed": False,
}


def test_the_menu_lists_the_shipped_examples_by_name(qtbot, tmp_path: Path) -> None:
    window = MainWindow(Settings(journal_dir=tmp_path))
    qtbot.addWidget(window)
    menu = window.findChild(QMenu, "scenario-menu")
    assert menu is not None
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    shipped = sorted(p.stem for p in (ROOT / "resources" / "scenarios").glob("*.toml"))
    assert [p.stem for p in shipped_scenarios()] == shipped
    assert [n.split(" ", 1)[1] for n in names[1:]] == shipped  # "&1 lossy-wifi", …
    assert "outage-then-restart" in shipped
    bar = [a.menu() for a in window.menuBar().actions()]
    assert bar.index(menu) == bar.index(window.findChild(QMenu, "help-menu")) - 1


def test_window_and_probe_give_the_same_verdicts(qtbot, qloop, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "cut.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    probe = run_python("-m", "icescope", "probe", "--no-journal", "--scenario", str(path))
    assert probe.returncode == 3, probe.stderr  # two expectations fail, on purpose
    lines = [json.loads(x) for x in probe.stdout.splitlines()]
    by_probe = {x["name"]: x["passed"] for x in lines if x["type"] == "expectation"}
    assert by_probe == EXPECTED

    window = MainWindow(Settings(journal_dir=tmp_path, drain=0.1))
    qtbot.addWidget(window)
    window.show()
    drawn: list[list[tuple[float, float | None, bool | None]]] = []

    async def scenario() -> None:
        task = run_scenario(window, path)
        results = await task
        assert results is not None
        by_window = {r.name: r.passed for r in results}
        assert by_window == by_probe, "the same file gives the same verdicts both ways"
        drawn.append(list(window.timeline.windows))

    run(qloop, scenario, 40)
    session = window.session
    assert session is not None and session.ended
    # The progress on the timeline: the planned action, each window with its verdict.
    assert window.timeline.planned == [1.0]
    assert drawn[0] == [(1.0, 2.5, True), (0.0, None, False)]
    colors = {c for kind, *_, c, _t in window.timeline.primitives(800, 300) if kind == "rect"}
    assert WINDOW_COLORS[True] in colors and WINDOW_COLORS[False] in colors
    # Plan and verdicts are in the journal, before the summary.
    records = read_journal(session.journal_path)
    assert records[-1]["type"] == "summary"
    assert [r["name"] for r in records if r["type"] == "scenario"] == ["cut and back"]
    journaled = {r["name"]: r["passed"] for r in records if r["type"] == "expectation"}
    assert journaled == EXPECTED
    # The window says how it went.
    said = [n.message for n in session.model.notices if n.code == "scenario-verdict"]
    assert said == ["Scenario cut and back: 2 of 4 expectations met"]
    window.close()
