"""SessionClock: monotonic seconds since session start, paired with wall-clock time."""

from __future__ import annotations

import time


class SessionClock:
    """Timestamps for one session.

    ``ts`` is monotonic (immune to NTP steps) and starts at 0; ``wall`` is Unix time for humans
    and for correlating with other tools' logs.
    """

    def __init__(self) -> None:
        self._mono0 = time.monotonic()
        self.started_wall = time.time()
        """Unix time at which the session started."""

    def ts(self) -> float:
        """Seconds since the session started (monotonic)."""
        return time.monotonic() - self._mono0

    def stamp(self) -> tuple[float, float]:
        """Return ``(ts, wall)`` for a new event."""
        ts = self.ts()
        return ts, self.started_wall + ts
