"""Repeat session keeps the previous session's listening port (and URL) when it is free.

A browser tab or another IceScope holding the previous session's URL can then find the repeated
session at the same address. The port and token come from the previous session's model (its
``Listening`` fact), never from the settings file; when the port is taken by then, the repeated
session listens on a new one and the window says so.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from .i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ..core.config import Settings
    from ..core.model import SessionModel

PORT_TAKEN = QT_TRANSLATE_NOOP(
    "SessionLife",
    "Port {0} of the previous session is taken now: this session listens on a new port "
    "(give the remote the new URL)",
)
"""The notice when the kept port is no longer free (context ``SessionLife``)."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where the previous session listened."""

    host: str
    port: int
    token: str | None


def listened(settings: Settings, model: SessionModel | None) -> Endpoint | None:
    """Where ``model``'s session listened for its remote (browser page or TCP), if it did."""
    if model is None or model.listening is None:
        return None
    if settings.mode not in ("browser", "tcp-listen"):
        return None
    url = urlsplit(model.listening.url)
    try:
        port = url.port
    except ValueError:
        return None
    if url.hostname is None or not port:
        return None
    tokens = parse_qs(url.query).get("token", [])
    return Endpoint(url.hostname, port, tokens[0] if len(tokens) == 1 else None)


def port_free(host: str, port: int) -> bool:
    """Whether a listening socket can bind ``host:port`` now (as the servers bind it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # As asyncio's servers do: a port left in TIME_WAIT by the old session is free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError:
        return False
    return True


def keep_endpoint(settings: Settings, endpoint: Endpoint) -> Settings | None:
    """``settings`` listening at ``endpoint`` again, or None when its port is taken."""
    if not port_free(endpoint.host, endpoint.port):
        return None
    if settings.mode == "browser":
        return settings.replace(browser_port=endpoint.port, browser_token=endpoint.token)
    host = f"[{endpoint.host}]" if ":" in endpoint.host else endpoint.host
    query = f"?token={endpoint.token}" if endpoint.token else ""
    return settings.replace(remote_address=f"tcp://{host}:{endpoint.port}/{query}")


def fresh_port(settings: Settings) -> Settings:
    """``settings`` listening on any free port (the kept one was taken)."""
    if settings.mode == "browser":
        return settings.replace(browser_port=0, browser_token=None)
    from ..core.tcpaddress import parse_tcp_address

    address = parse_tcp_address(settings.remote_address or "", flag="--listen", need_token=False)
    host = f"[{address.host}]" if ":" in address.host else address.host
    return settings.replace(remote_address=f"{host}:0")
