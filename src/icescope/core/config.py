"""Settings: one frozen object per session, built from the environment and CLI flags."""

from __future__ import annotations

import dataclasses
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final
from urllib.parse import urlparse

from . import ranges
from .errors import ConfigError, quote
from .netif import AddressSelection
from .tcpaddress import TOKEN_PATTERN, parse_tcp_address

if TYPE_CHECKING:
    from collections.abc import Mapping

ENV_PREFIX: Final = "ICESCOPE_"

# Consent/liveness defaults (see docs/ice-timings.md for how they compare with RFC 7675,
# Chromium and Pion). RFC 7675 §5.1: consent expires after 30 s without a response.
DEFAULT_KEEPALIVE_INTERVAL: Final = 1.0
DEFAULT_DISCONNECTED_TIMEOUT: Final = 2.5
DEFAULT_FAILED_TIMEOUT: Final = 30.0
DEFAULT_PAC_TIMEOUT: Final = 39.5
"""RFC 8863 §4's Tpac: never declare ICE failed sooner after checks start."""
"""Accepted Tpac in seconds (below 39.5 only for tests and impatient testers)."""
DEFAULT_HEARTBEAT_INTERVAL: Final = 0.1
DEFAULT_DRAIN: Final = 0.5
DEFAULT_STATS_INTERVAL: Final = 1.0
STATS_INTERVAL_RANGE: Final = (0.05, 60.0)
"""Allowed statistics sampling intervals in seconds (0 turns sampling off)."""

MODES: Final = ("loopback", "browser", "tcp-listen", "tcp-connect", "manual", "paste")
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
    pac_timeout: float = DEFAULT_PAC_TIMEOUT
    """Tpac (RFC 8863): seconds from the start of checks before a generation may fail; at
    Tpac a generation with no successful pair fails even while checks are still running."""

    def __post_init__(self) -> None:
        ranges.check("--keepalive-interval", self.keepalive_interval)
        ranges.check("--disconnected-timeout", self.disconnected_timeout)
        ranges.check("--failed-timeout", self.failed_timeout)
        ranges.check("--pac-timeout", self.pac_timeout)
        if self.disconnected_timeout <= self.keepalive_interval * 1.2:
            raise ConfigError.of(
                "error:keepalive-order",
                limit=f"{self.keepalive_interval * 1.2:g}",
                value=str(self.disconnected_timeout),
            )
        if self.failed_timeout <= self.disconnected_timeout:
            raise ConfigError.of(
                "error:failed-order",
                failed=str(self.failed_timeout),
                value=str(self.disconnected_timeout),
            )


_CREDENTIAL: Final = re.compile(r"[^\x00-\x1f\x7f]{1,4096}")
"""A credential: 1-4096 characters, none of them a control character."""
_ICE_SCHEMES: Final = ("stun", "stuns", "turn", "turns")
_URL_HOSTPORT: Final = re.compile(r"[A-Za-z0-9._-]+(?::[0-9]{1,5})?", re.ASCII)
"""RFC 7064 ``host [":" port]`` with a name or IPv4 address of ASCII letters, digits, dots and
dashes (and underscores, which resolvers accept)."""


@dataclass(frozen=True, slots=True)
class IceServer:
    """One STUN/TURN server entry, as in ``RTCIceServer``."""

    urls: tuple[str, ...]
    username: str | None = None
    credential: str | None = field(default=None, repr=False)
    """The TURN password: never in a repr, message, journal or export."""

    def __post_init__(self) -> None:
        if not self.urls:
            raise ConfigError.of("error:server-no-url")
        if self.credential is not None and not _CREDENTIAL.fullmatch(self.credential):
            raise ConfigError.of("error:server-credential", url=quote(self.urls[0]))
        for url in self.urls:
            validate_ice_url(url)
            if url.startswith("turn") and (self.username is None or self.credential is None):
                raise ConfigError.of("error:turn-needs-credentials", url=url)


def validate_ice_url(url: str) -> None:
    """Check a STUN/TURN URL (RFC 7064 / RFC 7065) and raise a readable error if it is bad.

    Raises:
        ConfigError: the URL's scheme, host or port is missing or invalid.
    """
    shown = quote(url)
    scheme, sep, rest = url.partition(":")
    if not sep or scheme not in _ICE_SCHEMES:
        raise ConfigError.of("error:url-scheme", url=shown)
    hostport, qmark, query = rest.partition("?")
    if not hostport or hostport.startswith("//"):
        raise ConfigError.of("error:url-form", url=shown, scheme=scheme)
    if hostport.startswith("["):
        # aiortc 1.16's URL parser takes no ':' in the host, so it cannot use an IPv6 literal.
        raise ConfigError.of("error:url-ipv6", url=shown)
    if not _URL_HOSTPORT.fullmatch(hostport):
        raise ConfigError.of("error:url-hostport", url=shown, scheme=scheme)
    try:
        parsed = urlparse("//" + hostport)
        host, port = parsed.hostname, parsed.port
    except ValueError as exc:  # a port out of range
        raise ConfigError.of("error:url-parse", url=shown, error=str(exc)) from None
    if not host:
        raise ConfigError.of("error:url-no-host", url=shown)
    if port is not None and not 0 < port < 65536:
        raise ConfigError.of("error:url-port", url=shown)
    if qmark and scheme.startswith("stun"):
        # RFC 7064 defines no query for stun:/stuns: URIs (aiortc rejects one).
        raise ConfigError.of("error:url-stun-query", url=shown, scheme=scheme)
    if qmark and query not in ("transport=udp", "transport=tcp"):
        raise ConfigError.of("error:url-query", url=shown)


