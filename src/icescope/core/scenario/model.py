"""The parsed form of a scenario file: remote, settings, a timeline of actions, expectations."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Final

from ..events import Peer
from ..states import Machine

ACTIONS: Final = ("restart", "blackout", "loss", "delay", "clear", "close")
"""What an ``[[action]]`` can ``do``."""

CHECKS: Final = (
    "reaches",
    "never",
    "connect-within",
    "disconnect-after-cut",
    "recover-after-restore",
    "no-heartbeat-lost",
    "restarts-completed",
)
"""What an ``[[expect]]`` can ``check``."""


@dataclass(frozen=True, slots=True)
class Action:
    """One timed action on the session."""

    at: float
    """Session time (seconds since the session started), as the probe's ``--restart-at``."""
    do: str
    peer: Peer = Peer.REMOTE
    """Whose sockets an impairment acts on (restart and close act on the local peer)."""
    direction: str = "both"
    value: float = 0.0
    """Blackout length in s, loss in percent, delay in ms; unused otherwise."""
    line: int = 0
    """Where it was written (for messages)."""

    def describe(self) -> str:
        """The action in words, e.g. ``blackout remote both 30 s``."""
        if self.do == "blackout":
            return f"blackout {self.peer.value} {self.direction} {self.value:g} s"
        if self.do == "loss":
            return f"loss {self.value:g} % on {self.peer.value} {self.direction}"
        if self.do == "delay":
            return f"delay {self.value:g} ms on {self.peer.value} {self.direction}"
        if self.do == "clear":
            return f"clear {self.peer.value} {self.direction}"
        return f"{self.do} ICE" if self.do == "restart" else "close the local peer"


@dataclass(frozen=True, slots=True)
class Expectation:
    """One check of the outcome, judged after the session closed."""

    name: str
    check: str
    peer: Peer = Peer.LOCAL
    machine: Machine = Machine.ICE
    state: str = ""
    """For ``reaches``/``never``: the state value."""
    start: float = 0.0
    """Window start (session time) for ``reaches``/``never``."""
    end: float | None = None
    """Window end (session time); None: until the session ended."""
    seconds: float | None = None
    """The maximum time for the ``*-within``/``*-after-*`` checks."""
    count: int | None = None
    """For ``restarts-completed``: at least this many (None: as many as the timeline has)."""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Outcome:
    """An expectation's verdict, as printed (``type: expectation``) and in JUnit."""

    name: str
    check: str
    passed: bool
    message: str
    """What was expected and what was seen, in one line."""
    observed: tuple[str, ...] = ()
    """The observed sequence the verdict rests on (``ts event`` strings)."""
    measured: float | None = None
    """The figure checked (seconds or a count), None when it could not be measured."""
    time: float = 0.0
    """Seconds of session the check covered (JUnit ``time``)."""

    def to_dict(self, ts: float) -> dict[str, Any]:
        """The JSON line."""
        return {
            "type": "expectation",
            "ts": round(ts, 6),
            "name": self.name,
            "check": self.check,
            "passed": self.passed,
            "message": self.message,
            "measured": self.measured,
            "observed": list(self.observed),
        }


@dataclass(frozen=True, slots=True)
class Scenario:
    """A whole scenario file."""

    path: str
    name: str
    description: str = ""
    duration: float | None = 10.0
    """Session time at which the probe ends; None runs until stopped."""
    connect_timeout: float = 10.0
    settings: dict[str, Any] = field(default_factory=dict)
    """:class:`~icescope.core.config.Settings` fields the file sets (remote, servers, timings)."""
    actions: tuple[Action, ...] = ()
    expectations: tuple[Expectation, ...] = ()

    def scaled(self, factor: float) -> Scenario:
        """The same scenario with its timeline and ICE timings multiplied by ``factor``.

        The connect timeout and ``connect-within`` are not scaled: connecting takes what the
        network takes. Everything after it (action times, blackout lengths, windows, the
        consent timings and the maximum times measured from an action) is.

        Raises:
            ConfigError: a scaled value falls outside its range (e.g. a keepalive interval
                under 0.05 s).
        """
        if factor == 1:
            return self
        actions = tuple(
            dataclasses.replace(
                a, at=a.at * factor, value=a.value * factor if a.do == "blackout" else a.value
            )
            for a in self.actions
        )
        expectations = tuple(
            dataclasses.replace(
                e,
                start=e.start * factor,
                end=None if e.end is None else e.end * factor,
                seconds=e.seconds
                if e.seconds is None or e.check == "connect-within"
                else e.seconds * factor,
            )
            for e in self.expectations
        )
        settings = dict(self.settings)
        timings = settings.get("timings")
        if timings is not None:
            settings["timings"] = dataclasses.replace(
                timings,
                keepalive_interval=timings.keepalive_interval * factor,
                disconnected_timeout=timings.disconnected_timeout * factor,
                failed_timeout=timings.failed_timeout * factor,
            )
        return dataclasses.replace(
            self,
            duration=None if self.duration is None else self.duration * factor,
            settings=settings,
            actions=actions,
            expectations=expectations,
        )
