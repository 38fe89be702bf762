"""Read a scenario file (TOML) into a :class:`~.model.Scenario`, or one readable error line.

Layout (every key optional unless said; ``resources/scenarios/`` has examples)::

    name = "outage then restart"      # top level: name, description, duration, connect_timeout
    duration = 45                     # session seconds; 0 runs until stopped
    [remote]                          # kind = loopback | browser | listen | connect
    kind = "loopback"                 # address (listen/connect), port, browser_offers,
    relay_only = false                # relay_only, [[remote.ice_server]] url/username/credential
    [settings]                        # keepalive_interval, disconnected_timeout, failed_timeout,
    failed_timeout = 20               # heartbeat_interval
    [[action]]                        # at, do = restart|blackout|loss|delay|clear|close,
    at = 5                            # peer, direction, length (blackout), percent (loss),
    do = "blackout"                   # ms (delay), every + until (repeat)
    length = 30
    [[expect]]                        # name, check (see CHECKS), peer, machine, state,
    check = "recover-after-restore"   # from, to, seconds, count
    seconds = 5
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Final

from ..config import IceServer, IceTimings, Settings
from ..errors import ConfigError, quote
from ..events import Peer
from ..states import (
    ConnectionState,
    IceConnectionState,
    IceGatheringState,
    Machine,
    SignalingState,
)
from ..tcpaddress import parse_hostport
from .fields import TOP_LEVEL, ScenarioError, Table
from .locate import KeyLines
from .model import ACTIONS, CHECKS, Action, Expectation, Scenario

MAX_BYTES: Final = 1 << 20
"""A scenario file over 1 MiB is refused (they are a few hundred bytes)."""
MAX_ACTIONS: Final = 10_000
"""Actions after expanding ``every``; more is refused."""
MAX_EXPECTATIONS: Final = 1_000

_KINDS: Final = {"loopback": "loopback", "browser": "browser", "listen": "tcp-listen"}
_KINDS_ALL: Final = {**_KINDS, "connect": "tcp-connect"}
_MACHINES: Final = {
    "ice": (Machine.ICE, IceConnectionState),
    "connection": (Machine.CONNECTION, ConnectionState),
    "gathering": (Machine.GATHERING, IceGatheringState),
    "signaling": (Machine.SIGNALING, SignalingState),
}
_TOP: Final = (
    "name",
    "description",
    "duration",
    "connect_timeout",
    "remote",
    "settings",
    "action",
    "expect",
)
_END_LINE: Final = re.compile(r"\(at line (\d+), column \d+\)")


def load(path: Path) -> Scenario:
    """Read and check ``path``.

    Raises:
        ScenarioError: unreadable, not TOML, or a field is missing or wrong; one line naming
            the file, the line and the field.
    """
    shown = str(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ScenarioError.of(
            "error:scenario.read", path=shown, error=str(exc.strerror or exc)
        ) from None
    if len(raw) > MAX_BYTES:
        raise ScenarioError.of("error:scenario.large", path=shown, limit=str(MAX_BYTES))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError.of("error:scenario.utf8", path=shown, line=str(line)) from None
    return parse(text, shown)


def parse(text: str, path: str = "<scenario>") -> Scenario:
    """Parse scenario ``text`` (``path`` names it in messages).

    Raises:
        ScenarioError: see :func:`load`.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _END_LINE.search(message)
        line = int(found.group(1)) if found else max(1, len(text.splitlines()))
        reason = _END_LINE.sub("", message).replace("(at end of document)", "").strip()
        raise ScenarioError.of(
            "error:scenario.toml", path=path, line=str(line), reason=reason
        ) from None
    except RecursionError:
        raise ScenarioError.of("error:scenario.deep", path=path) from None
    top = Table(path, KeyLines(text), "", 0, data, TOP_LEVEL)
    top.only(_TOP)
    duration = top.number("duration", "--duration", 10.0)
    settings = _settings(top)
    actions = _actions(top)
    restarts = sum(1 for a in actions if a.do == "restart")
    return Scenario(
        path=path,
        name=top.text("name", Path(path).stem),
        description=top.text("description", ""),
        duration=None if duration == 0 else duration,
        connect_timeout=top.number("connect_timeout", "--connect-timeout", 10.0) or 10.0,
        settings=settings,
        actions=actions,
        expectations=tuple(
            _expectation(t, restarts) for t in top.tables("expect", "expect", MAX_EXPECTATIONS)
        ),
    )


