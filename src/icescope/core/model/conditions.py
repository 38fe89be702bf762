"""Conditions: the problems a session has *now*, so a banner about one goes when it does.

Every warning or error notice opens a condition keyed by its code (a later notice with the
same code replaces it). Some codes name a problem with a known end; the event that ends it
closes the condition:

* ``impair-rejected``: a later impairment took effect (an :class:`Impairment` event);
* ``paste-rejected``: a later paste was accepted, or ICE connected;
* ``signaling-retrying`` (a listener not up yet, still retrying): the signaling channel
  connected, or the retry gave up (``signaling-lost`` then opens its own condition);
* ``restart-failed``: a later ICE restart completed;
* ``redialing``, ``signaling-closed``, ``signaling-lost`` (the remote went away): the remote
  came back as a new call (a :class:`CallStarted` event).

Other notices have no end the session can observe; they stay open until a reader dismisses
them. The fold is pure, like the rest of the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..events import CallStarted, IceRestart, Impairment, Notice, StateChanged
from ..states import Machine

if TYPE_CHECKING:
    from ..events import SessionEvent

PROBLEM_LEVELS = ("warning", "error")
CONNECTED = frozenset({"connected", "completed"})
ENDED_BY_NOTICE: dict[str, frozenset[str]] = {
    "paste": frozenset({"paste-rejected"}),
    "signaling-connected": frozenset({"signaling-retrying"}),
    "signaling-lost": frozenset({"signaling-retrying"}),
}
"""Notice codes (any level) and the conditions they end."""
REMOTE_BACK: frozenset[str] = frozenset({"redialing", "signaling-closed", "signaling-lost"})
"""Conditions a new call ends: the remote that went away is back."""


def ended_by(event: SessionEvent) -> frozenset[str]:
    """The condition codes ``event`` ends (empty for most events)."""
    if isinstance(event, Notice):
        return ENDED_BY_NOTICE.get(event.code, frozenset())
    if isinstance(event, Impairment):
        return frozenset({"impair-rejected"})
    if isinstance(event, StateChanged):
        if event.machine is Machine.ICE and event.state in CONNECTED:
            return frozenset({"paste-rejected"})
        return frozenset()
    if isinstance(event, CallStarted):
        return REMOTE_BACK
    if isinstance(event, IceRestart) and event.phase == "complete":
        return frozenset({"restart-failed"})
    return frozenset()


@dataclass(slots=True)
class Conditions:
    """Open problems by code, oldest first (written only by :meth:`apply`)."""

    active: dict[str, Notice] = field(default_factory=dict)
    """The notice that opened each open condition, by code."""
    version: int = 0
    """Bumped whenever :attr:`active` changes (readers redraw only then)."""

    def apply(self, event: SessionEvent) -> None:
        """Fold one event: a problem notice opens its condition, an ending event closes some."""
        for code in ended_by(event):
            if self.active.pop(code, None) is not None:
                self.version += 1
        if isinstance(event, Notice) and event.level in PROBLEM_LEVELS:
            self.active.pop(event.code, None)  # re-inserted: the newest is last
            self.active[event.code] = event
            self.version += 1
