"""Network namespaces for tests: a fresh, sealed namespace.

Anything run inside can reach nothing outside it. By default only ``lo`` exists, so aiortc's
candidates and checks stay on 127.0.0.1.

Chromium never gathers loopback candidates (``--allow-loopback-in-peer-connection``
notwithstanding) and gathers nothing at all without a default route. For browser tests,
``private_link=True`` adds a veth pair whose *both* ends live inside the namespace, gives one
end :data:`PRIVATE_ADDRESS` and routes by default through it. Traffic between two sockets on
that address is local delivery (the kernel carries it over ``lo``); nothing connects the pair
to any other namespace, so no packet can leave.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
from typing import TYPE_CHECKING

from tests.sysreq import require_binary, require_root

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence


PRIVATE_ADDRESS = "10.213.0.1"
"""The only non-loopback address inside a ``private_link`` namespace."""


@contextlib.contextmanager
def netns(prefix: str = "icescope", *, private_link: bool = False) -> Iterator[str]:
    """Create a namespace with ``lo`` up (and the sealed private link), yield its name."""
    require_root("network namespaces (ip netns) keep browser ICE traffic on loopback")
    ip = require_binary("ip", "install iproute2")
    name = f"{prefix}-{os.getpid()}-{secrets.token_hex(3)}"
    subprocess.run([ip, "netns", "add", name], check=True, timeout=10)
    try:
        steps = [["link", "set", "lo", "up"]]
        if private_link:
            steps += [
                ["link", "add", "icv0", "type", "veth", "peer", "name", "icv1"],
                ["addr", "add", f"{PRIVATE_ADDRESS}/30", "dev", "icv0"],
                ["link", "set", "icv0", "up"],
                ["link", "set", "icv1", "up"],
                ["route", "add", "default", "dev", "icv0"],
            ]
        for step in steps:
            subprocess.run([ip, "netns", "exec", name, ip, *step], check=True, timeout=10)
        yield name
    finally:
        subprocess.run([ip, "netns", "del", name], check=False, timeout=10)


def run_in_netns(
    name: str,
    argv: Sequence[str],
    *,
    timeout: float,
    env: Mapping[str, str] | None = None,
    cwd: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` inside namespace ``name``; capture text output; kill it after ``timeout``."""
    return subprocess.run(
        ["ip", "netns", "exec", name, *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(env) if env is not None else None,
        cwd=cwd,
        check=False,
    )


def interfaces_in(name: str) -> list[str]:
    """Names of the interfaces inside namespace ``name`` (to prove only ``lo`` exists)."""
    out = subprocess.run(
        ["ip", "netns", "exec", name, "ip", "-o", "link", "show"],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    ).stdout
    return [line.split(":")[1].strip().split("@")[0] for line in out.splitlines() if line]


LINK_ADDRESSES = ("10.214.0.1", "10.214.0.2")
"""The two ends of :func:`linked_pair`'s veth link (one per namespace)."""

CUT_TABLE = "icescope_cut"
"""The nftables table :func:`cut_udp` adds (and :func:`restore_udp` deletes)."""


@contextlib.contextmanager
def linked_pair(prefix: str = "icescope-wild") -> Iterator[tuple[str, str]]:
    """Two sealed namespaces joined by a veth pair; yield their names.

    The first holds ``icw0`` with ``LINK_ADDRESSES[0]``, the second ``icw1`` with
    ``LINK_ADDRESSES[1]`` (a /30 of their own). Nothing connects them to any other namespace.
    Both are deleted on exit, whatever happened inside (the veth pair goes with them).
    """
    require_root("network namespaces (ip netns) and nftables cut a real link between probes")
    ip = require_binary("ip", "install iproute2")
    require_binary("nft", "install nftables")
    token = f"{os.getpid()}-{secrets.token_hex(3)}"
    names = (f"{prefix}-a-{token}", f"{prefix}-b-{token}")
    created: list[str] = []
    try:
        for name in names:
            subprocess.run([ip, "netns", "add", name], check=True, timeout=10)
            created.append(name)
        a, b = names
        # Created inside the first namespace with its peer moved straight into the second:
        # the interface names never exist in the caller's namespace (no clash between runs).
        link = ["link", "add", "icw0", "type", "veth", "peer", "name", "icw1", "netns", b]
        _ip_in(a, link)
        for name, dev, address in ((a, "icw0", LINK_ADDRESSES[0]), (b, "icw1", LINK_ADDRESSES[1])):
            _ip_in(name, ["link", "set", "lo", "up"])
            _ip_in(name, ["addr", "add", f"{address}/30", "dev", dev])
            _ip_in(name, ["link", "set", dev, "up"])
        yield a, b
    finally:
        for name in created:
            subprocess.run([ip, "netns", "del", name], check=False, timeout=10)


def _ip_in(name: str, step: Sequence[str]) -> None:
    subprocess.run(["ip", "netns", "exec", name, "ip", *step], check=True, timeout=10)


def cut_udp(name: str) -> None:
    """Drop every UDP datagram entering or leaving namespace ``name`` (TCP still passes).

    ICE, DTLS and SCTP ride on UDP; the probes' TCP signaling (and the reports they relay to
    each other over it) keeps working, as a cut media path with a live signaling server would.
    """
    drop = "policy accept; meta l4proto udp drop;"
    rules = (
        f"table inet {CUT_TABLE} {{\n"
        f"  chain in {{ type filter hook input priority 0; {drop} }}\n"
        f"  chain out {{ type filter hook output priority 0; {drop} }}\n"
        "}\n"
    )
    subprocess.run(
        ["ip", "netns", "exec", name, "nft", "-f", "-"],
        input=rules,
        text=True,
        check=True,
        timeout=10,
    )


def restore_udp(name: str) -> None:
    """Undo :func:`cut_udp` in namespace ``name``."""
    subprocess.run(
        ["ip", "netns", "exec", name, "nft", "delete", "table", "inet", CUT_TABLE],
        check=True,
        timeout=10,
    )
