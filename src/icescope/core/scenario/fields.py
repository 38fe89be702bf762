"""Typed readers for one TOML table of a scenario, each failure naming line and field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import ranges
from ..errors import ConfigError, quote

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .locate import KeyLines


class ScenarioError(ConfigError):
    """A scenario file is unusable; the message is one line naming file, line and field."""


class Table:
    """One table of the file (``[remote]``, the 3rd ``[[action]]``, …) and where it was written.

    Args:
        path: the file, for messages.
        lines: the file's key locations.
        table: dotted table name (``""`` for the top level).
        index: index among ``[[table]]`` entries (0 for a plain table).
        data: the table's parsed content.
        label: how a message names the table, e.g. ``action 3``.
    """

    def __init__(
        self, path: str, lines: KeyLines, table: str, index: int, data: Any, label: str
    ) -> None:
        self.path, self.lines, self.name, self.index, self.label = path, lines, table, index, label
        if not isinstance(data, dict):
            raise self.error("", f"must be a table, got {type(data).__name__}")
        self.data: dict[str, Any] = data

    def error(self, key: str, reason: str) -> ScenarioError:
        """A :class:`ScenarioError` for ``key`` of this table (``""``: the table itself)."""
        line = self.lines.line(self.name, self.index, key)
        where = f"line {line}" if line is not None else "line unknown"
        what = self.label + (f" field {key!r}" if key else "")
        return ScenarioError(f"scenario {self.path}, {where}, {what}: {reason}")

    def only(self, allowed: Iterable[str]) -> None:
        """Refuse keys not in ``allowed`` (typos would otherwise be silently ignored)."""
        known = sorted(allowed)
        for key in self.data:
            if key not in known:
                raise self.error(key, f"unknown field (known: {', '.join(known)})")

    def text(self, key: str, default: str | None = None, choices: tuple[str, ...] = ()) -> str:
        """A string field (required when ``default`` is None)."""
        value = self.data.get(key, default)
        if value is None:
            raise self.error(key, "is required")
        if not isinstance(value, str):
            raise self.error(key, f"must be a string, got {quote(value, 40)}")
        if choices and value not in choices:
            raise self.error(key, f"must be one of {', '.join(choices)}, got {quote(value, 40)}")
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        """A boolean field."""
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, got {quote(value, 40)}")
        return value

    def number(self, key: str, span: str, default: float | None = None) -> float | None:
        """A number checked against ``ranges.RANGES[span]`` (None when absent and no default)."""
        if key not in self.data:
            return default
        try:
            return ranges.check(span, self.data[key])
        except ConfigError as exc:
            raise self.error(key, str(exc)) from None

    def required(self, key: str, span: str) -> float:
        """A number that must be given."""
        value = self.number(key, span)
        if value is None:
            raise self.error(key, "is required")
        return value

    def count(self, key: str) -> int | None:
        """A whole number within ``expect count``."""
        value = self.number(key, "expect count")
        if value is None:
            return None
        if value != int(value):
            raise self.error(key, f"must be a whole number, got {value:g}")
        return int(value)

    def tables(self, key: str, label: str, limit: int) -> list[Table]:
        """An array of tables (``[[key]]`` below this table), at most ``limit`` of them."""
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.error(key, "must be an array of tables ([[...]] sections)")
        if len(value) > limit:
            raise self.error(key, f"at most {limit} entries, got {len(value)}")
        name = f"{self.name}.{key}" if self.name else key
        return [
            Table(self.path, self.lines, name, i, item, f"{label} {i + 1}")
            for i, item in enumerate(value)
        ]

    def sub(self, key: str, label: str) -> Table:
        """A sub-table (empty when absent)."""
        name = f"{self.name}.{key}" if self.name else key
        return Table(self.path, self.lines, name, 0, self.data.get(key, {}), label)
