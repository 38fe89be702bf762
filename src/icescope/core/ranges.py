"""The documented range of every numeric flag and settings field, checked in one place.

NaN, infinities and out-of-range values are refused with one readable line (the CLI turns it
into a usage error, exit 2); nothing silently falls back to a default. The README's probe
section shows the same table (``tests/core/test_ranges.py`` checks that it matches).
"""

from __future__ import annotations

from typing import Any

from .errors import ConfigError, quote
from .range_table import MAX_SECONDS, RANGE_WORDS, RANGES, Range

__all__ = ["MAX_SECONDS", "RANGES", "RANGE_WORDS", "Range", "check", "label", "parse"]


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