def _settings(top: Table) -> dict[str, object]:
    remote = top.sub("remote", "[remote]")
    remote.only(("kind", "address", "port", "browser_offers", "relay_only", "ice_server"))
    kind = remote.text("kind", "loopback", tuple(_KINDS_ALL))
    changes: dict[str, object] = {"mode": _KINDS_ALL[kind]}
    if kind in ("listen", "connect"):
        address = remote.text("address")
        try:
            parse_hostport(address, flag="address")
        except ConfigError as exc:
            raise remote.wrap("address", exc.said()) from None
        changes["remote_address"] = address
    elif "address" in remote.data:
        raise remote.error("address", "error:scenario.address-kind", kind=kind)
    if kind == "browser":
        changes["browser_offers"] = remote.flag("browser_offers")
        port = remote.data.get("port", 0)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port < 65536:
            raise remote.error("port", "error:scenario.port", value=quote(port, 40))
        changes["browser_port"] = port
    elif "port" in remote.data or "browser_offers" in remote.data:
        raise remote.error(
            "port" if "port" in remote.data else "browser_offers", "error:scenario.needs-browser"
        )
    servers = []
    for entry in remote.tables("ice_server", "remote ice_server", 16):
        entry.only(("url", "username", "credential"))
        username = entry.text("username", "") or None
        credential = entry.text("credential", "") or None
        try:
            servers.append(IceServer((entry.text("url"),), username, credential))
        except ConfigError as exc:
            raise entry.wrap("url", exc.said()) from None
    changes["ice_servers"] = tuple(servers)
    changes["relay_only"] = remote.flag("relay_only")
    try:
        Settings(**changes)  # type: ignore[arg-type]
    except ConfigError as exc:
        raise remote.wrap("", exc.said()) from None
    timing = top.sub("settings", "[settings]")
    timing.only(
        ("keepalive_interval", "disconnected_timeout", "failed_timeout", "heartbeat_interval")
    )
    base = IceTimings()
    values = {
        name: timing.number(name, f"--{name.replace('_', '-')}", getattr(base, name))
        for name in ("keepalive_interval", "disconnected_timeout", "failed_timeout")
    }
    try:
        changes["timings"] = IceTimings(**values)  # type: ignore[arg-type]
    except ConfigError as exc:
        raise timing.wrap("", exc.said()) from None
    heartbeat = timing.number("heartbeat_interval", "heartbeat interval")
    if heartbeat is not None:
        changes["heartbeat_interval"] = heartbeat
    return changes


def _actions(top: Table) -> tuple[Action, ...]:
    out: list[Action] = []
    for t in top.tables("action", "action", MAX_ACTIONS):
        t.only(("at", "do", "peer", "direction", "length", "percent", "ms", "every", "until"))
        do = t.text("do", None, ACTIONS)
        at = t.required("at", "scenario at")
        impairs = do in ("blackout", "loss", "delay", "clear")
        for key in ("peer", "direction"):
            if key in t.data and not impairs:
                raise t.error(key, "error:scenario.not-for", do=do)
        fields = {"blackout": "length", "loss": "percent", "delay": "ms"}
        for key in ("length", "percent", "ms"):
            if key in t.data and fields.get(do) != key:
                raise t.error(key, "error:scenario.not-for", do=do)
        value = 0.0
        if do == "blackout":
            value = t.required("length", "scenario length")
        elif do == "loss":
            value = t.required("percent", "--loss")
        elif do == "delay":
            value = t.required("ms", "--delay")
        peer = Peer(t.text("peer", "remote", ("local", "remote")))
        direction = t.text("direction", "both", ("in", "out", "both"))
        line = t.lines.line(t.name, t.index) or 0
        every = t.number("every", "scenario every")
        until = t.number("until", "scenario at")
        if (every is None) != (until is None):
            given, missing = ("every", "until") if every is not None else ("until", "every")
            raise t.error(given, "error:scenario.together", missing=missing)
        times = [at]
        if every is not None and until is not None:
            if until < at:
                raise t.error("until", "error:scenario.until", at=f"{at:g}", until=f"{until:g}")
            steps = int((until - at) / every + 1e-9)
            if len(out) + steps + 1 > MAX_ACTIONS:
                raise t.error("every", "error:scenario.expands", limit=str(MAX_ACTIONS))
            times = [at + i * every for i in range(steps + 1)]
        if len(out) + len(times) > MAX_ACTIONS:
            raise t.error("", "error:scenario.actions", limit=str(MAX_ACTIONS))
        out.extend(Action(time, do, peer, direction, value, line) for time in times)
    return tuple(sorted(out, key=lambda a: a.at))


def _expectation(t: Table, restarts: int) -> Expectation:
    t.only(("name", "check", "peer", "machine", "state", "from", "to", "seconds", "count"))
    check = t.text("check", None, CHECKS)
    peer = Peer(t.text("peer", "local", ("local", "remote")))
    machine, values = _MACHINES[t.text("machine", "ice", tuple(_MACHINES))]
    windowed = check in ("reaches", "never")
    timed = check.endswith("-within") or "-after-" in check
    for key, applies in (
        ("state", windowed),
        ("from", windowed),
        ("to", windowed),
        ("seconds", timed),
        ("count", check == "restarts-completed"),
        ("machine", windowed),
    ):
        if key in t.data and not applies:
            raise t.error(key, "error:scenario.not-for-check", check=check)
    state = ""
    if windowed:
        state = t.text("state", None, tuple(v.value for v in values))
    start = t.number("from", "scenario window", 0.0) or 0.0
    end = t.number("to", "scenario window")
    if end is not None and end < start:
        raise t.error("to", "error:scenario.to", start=f"{start:g}", end=f"{end:g}")
    seconds = t.required("seconds", "expect seconds") if timed else None
    count = t.count("count")
    if check == "restarts-completed" and count is None:
        count = restarts
    default = f"{check} {state}".strip() + f" ({peer.value})"
    return Expectation(
        name=t.text("name", default),
        check=check,
        peer=peer,
        machine=machine,
        state=state,
        start=start,
        end=end,
        seconds=seconds,
        count=count,
        line=t.lines.line(t.name, t.index) or 0,
    )
