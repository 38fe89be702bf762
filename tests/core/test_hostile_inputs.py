"""Hostile input to every text parser ends in its documented error with a readable message.

Property tests (hypothesis, a CI-sized number of examples each) for the signaling decoder, the
ICE server URL validator, the SDP and candidate validators, the paste checker, ``HOST:PORT``
and ``--blackout``; plus the exact inputs a hostile tester found. The long run (≥ 10,000 cases
per path) is ``benchmarks/fuzz_inputs.py``.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any

import pytest
from aiortc.rtcicetransport import parse_stun_turn_uri
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icescope.core.config import IceServer, Settings, validate_ice_url
from icescope.core.errors import ConfigError, SdpError, SignalingError
from icescope.core.events import IceRestart, Notice, Peer
from icescope.core.journal import read_journal
from icescope.core.probe import Blackout
from icescope.core.sdp import parse_candidate, validate_sdp
from icescope.core.session import Session
from icescope.core.signaling.base import MESSAGE_TYPES, decode
from icescope.core.signaling.loopback import LoopbackSignaling
from icescope.core.signaling.paste import check_pasted
from icescope.core.tcpaddress import parse_hostport

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

CI = settings(
    max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
"""A CI-sized share: the whole module runs in a few seconds."""

GOOD_SDP = (
    "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
    "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
    "a=sctp-port:5000\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n"
    "a=fingerprint:sha-256 AA:BB\r\na=setup:actpass\r\n"
    "a=candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host\r\n"
)
CANDIDATE = "candidate:1 1 udp 2130706431 10.0.0.1 5000 typ srflx raddr 1.2.3.4 rport 9"

# Characters testers and attackers reach for: other scripts' digits (²٣Ⅻ), lone surrogates,
# controls, brackets and separators, next to plain ASCII.
chars = st.characters(categories=["Cs", "Nd", "No", "Nl", "Zs", "Cc", "Ll", "Lu", "P", "S"])
hostile_text = st.text(chars, max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=8,
)
deep = st.builds(
    lambda opener, depth: opener * depth,
    st.sampled_from(["[", '{"a":', '{"type":']),
    st.integers(1, 120_000),
)


def damaged(seed: str) -> st.SearchStrategy[str]:
    """``seed`` with hostile text spliced in and/or a piece cut out."""
    return st.builds(
        lambda at, insert, cut: seed[:at] + insert + seed[at + cut :],
        st.integers(0, len(seed)),
        hostile_text,
        st.integers(0, 8),
    )


def assert_documented(run: Callable[[], Any], error: type[Exception]) -> None:
    """``run()`` returns, or raises ``error`` with a short, printable, non-empty message."""
    try:
        run()
    except error as exc:
        message = str(exc)
        assert message, "empty error message"
        assert len(message) <= 400, message[:200]
        assert message.isprintable(), repr(message)
        message.encode("utf-8")


messages = st.fixed_dictionaries(
    {"type": st.sampled_from(sorted(MESSAGE_TYPES)) | json_values},
    optional={
        key: json_values
        for key in ("sdp", "candidate", "sdpMid", "sdpMLineIndex", "usernameFragment", "agent")
    },
)


@CI
@given(
    st.one_of(
        messages.map(json.dumps),
        messages.map(lambda m: json.dumps(m).encode("utf-8", "surrogatepass")),
        st.text(chars),
        st.binary(),
        deep,
        damaged('{"type":"candidate","candidate":"' + CANDIDATE + '","sdpMid":"0"}'),
    )
)
def test_signaling_decoder_raises_only_signaling_errors(raw: str | bytes) -> None:
    def run() -> None:
        message = decode(raw)
        # What the journal and the peer do with an accepted message cannot fail either.
        json.dumps(message, ensure_ascii=False).encode("utf-8")
        assert isinstance(message["type"], str)
        if message["type"] == "candidate":
            assert isinstance(message.get("candidate") or "", str)
            index = message.get("sdpMLineIndex")
            assert index is None or (isinstance(index, int) and not isinstance(index, bool))

    assert_documented(run, SignalingError)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('{"type":[1]}', "unknown signaling message type an array"),
        ('{"type":{}}', "unknown signaling message type an object"),
        ("[" * 100_000, "nested too deeply"),
        ('{"type":"hello","agent":"\\ud800"}', "unpaired UTF-16 surrogate"),
        ('{"type":"candidate","candidate":"x","sdpMid":{}}', "'sdpMid' must be a string or null"),
        ('{"type":"candidate","sdpMLineIndex":true}', "'sdpMLineIndex' must be a number"),
        ("9" * 5000, "not JSON"),
        ('{"type":"event","event":[1]}', "'event' must be a string"),
    ],
)
def test_signaling_lines_found_by_the_tester(raw: str, message: str) -> None:
    with pytest.raises(SignalingError, match=message):
        decode(raw)


urls = st.one_of(
    st.builds(
        lambda scheme, rest: f"{scheme}:{rest}",
        st.sampled_from(["stun", "stuns", "turn", "turns"]),
        hostile_text,
    ),
    damaged("turn:127.0.0.1:3478?transport=udp"),
    damaged("stun:[::1]:3478"),
    hostile_text,
)


@CI
@given(urls)
def test_ice_url_validator_raises_only_config_errors(url: str) -> None:
    def run() -> None:
        validate_ice_url(url)
        IceServer(urls=(url,), username="u", credential="c")
        parse_stun_turn_uri(url)  # aiortc takes every URL IceScope accepts

    assert_documented(run, ConfigError)


@pytest.mark.parametrize(
    "url", ["stun:[::1", "stun:[zz]:1", "stun:[::1]:3478", "stun:host?", "stun:a b", "stun:h:²"]
)
def test_ice_urls_found_by_the_tester(url: str) -> None:
    with pytest.raises(ConfigError, match="bad ICE server URL"):
        validate_ice_url(url)


def _sdp_lines() -> st.SearchStrategy[str]:
    lines = GOOD_SDP.split("\r\n")
    return st.builds(
        lambda i, new: "\r\n".join([*lines[:i], new, *lines[i + 1 :]]),
        st.integers(0, len(lines) - 1),
        st.one_of(
            hostile_text,
            *(damaged(line) for line in lines if line),
            # an attribute without its value (a bare a=sctp-port made aiortc raise TypeError)
            *(st.just(line.split(":")[0]) for line in lines if line.startswith("a=")),
        ),
    )


@CI
@given(st.one_of(_sdp_lines(), damaged(GOOD_SDP), st.text(chars)))
def test_sdp_validator_raises_only_sdp_errors(sdp: str) -> None:
    assert_documented(lambda: validate_sdp(sdp, "offer"), SdpError)


@CI
@given(st.one_of(damaged(CANDIDATE), st.text(chars)))
def test_candidate_parser_raises_only_sdp_errors(text: str) -> None:
    assert_documented(lambda: parse_candidate(text), SdpError)


@CI
@given(
    st.one_of(
        st.fixed_dictionaries({"type": json_values, "sdp": json_values | st.just(GOOD_SDP)}).map(
            json.dumps
        ),
        damaged(GOOD_SDP),
        damaged(GOOD_SDP.replace("\r\n", "\\r\\n")),
        deep,
        st.text(chars),
    )
)
def test_paste_checker_raises_only_sdp_errors(text: str) -> None:
    assert_documented(lambda: check_pasted(text, "offer"), SdpError)


@CI
@given(st.one_of(damaged("127.0.0.1:7400"), damaged("[::1]:7400"), st.text(chars)))
def test_hostport_parser_raises_only_config_errors(text: str) -> None:
    def run() -> None:
        host, port = parse_hostport(text, flag="--listen")
        assert host.isprintable() and " " not in host and 0 <= port < 65536

    assert_documented(run, ConfigError)


@pytest.mark.parametrize(
    "text", ["127.0.0.1:²", "[::1:80", "[zz]:80", "a b:80", ":80", "h:" + "9" * 5000]
)
def test_hostports_found_by_the_tester(text: str) -> None:
    with pytest.raises(ConfigError, match="bad --listen"):
        parse_hostport(text, flag="--listen")


@CI
@given(st.one_of(damaged("2+5:remote:both"), st.text(chars)))
def test_blackout_parser_raises_only_config_errors(text: str) -> None:
    assert_documented(lambda: Blackout.parse(text), ConfigError)


@pytest.mark.parametrize(
    ("run", "message"),
    [
        (lambda: validate_sdp(GOOD_SDP.replace("5000 typ", "50²0 typ"), "offer"), "port '50²0'"),
        (lambda: parse_candidate(CANDIDATE.replace("2130706431", "²")), "must be numbers"),
        (
            lambda: validate_sdp(GOOD_SDP.replace("a=sctp-port:5000", "a=sctp-port"), "offer"),
            "rejected by the parser",
        ),
        (lambda: check_pasted('{"a":' * 100_000, "offer"), "nested too deeply"),
        (lambda: check_pasted('{"sdp": "v=0", "type": "' + "x" * 5000 + '"}', "offer"), "5000"),
    ],
)
def test_descriptions_found_by_the_tester(run: Callable[[], object], message: str) -> None:
    with pytest.raises(SdpError, match=message) as caught:
        run()
    assert len(str(caught.value)) <= 400


async def test_hostile_signaling_lines_leave_the_session_working(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The lines that used to end signaling arrive before the real offer: each becomes a notice,
    the session connects, a later ICE restart completes and the journal ends on the summary."""
    hostile = [
        '{"type":[1]}',
        '{"type":{}}',
        "[" * 100_000,
        '{"type":"candidate","candidate":"' + CANDIDATE + '","sdpMid":{}}',
        '{"type":"hello","agent":"\\ud800"}',
    ]
    real_pair = LoopbackSignaling.pair

    def noisy_pair() -> tuple[LoopbackSignaling, LoopbackSignaling]:
        local, remote = real_pair()
        for line in hostile:
            local.send_raw(line)
        return local, remote

    monkeypatch.setattr(LoopbackSignaling, "pair", staticmethod(noisy_pair))
    journal = tmp_path / "journal.jsonl"
    session = Session(Settings(drain=0.1, journal_path=journal))
    notices: list[Notice] = []
    restarted = asyncio.Event()

    def watch(event: object) -> None:
        if isinstance(event, Notice):
            notices.append(event)
        if isinstance(event, IceRestart) and event.phase == "complete":
            restarted.set()

    session.hub.subscribe(watch)
    async with asyncio.timeout(30):
        await session.start()
        assert await session.wait_connected(10)
        await session.restart_ice()
        await restarted.wait()
        summary = await session.close()
    garbage = [n for n in notices if n.code == "signaling-garbage" and n.peer is Peer.REMOTE]
    assert len(garbage) == len(hostile), [n.message for n in notices]
    assert all(len(n.message) < 400 for n in garbage)
    records = read_journal(journal)
    assert records[-1] == json.loads(json.dumps(summary))
    assert not any(r.get("phase") == "abandoned" for r in records)
