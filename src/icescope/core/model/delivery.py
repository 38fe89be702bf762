"""Heartbeat accounting: what one peer received of what the other sent, never guessed.

A peer's loss is the other side's final ``sent`` minus this side's final ``received``, split
into messages the other side still held queued when it closed (``undelivered``) and messages
that left it and never arrived (``lost``). Where a final count is missing the figures are
``None`` and ``unknown`` says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .peer import PeerModel


@dataclass(frozen=True, slots=True)
class Delivery:
    """What one peer received of what the other sent."""

    sent: int | None
    received: int | None
    lost: int | None
    """The other side's messages that left it and never arrived here."""
    undelivered: int | None
    """The other side's messages still queued (unacknowledged) at it when it stopped."""
    unknown: str | None = None
    """Why ``lost`` cannot be known (None when it is known)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; ``unknown`` only where it applies."""
        out: dict[str, Any] = {
            "sent": self.sent,
            "received": self.received,
            "lost": self.lost,
            "undelivered": self.undelivered,
        }
        if self.unknown is not None:
            out["unknown"] = self.unknown
        return out

    @property
    def clean(self) -> bool:
        """True only when it is known that nothing was lost or left undelivered."""
        return self.lost == 0 and self.undelivered in (0, None) and self.unknown is None


def delivery(receiver: PeerModel, sender: PeerModel) -> Delivery:
    """Account ``sender`` → ``receiver`` heartbeats from their latest counts."""
    mine, theirs = receiver.heartbeat, sender.heartbeat
    sent = mine.sent if mine is not None else None
    received = mine.received if mine is not None else None
    name, other = receiver.peer.value, sender.peer.value
    reason = None
    if mine is None:
        reason = f"the {name} peer never reported heartbeat counts"
    elif mine.received is None:
        reason = f"the {name} peer did not say how many heartbeats it received"
    elif not mine.final:
        reason = f"the {name} peer's final count is not known (it had not stopped when counted)"
    elif theirs is None:
        reason = f"the {other} peer never reported how many heartbeats it sent"
    elif not theirs.final:
        reason = f"the {other} peer's final sent count never arrived (its channel was gone)"
    if reason is not None or mine is None or theirs is None or mine.received is None:
        return Delivery(sent, received, None, None, reason)
    missing = max(0, theirs.sent - mine.received)
    if theirs.queued is None:
        return Delivery(sent, received, missing, None)
    undelivered = min(missing, theirs.queued)
    return Delivery(sent, received, missing - undelivered, undelivered)
