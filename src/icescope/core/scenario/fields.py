"""Typed readers for one TOML table of a scenario, each failure naming line and field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from .. import ranges
from ..errors import ConfigError, quote

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .locate import KeyLines


class ScenarioError(ConfigError):
    """A scenario file is unusable; the message is one line naming file, line and field."""


TOP_LEVEL: Final = {"key": "error:scenario.top", "args": {}}
"""How a message names the file's top level (words, so the probe can say it in German)."""


class Table:
    """One table of the file (``[remote]``, the 3rd ``[[action]]``, …) and where it was written.

    Args:
        path: the file, for messages.
        lines: the file's key locations.
        table: dotted table name (``""`` for the top level).
        index: index among ``[[table]]`` entries (0 for a plain table).
        data: the table's parsed content.
        label: how a message names the table, e.g. ``action 3`` (TOML's own names stay as
            written), or a nested phrase such as :data:`TOP_LEVEL`.
    """

    def __init__(
        self, path: str, lines: KeyLines, table: str, index: int, data: Any, label: Any
    ) -> None:
        self.path, self.lines, self.name, self.index, self.label = path, lines, table, index, label
        if not isinstance(data, dict):
            raise self.error("", "error:scenario.not-table", kind=type(data).__name__)
        self.data: dict[str, Any] = data

    def error(self, key: str, reason: str, /, **args: Any) -> ScenarioError:
        """A :class:`ScenarioError` for ``key`` of this table (``""``: the table itself).

        ``reason`` is an ``error:scenario.*`` core text key, ``args`` its arguments.
        """
        return self.wrap(key, {"key": reason, "args": args})

    def wrap(self, key: str, reason: Any) -> ScenarioError:
        """:meth:`error` with a reason that is already words: ``ConfigError.said()``."""
        line = self.lines.line(self.name, self.index, key)
        where: dict[str, Any] = (
            {"key": "error:scenario.line", "args": {"line": str(line)}}
            if line is not None
            else {"key": "error:scenario.line-unknown", "args": {}}
        )
        what = self.label
        if key:
            what = {"key": "error:scenario.field", "args": {"table": what, "field": repr(key)}}
        return ScenarioError.of(
            "error:scenario", path=self.path, where=where, what=what, reason=reason
        )

    def only(self, allowed: Iterable[str]) -> None:
        """Refuse keys not in ``allowed`` (typos would otherwise be silently ignored)."""
        known = sorted(allowed)
        for key in self.data:
            if key not in known:
                raise self.error(key, "error:scenario.unknown-field", known=", ".join(known))

    def text(self, key: str, default: str | None = None, choices: tuple[str, ...] = ()) -> str:
        """A string field (required when ``default`` is None)."""
        value = self.data.get(key, default)
        if value is None:
            raise self.error(key, "error:scenario.required")
        if not isinstance(value, str):
            raise self.error(key, "error:scenario.not-string", value=quote(value, 40))
        if choices and value not in choices:
            raise self.error(
                key, "error:scenario.choice", choices=", ".join(choices), value=quote(value, 40)
            )
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        """A boolean field."""
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.error(key, "error:scenario.not-bool", value=quote(value, 40))
        return value

    def number(self, key: str, span: str, default: float | None = None) -> float | None:
        """A number checked against ``ranges.RANGES[span]`` (None when absent and no default)."""
        if key not in self.data:
            return default
        try:
            return ranges.check(span, self.data[key])
        except ConfigError as exc:
            raise self.wrap(key, exc.said()) from None

    def required(self, key: str, span: str) -> float:
        """A number that must be given."""
        value = self.number(key, span)
        if value is None:
            raise self.error(key, "error:scenario.required")
        return value

    def count(self, key: str) -> int | None:
        """A whole number within ``expect count``."""
        value = self.number(key, "expect count")
        if value is None:
            return None
        if value != int(value):
            raise self.error(key, "error:scenario.not-whole", value=f"{value:g}")
        return int(value)

    def tables(self, key: str, label: str, limit: int) -> list[Table]:
        """An array of tables (``[[key]]`` below this table), at most ``limit`` of them."""
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.error(key, "error:scenario.not-tables")
        if len(value) > limit:
            raise self.error(
                key, "error:scenario.too-many", limit=str(limit), count=str(len(value))
            )
        name = f"{self.name}.{key}" if self.name else key
        return [
            Table(self.path, self.lines, name, i, item, f"{label} {i + 1}")
            for i, item in enumerate(value)
        ]

    def sub(self, key: str, label: str) -> Table:
        """A sub-table (empty when absent)."""
        name = f"{self.name}.{key}" if self.name else key
        return Table(self.path, self.lines, name, 0, self.data.get(key, {}), label)
