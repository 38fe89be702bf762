"""Replayable scenarios: a TOML file that sets up a session, acts on it and checks the outcome.

:mod:`.model` holds the parsed form, :mod:`.parse` reads a file (bad files become one
:class:`~icescope.core.errors.ConfigError` line naming file, line and field), :mod:`.runner`
schedules the actions on a :class:`~icescope.core.session.Session` and :mod:`.checks` judges
the expectations from the session's events and model only.
"""

from __future__ import annotations

from .model import ACTIONS, CHECKS, Action, Expectation, Outcome, Scenario

__all__ = ["ACTIONS", "CHECKS", "Action", "Expectation", "Outcome", "Scenario"]
