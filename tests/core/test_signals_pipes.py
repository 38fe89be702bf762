"""Signals and pipes end a probe the way Close does; handled errors print no traceback.

Real subprocesses: ``probe | head -1`` in bash, SIGINT/SIGTERM/SIGHUP mid-session and during
start-up; the journal's last line is the summary every time.
"""

from __future__ import annotations

import io
import json
import logging
import shlex
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from icescope.core.logsetup import OneLineFormatter, wants_tracebacks
from tests.subproc import child_env
from tests.sysreq import require_binary

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e


def start_probe(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "icescope", "probe", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def read_until(child: subprocess.Popen[str], wanted: str, within: float = 20) -> list[str]:
    """Lines of ``child``'s stdout up to the first containing ``wanted`` (bounded)."""
    assert child.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        lines.append(line)
        if wanted in line:
            return lines
    raise AssertionError(f"no {wanted!r} in {lines}")


def finish(child: subprocess.Popen[str], sig: int) -> tuple[int, list[dict[str, object]], str]:
    child.send_signal(sig)
    try:
        out, err = child.communicate(timeout=15)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return child.returncode, [json.loads(line) for line in out.splitlines()], err


def test_probe_into_head_ends_quietly(tmp_path: Path) -> None:
    bash = require_binary("bash", "runs the pipeline")
    journal = tmp_path / "j.jsonl"
    probe = shlex.join([sys.executable, "-m", "icescope", "probe", "--duration", "20"])
    script = (
        f'{probe} --journal {shlex.quote(str(journal))} | head -1; echo "rc=${{PIPESTATUS[0]}}"'
    )
    started = time.monotonic()
    result = subprocess.run(
        [bash, "-c", script], capture_output=True, text=True, timeout=60, env=child_env()
    )
    elapsed = time.monotonic() - started
    first, status = result.stdout.splitlines()
    assert json.loads(first)["type"] in ("session", "icegatheringstatechange", "notice")
    assert status == "rc=141"  # what a shell shows for a writer whose reader left
    assert result.stderr == ""  # no BrokenPipeError, no traceback, no "Exception ignored"
    assert elapsed < 15  # it ended when the reader left, not after --duration
    records = [json.loads(line) for line in journal.read_text().splitlines()]
    assert records[-1]["type"] == "summary"


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_signal_mid_session_ends_it_like_close(tmp_path: Path, sig: signal.Signals) -> None:
    journal = tmp_path / "j.jsonl"
    child = start_probe("--duration", "60", "--journal", str(journal))
    read_until(child, '"state": "completed"')
    code, lines, err = finish(child, sig)
    assert code == 0, err
    assert "Traceback" not in err
    assert lines[-1]["type"] == "summary"
    records = [json.loads(line) for line in journal.read_text().splitlines()]
    assert records[-1]["type"] == "summary"
    assert records[-1]["final_state"] == {"local": "closed", "remote": "closed"}


def test_sigterm_while_waiting_for_the_peer_still_writes_the_summary(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    child = start_probe("--listen", "127.0.0.1:0", "--duration", "60", "--journal", str(journal))
    read_until(child, '"type": "session"')
    started = time.monotonic()
    code, lines, err = finish(child, signal.SIGTERM)
    assert time.monotonic() - started < 5
    assert code == 1, err  # never connected
    assert "Traceback" not in err
    assert lines[-1]["type"] == "summary"
    assert json.loads(journal.read_text().splitlines()[-1])["type"] == "summary"


@pytest.mark.parametrize(
    ("verbosity", "env", "traceback"),
    [(0, {}, False), (1, {}, False), (2, {}, True), (0, {"ICESCOPE_EXIT_ON_ERROR": "1"}, True)],
)
def test_handled_errors_log_without_traceback_unless_asked(
    verbosity: int, env: dict[str, str], traceback: bool
) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    fmt = "%(levelname)s %(name)s: %(message)s"
    quiet = not wants_tracebacks(verbosity, env)
    handler.setFormatter(OneLineFormatter(fmt) if quiet else logging.Formatter(fmt))
    logger = logging.getLogger("icescope.test.handled")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        try:
            raise ValueError("bad\nthing")
        except ValueError:
            logger.exception("subscriber failed")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    text = stream.getvalue()
    assert ("Traceback" in text) is traceback
    if not traceback:
        assert text.count("\n") == 1 and "ValueError: bad thing" in text
