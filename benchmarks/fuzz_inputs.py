"""Long-run fuzzing of every text input path: each case must end in the path's documented error.

For each parser, ``--cases`` inputs (default 10,000) are generated from a fixed seed: mutations
of valid seeds (byte flips, insertions of hostile characters such as ``²``, lone surrogates,
brackets, NUL, huge numbers, ``nan``), truncations, duplications, wrong JSON types in every
field and deep nesting. A case passes when the parser returns or raises its documented error
(:class:`SignalingError`, :class:`ConfigError`, :class:`SdpError`) with a non-empty message
that encodes as UTF-8; anything else is counted per exception type with an example.

The test suite runs a CI-sized share of the same paths as hypothesis property tests
(``tests/core/test_hostile_inputs.py``). Usage:

    python benchmarks/fuzz_inputs.py [--cases 10000] [--seed 11]

Prints a table and writes ``benchmarks/results/fuzz.json``; exit 1 if any case escaped.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import platform
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiortc.rtcicetransport import parse_stun_turn_uri

from icescope.cli import build_parser, plan_from_args, settings_from_args
from icescope.core.clock import SessionClock
from icescope.core.config import IceServer, validate_ice_url
from icescope.core.errors import ConfigError, SdpError, SignalingError
from icescope.core.probe import Blackout
from icescope.core.ranges import MAX_SECONDS
from icescope.core.reports import RemoteReport
from icescope.core.sdp import parse_candidate, validate_sdp
from icescope.core.signaling.base import decode
from icescope.core.signaling.paste import check_pasted
from icescope.core.tcpaddress import parse_hostport

if TYPE_CHECKING:
    from collections.abc import Callable

GOOD_SDP = (
    "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
    "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
    "a=sctp-port:5000\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n"
    "a=fingerprint:sha-256 AA:BB\r\na=setup:actpass\r\n"
    "a=candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host\r\n"
)
CANDIDATE = "candidate:1 1 udp 2130706431 10.0.0.1 5000 typ srflx raddr 1.2.3.4 rport 9"
HOSTILE = [
    "²",
    "٣",
    "Ⅻ",
    "\x00",
    "\ud800",
    "\udcff",
    "[",
    "]",
    "{",
    "}",
    '"',
    "\\",
    ":",
    "?",
    "#",
    "%",
    "@",
    " ",
    "\t",
    "\r",
    "\n",
    "\u2028",
    "nan",
    "inf",
    "-inf",
    "1e309",
    "-1",
    "0",
    "9" * 30,
    "9" * 5000,
    "é",
    "\U0001f600",
    "::",
    "[::1",
    "[zz]",
    "//",
    "a=",
    "=",
    "+",
    ",",
]
JSON_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    1e308,
    "",
    "x",
    [],
    [1],
    {},
    {"a": 1},
    "\ud800",
    "²",
    "offer",
    "answer",
    "candidate",
    2**70,
]


def mutate(rng: random.Random, seed: str) -> str:
    """One random damage of ``seed``."""
    text = seed
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        at = rng.randint(0, len(text))
        if op == 0:
            text = text[:at] + rng.choice(HOSTILE) + text[at:]
        elif op == 1 and text:
            text = text[:at] + text[at + rng.randint(1, 8) :]
        elif op == 2:
            text = text[:at]
        elif op == 3 and text:
            i = rng.randrange(len(text))
            text = text[:i] + chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x10FFFF)]))
            text += seed[i + 1 :] if len(seed) > i + 1 else ""
        elif op == 4:
            text = text[:at] * rng.randint(1, 3) + text[at:]
        else:
            text = "".join(rng.choice(HOSTILE) for _ in range(rng.randint(1, 12)))
    return text


def nested(rng: random.Random) -> str:
    depth = rng.choice([10, 1000, 5000, 100_000])
    opener = rng.choice(["[", '{"a":', '{"type":'])
    return opener * depth


def signaling_case(rng: random.Random) -> str | bytes:
    r = rng.random()
    if r < 0.05:
        return nested(rng)
    if r < 0.5:
        message: dict[str, Any] = {}
        for key in rng.sample(
            [
                "type",
                "sdp",
                "candidate",
                "sdpMid",
                "sdpMLineIndex",
                "usernameFragment",
                "agent",
                "heartbeats_sent",
                "event",
            ],
            rng.randint(1, 5),
        ):
            message[key] = rng.choice(JSON_VALUES)
        if rng.random() < 0.5:
            message["type"] = rng.choice(["offer", "answer", "candidate", "bye", "hello", "event"])
        text = json.dumps(message)
        return text.encode("utf-8", "surrogatepass") if rng.random() < 0.2 else text
    if r < 0.55:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 64)))
    seed = rng.choice(
        [
            '{"type":"offer","sdp":"v=0"}',
            '{"type":"candidate","candidate":"' + CANDIDATE + '","sdpMid":"0","sdpMLineIndex":0}',
            '{"type":"bye","heartbeats_sent":3}',
            '{"type":"hello","agent":"x"}',
        ]
    )
    return mutate(rng, seed)


def run_decode(raw: str | bytes) -> None:
    message = decode(raw)
    # What the peer and the journal do with an accepted message must not fail either.
    json.dumps(message, ensure_ascii=False).encode("utf-8")
    if message["type"] == "candidate" and message.get("candidate"):
        with contextlib.suppress(SdpError):
            parse_candidate(message["candidate"])


EVENT_NAMES: list[Any] = [
    "iceconnectionstatechange",
    "connectionstatechange",
    "icegatheringstatechange",
    "signalingstatechange",
    "icecandidate",
    "datachannel",
    "icerestart",
    "selectedcandidatepairchange",
    [1],
    None,
    {},
    "x",
]
EVENT_KEYS = [
    "state",
    "previous",
    "end",
    "label",
    "phase",
    "old_ufrag",
    "new_ufrag",
    "duration",
    "local",
    "remote",
    "candidate",
    "in_previous",
    "detail",
    "generation",
]
EVENT_VALUES: list[Any] = [
    *JSON_VALUES,
    "connected",
    "new",
    "closed",
    "open",
    "start",
    "complete",
    float("nan"),
]


def event_case(rng: random.Random) -> str:
    message: dict[str, Any] = {"type": "event", "event": rng.choice(EVENT_NAMES)}
    for key in rng.sample(EVENT_KEYS, rng.randint(0, 6)):
        message[key] = rng.choice(EVENT_VALUES)
    text = json.dumps(message)
    return mutate(rng, text) if rng.random() < 0.2 else text


def run_event(raw: str) -> None:
    report = RemoteReport(SessionClock(), lambda e: json.dumps(e.to_dict()).encode("utf-8"))
    report.handle(decode(raw))


def url_case(rng: random.Random) -> str:
    seed = rng.choice(
        [
            "stun:127.0.0.1:3478",
            "turn:[::1]:3478?transport=udp",
            "stuns:example.org",
            "turns:h:5349?transport=tcp",
            "stun:[::1]",
        ]
    )
    return mutate(rng, seed)


def run_url(url: str) -> None:
    validate_ice_url(url)
    IceServer(urls=(url,), username="u", credential="c")
    parse_stun_turn_uri(url)  # what aiortc does with it later must not fail either


def sdp_case(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        lines = GOOD_SDP.split("\r\n")
        i = rng.randrange(len(lines))
        lines[i] = mutate(rng, lines[i]) if rng.random() < 0.8 else lines[i].split(":")[0]
        return "\r\n".join(lines)
    if r < 0.35:
        return GOOD_SDP + "a=candidate:" + mutate(rng, CANDIDATE[10:]) + "\r\n"
    return mutate(rng, GOOD_SDP)


def run_sdp(text: str) -> None:
    validate_sdp(text, "offer")


def candidate_case(rng: random.Random) -> str:
    return mutate(rng, CANDIDATE)


def run_candidate(text: str) -> None:
    parse_candidate(text)


def paste_case(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.05:
        return nested(rng)
    if r < 0.4:
        payload = {"type": rng.choice(JSON_VALUES), "sdp": rng.choice([GOOD_SDP, *JSON_VALUES])}
        return mutate(rng, json.dumps(payload)) if rng.random() < 0.5 else json.dumps(payload)
    return mutate(rng, rng.choice([GOOD_SDP, GOOD_SDP.replace("\r\n", "\\r\\n")]))


def run_paste(text: str) -> None:
    check_pasted(text, "offer")


def hostport_case(rng: random.Random) -> str:
    return mutate(rng, rng.choice(["127.0.0.1:7400", "[::1]:7400", "localhost:0"]))


def run_hostport(text: str) -> None:
    host, port = parse_hostport(text, flag="--listen")
    if not (host and host.isprintable() and " " not in host and 0 <= port < 65536):
        raise AssertionError(f"accepted {host!r}:{port}")


def blackout_case(rng: random.Random) -> str:
    return mutate(rng, rng.choice(["2+5:remote:both", "0.5+1", "1+2:local:in"]))


def run_blackout(text: str) -> None:
    b = Blackout.parse(text)
    if not (0 <= b.at <= MAX_SECONDS and 0 < b.length <= MAX_SECONDS):
        raise AssertionError(f"accepted {b}")


NUMERIC_FLAGS = [
    "--duration",
    "--close-at",
    "--connect-timeout",
    "--restart-at",
    "--loss",
    "--delay",
    "--keepalive-interval",
    "--disconnected-timeout",
    "--failed-timeout",
]


def flag_case(rng: random.Random) -> list[str]:
    flag = rng.choice(NUMERIC_FLAGS)
    value = rng.choice([*HOSTILE, str(rng.uniform(-10, 100)), "1e9", "1e-9", "NaN", "Infinity"])
    return ["probe", flag, mutate(rng, value) if rng.random() < 0.3 else value]


def run_flags(argv: list[str]) -> None:
    # A usage error is SystemExit(2) from argparse or ConfigError from the checks behind it.
    try:
        with contextlib.redirect_stderr(io.StringIO()) as err:
            args = build_parser().parse_args(argv)
    except SystemExit as exc:
        if exc.code == 2 and err.getvalue().count("\n") == 1:
            raise ConfigError(err.getvalue()) from None
        raise
    settings = settings_from_args(args)
    plan = plan_from_args(args)
    t = settings.timings
    values = [t.keepalive_interval, t.disconnected_timeout, t.failed_timeout, plan.duration]
    values += [plan.close_at, plan.connect_timeout, plan.loss, plan.delay, *plan.restart_at]
    if not all(v is None or math.isfinite(v) for v in values):
        raise AssertionError(f"accepted {argv}")


PATHS: dict[str, tuple[Callable[[random.Random], Any], Callable[[Any], None], type[Exception]]] = {
    "signaling message (TCP line / WebSocket frame)": (signaling_case, run_decode, SignalingError),
    "remote browser event (decode + report)": (event_case, run_event, SignalingError),
    "ICE server URL": (url_case, run_url, ConfigError),
    "SDP (file, signaling)": (sdp_case, run_sdp, SdpError),
    "ICE candidate (trickle)": (candidate_case, run_candidate, SdpError),
    "pasted description": (paste_case, run_paste, SdpError),
    "HOST:PORT (--listen/--connect)": (hostport_case, run_hostport, ConfigError),
    "--blackout AT+LEN": (blackout_case, run_blackout, ConfigError),
    "numeric probe flags": (flag_case, run_flags, ConfigError),
}


def fuzz(name: str, cases: int, seed: int) -> dict[str, Any]:
    make, run, documented = PATHS[name]
    rng = random.Random(f"{seed}:{name}")
    outcome: Counter[str] = Counter()
    examples: dict[str, str] = {}
    slowest = 0.0
    started = time.perf_counter()
    for _ in range(cases):
        case = make(rng)
        t0 = time.perf_counter()
        try:
            run(case)
            outcome["accepted"] += 1
        except documented as exc:
            text = str(exc)
            if text and text.encode("utf-8", "strict"):
                outcome["documented error"] += 1
            else:
                outcome["unreadable error"] += 1
                examples.setdefault("unreadable error", repr(case)[:120])
        except BaseException as exc:
            key = type(exc).__name__
            outcome[key] += 1
            examples.setdefault(key, f"{case!r}"[:120] + f" -> {exc}"[:120])
        slowest = max(slowest, time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    escaped = cases - outcome["accepted"] - outcome["documented error"]
    return {
        "path": name,
        "cases": cases,
        "accepted": outcome["accepted"],
        "documented_error": outcome["documented error"],
        "escaped": escaped,
        "outcomes": dict(outcome),
        "examples": examples,
        "slowest_case_s": round(slowest, 4),
        "elapsed_s": round(elapsed, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--only", help="run only paths whose name contains this")
    args = parser.parse_args()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    results = [
        fuzz(name, args.cases, args.seed) for name in PATHS if not args.only or args.only in name
    ]
    print(f"{'path':48} {'cases':>7} {'accepted':>8} {'refused':>8} {'escaped':>7} {'slowest':>8}")
    for r in results:
        print(
            f"{r['path']:48} {r['cases']:7} {r['accepted']:8} {r['documented_error']:8} "
            f"{r['escaped']:7} {r['slowest_case_s']:7.3f}s"
        )
        for key, example in r["examples"].items():
            print(f"    {key}: {example}")
    out = Path(__file__).parent / "results" / "fuzz.json"
    out.write_text(
        json.dumps(
            {"python": platform.python_version(), "seed": args.seed, "results": results},
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 1 if any(r["escaped"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