def validate_stats_interval(value: float) -> None:
    """Check a statistics interval: 0 (off) or a finite number of seconds in range.

    Raises:
        ConfigError: not a number, not finite, or outside 0.05-60 s (and not 0).
    """
    low, high = STATS_INTERVAL_RANGE
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ConfigError.of("error:stats-interval", value=repr(value))
    if value != 0 and not low <= value <= high:
        raise ConfigError.of(
            "error:stats-interval.range", low=f"{low:g}", high=f"{high:g}", value=f"{value:g}"
        )


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a session needs to know, fixed for its lifetime."""

    mode: str = "loopback"
    """Remote peer kind: ``loopback`` (embedded in-process peer), ``browser`` (a web page served
    by IceScope), ``tcp-listen`` / ``tcp-connect`` (another IceScope over TCP signaling) or
    ``manual`` (offer/answer exchanged as files) or ``paste`` (offer/answer copied and pasted
    by the user, e.g. in the GUI)."""
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
    stats_interval: float = DEFAULT_STATS_INTERVAL
    """Seconds between statistics samples of each peer (0: no statistics)."""
    journal_path: Path | None = None
    """Write the journal exactly here (``--journal``); None means a new file per session."""
    journal_dir: Path | None = None
    """Directory for per-session journal files; None means the user data dir."""
    journal_enabled: bool = True
    """Write a journal at all."""
    remote_address: str | None = field(default=None, repr=False)
    """``HOST:PORT`` (or ``tcp://HOST:PORT/?token=T``) to listen on (``tcp-listen``), or the
    listener's ``tcp://HOST:PORT/?token=T`` to connect to (``tcp-connect``)."""
    browser_host: str = "127.0.0.1"
    """Where the browser-peer page is served. Loopback by default; anything else exposes it."""
    browser_port: int = 0
    """Port of the browser-peer page; 0 picks a free one."""
    browser_token: str | None = field(default=None, repr=False)
    """The page URL's access token; None makes a random one. Set only to keep a previous
    session's URL working (the window's *Repeat session*); never stored in the settings file."""
    browser_offers: bool = False
    """In ``browser`` mode, let the browser send the first offer (IceScope answers)."""
    offer_file: Path | None = None
    """``manual`` mode: the offer. If it exists at start IceScope answers it, else writes it."""
    answer_file: Path | None = None
    """``manual`` mode: where the answer is written (answerer) or read from (offerer)."""
    manual_wait: float = 300.0
    """``manual`` mode: seconds to wait for the answer file to appear."""
    paste_offers: bool = True
    """``paste`` mode: IceScope writes the offer and the user pastes the answer (True), or the
    user pastes the remote's offer and IceScope answers (False)."""

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError.of("error:mode", mode=repr(self.mode), choices=", ".join(MODES))
        if self.mode in ("tcp-listen", "tcp-connect"):
            if not self.remote_address:
                raise ConfigError.of("error:mode-needs-address", mode=self.mode)
            listen = self.mode == "tcp-listen"
            parse_tcp_address(
                self.remote_address,
                flag="--listen" if listen else "--connect",
                need_token=not listen,
            )
        if self.mode == "manual" and (self.offer_file is None or self.answer_file is None):
            raise ConfigError.of("error:manual-needs-files")
        if not 0 <= self.browser_port < 65536:
            raise ConfigError.of("error:browser-port", value=str(self.browser_port))
        if self.browser_token is not None and not TOKEN_PATTERN.fullmatch(self.browser_token):
            raise ConfigError.of("error:browser-token")
        ranges.check("heartbeat interval", self.heartbeat_interval)
        ranges.check("drain", self.drain)
        ranges.check("manual wait", self.manual_wait)
        validate_stats_interval(self.stats_interval)

    def replace(self, **changes: object) -> Settings:
        """Return a copy with ``changes`` applied (and validated)."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from ``ICESCOPE_*`` variables; bad values fall back to defaults.

        Understood: ``ICESCOPE_KEEPALIVE_INTERVAL``, ``ICESCOPE_DISCONNECTED_TIMEOUT``,
        ``ICESCOPE_FAILED_TIMEOUT``, ``ICESCOPE_PAC_TIMEOUT``, ``ICESCOPE_JOURNAL_DIR``.
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
                pac_timeout=_env_float(env, "PAC_TIMEOUT", timings.pac_timeout),
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
