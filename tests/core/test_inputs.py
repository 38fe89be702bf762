"""Bad input gets a precise, readable error: SDP, candidates, ICE URLs, signaling garbage."""

from __future__ import annotations

import asyncio

import pytest

from icescope.core.config import IceServer, IceTimings, Settings, validate_ice_url
from icescope.core.errors import ConfigError, SdpError, SignalingError
from icescope.core.events import Notice, Peer
from icescope.core.netif import AddressSelection, resolve_host_addresses
from icescope.core.sdp import parse_candidate, validate_sdp
from icescope.core.session import Session
from icescope.core.signaling.base import decode
from icescope.core.signaling.loopback import LoopbackSignaling

GOOD = (
    "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
    "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
    "a=sctp-port:5000\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n"
    "a=fingerprint:sha-256 AA:BB\r\na=setup:actpass\r\n"
    "a=candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host\r\n"
)


def test_valid_sdp_passes() -> None:
    validate_sdp(GOOD, "offer")


@pytest.mark.parametrize(
    ("sdp", "message"),
    [
        ("", "offer SDP is empty"),
        ("hello world", "line 1"),
        (GOOD.replace("t=0 0", "t 0 0"), "line 4: expected '<letter>=<value>'"),
        (GOOD.replace("a=ice-ufrag:abcd\r\n", ""), "no a=ice-ufrag"),
        (GOOD.replace("typ host", "typ banana"), "line 14: bad candidate"),
        (GOOD.replace("127.0.0.1 5000", "127.0.0.1 99999"), "is not 0-65535"),
        (GOOD.replace("m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "m=x"), "m-line needs"),
        (GOOD.replace("c=IN IP4 0.0.0.0\r\n", ""), "media section 1 has no 'c=' line"),
        (GOOD.replace("a=ice-ufrag:abcd", "a=ice-ufrag:"), "line 10: a=ice-ufrag has no value"),
        (GOOD.replace("a=ice-ufrag:abcd", "a=ice-ufrag:ab"), "ice-ufrag must be 4-256"),
        (GOOD.replace("0123456789012345678901", "short"), "ice-pwd must be 22-256"),
        (GOOD.replace("sha-256 AA:BB", "sha-256"), "fingerprint must be"),
    ],
)
def test_malformed_sdp_names_the_problem(sdp: str, message: str) -> None:
    with pytest.raises(SdpError, match=message):
        validate_sdp(sdp, "offer")


def test_candidate_parsing() -> None:
    c = parse_candidate(
        "candidate:1 1 udp 2130706431 10.0.0.1 5000 typ srflx raddr 1.2.3.4 rport 9"
    )
    assert (c.ip, c.port, c.type, c.relatedPort) == ("10.0.0.1", 5000, "srflx", 9)
    with pytest.raises(SdpError, match="not an IP address"):
        parse_candidate("1 1 udp 1 not-an-ip 5000 typ host")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://example.org", "must start with stun:"),
        ("stun:", "write it as"),
        ("stun:host:notaport", "port"),
        ("turn:host:3478?transport=sctp", "transport"),
    ],
)
def test_bad_ice_urls(url: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        validate_ice_url(url)


def test_turn_needs_credentials_and_timings_are_consistent() -> None:
    with pytest.raises(ConfigError, match="needs --username"):
        IceServer(urls=("turn:127.0.0.1:3478",))
    IceServer(urls=("stun:127.0.0.1:3478",))
    with pytest.raises(ConfigError, match="failed timeout"):
        IceTimings(failed_timeout=1.0)
    with pytest.raises(ConfigError, match="unknown session mode"):
        Settings(mode="carrier-pigeon")


def test_env_settings_fall_back_on_garbage() -> None:
    s = Settings.from_env({"ICESCOPE_KEEPALIVE_INTERVAL": "fast", "ICESCOPE_FAILED_TIMEOUT": "12"})
    assert s.timings.keepalive_interval == 1.0 and s.timings.failed_timeout == 12.0


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"type": "teleport"}', "unknown signaling message type"),
        ('{"type": "offer"}', "without an 'sdp'"),
        (b"\xff\xfe", "not JSON"),
    ],
)
def test_signaling_decode_rejects_garbage(raw: str | bytes, message: str) -> None:
    with pytest.raises(SignalingError, match=message):
        decode(raw)


def test_address_selection() -> None:
    assert resolve_host_addresses(AddressSelection(loopback_only=True)) == ["127.0.0.1"]
    assert "127.0.0.1" not in resolve_host_addresses(AddressSelection())
    assert resolve_host_addresses(AddressSelection(addresses=("127.0.0.1",))) == ["127.0.0.1"]
    with pytest.raises(ConfigError, match="not an IP address"):
        AddressSelection(addresses=("eth0",))


async def test_garbage_on_signaling_is_a_notice_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Garbage and a malformed offer arrive before the real offer: both become notices, the
    session still connects, and the journal keeps everything."""
    real_pair = LoopbackSignaling.pair

    def noisy_pair() -> tuple[LoopbackSignaling, LoopbackSignaling]:
        local, remote = real_pair()
        local.send_raw("\x00garbage{")
        local.send_raw('{"type": "offer", "sdp": "v=0\\r\\nthis is not sdp"}')
        return local, remote

    monkeypatch.setattr(LoopbackSignaling, "pair", staticmethod(noisy_pair))
    session = Session(Settings(drain=0.1))
    notices: list[Notice] = []
    session.hub.subscribe(lambda e: notices.append(e) if isinstance(e, Notice) else None)
    async with asyncio.timeout(15):
        await session.start()
        assert await session.wait_connected(5)
        await session.close()
    codes = [(n.peer, n.code) for n in notices]
    assert (Peer.REMOTE, "signaling-garbage") in codes
    assert (Peer.REMOTE, "bad-sdp") in codes
    bad = next(n for n in notices if n.code == "bad-sdp")
    assert "line 2" in bad.message
