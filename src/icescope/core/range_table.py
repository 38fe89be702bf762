"""The table of ranges: every numeric flag and settings field, its bounds and its words.

Data only (no error raised here), so the texts registry can name each range's words without
importing the checks (:mod:`icescope.core.ranges` checks values against this table).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

MAX_SECONDS: Final = 86_400.0
"""One day: the longest time any probe action or watch may be scheduled at."""


@dataclass(frozen=True, slots=True)
class Range:
    """An interval of finite numbers, ``[low, high]`` or ``(low, high]``."""

    low: float
    high: float
    unit: str
    low_open: bool = False
    """True when ``low`` itself is excluded (a value that must be positive)."""
    default: str = "none"
    """The value used when the flag is not given, for the documentation."""
    words: str = ""
    """What the value is, in words (for messages shown outside the command line)."""

    def contains(self, value: float) -> bool:
        """True when ``value`` is a finite number inside the range."""
        if not math.isfinite(value):
            return False
        above = value > self.low if self.low_open else value >= self.low
        return above and value <= self.high

    def describe(self) -> str:
        """The range in words, e.g. ``(0, 86400] s``."""
        opener = "(" if self.low_open else "["
        return f"{opener}{self.low:g}, {self.high:g}] {self.unit}".rstrip()


RANGES: Final[dict[str, Range]] = {
    "--duration": Range(0, MAX_SECONDS, "s", default="10", words="duration (0 = until stopped)"),
    "--close-at": Range(0, MAX_SECONDS, "s", words="close time"),
    "--connect-timeout": Range(0, 3600, "s", low_open=True, default="10", words="connect timeout"),
    "--restart-at": Range(0, MAX_SECONDS, "s", words="restart time"),
    "--blackout AT": Range(0, MAX_SECONDS, "s", words="blackout start"),
    "--blackout LEN": Range(0, MAX_SECONDS, "s", low_open=True, words="blackout length"),
    "--loss": Range(0, 100, "%", words="loss"),
    "--delay": Range(0, 10_000, "ms", words="delay"),
    "--keepalive-interval": Range(0.05, 60, "s", default="1", words="keepalive interval"),
    "--disconnected-timeout": Range(
        0, 600, "s", low_open=True, default="2.5", words="disconnected timeout"
    ),
    "--failed-timeout": Range(0, 3600, "s", low_open=True, default="30", words="failed timeout"),
    "--pac-timeout": Range(1, 600, "s", default="39.5", words="PAC timeout (RFC 8863)"),
    "heartbeat interval": Range(0.01, 10, "s", default="0.1"),
    "drain": Range(0, 10, "s", default="0.5"),
    "manual wait": Range(0, MAX_SECONDS, "s", low_open=True, default="300"),
    "--time-scale": Range(0, 100, "", low_open=True, default="1", words="scenario time scale"),
    "scenario at": Range(0, MAX_SECONDS, "s", words="action time"),
    "scenario length": Range(0, MAX_SECONDS, "s", low_open=True, words="blackout length"),
    "scenario every": Range(0, MAX_SECONDS, "s", low_open=True, words="repeat interval"),
    "scenario window": Range(0, MAX_SECONDS, "s", words="window bound"),
    "expect seconds": Range(0, 3600, "s", low_open=True, words="expected maximum time"),
    "expect count": Range(0, 100_000, "", words="expected count"),
}
"""Every numeric flag and settings field. The timings must also keep their order:
disconnected timeout > 1.2 × keepalive interval, failed timeout > disconnected timeout."""


RANGE_WORDS: Final[dict[str, str]] = {
    name.removeprefix("--").replace(" ", "-"): span.words
    for name, span in RANGES.items()
    if span.words
}
"""Phrase code (``error:words.<code>``) -> what a range's value is, in English."""
