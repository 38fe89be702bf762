"""Real Prometheus parts for tests: a probe serving /metrics, Debian's prometheus, pushgateway."""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tests.e2e.turn_server import free_port
from tests.subproc import child_env
from tests.sysreq import require_binary

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

OPENMETRICS = "application/openmetrics-text; version=1.0.0"


def get(url: str, accept: str | None = None, timeout: float = 5) -> tuple[int, str, str]:
    """``GET url``: status, content type and body (status 0 when nothing answered)."""
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return (
                response.status,
                response.headers.get("Content-Type", ""),
                response.read().decode(),
            )
    except urllib.error.HTTPError as exc:
        return exc.code, "", exc.read().decode(errors="replace")
    except OSError:
        return 0, "", ""


def wait_for(what: str, check: Callable[[], Any], deadline: float = 30) -> Any:
    """Poll ``check`` every 0.2 s until it returns something truthy (bounded)."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {deadline:g} s waiting for {what}")


@dataclass
class Probe:
    """A probe subprocess serving metrics."""

    process: subprocess.Popen[str]
    port: int
    out: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/metrics"

    def stop(self, timeout: float = 20) -> tuple[int, list[dict[str, Any]]]:
        """SIGTERM (ends like Close), then the exit code and the JSON lines."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=timeout)
        lines = [json.loads(x) for x in self.out.read_text(encoding="utf-8").splitlines()]
        return code, lines


@contextlib.contextmanager
def metrics_probe(tmp_path: Path, *args: str) -> Iterator[Probe]:
    """``icescope probe --metrics 127.0.0.1:PORT ARGS`` running until the block ends."""
    port = free_port()
    out = tmp_path / f"probe-{port}.jsonl"
    with out.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "icescope",
                "probe",
                "--no-journal",
                "--metrics",
                f"127.0.0.1:{port}",
                *args,
            ],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
    probe = Probe(process, port, out)
    try:
        yield probe
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()


@contextlib.contextmanager
def server(tmp_path: Path, binary: str, package: str, args: list[str], ready: str) -> Iterator[int]:
    """Start a Debian Prometheus binary on 127.0.0.1; yield its port once ``ready`` answers."""
    path = require_binary(binary, f"install Debian's {package} package")
    port = free_port()
    log = (tmp_path / f"{binary}.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [path, f"--web.listen-address=127.0.0.1:{port}", *args],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        wait_for(f"{binary} to answer", lambda: get(f"http://127.0.0.1:{port}{ready}")[0] == 200)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def prometheus(
    tmp_path: Path, target: int, interval: float = 1.0
) -> contextlib.AbstractContextManager[int]:
    """Debian's ``prometheus`` scraping 127.0.0.1:``target`` every ``interval`` seconds."""
    config = tmp_path / "prometheus.yml"
    config.write_text(
        "global:\n"
        f"  scrape_interval: {interval:g}s\n"
        f"  scrape_timeout: {interval:g}s\n"
        "scrape_configs:\n"
        "  - job_name: icescope\n"
        "    static_configs:\n"
        f"      - targets: ['127.0.0.1:{target}']\n",
        encoding="utf-8",
    )
    args = [f"--config.file={config}", f"--storage.tsdb.path={tmp_path / 'tsdb'}"]
    return server(tmp_path, "prometheus", "prometheus", args, "/-/ready")


def pushgateway(tmp_path: Path) -> contextlib.AbstractContextManager[int]:
    """Debian's ``prometheus-pushgateway`` (nothing persisted)."""
    return server(tmp_path, "prometheus-pushgateway", "prometheus-pushgateway", [], "/-/ready")
