"""A probe that runs until stopped heartbeats less often, unless the interval was chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from icescope.cli import build_parser, plan_from_args, settings_from_args
from icescope.core.config import DEFAULT_HEARTBEAT_INTERVAL, Settings
from icescope.core.probeflags import LONG_RUN_HEARTBEAT_INTERVAL, long_running

if TYPE_CHECKING:
    from pathlib import Path


def interval(argv: list[str]) -> float:
    args = build_parser().parse_args(["probe", *argv])
    settings, _ = plan_from_args(args, settings_from_args(args, None))
    return settings.heartbeat_interval


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--duration", "0"], LONG_RUN_HEARTBEAT_INTERVAL),
        ([], DEFAULT_HEARTBEAT_INTERVAL),
        (["--duration", "30"], DEFAULT_HEARTBEAT_INTERVAL),
    ],
)
def test_only_a_probe_that_runs_until_stopped_slows_its_heartbeat(
    argv: list[str], expected: float
) -> None:
    assert LONG_RUN_HEARTBEAT_INTERVAL > DEFAULT_HEARTBEAT_INTERVAL
    assert interval(argv) == expected


def test_a_scenario_that_sets_the_interval_keeps_it(tmp_path: Path) -> None:
    scenario = tmp_path / "s.toml"
    scenario.write_text('name = "s"\nduration = 0\n[settings]\nheartbeat_interval = 0.05\n')
    assert interval(["--scenario", str(scenario)]) == 0.05
    plain = tmp_path / "p.toml"
    plain.write_text('name = "p"\nduration = 0\n')
    assert interval(["--scenario", str(plain)]) == LONG_RUN_HEARTBEAT_INTERVAL


def test_a_chosen_interval_is_kept() -> None:
    chosen = Settings(heartbeat_interval=0.5)
    assert long_running(chosen).heartbeat_interval == 0.5
    assert long_running(Settings()).heartbeat_interval == LONG_RUN_HEARTBEAT_INTERVAL
