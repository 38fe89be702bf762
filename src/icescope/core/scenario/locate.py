"""Where a key of a TOML file was written: line numbers for messages about its values.

``tomllib`` gives line numbers only for syntax errors. This scans the text for table headers
(``[name]``, ``[[name]]``) and ``key =`` lines, which is what scenario files use; a key it
cannot place (inside a multi-line inline table) falls back to its table's header line.
"""

from __future__ import annotations

import re
from typing import Final

_HEADER: Final = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]\]?")
_KEY: Final = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")


class KeyLines:
    """Line numbers (1-based) of tables and keys, addressed as ``(table, index, key)``.

    ``table`` is the dotted header name (``""`` for the top level), ``index`` counts the
    ``[[table]]`` entries from 0 (always 0 for a plain table), ``key`` is ``""`` for the header.
    """

    def __init__(self, text: str) -> None:
        self._lines: dict[tuple[str, int, str], int] = {}
        counts: dict[str, int] = {}
        table, index = "", 0
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header is not None:
                table = header.group(2)
                if header.group(1) == "[[":
                    index = counts.get(table, -1) + 1
                    counts[table] = index
                else:
                    index = 0
                self._lines.setdefault((table, index, ""), number)
                continue
            key = _KEY.match(line)
            if key is not None:
                self._lines.setdefault((table, index, key.group(1)), number)

    def line(self, table: str, index: int = 0, key: str = "") -> int | None:
        """The line of ``key`` in that table, else of the table's header, else None."""
        found = self._lines.get((table, index, key))
        if found is None:
            found = self._lines.get((table, index, ""))
        return found
