"""What aiortc makes of the configured STUN/TURN servers, and live probes of those servers.

aiortc hands aioice one STUN and one TURN server (``connection_kwargs``); which URL that is, is
asked of aiortc itself rather than re-implemented. When an expected candidate is missing, the
probes ask the server once more, with aioice's own STUN/TURN code, to name the cause the way
the WebRTC samples' Trickle ICE page does ("Authentication failed?" / "Not reachable?").
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from aioice import stun, turn
from aiortc import RTCIceServer
from aiortc.rtcicetransport import connection_kwargs, parse_stun_turn_uri

from ..texts import render

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..config import IceServer

PROBE_TIMEOUT: Final = 3.0
"""Seconds a probe waits for a STUN/TURN server's answer."""


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """One finding, published as a :class:`~icescope.core.events.Notice`."""

    level: str
    code: str
    message: str
    """The English words of :attr:`key` with :attr:`args`."""
    key: str = ""
    args: dict[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def of(cls, level: str, code: str, key: str = "", **args: Any) -> Diagnosis:
        """The finding whose words are the core text ``key`` (default ``notice:<code>``)."""
        key = key or f"notice:{code}"
        return cls(level, code, render(key, args), key, args)


@dataclass(frozen=True, slots=True)
class ServerUse:
    """Which configured URLs aiortc will actually use."""

    stun: str | None
    turn: str | None
    turn_server: IceServer | None
    ignored: tuple[str, ...]


def _parse(url: str) -> dict[str, Any] | None:
    try:
        return parse_stun_turn_uri(url)
    except ValueError:
        return None


def effective_servers(servers: Iterable[IceServer]) -> ServerUse:
    """The first STUN and the first usable TURN URL, as chosen by aiortc's ``connection_kwargs``.

    Every other URL is ignored by aiortc (a second server, ``stuns:``, a TURN transport it does
    not support) and is listed in ``ignored``.
    """
    servers = list(servers)
    rtc = [
        RTCIceServer(
            urls=[u for u in s.urls if _parse(u) is not None],
            username=s.username,
            credential=s.credential,
        )
        for s in servers
    ]
    chosen = connection_kwargs(rtc)
    stun_url: str | None = None
    turn_url: str | None = None
    turn_server: IceServer | None = None
    ignored: list[str] = []
    for server in servers:
        for url in server.urls:
            parsed = _parse(url)
            addr = None if parsed is None else (parsed["host"], parsed["port"])
            if parsed is None:
                ignored.append(url)
            elif (
                stun_url is None
                and parsed["scheme"] == "stun"
                and chosen.get("stun_server") == addr
            ):
                stun_url = url
            elif (
                turn_url is None
                and parsed["scheme"] in ("turn", "turns")
                and chosen.get("turn_server") == addr
                and chosen.get("turn_transport") == parsed["transport"]
                and chosen.get("turn_ssl") == (parsed["scheme"] == "turns")
                and chosen.get("turn_username") == server.username
            ):
                turn_url, turn_server = url, server
            else:
                ignored.append(url)
    return ServerUse(stun_url, turn_url, turn_server, tuple(ignored))


def _address(url: str) -> tuple[str, int, str, bool]:
    parsed: dict[str, Any] = parse_stun_turn_uri(url)
    transport = str(parsed.get("transport") or "udp")
    return str(parsed["host"]), int(parsed["port"]), transport, parsed["scheme"] == "turns"


async def probe_turn(url: str, server: IceServer, *, timeout: float = PROBE_TIMEOUT) -> Diagnosis:
    """Try one TURN allocation (then release it) and name the outcome."""
    host, port, transport, tls = _address(url)
    try:
        async with asyncio.timeout(timeout):
            relay, _ = await turn.create_turn_endpoint(
                asyncio.DatagramProtocol,
                server_addr=(host, port),
                username=server.username,
                password=server.credential,
                ssl=tls,
                transport=transport,
            )
    except stun.TransactionFailed as exc:
        code, reason = exc.response.attributes.get("ERROR-CODE", (0, ""))
        if code == 401:
            return Diagnosis.of("error", "turn-auth-failed", url=url)
        return Diagnosis.of("error", "turn-error", url=url, error=f"{code} {reason}".rstrip())
    except (TimeoutError, stun.TransactionTimeout):
        return Diagnosis.of(
            "error", "turn-unreachable", url=url, timeout=f"{timeout:g}", transport=transport
        )
    except (OSError, ConnectionError) as exc:
        error = exc.strerror or exc if isinstance(exc, OSError) else exc
        return Diagnosis.of(
            "error",
            "turn-unreachable",
            key="notice:turn-unreachable.error",
            url=url,
            transport=transport,
            error=str(error),
        )
    else:
        with contextlib.suppress(Exception):
            relay.close()
        return Diagnosis.of("warning", "turn-slow", url=url)


class _Binding(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.answer: asyncio.Future[stun.Message | OSError] = (
            asyncio.get_running_loop().create_future()
        )

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        with contextlib.suppress(ValueError):
            if not self.answer.done():
                self.answer.set_result(stun.parse_message(data))

    def error_received(self, exc: Exception) -> None:
        if not self.answer.done() and isinstance(exc, OSError):
            self.answer.set_result(exc)


async def probe_stun(url: str, *, timeout: float = PROBE_TIMEOUT) -> Diagnosis | None:
    """Send one STUN Binding request (RFC 8489 §6); None if the server answers."""
    host, port, _, _ = _address(url)
    loop = asyncio.get_running_loop()
    try:
        transport, protocol = await loop.create_datagram_endpoint(
            _Binding, remote_addr=(host, port)
        )
    except OSError as exc:
        return Diagnosis.of("error", "stun-unreachable", url=url, error=str(exc.strerror or exc))
    try:
        request = stun.Message(message_method=stun.Method.BINDING, message_class=stun.Class.REQUEST)
        # Retransmit at a 0.5 s RTO (RFC 8489 §6.2.1), bounded by `timeout`.
        deadline = loop.time() + timeout
        while loop.time() < deadline and not protocol.answer.done():
            transport.sendto(bytes(request))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(min(0.5, max(0.0, deadline - loop.time()))):
                    await asyncio.shield(protocol.answer)
        if not protocol.answer.done():
            return Diagnosis.of(
                "error",
                "stun-unreachable",
                key="notice:stun-unreachable.timeout",
                url=url,
                timeout=f"{timeout:g}",
            )
        answer = protocol.answer.result()
        if isinstance(answer, OSError):
            return Diagnosis.of(
                "error",
                "stun-unreachable",
                key="notice:stun-unreachable.error",
                url=url,
                error=str(answer.strerror or answer),
            )
        return None
    finally:
        transport.close()
