"""The session's read side: a pure fold of its events that every view and report reads."""

from __future__ import annotations

from .delivery import Delivery, delivery
from .peer import PeerModel, Staleness, StateValue
from .session import SessionModel
from .summary import Verdict, summary, verdict

__all__ = [
    "Delivery",
    "PeerModel",
    "SessionModel",
    "Staleness",
    "StateValue",
    "Verdict",
    "delivery",
    "summary",
    "verdict",
]
