"""A real coturn ``turnserver`` on 127.0.0.1 for tests (long-term credentials, loopback relay)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tests.sysreq import require_binary

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

USER = "icescope"
PASSWORD = "s3cret-pass"
REALM = "icescope.test"


@dataclass(frozen=True)
class TurnServer:
    """A running coturn."""

    port: int
    log: Path

    def url(self, transport: str = "udp") -> str:
        suffix = "" if transport == "udp" else f"?transport={transport}"
        return f"turn:127.0.0.1:{self.port}{suffix}"


def free_port() -> int:
    """A port free for both TCP and UDP on 127.0.0.1 (coturn listens on both)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = int(tcp.getsockname()[1])
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            try:
                udp.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port")


def closed_port() -> int:
    """A loopback port with nothing listening (UDP and TCP)."""
    return free_port()


@contextlib.contextmanager
def turn_server(tmp_path: Path) -> Iterator[TurnServer]:
    """Start coturn on 127.0.0.1, relaying on 127.0.0.1 only; stop it afterwards."""
    binary = require_binary("turnserver", "install Debian's coturn package")
    port = free_port()
    relay_low = 49152 + (port % 1000) * 10
    log = tmp_path / "turnserver.log"
    argv = [
        binary,
        "-n",  # no configuration file
        "--listening-ip=127.0.0.1",
        "--relay-ip=127.0.0.1",
        f"--listening-port={port}",
        f"--min-port={relay_low}",
        f"--max-port={relay_low + 9}",
        "--lt-cred-mech",
        f"--user={USER}:{PASSWORD}",
        f"--realm={REALM}",
        "--no-cli",
        "--no-tls",
        "--no-dtls",
        # coturn refuses to relay to loopback peers by default; every peer here is loopback.
        "--allow-loopback-peers",
        "--no-software-attribute",
        f"--userdb={tmp_path / 'turndb'}",
        f"--pidfile={tmp_path / 'turnserver.pid'}",
        "--log-file=stdout",
        "--simple-log",
        "--verbose",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"turnserver exited: {log.read_text()[-2000:]}")
            with socket.socket() as probe:
                probe.settimeout(0.2)
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("turnserver did not start within 10 s")
            time.sleep(0.05)
        yield TurnServer(port=port, log=log)
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
