"""Packaging figures: artefact sizes and start-up time of the frozen app against the venv.

Usage (after ``./packaging/build.sh deb``; root for cold runs)::

    python benchmarks/bench_packaging.py [--runs 5] [--installed /usr/bin/icescope]

Start-up is measured three ways, each the median of ``--runs`` runs, cold (page cache dropped
before every run; needs root) and warm (after two warm-ups):

- ``marker``: process start until the app prints ``icescope-startup: window-exposed`` (env
  ``ICESCOPE_STARTUP_MARKER=1``) on offscreen; skipped when the app has no such hook yet.
- ``x11``: process start until a top-level "IceScope" window is mapped on an Xvfb server
  (polled with ``xwininfo`` every 10 ms); needs Xvfb and x11-utils.
- ``self_test``: wall time of ``--self-test`` (start, window, loopback ICE connect, close, exit).

The frozen and venv figures come from the same run, interleaved, so the ratio is
meaningful on a busy machine even when the absolute numbers are not. Writes
``benchmarks/results/packaging.json``.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MARKER = "icescope-startup: window-exposed"
# Sizes in MiB (2**20 bytes, what `du -m` and `ls -lh` print), as in the packaging notes.
TARGETS = {"bundle_mib": 210.0, "deb_mib": 60.0, "cold_start_s": 0.8, "frozen_vs_venv": 1.3}
MIB = 1 << 20


def tree_size(path: Path) -> tuple[int, int]:
    """(bytes, files) of a directory tree, symlinks not followed."""
    total = files = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
            files += 1
    return total, files


def drop_caches() -> bool:
    """Drop the page cache (root only) so the next start reads everything from disk."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _stop(proc: subprocess.Popen[Any]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def time_marker(cmd: list[str], env: dict[str, str]) -> float | None:
    """Seconds until the window-exposed marker line, or None if the app never prints it."""
    env = {**env, "ICESCOPE_STARTUP_MARKER": "1", "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [*cmd, "--no-journal"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    buffered = b""
    try:
        while time.perf_counter() - t0 < 15:  # bounded: a silent app is stopped after 15 s
            ready, _, _ = select.select([proc.stdout], [], [], 0.2)
            if not ready:
                continue
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:  # the app exited without the marker
                return None
            buffered += chunk
            if MARKER.encode() in buffered:
                return time.perf_counter() - t0
        return None
    finally:
        _stop(proc)


def time_x11(cmd: list[str], env: dict[str, str], display: str) -> float | None:
    """Seconds until an "IceScope" top-level window is mapped on ``display``."""
    env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [*cmd, "--no-journal"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(1500):  # 15 s at 10 ms
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree", "-display", display],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            if '"IceScope' in tree:
                return time.perf_counter() - t0
            if proc.poll() is not None:
                return None
            time.sleep(0.01)
        return None
    finally:
        _stop(proc)


def time_self_test(cmd: list[str], env: dict[str, str]) -> float | None:
    """Wall time of a passing ``--self-test`` on offscreen, else None."""
    env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    res = subprocess.run(
        [*cmd, "--self-test"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    elapsed = time.perf_counter() - t0
    return elapsed if res.returncode == 0 else None


class Xvfb:
    """A private Xvfb server for the x11 method."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.display = ""

    def __enter__(self) -> str | None:
        if not (shutil.which("Xvfb") and shutil.which("xwininfo")):
            return None
        n = next(i for i in range(140, 200) if not Path(f"/tmp/.X11-unix/X{i}").exists())
        self.display = f":{n}"
        self.proc = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                return self.display
            time.sleep(0.05)
        return None

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)


def summarise(samples: list[float | None]) -> dict[str, float] | None:
    ok = [s for s in samples if s is not None]
    if len(ok) < max(1, len(samples) // 2 + 1):
        return None
    return {
        "min": round(min(ok), 3),
        "median": round(statistics.median(ok), 3),
        "max": round(max(ok), 3),
        "n": len(ok),
    }


def measure(
    apps: dict[str, list[str]],
    method: str,
    runs: int,
    cold: bool,
    env: dict[str, str],
    display: str | None,
) -> dict[str, Any]:
    def once(cmd: list[str]) -> float | None:
        if method == "marker":
            return time_marker(cmd, env)
        if method == "x11":
            assert display is not None
            return time_x11(cmd, env, display)
        return time_self_test(cmd, env)

    samples: dict[str, list[float | None]] = {name: [] for name in apps}
    if not cold:
        for cmd in apps.values():
            for _ in range(2):
                once(cmd)
    for _ in range(runs):  # interleaved, so load changes hit every app alike
        for name, cmd in apps.items():
            if cold:
                drop_caches()
            samples[name].append(once(cmd))
    return {name: summarise(s) for name, s in samples.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "icescope")
    ap.add_argument("--installed", help="also time this installed launcher, e.g. /usr/bin/icescope")
    ap.add_argument("--venv-python", default=None, help="default ./.venv/bin/python")
    ap.add_argument("--methods", default="marker,x11,self_test")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "packaging.json")
    args = ap.parse_args()

    venv_py = args.venv_python or str(ROOT / ".venv" / "bin" / "python")
    if not Path(venv_py).exists():
        venv_py = sys.executable
    exe = args.bundle / "icescope"
    if not exe.exists():
        print(f"no bundle at {exe}: run ./packaging/build.sh first", file=sys.stderr)
        return 2

    result: dict[str, Any] = {
        "host": {
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_avg_1m": os.getloadavg()[0],
        },
        "targets": TARGETS,
    }
    size, files = tree_size(args.bundle)
    artefacts: dict[str, Any] = {
        "bundle": {"mib": round(size / MIB, 1), "bytes": size, "files": files}
    }
    for label, pattern in (
        ("deb", "icescope_*.deb"),
        ("rpm", "icescope-*.rpm"),
        ("tar", "icescope-*-linux-*.tar.*"),
    ):
        for path in sorted(glob.glob(str(ROOT / "dist" / pattern))):
            artefacts[label] = {
                "file": Path(path).name,
                "mib": round(Path(path).stat().st_size / MIB, 1),
                "bytes": Path(path).stat().st_size,
            }
    result["artefacts"] = artefacts

    apps = {"frozen": [str(exe)], "venv": [venv_py, "-m", "icescope"]}
    if args.installed:
        apps["installed"] = [args.installed]
    home = tempfile.mkdtemp(prefix="icescope-bench-")
    env = {**os.environ, "HOME": home, "XDG_DATA_HOME": home, "PYTHONPATH": str(ROOT / "src")}
    can_cold = drop_caches()
    startup: dict[str, Any] = {"cold_runs_dropped_caches": can_cold}
    with Xvfb() as display:
        for method in args.methods.split(","):
            if method == "x11" and display is None:
                startup[method] = "skipped: needs Xvfb and xwininfo"
                continue
            if method == "marker" and time_marker(apps["frozen"], env) is None:
                startup[method] = f"skipped: the app does not print {MARKER!r} yet"
                continue
            entry: dict[str, Any] = {}
            for mode in (["cold"] if can_cold else []) + ["warm"]:
                figures = measure(apps, method, args.runs, mode == "cold", env, display)
                frozen, venv = figures.get("frozen"), figures.get("venv")
                if frozen and venv:
                    figures["frozen_vs_venv"] = round(frozen["median"] / venv["median"], 2)
                entry[mode] = figures
                print(f"{method:9} {mode}: {json.dumps(figures)}", flush=True)
            startup[method] = entry
    shutil.rmtree(home, ignore_errors=True)
    result["startup_s"] = startup
    result["verdict"] = verdict(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result["verdict"], indent=2))
    print(f"wrote {args.out}")
    return 0


def verdict(result: dict[str, Any]) -> dict[str, Any]:
    """Each target as (figure, met); start-up from the best window measure available."""
    artefacts, startup = result["artefacts"], result["startup_s"]
    basis = next((m for m in ("marker", "x11") if isinstance(startup.get(m), dict)), None)
    window: dict[str, Any] = startup[basis] if basis else {}
    mode = "cold" if window.get("cold") else "warm"
    figures: dict[str, Any] = window.get(mode) or {}
    who = "installed" if figures.get("installed") else "frozen"
    start = (figures.get(who) or {}).get("median")
    ratio = figures.get("frozen_vs_venv")
    deb = artefacts.get("deb", {}).get("mib")
    bundle = artefacts["bundle"]["mib"]
    return {
        "bundle_mib": (bundle, bundle <= TARGETS["bundle_mib"]),
        "deb_mib": (deb, deb is not None and deb <= TARGETS["deb_mib"]),
        "cold_start_s": (start, start is not None and start <= TARGETS["cold_start_s"]),
        "frozen_vs_venv": (ratio, ratio is not None and ratio <= TARGETS["frozen_vs_venv"]),
        "start_basis": f"{basis}/{mode}/{who}",
    }


if __name__ == "__main__":
    sys.exit(main())
