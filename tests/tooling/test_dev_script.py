"""`./dev test` fails when any of its checks fails, and takes an absolute ICESCOPE_VENV.

The real script runs against a stand-in venv whose tools exit with chosen codes, so each
check's failure is seen on its own (running the real suite inside the suite would recurse).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("python", "ruff", "mypy", "lint-imports", "icescope")


def _venv(tmp_path: Path, failing: dict[str, int], *, installed: bool = True) -> Path:
    """A venv-shaped folder whose tools log their call and exit as ``failing`` says."""
    venv = tmp_path / "venv with space"
    bin_dir = venv / "bin"
    bin_dir.mkdir(parents=True)
    log = tmp_path / "calls.log"
    for tool in TOOLS:
        script = bin_dir / tool
        code = failing.get(tool, 0)
        script.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\nexit {code}\n')
        script.chmod(0o755)
    # Newer than pyproject.toml: the script's setup then installs nothing.
    for kind in ("app", "test") if installed else ():
        stamp = venv / f".icescope-installed-{kind}"
        stamp.touch()
        os.utime(stamp, (ROOT.joinpath("pyproject.toml").stat().st_mtime + 10,) * 2)
    return venv


def _run(venv: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ICESCOPE_VENV", "DISPLAY")}
    env["ICESCOPE_VENV"] = str(venv)
    return subprocess.run(
        [str(ROOT / "dev"), *(command or ("test", "-q"))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_all_checks_pass_exits_zero_and_runs_every_check(tmp_path: Path) -> None:
    out = _run(_venv(tmp_path, {}))
    assert out.returncode == 0, out.stderr
    calls = (tmp_path / "calls.log").read_text().splitlines()
    assert [c.split()[0] for c in calls] == ["ruff", "ruff", "mypy", "lint-imports", "python"]
    assert calls[-1] == "python -m pytest -q"


@pytest.mark.parametrize(
    ("tool", "code", "named"),
    [
        ("ruff", 1, "ruff check"),
        ("mypy", 1, "mypy"),
        ("lint-imports", 1, "import contracts"),
        ("python", 1, "pytest (exit 1)"),
        ("python", 5, "pytest (exit 5)"),
    ],
)
def test_any_failing_check_fails_the_command(
    tmp_path: Path, tool: str, code: int, named: str
) -> None:
    out = _run(_venv(tmp_path, {tool: code}))
    assert out.returncode == 1
    assert named in out.stderr
    # The later checks still ran: one run shows every problem.
    assert "python -m pytest" in (tmp_path / "calls.log").read_text()


@pytest.mark.parametrize(
    ("command", "extra"),
    [(("probe", "--version"), "."), (("run", "--version"), "."), (("test", "-q"), ".[test]")],
)
def test_run_installs_the_app_only_and_test_adds_the_tools(
    tmp_path: Path, command: tuple[str, ...], extra: str
) -> None:
    venv = _venv(tmp_path, {}, installed=False)
    out = _run(venv, *command)
    assert out.returncode == 0, out.stderr
    calls = (tmp_path / "calls.log").read_text().splitlines()
    installs = [c for c in calls if c.startswith("python -m pip install -q -e")]
    assert installs == [f"python -m pip install -q -e {extra}"], calls
    assert (venv / f".icescope-installed-{'test' if extra != '.' else 'app'}").exists()
    # A second run installs nothing more.
    (tmp_path / "calls.log").unlink()
    _run(venv, *command)
    assert not any("pip install" in c for c in (tmp_path / "calls.log").read_text().splitlines())
