"""Interrupted sessions: journals whose writer died before it wrote the closing summary.

A session's journal (:mod:`.journal`) is ``session-<date>-<time>-<pid>[-<n>].jsonl`` in the journal
directory, and a session that ends cleanly writes the ``summary`` record last. A journal whose
last whole line is anything else, and whose writer process (the pid in its name) is gone, was
interrupted: the window crashed, was killed (``kill -9``) or the machine went down. The next
start offers to open it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

_NAME: Final = re.compile(r"^session-\d{8}-\d{6}-(\d+)(?:-\d+)?\.jsonl$")
TAIL_BYTES: Final = 256 * 1024
"""How much of a journal's end is read to find its last whole line (a summary is ~2 kB)."""
MAX_CHECKED: Final = 20
"""Only the newest journals are looked at: recovery is about the last session, not an archive."""


def pid_alive(pid: int) -> bool:
    """True when a process ``pid`` exists (it may belong to another user)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def writer_pid(path: Path) -> int | None:
    """The pid in a journal's name, or None when the name is not one IceScope gives."""
    match = _NAME.match(path.name)
    return int(match.group(1)) if match else None


def last_record_type(path: Path) -> str | None:
    """The ``type`` of the last whole JSON line, or None (empty, unreadable, not JSON)."""
    try:
        with path.open("rb") as raw:
            size = raw.seek(0, os.SEEK_END)
            raw.seek(max(0, size - TAIL_BYTES))
            tail = raw.read()
    except OSError:
        return None
    for line in reversed(tail.splitlines()):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue  # a torn last line (power loss): the one before it counts
        return str(record.get("type")) if isinstance(record, dict) else None
    return None


def is_interrupted(path: Path, alive: Callable[[int], bool] = pid_alive) -> bool:
    """True when ``path`` is an IceScope journal without its summary whose writer is gone."""
    pid = writer_pid(path)
    if pid is None or pid == os.getpid() or alive(pid):
        return False  # not ours, or a session still running (here, another window, a probe)
    kind = last_record_type(path)
    return kind is not None and kind != "summary"


def interrupted_journals(
    directory: Path,
    *,
    skip: Iterable[str] = (),
    alive: Callable[[int], bool] = pid_alive,
) -> list[Path]:
    """Interrupted journals in ``directory``, newest first.

    Args:
        directory: the journal directory (missing or unreadable: none).
        skip: paths (as text) the user said not to ask about again.
        alive: whether a pid runs (tests pass their own view of the process table).
    """
    skipped = set(skip)
    with contextlib.suppress(OSError):
        names = sorted(
            (p for p in directory.iterdir() if _NAME.match(p.name)),
            key=lambda p: p.name[len("session-") : len("session-") + 15],
            reverse=True,
        )
        return [
            p
            for p in names[:MAX_CHECKED]
            if str(p) not in skipped and p.is_file() and is_interrupted(p, alive)
        ]
    return []
