"""Settings: one frozen object per session, built from the environment and CLI flags."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final
from urllib.parse import urlparse

from .errors import ConfigError
from .netif import AddressSelection

if TYPE_CHECKING:
    from collections.abc import Mapping

ENV_PREFIX: Final = "ICESCOPE_"

# Consent/liveness defaults (see docs/ice-timings.md for how they compare with RFC 7675,
# Chromium and Pion). RFC 7675 §5.1: consent expires after 30 s without a response.
DEFAULT_KEEPALIVE_INTERVAL: Final = 1.0
DEFAULT_DISCONNECTED_TIMEOUT: Final = 2.5
DEFAULT_FAILED_TIMEOUT: Final = 30.0
DEFAULT_HEARTBEAT_INTERVAL: Final = 0.1
DEFAULT_DRAIN: Final = 0.5

MODES: Final = ("loopback",)
"""Remote peer kinds; see :mod:`icescope.core.remotes`."""


@dataclass(frozen=True, slots=True)
class IceTimings:
    """Consent/liveness timers of IceScope's ICE engine."""

    keepalive_interval: float = DEFAULT_KEEPALIVE_INTERVAL
    """Seconds between consent checks on the selected pair (randomised ×[0.8, 1.2])."""
    disconnected_timeout: float = DEFAULT_DISCONNECTED_TIMEOUT
    """Seconds without an authenticated response before ``disconnected``."""
    failed_timeout: float = DEFAULT_FAILED_TIMEOUT
    """Seconds without an authenticated response before ``failed`` (consent expired)."""

    def __post_init__(self) -> None:
        if not 0 < self.keepalive_interval <= 60:
            raise ConfigError(
                f"keepalive interval must be in (0, 60] s, got {self.keepalive_interval}"
            )
        if self.disconnected_timeout <= self.keepalive_interval * 1.2:
            raise ConfigError(
                "disconnected timeout must exceed the longest keepalive interval "
                f"({self.keepalive_interval * 1.2:g} s), got {self.disconnected_timeout}"
            )
        if self.failed_timeout <= self.disconnected_timeout:
            raise ConfigError(
                f"failed timeout ({self.failed_timeout}) must exceed the disconnected "
                f"timeout ({self.disconnected_timeout})"
            )


_ICE_SCHEMES: Final = ("stun", "stuns", "turn", "turns")


@dataclass(frozen=True, slots=True)
class IceServer:
    """One STUN/TURN server entry, as in ``RTCIceServer``."""

    urls: tuple[str, ...]
    username: str | None = None
    credential: str | None = None

    def __post_init__(self) -> None:
        if not self.urls:
            raise ConfigError("an ICE server needs at least one URL")
        for url in self.urls:
            validate_ice_url(url)
            if url.startswith("turn") and (self.username is None or self.credential is None):
                raise ConfigError(f"TURN server {url} needs --username and --credential")


def validate_ice_url(url: str) -> None:
    """Check a STUN/TURN URL (RFC 7064 / RFC 7065) and raise a readable error if it is bad.

    Raises:
        ConfigError: the URL's scheme, host or port is missing or invalid.
    """
    scheme, sep, rest = url.partition(":")
    if not sep or scheme not in _ICE_SCHEMES:
        raise ConfigError(
            f"bad ICE server URL {url!r}: it must start with stun:, stuns:, turn: or turns:"
        )
    hostport, _, query = rest.partition("?")
    if not hostport or hostport.startswith("//"):
        raise ConfigError(f"bad ICE server URL {url!r}: write it as {scheme}:HOST[:PORT]")
    parsed = urlparse("//" + hostport)
    try:
        port = parsed.port
    except ValueError:
        raise ConfigError(f"bad ICE server URL {url!r}: the port is not a number 1-65535") from None
    if not parsed.hostname:
        raise ConfigError(f"bad ICE server URL {url!r}: no host name")
    if port is not None and not 0 < port < 65536:
        raise ConfigError(f"bad ICE server URL {url!r}: the port is not a number 1-65535")
    if query and query not in ("transport=udp", "transport=tcp"):
        raise ConfigError(
            f"bad ICE server URL {url!r}: only ?transport=udp or ?transport=tcp is understood"
        )


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a session needs to know, fixed for its lifetime."""

    mode: str = "loopback"
    """Remote peer kind: ``loopback`` (embedded in-process peer) and, later, others."""
    ice_servers: tuple[IceServer, ...] = ()
    """STUN/TURN servers. Empty means none: never aiortc's implicit public STUN server."""
    relay_only: bool = False
    """``iceTransportPolicy = "relay"``."""
    addresses: AddressSelection = field(default_factory=AddressSelection)
    """Which local addresses become host candidates."""
    timings: IceTimings = field(default_factory=IceTimings)
    """Consent/liveness timers."""
    heartbeat_interval: float = DEFAULT_HEARTBEAT_INTERVAL
    """Seconds between heartbeat data-channel messages from each peer."""
    drain: float = DEFAULT_DRAIN
    """Seconds to wait for in-flight heartbeats before closing."""
    journal_path: Path | None = None
    """Write the journal exactly here (``--journal``); None means a new file per session."""
    journal_dir: Path | None = None
    """Directory for per-session journal files; None means the user data dir."""
    journal_enabled: bool = True
    """Write a journal at all."""

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(
                f"unknown session mode {self.mode!r} (choose from {', '.join(MODES)})"
            )
        if not 0.01 <= self.heartbeat_interval <= 10:
            raise ConfigError(
                f"heartbeat interval must be within 0.01-10 s, got {self.heartbeat_interval}"
            )

    def replace(self, **changes: object) -> Settings:
        """Return a copy with ``changes`` applied (and validated)."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from ``ICESCOPE_*`` variables; bad values fall back to defaults.

        Understood: ``ICESCOPE_KEEPALIVE_INTERVAL``, ``ICESCOPE_DISCONNECTED_TIMEOUT``,
        ``ICESCOPE_FAILED_TIMEOUT``, ``ICESCOPE_JOURNAL_DIR``.
        """
        env = os.environ if environ is None else environ
        timings = IceTimings()
        try:
            timings = IceTimings(
                keepalive_interval=_env_float(
                    env, "KEEPALIVE_INTERVAL", timings.keepalive_interval
                ),
                disconnected_timeout=_env_float(
                    env, "DISCONNECTED_TIMEOUT", timings.disconnected_timeout
                ),
                failed_timeout=_env_float(env, "FAILED_TIMEOUT", timings.failed_timeout),
            )
        except ConfigError:
            timings = IceTimings()
        journal_dir = env.get(ENV_PREFIX + "JOURNAL_DIR")
        return cls(timings=timings, journal_dir=Path(journal_dir) if journal_dir else None)


def _env_float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(ENV_PREFIX + name)
    if raw is None:
        return default
    try:
        return float(raw)
    except ValueError:
        return default
