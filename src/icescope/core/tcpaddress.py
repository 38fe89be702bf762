"""Where two IceScopes meet over TCP, and the token the connecting one must present.

A listener prints ``tcp://HOST:PORT/?token=T`` (like the browser page's URL); the other side
connects with exactly that URL (``--connect``, or the window's address field). ``--listen``
takes ``HOST:PORT`` (a random token is made) or the same URL form to choose the token.
"""

from __future__ import annotations

import ipaddress
import re
import secrets
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qs

from .errors import ConfigError, quote

SCHEME: Final = "tcp://"
TOKEN_PATTERN: Final = re.compile(r"[A-Za-z0-9_-]{16,256}", re.ASCII)
"""A token: 16-256 URL-safe characters (the generated ones are 24, 144 random bits)."""
LOOPBACK_HOSTS: Final = frozenset({"127.0.0.1", "localhost", "::1"})
"""Listen addresses that keep a server private to this machine."""


@dataclass(frozen=True, slots=True)
class TcpAddress:
    """A parsed ``--listen`` / ``--connect`` value."""

    host: str
    port: int
    token: str | None
    """The listener's token (None: ``--listen HOST:PORT``, a random one is made)."""

    def url(self, token: str) -> str:
        """``tcp://HOST:PORT/?token=T``, what the connecting side is given."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{SCHEME}{host}:{self.port}/?token={token}"

    @property
    def shown(self) -> str:
        """``HOST:PORT`` without the token, for messages and descriptions."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def new_token() -> str:
    """A fresh random token."""
    return secrets.token_urlsafe(18)


def redact(text: str) -> str:
    """``text`` with every ``token=…`` value replaced by ``…`` (for messages and logs)."""
    return re.sub(r"(token=)[^&\s'\"]*", r"\1…", text)


def without_token(text: str) -> str:
    """``text`` with a ``tcp://`` URL reduced to ``HOST:PORT`` (what may be remembered)."""
    if not text.startswith(SCHEME):
        return text
    hostport, _, _query = text.removeprefix(SCHEME).partition("?")
    return hostport.removesuffix("/")


def parse_tcp_address(text: str, *, flag: str, need_token: bool) -> TcpAddress:
    """Parse ``HOST:PORT`` or ``tcp://HOST:PORT/?token=T``.

    Args:
        text: the value given.
        flag: the flag or field it came from, for the message.
        need_token: the connecting side: only the URL form with its token will do.

    Raises:
        ConfigError: a bad address, a bad or missing token; the message never repeats it.
    """
    shown = quote(redact(text))
    token: str | None = None
    hostport = text
    if text.startswith(SCHEME):
        rest = text.removeprefix(SCHEME)
        hostport, _, query = rest.partition("?")
        hostport = hostport.removesuffix("/")
        values = parse_qs(query, keep_blank_values=True).get("token", [])
        if len(values) != 1 or not TOKEN_PATTERN.fullmatch(values[0]):
            raise ConfigError.of("error:tcp-token", flag=flag, value=shown)
        token = values[0]
    elif need_token:
        example = f"{SCHEME}HOST:PORT/?token=…"
        raise ConfigError.of("error:tcp-need-url", flag=flag, value=shown, example=example)
    host, port = parse_hostport(hostport, flag=flag)
    if need_token and port == 0:
        raise ConfigError.of("error:tcp-port-zero", flag=flag, value=shown)
    return TcpAddress(host, port, token)


def exposed(host: str) -> bool:
    """True when listening on ``host`` is reachable from beyond this machine."""
    if host in LOOPBACK_HOSTS:
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def parse_hostport(text: str, *, flag: str = "address") -> tuple[str, int]:
    """Parse ``HOST:PORT`` (``[v6]:PORT`` for IPv6).

    Raises:
        ConfigError: no port, a port outside 0-65535, or no host.
    """
    shown = quote(text)
    host, sep, port_text = text.rpartition(":")
    if not sep or not host:
        raise ConfigError.of("error:tcp-hostport", flag=flag, value=shown)
    if not _PORT.fullmatch(port_text) or not 0 <= int(port_text) < 65536:
        raise ConfigError.of("error:tcp-port", flag=flag, value=shown)
    if host.startswith("[") or host.endswith("]"):
        inner = host.removeprefix("[").removesuffix("]")
        if not (host.startswith("[") and host.endswith("]")) or not _is_ipv6(inner):
            raise ConfigError.of("error:tcp-ipv6", flag=flag, value=shown)
        return inner, int(port_text)
    if not (_is_ipv6(host) if ":" in host else _HOST.fullmatch(host)):
        raise ConfigError.of("error:tcp-host", flag=flag, value=shown)
    return host, int(port_text)


_PORT: Final = re.compile(r"[0-9]{1,5}", re.ASCII)
_HOST: Final = re.compile(r"[A-Za-z0-9._-]+", re.ASCII)
"""A host name or IPv4 address (an unbracketed IPv6 address is checked as one: ``::1:7400`` is
split at the last colon)."""


def _is_ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True
