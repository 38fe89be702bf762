"""Journal: every event as one JSON line in a per-session file, flushed per event.

A crash (even ``kill -9``) loses nothing already logged: each line is handed to the kernel
before ``write`` returns. Lines are written whole, in one system call each; a write that
fails or is cut short (disk full) is cut off again, so the file always ends on a whole line
(only power loss can tear one; :func:`read_journal` skips only that).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

if TYPE_CHECKING:
    from collections.abc import Callable

    from .events import SessionEvent

logger = logging.getLogger(__name__)


MAX_SAME_SECOND = 1000
"""Journals one process may start within one second before a name is reused."""


def default_journal_dir() -> Path:
    """The per-user directory where session journals go (platformdirs user data dir)."""
    return Path(platformdirs.user_data_dir("icescope", appauthor=False)) / "sessions"


def new_journal_path(directory: Path | None = None) -> Path:
    """A fresh path ``session-<date>-<time>-<pid>[-<n>].jsonl`` in ``directory``.

    ``directory`` defaults to the user data dir; ``-<n>`` (2, 3, …) is added when this process
    started another session's journal in the same second.
    """
    base = directory or default_journal_dir()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime())
    path = base / f"session-{stamp}-{os.getpid()}.jsonl"
    # Two sessions of one process in the same second (New session right after one ended)
    # must not share a file: the second would append to the first's journal.
    for n in range(2, MAX_SAME_SECOND + 2):
        if not path.exists():
            break
        path = base / f"session-{stamp}-{os.getpid()}-{n}.jsonl"
    return path


class Journal:
    """Append-only JSON Lines writer for one session.

    Every line goes to the kernel whole, in one ``write``. The first failure (disk full,
    removed directory, I/O error) is reported once through ``on_error`` (or a log warning),
    the file is cut back to its last whole line, and nothing more is written: the journal
    never ends on a torn line and closing it never raises. The session goes on.

    Args:
        path: the journal file; created (with its directory) if missing, appended to if not.
        on_error: called once with the first write error, in words.

    Raises:
        OSError: the journal cannot be opened; ``strerror`` says why in words. Only regular
            files and character devices (``/dev/null``) are accepted: a FIFO, a directory or
            a socket is refused at once instead of blocking or failing later.
    """

    def __init__(self, path: Path, on_error: Callable[[str], None] | None = None) -> None:
        self.path = path
        """Where the journal is written."""
        self.error: str | None = None
        """The first write error, in words; None while all is well."""
        self._on_error = on_error
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd: int | None = _open_appending(path)
        # Offset just after the last whole line (0 for a device, where it does not matter).
        self._size = os.fstat(self._fd).st_size
        self.start = self._size
        """Offset of this session's first line (a journal file given again is appended to)."""

    @property
    def closed(self) -> bool:
        """True once closed; writes are then ignored."""
        return self._fd is None

    def write(self, event: SessionEvent) -> None:
        """Append ``event`` as one JSON line and hand it to the kernel."""
        self.write_record(event.to_dict())

    def write_record(self, record: dict[str, Any]) -> None:
        """Append an arbitrary JSON record (used for the closing summary)."""
        if self._fd is None or self.error is not None:
            return
        # A lone surrogate (from hostile input) becomes its JSON escape: the line stays JSON.
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")
        try:
            written = os.write(self._fd, line)
        except OSError as exc:
            self._fail(exc.strerror or str(exc))
            return
        if written != len(line):
            self._fail(f"only {written} of {len(line)} bytes written (disk full?)")
            return
        self._size += written
        with contextlib.suppress(OSError):
            if os.fstat(self._fd).st_nlink == 0:
                self._fail("the file was deleted (or its directory removed)")

    def _fail(self, why: str) -> None:
        """Stop writing for good: cut a torn line off and report ``why`` once."""
        assert self._fd is not None
        with contextlib.suppress(OSError):
            info = os.fstat(self._fd)
            if stat.S_ISREG(info.st_mode) and info.st_size > self._size:
                os.ftruncate(self._fd, self._size)
        self.error = (
            f"cannot write journal {self.path}: {why}; the journal stops here (its last "
            "line is whole), the session goes on"
        )
        if self._on_error is not None:
            self._on_error(self.error)
        else:
            logger.warning("%s", self.error)

    def close(self) -> None:
        """Sync and close the file; further writes are ignored. Never raises."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.fsync(fd)
        with contextlib.suppress(OSError):
            os.close(fd)


_KINDS: dict[int, str] = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFDIR: "a directory",
    stat.S_IFSOCK: "a socket",
    stat.S_IFBLK: "a block device",
}


def _open_appending(path: Path) -> int:
    """Open ``path`` for appending without ever blocking; refuse what is not a file.

    ``O_NONBLOCK`` makes opening a FIFO with no reader fail at once (``ENXIO``) instead of
    waiting forever; one with a reader opens and is then refused by type.
    """
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno == errno.ENXIO or (path.exists() and not path.is_file()):
            raise _refused(path) from None
        raise
    mode = os.fstat(fd).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode)):
        os.close(fd)
        raise _refused(path)
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)  # a regular file or device: plain blocking writes
    return fd


def _refused(path: Path) -> OSError:
    with contextlib.suppress(OSError):
        kind = _KINDS.get(stat.S_IFMT(path.stat().st_mode))
        if kind is not None:
            return OSError(errno.EINVAL, f"{kind} cannot be a journal: give a regular file")
    return OSError(errno.EINVAL, "not a regular file: give a regular file as the journal")


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
