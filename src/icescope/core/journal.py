"""Journal: every event as one JSON line in a per-session file, flushed per event.

A crash (even ``kill -9``) loses nothing already logged: each line is handed to the kernel
before ``write`` returns. Lines are written whole, so a reader can always parse every line
but possibly a torn last one on power loss; :func:`read_journal` skips only that.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

if TYPE_CHECKING:
    from .events import SessionEvent

logger = logging.getLogger(__name__)


def default_journal_dir() -> Path:
    """The per-user directory where session journals go (platformdirs user data dir)."""
    return Path(platformdirs.user_data_dir("icescope", appauthor=False)) / "sessions"


def new_journal_path(directory: Path | None = None) -> Path:
    """A fresh, timestamped journal path in ``directory`` (default: the user data dir)."""
    base = directory or default_journal_dir()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime())
    return base / f"session-{stamp}-{os.getpid()}.jsonl"


class Journal:
    """Append-only JSON Lines writer for one session.

    Write errors (disk full, removed directory) are reported once through ``error`` and
    further events are still kept in memory by the event log; the session goes on.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        """Where the journal is written."""
        self.error: str | None = None
        """The first write error, in words; None while all is well."""
        path.parent.mkdir(parents=True, exist_ok=True)
        # Line-buffered text file: one write + flush per event.
        self._file = path.open("a", encoding="utf-8", buffering=1)

    def write(self, event: SessionEvent) -> None:
        """Append ``event`` as one JSON line and flush it to the kernel."""
        self.write_record(event.to_dict())

    def write_record(self, record: dict[str, Any]) -> None:
        """Append an arbitrary JSON record (used for the closing summary)."""
        if self._file.closed:
            return
        try:
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._file.flush()
        except OSError as exc:
            if self.error is None:
                self.error = f"cannot write journal {self.path}: {exc.strerror or exc}"
                logger.warning("%s", self.error)

    def close(self) -> None:
        """Flush and close the file; further writes are ignored."""
        if not self._file.closed:
            try:
                self._file.flush()
                os.fsync(self._file.fileno())
            except OSError:
                pass
            self._file.close()


def read_journal(path: Path) -> list[dict[str, Any]]:
    """Read a journal back; a torn final line (power loss mid-write) is skipped.

    Raises:
        ValueError: a line other than the last one is not valid JSON.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    records: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            if number == len(lines):
                break
            raise ValueError(f"{path}:{number}: not a JSON line: {exc.msg}") from exc
    return records
