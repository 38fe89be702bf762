"""The probe's automation flags (scenario, JUnit, metrics), kept beside their features.

``--scenario``, ``--time-scale``, ``--junit``, ``--metrics``, ``--probe-name`` and
``--pushgateway``: kept out of ``cli.py`` so it stays small.

:func:`add_automation_flags` adds them; :func:`apply_automation` turns them into settings
changes, plan changes and the probe hooks (:mod:`icescope.core.probehooks`).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import ranges
from .config import DEFAULT_HEARTBEAT_INTERVAL
from .errors import ConfigError
from .events import Peer
from .states import Machine

if TYPE_CHECKING:
    import argparse

    from .config import Settings
    from .probehooks import ProbeHook
    from .scenario.model import Expectation, Scenario

LONG_RUN_HEARTBEAT_INTERVAL = 0.2
"""Seconds between heartbeats of a probe that runs until stopped (``--duration 0``)."""


def add_automation_flags(parser: argparse.ArgumentParser, number: Any) -> None:
    """Add the flags to the probe's parser (``number(flag)`` is the range-checked type)."""
    g = parser.add_argument_group("automation and fleets")
    g.add_argument("--scenario", type=Path, metavar="FILE", help="run a scenario file (TOML)")
    g.add_argument(
        "--time-scale",
        type=number("--time-scale"),
        metavar="F",
        help="multiply the scenario's timeline and ICE timings by F (1)",
    )
    g.add_argument(
        "--junit", type=Path, metavar="FILE", help="write JUnit XML, one test case per expectation"
    )
    g.add_argument(
        "--metrics", metavar="HOST:PORT", help="serve OpenMetrics at /metrics while running"
    )
    g.add_argument(
        "--probe-name", metavar="NAME", help="the probe label of the metrics (host name)"
    )
    g.add_argument("--pushgateway", metavar="URL", help="push the final figures to a Pushgateway")


def apply_automation(
    args: argparse.Namespace, settings: Settings, plan: dict[str, Any]
) -> tuple[Settings, dict[str, Any]]:
    """Fold the flags into ``settings`` and the plan's keyword arguments.

    Raises:
        ConfigError: a bad scenario file (one line naming file, line and field) or flag.
    """
    hooks: list[ProbeHook] = []
    scenario = None
    if args.scenario is not None:
        from .scenario.parse import load

        scenario = load(args.scenario)
        if args.time_scale is not None:
            try:
                scenario = scenario.scaled(args.time_scale)
            except ConfigError as exc:
                raise ConfigError.of(
                    "error:flag-value",
                    flag="--time-scale",
                    value=f"{args.time_scale:g}",
                    error=exc.said(),
                ) from None
        settings = _merge(args, settings, scenario)
        if args.duration is None:
            plan["duration"] = scenario.duration
        if args.connect_timeout is None:
            plan["connect_timeout"] = scenario.connect_timeout
    elif args.time_scale is not None:
        raise ConfigError.of("error:time-scale-alone")
    if scenario is not None or args.junit is not None:
        from .scenario.runner import ScenarioHook

        if scenario is not None:
            name, actions, expectations = scenario.name, scenario.actions, scenario.expectations
        else:
            name, actions, expectations = "probe", (), _flag_expectations(plan)
        hooks.append(ScenarioHook(name, actions, expectations, args.junit))
    if args.metrics is not None or args.pushgateway is not None:
        from .metrics.hook import MetricsHook

        hooks.append(
            MetricsHook.from_flags(args.metrics, args.pushgateway, args.probe_name, settings)
        )
    elif args.probe_name is not None:
        raise ConfigError.of("error:probe-name-alone")
    plan["hooks"] = tuple(hooks)
    own_interval = scenario is not None and "heartbeat_interval" in scenario.settings
    if plan.get("duration") is None and not own_interval:
        settings = long_running(settings)
    return settings, plan


def long_running(settings: Settings) -> Settings:
    """A probe that runs until stopped heartbeats at :data:`LONG_RUN_HEARTBEAT_INTERVAL`.

    Most of an idle probe's CPU is its heartbeats (measured: 10 messages a second each way, each
    with its SCTP acknowledgement, are three quarters of it); a fleet's probes run for days, so
    unless the interval was chosen (saved settings, a scenario's ``heartbeat_interval``) they
    send fewer. Every count and verdict stays the same; only their rate changes.
    """
    if settings.heartbeat_interval != DEFAULT_HEARTBEAT_INTERVAL:
        return settings
    return settings.replace(heartbeat_interval=LONG_RUN_HEARTBEAT_INTERVAL)


def _merge(args: argparse.Namespace, settings: Settings, scenario: Scenario) -> Settings:
    """The scenario's settings, except where a flag on the command line says otherwise."""
    changes = dict(scenario.settings)
    cli_remote = (
        args.browser_peer or args.listen or args.connect or args.offer_file or args.answer_file
    )
    if cli_remote:
        for key in ("mode", "remote_address", "browser_offers", "browser_port"):
            changes.pop(key, None)
    if getattr(args, "ice_server_entries", None):
        changes.pop("ice_servers", None)
    if args.relay_only:
        changes.pop("relay_only", None)
    timings = changes.get("timings")
    if timings is not None:
        given = {
            name: getattr(args, name)
            for name in ("keepalive_interval", "disconnected_timeout", "failed_timeout")
            if getattr(args, name) is not None
        }
        changes["timings"] = dataclasses.replace(timings, **given)
    return settings.replace(**changes)


def _flag_expectations(plan: dict[str, Any]) -> tuple[Expectation, ...]:
    """Without a scenario, ``--junit`` reports the probe's own checks."""
    from .scenario.model import Expectation

    timeout = ranges.check("expect seconds", min(plan.get("connect_timeout") or 10.0, 3600))
    out = [Expectation(f"connects within {timeout:g} s", "connect-within", seconds=timeout)]
    if plan.get("expect_no_failed"):
        out.append(Expectation("never failed", "never", Peer.LOCAL, Machine.ICE, "failed"))
    if plan.get("expect_no_loss"):
        out.append(Expectation("no heartbeat lost", "no-heartbeat-lost"))
    return tuple(out)
