"""Bounds on how much work a remote peer can make IceScope do.

aiortc's ``setRemoteDescription`` is quadratic in the number of candidates (1,000 take 0.3 s,
4,000 take 3.6 s, 14,000 froze the event loop for 53 s) and every remote candidate becomes
connectivity checks. A description keeps its first :data:`MAX_DESCRIPTION_CANDIDATES`
candidates and each ICE generation takes at most :data:`MAX_TRICKLED_CANDIDATES` trickled
ones; the rest is dropped, and a notice says how many and which. Browsers gather a few dozen.
"""

from __future__ import annotations

from typing import Final

MAX_DESCRIPTION_CANDIDATES: Final = 200
"""``a=candidate`` lines kept per remote description (offer or answer), in document order."""
MAX_TRICKLED_CANDIDATES: Final = 200
"""Trickled remote candidates accepted per ICE generation (remote ufrag)."""
MAX_DESCRIPTION_BYTES: Final = 8 << 20
"""An offer or answer file larger than this is refused unread (a 200-candidate SDP is ~20 KB)."""

_PREFIX: Final = "a=candidate:"


def cap_candidates(sdp: str, limit: int = MAX_DESCRIPTION_CANDIDATES) -> tuple[str, str | None]:
    """Keep the first ``limit`` candidate lines of ``sdp``; drop the rest.

    One linear pass; the SDP is returned unchanged (same object) when within the limit.

    Returns:
        ``(sdp, dropped)``: the capped SDP and, if anything was dropped, what, in words
        (how many of how many, and their line numbers).
    """
    if sdp.count(_PREFIX) <= limit:
        return sdp, None
    kept: list[str] = []
    seen = 0
    first_dropped = last_dropped = 0
    for number, line in enumerate(sdp.splitlines(keepends=True), start=1):
        if line.startswith(_PREFIX):
            seen += 1
            if seen > limit:
                first_dropped = first_dropped or number
                last_dropped = number
                continue
        kept.append(line)
    if seen <= limit:  # "a=candidate:" appeared inside other lines only
        return sdp, None
    dropped = seen - limit
    where = f"line {first_dropped}" if dropped == 1 else f"lines {first_dropped}-{last_dropped}"
    return "".join(kept), (
        f"{seen} candidates, more than the {limit} IceScope takes: kept the first {limit}, "
        f"dropped {dropped} ({where})"
    )


class TrickleBudget:
    """Counts trickled remote candidates per ICE generation and refuses those over the limit.

    Args:
        limit: candidates accepted per generation.
    """

    def __init__(self, limit: int = MAX_TRICKLED_CANDIDATES) -> None:
        self.limit = limit
        self._taken: dict[str | None, int] = {}
        self.dropped = 0
        """Candidates refused so far, over all generations."""

    def admit(self, ufrag: str | None) -> bool:
        """Count one candidate of generation ``ufrag`` (None: the current one); False if over."""
        taken = self._taken.get(ufrag, 0)
        if taken >= self.limit:
            self.dropped += 1
            return False
        if len(self._taken) >= self.limit and ufrag not in self._taken:
            # A remote inventing a new ufrag per candidate gets no more than one budget's worth.
            self.dropped += 1
            return False
        self._taken[ufrag] = taken + 1
        return True
