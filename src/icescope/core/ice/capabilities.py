"""What the ICE engine can do in this process, each with the reason when it cannot."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Capabilities:
    """Each field is None when the feature works, or the reason (plain words) when it does not.

    Views enable controls from these and show the reason on the disabled control; the core
    refuses the command with the same reason.
    """

    restart: str | None = None
    """A real ICE restart (new ufrag/pwd on the same DTLS transport)."""
    impair: str | None = None
    """Network impairment on the peer's ICE sockets (blackout, loss, delay)."""
    stats: str | None = None
    """Candidate, pair and transport statistics computed by the engine."""

    @classmethod
    def degraded(cls, reason: str) -> Capabilities:
        """Everything off, for the stock aiortc classes (wrong library versions)."""
        why = f"not available: IceScope runs on stock aiortc ICE ({reason})"
        return cls(restart=why, impair=why, stats=why)
