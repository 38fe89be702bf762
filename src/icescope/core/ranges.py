"""The documented range of every numeric flag and settings field, checked in one place.

NaN, infinities and out-of-range values are refused with one readable line (the CLI turns it
into a usage error, exit 2); nothing silently falls back to a default. The README's probe
section shows the same table (``tests/core/test_ranges.py`` checks that it matches).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Final

from .errors import ConfigError, quote

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


def label(name: str) -> Any:
    """How a message names the value of ``name``: its words and flag, as a nested phrase."""
    span = RANGES[name]
    if not span.words:
        return name
    code = name.removeprefix("--").replace(" ", "-")
    words = {"key": f"error:words.{code}", "args": {}}
    return {"key": "error:label", "args": {"words": words, "name": name}}


def check(name: str, value: float, *, named: bool = True) -> float:
    """Return ``value`` if it lies in ``RANGES[name]``.

    ``named=False`` leaves the flag's name out of the message (argparse says it already).

    Raises:
        ConfigError: NaN, infinite, not a number, or outside the range; the message names the
            flag, the range and the value.
    """
    span = RANGES[name]
    if isinstance(value, bool) or not isinstance(value, int | float) or not span.contains(value):
        shown = quote(value, 40)
        if not named:
            raise ConfigError.of("error:range.bare", range=span.describe(), value=shown)
        raise ConfigError.of("error:range", label=label(name), range=span.describe(), value=shown)
    return float(value)


def parse(name: str, text: str, *, named: bool = True) -> float:
    """Parse ``text`` as a number for ``name`` and check its range.

    Raises:
        ConfigError: not a number, or out of range (see :func:`check`).
    """
    try:
        value = float(text)
    except ValueError:
        raise ConfigError.of("error:not-a-number", name=name, value=quote(text, 40)) from None
    return check(name, value, named=named)


def markdown_table() -> str:
    """The ranges as the Markdown table of the README's probe section."""
    rows = ["| flag / field | range | default |", "|---|---|---|"]
    rows += [f"| `{name}` | {span.describe()} | {span.default} |" for name, span in RANGES.items()]
    return "\n".join(rows)
