"""Liveness of a peer's path and the countdown to its next verdict, from the model and timings.

Computed from event timestamps only: the last packet the selected pair received (its latest
statistics, :func:`~icescope.core.causes.last_inbound`), when the current state was entered,
and the session's consent timings. The engine declares ``disconnected`` after
``disconnected_timeout`` and ``failed`` after ``failed_timeout`` without an authenticated
response, both counted from the last one; it enters ``disconnected`` exactly
``disconnected_timeout`` after it, so ``failed`` falls ``failed_timeout - disconnected_timeout``
after the ``disconnected`` event. While ICE PAC (RFC 8863) holds failure off for want of a
usable remote candidate, the line is its countdown (the model's ``icepac`` fact). A reader
passes ``now`` (session time) to get the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .causes import last_inbound
from .texts import render

if TYPE_CHECKING:
    from .config import IceTimings
    from .events import ConnectivityWait
    from .model import PeerModel

QUIET_SLACK = 0.2
"""Seconds beyond the statistics interval before silence is worth a line (a healthy path's
last packet is at most one sample interval plus a heartbeat old)."""


@dataclass(frozen=True, slots=True)
class Liveness:
    """What is known about a peer's path now, as plain values."""

    state: str
    """``iceConnectionState``."""
    last_inbound: float | None
    """Session time of the last packet received on the selected pair (None: not known)."""
    since: float | None
    """Session time the state was entered."""
    verdict: str | None = None
    """The next verdict if nothing arrives (``disconnected``, ``failed``), or None."""
    verdict_after: float | None = None
    """Seconds of silence after which ``verdict`` falls (``connected``: the threshold)."""
    verdict_at: float | None = None
    """Session time the verdict falls (``disconnected``: from the event and the timings)."""
    quiet_after: float = 1.2
    """Silence shorter than this is a healthy path between two samples."""
    pac: ConnectivityWait | None = None
    """ICE PAC's wait (phase ``waiting``) while no pair is up, else None."""

    def urgent(self, now: float) -> bool:
        """True when the line is silence or a countdown, not a healthy path's last packet."""
        if self.pac is not None:
            return True
        if self.state in ("disconnected", "failed"):
            return bool(self.text(now))
        if self.last_inbound is None or self.verdict_after is None:
            return False
        return now - self.last_inbound >= self.quiet_after

    def text(self, now: float) -> str:
        """The liveness line at session time ``now`` in English (empty: nothing to say)."""
        said = self.said(now)
        return render(*said) if said is not None else ""

    def said(self, now: float) -> tuple[str, dict[str, str]] | None:
        """The liveness line at ``now`` as a core text (template key, arguments), or None."""
        if self.pac is not None:  # "… waiting for peer-reflexive connectivity, 31 s left"
            return "liveness:pac-waiting", {"left": f"{max(0.0, self.pac.deadline - now):.0f}"}
        age = None if self.last_inbound is None else f"{max(0.0, now - self.last_inbound):.1f}"
        if self.state in ("connected", "completed"):
            if age is None or self.last_inbound is None:
                return None
            if now - self.last_inbound < self.quiet_after or self.verdict_after is None:
                return "liveness:last-packet", {"age": age}
            due = now - self.last_inbound >= self.verdict_after
            key = "liveness:silent-due" if due else "liveness:silent"
            return key, {
                "age": age,
                "verdict": self.verdict or "",
                "after": f"{self.verdict_after:g}",
            }
        if self.state == "disconnected" and self.since is not None:
            held = f"{max(0.0, now - self.since):.1f}"
            if self.verdict_at is None:
                return "liveness:disconnected-for", {"held": held}
            left = self.verdict_at - now
            if left > 0:
                return "liveness:disconnected-failing", {"held": held, "left": f"{left:.1f}"}
            return "liveness:disconnected-failed-due", {"held": held}
        if self.state == "failed" and age is not None:
            return "liveness:failed", {"age": age}
        return None


def liveness_of(
    peer: PeerModel, timings: IceTimings | None, stats_interval: float = 1.0
) -> Liveness:
    """The liveness facts of ``peer``.

    Args:
        peer: its model.
        timings: the consent timings of the engine that runs it; None when they are not
            known (a browser runs its own), so no countdown is given.
        stats_interval: seconds between statistics samples (how stale the last packet may be).
    """
    ice = peer.ice
    last = last_inbound(peer)
    quiet = max(stats_interval, 0.0) + QUIET_SLACK
    if ice.value not in ("connected", "completed"):
        for wait in (peer.pac, peer.restart_pac):
            if wait is not None and wait.phase == "waiting":
                return Liveness(ice.value, last, ice.since, quiet_after=quiet, pac=wait)
    if timings is None:
        return Liveness(ice.value, last, ice.since, quiet_after=quiet)
    if ice.value in ("connected", "completed"):
        return Liveness(
            ice.value,
            last,
            ice.since,
            verdict="disconnected",
            verdict_after=timings.disconnected_timeout,
            quiet_after=quiet,
        )
    if ice.value == "disconnected" and ice.since is not None:
        at = ice.since + timings.failed_timeout - timings.disconnected_timeout
        return Liveness(
            ice.value, last, ice.since, verdict="failed", verdict_at=at, quiet_after=quiet
        )
    return Liveness(ice.value, last, ice.since, quiet_after=quiet)
