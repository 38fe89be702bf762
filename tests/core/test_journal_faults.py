"""The journal under a full disk, a FIFO, a directory, a read-only mount or a deleted file.

Each case: at most one notice, a journal whose every line parses and that ends on a whole line,
no OSError at close, and a probe that prints its summary last and exits by its verdict.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import Settings
from icescope.core.events import Notice
from icescope.core.journal import Journal
from icescope.core.session import Session
from tests.subproc import child_env, run_python
from tests.sysreq import require_binary, require_root

if TYPE_CHECKING:
    from collections.abc import Iterator


def probe(*args: str, timeout: float = 60) -> tuple[int, list[dict[str, object]], str]:
    result = run_python("-m", "icescope", "probe", "--duration", "1.5", *args, timeout=timeout)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return result.returncode, lines, result.stderr


def journal_notices(lines: list[dict[str, object]]) -> list[dict[str, object]]:
    return [r for r in lines if r.get("type") == "notice" and r.get("code") == "journal"]


def whole_lines(path: Path) -> list[dict[str, object]]:
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), f"torn last line: {data[-80:]!r}"
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs mounted for this test (root only)."""
    require_root("mounts a tiny tmpfs to fill the disk")
    mount = require_binary("mount", "mounts a tiny tmpfs")
    where = tmp_path / "tiny"
    where.mkdir()
    subprocess.run([mount, "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)], check=True)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(directory: Path, leave: int) -> None:
    """Fill ``directory``'s file system until only about ``leave`` bytes are free."""
    free = os.statvfs(directory).f_bavail * os.statvfs(directory).f_frsize
    (directory / "filler").write_bytes(b"\0" * max(0, free - leave))


@pytest.mark.e2e
def test_probe_with_dev_full_journal_prints_its_summary_last() -> None:
    code, lines, err = probe("--journal", "/dev/full")
    assert code == 0, err
    assert "Traceback" not in err and "OSError" not in err
    assert len(journal_notices(lines)) == 1
    assert lines[-1]["type"] == "summary"


@pytest.mark.e2e
def test_disk_filling_mid_session_leaves_whole_lines(tiny_tmpfs: Path) -> None:
    journal = tiny_tmpfs / "session.jsonl"
    fill(tiny_tmpfs, leave=8192)  # about 25 events fit; a session writes ~40
    code, lines, err = probe("--journal", str(journal))
    assert code == 0, err
    assert "Traceback" not in err
    (notice,) = journal_notices(lines)
    assert "No space left" in str(notice["message"]) or "bytes written" in str(notice["message"])
    assert lines[-1]["type"] == "summary"
    written = whole_lines(journal)
    assert 0 < len(written) < len(lines)  # it filled up part way
    assert written == lines[: len(written)]  # what is there is exactly what was printed


def test_read_only_file_system_is_refused_at_start(tiny_tmpfs: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_tmpfs)], check=True)
    with pytest.raises(OSError, match="Read-only file system"):
        Journal(tiny_tmpfs / "s.jsonl")


def test_fifo_without_a_reader_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "journal.fifo"
    os.mkfifo(fifo)
    # Opening it for writing would block forever; the journal refuses it at once.
    with pytest.raises(OSError, match="a FIFO"):
        Journal(fifo)


def test_fifo_with_a_reader_is_refused_too(tmp_path: Path) -> None:
    fifo = tmp_path / "journal.fifo"
    os.mkfifo(fifo)
    reader_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with pytest.raises(OSError, match="a FIFO"):
            Journal(fifo)
    finally:
        os.close(reader_fd)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="directory"):
        Journal(tmp_path)


def test_deleted_journal_is_reported_once(tmp_path: Path) -> None:
    errors: list[str] = []
    journal = Journal(tmp_path / "s.jsonl", on_error=errors.append)
    journal.write_record({"n": 1})
    (tmp_path / "s.jsonl").unlink()
    journal.write_record({"n": 2})
    journal.write_record({"n": 3})
    journal.close()
    assert len(errors) == 1 and "deleted" in errors[0]


def test_dev_full_in_process_one_notice_and_close_never_raises() -> None:
    errors: list[str] = []
    journal = Journal(Path("/dev/full"), on_error=errors.append)
    for n in range(5):
        journal.write_record({"n": n})
    journal.close()
    journal.close()
    assert len(errors) == 1 and "No space left on device" in errors[0]


@pytest.mark.e2e
def test_probe_with_fifo_journal_runs_without_one_and_says_so(tmp_path: Path) -> None:
    fifo = tmp_path / "journal.fifo"
    os.mkfifo(fifo)
    code, lines, err = probe("--journal", str(fifo), timeout=30)
    assert code == 0, err
    (notice,) = journal_notices(lines)
    assert "FIFO" in str(notice["message"]) and "without a journal" in str(notice["message"])
    assert lines[-1]["type"] == "summary" and lines[-1]["journal"] is None


async def test_session_with_a_full_journal_closes_cleanly() -> None:
    session = Session(Settings(drain=0.1, journal_path=Path("/dev/full")))
    notices: list[Notice] = []
    session.hub.subscribe(lambda e: notices.append(e) if isinstance(e, Notice) else None)
    await session.start()
    assert await session.wait_connected(10)
    summary = await session.close()
    assert summary["type"] == "summary"
    assert [n.code for n in notices].count("journal") == 1


@pytest.mark.e2e
def test_window_self_test_with_a_full_journal_passes() -> None:
    """The window's self-test used to fail with OSError from the journal's close."""
    env = child_env(QT_QPA_PLATFORM="offscreen")
    result = run_python("-m", "icescope", "--self-test", "--journal", "/dev/full", env=env)
    assert result.returncode == 0, result.stdout[-500:] + result.stderr[-500:]
    assert "self-test passed" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
