"""Events of a scenario run: its plan, and each expectation's verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .base import Event


@dataclass(frozen=True, slots=True, kw_only=True)
class ScenarioPlan(Event):
    """The scenario a session runs: its timeline and what it expects (published once)."""

    TYPE: ClassVar[str] = "scenario"

    name: str
    actions: tuple[str, ...] = ()
    """Each action in words with its session time, e.g. ``5 s: blackout remote both 30 s``."""
    expectations: tuple[str, ...] = ()
    """The expectations' names, in file order."""

    def summary(self) -> str:
        """Name, how many actions and expectations."""
        return (
            f"scenario {self.name!r}: {len(self.actions)} action(s), "
            f"{len(self.expectations)} expectation(s)"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpectationResult(Event):
    """One expectation's verdict, judged once the session ended (before its summary)."""

    TYPE: ClassVar[str] = "expectation"

    name: str
    check: str
    passed: bool
    message: str
    """What was expected and what was seen, in one line."""
    measured: float | None = None
    """The figure checked (seconds or a count), None when it could not be measured."""
    observed: tuple[str, ...] = ()
    """The observed sequence the verdict rests on (``ts event`` strings)."""

    def summary(self) -> str:
        """Pass or fail, the name and the message."""
        return f"{'pass' if self.passed else 'FAIL'}: {self.name}: {self.message}"
