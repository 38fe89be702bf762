"""STUN/TURN diagnoses: what aiortc silently ignores, and why no relay candidate appeared.

aiortc uses only the first STUN and the first TURN URL, and aioice drops every STUN/TURN
error during gathering without a word (``get_component_candidates`` keeps only successful
tasks). IceScope says so, and when an expected candidate is missing it asks the server once
more, itself, to name the cause the way the WebRTC samples' Trickle ICE page does
("Authentication failed?" / "Not reachable?").
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from aioice import stun, turn
from aiortc.rtcicetransport import parse_stun_turn_uri

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .config import IceServer, Settings

logger = logging.getLogger(__name__)

PROBE_TIMEOUT: Final = 3.0
"""Seconds a diagnosis waits for a STUN/TURN server's answer."""


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """One finding, published as a :class:`~icescope.core.events.Notice`."""

    level: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class ServerUse:
    """Which configured URLs aiortc will actually use."""

    stun: str | None
    turn: str | None
    turn_server: IceServer | None
    ignored: tuple[str, ...]


def effective_servers(servers: Iterable[IceServer]) -> ServerUse:
    """Mirror aiortc's ``connection_kwargs``: the first STUN and the first usable TURN URL."""
    stun_url: str | None = None
    turn_url: str | None = None
    turn_server: IceServer | None = None
    ignored: list[str] = []
    for server in servers:
        for url in server.urls:
            scheme = url.partition(":")[0]
            if scheme == "stun" and stun_url is None:
                stun_url = url
            elif scheme in ("turn", "turns") and turn_url is None:
                turn_url, turn_server = url, server
            else:
                ignored.append(url)
    return ServerUse(stun_url, turn_url, turn_server, tuple(ignored))


def config_diagnoses(settings: Settings) -> list[Diagnosis]:
    """Findings that follow from the configuration alone (published when a session starts)."""
    use = effective_servers(settings.ice_servers)
    found: list[Diagnosis] = []
    for url in use.ignored:
        if url.startswith("stuns:"):
            why = "aiortc does not support stuns: URLs"
        elif url.startswith("stun"):
            why = f"aiortc uses only the first STUN server ({use.stun})"
        else:
            why = f"aiortc uses only the first TURN server ({use.turn})"
        found.append(Diagnosis("warning", "ice-server-ignored", f"{url} ignored: {why}"))
    if settings.relay_only and use.turn is None:
        found.append(
            Diagnosis(
                "error",
                "relay-without-turn",
                "relay-only (iceTransportPolicy=relay) without a TURN server: no candidate can "
                "be gathered, so ICE cannot connect. Add --ice-server turn:HOST:PORT with "
                "--username/--credential, or drop --relay-only.",
            )
        )
    return found


async def gathering_diagnoses(
    settings: Settings, candidate_types: Iterable[str], *, timeout: float | None = None
) -> list[Diagnosis]:
    """Explain missing candidates after gathering finished.

    Args:
        settings: the session settings (servers, policy).
        candidate_types: the types of every local candidate gathered (``host``, ``relay`` ...).
        timeout: how long each probe of a server may take (default :data:`PROBE_TIMEOUT`).

    Returns:
        Findings, in the order: TURN, STUN, "nothing at all".
    """
    timeout = PROBE_TIMEOUT if timeout is None else timeout
    types = set(candidate_types)
    use = effective_servers(settings.ice_servers)
    found: list[Diagnosis] = []
    if use.turn and use.turn_server is not None and "relay" not in types:
        found.append(await probe_turn(use.turn, use.turn_server, timeout=timeout))
    if use.stun and "srflx" not in types and not settings.relay_only:
        finding = await probe_stun(use.stun, timeout=timeout)
        if finding is not None:
            found.append(finding)
    if not types:
        why = (
            "relay-only and no relay candidate"
            if settings.relay_only
            else "no usable local address"
        )
        found.append(
            Diagnosis("error", "no-candidates", f"no local ICE candidate was gathered ({why})")
        )
    return found


def _address(url: str) -> tuple[str, int, str, bool]:
    parsed: dict[str, Any] = parse_stun_turn_uri(url)
    transport = str(parsed.get("transport") or "udp")
    return str(parsed["host"]), int(parsed["port"]), transport, parsed["scheme"] == "turns"


async def probe_turn(url: str, server: IceServer, *, timeout: float = PROBE_TIMEOUT) -> Diagnosis:
    """Try one TURN allocation (then release it) and name the outcome."""
    host, port, transport, tls = _address(url)
    where = f"TURN server {url}"
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
            return Diagnosis(
                "error",
                "turn-auth-failed",
                f"{where} rejected the credentials (401 Unauthorized): check --username and "
                "--credential (long-term credentials, RFC 8489 §9.2)",
            )
        return Diagnosis(
            "error", "turn-error", f"{where} refused the allocation: {code} {reason}".rstrip()
        )
    except (TimeoutError, stun.TransactionTimeout):
        return Diagnosis(
            "error",
            "turn-unreachable",
            f"{where} did not answer within {timeout:g} s over {transport}: not reachable "
            "(wrong address/port, or a firewall drops it)",
        )
    except (OSError, ConnectionError) as exc:
        return Diagnosis(
            "error",
            "turn-unreachable",
            f"{where} is not reachable over {transport}: {exc.strerror or exc}"
            if isinstance(exc, OSError)
            else f"{where} is not reachable over {transport}: {exc}",
        )
    else:
        with contextlib.suppress(Exception):
            relay.close()
        return Diagnosis(
            "warning",
            "turn-slow",
            f"{where} grants allocations, but none arrived during gathering (aioice waits 5 s): "
            "the server may be slow or overloaded",
        )


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
        return Diagnosis("error", "stun-unreachable", f"STUN server {url}: {exc.strerror or exc}")
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
            return Diagnosis(
                "error",
                "stun-unreachable",
                f"STUN server {url} did not answer within {timeout:g} s: not reachable",
            )
        answer = protocol.answer.result()
        if isinstance(answer, OSError):
            return Diagnosis(
                "error",
                "stun-unreachable",
                f"STUN server {url} is not reachable: {answer.strerror or answer}",
            )
        return None
    finally:
        transport.close()
