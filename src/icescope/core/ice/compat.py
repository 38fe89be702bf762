"""Version guard and class injection for the ICE engine.

aiortc builds its ICE objects in ``RTCPeerConnection.__createDtlsTransport`` by looking up the
module globals ``RTCIceGatherer`` and ``RTCIceTransport`` of ``aiortc.rtcpeerconnection``, so
replacing those two names is the smallest hook. It is process-wide: plain
``RTCPeerConnection`` objects then get the engine's classes too (and keep working).
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import logging
from typing import TYPE_CHECKING, Final, Literal

import aiortc.rtcicetransport as _stock
import aiortc.rtcpeerconnection as _rtcpc

from ..errors import CompatibilityError
from .capabilities import Capabilities
from .pins import read_pins

if TYPE_CHECKING:
    from collections.abc import Iterator

logger = logging.getLogger(__name__)

_READ = read_pins()
PINS: Final[dict[str, str]] = _READ[0]
"""The exact versions whose internals the engine was written and tested against (read from
``pyproject.toml``'s dependencies, see :mod:`icescope.core.ice.pins`)."""
PINS_UNKNOWN: Final[str | None] = _READ[1]
"""Why :data:`PINS` is incomplete (no metadata, no source tree), or None."""

STOCK_GATHERER: Final = _stock.RTCIceGatherer
"""aiortc's own gatherer class (for building a stock peer next to ours)."""
STOCK_TRANSPORT: Final = _stock.RTCIceTransport
"""aiortc's own ICE transport class."""

_installed = False
_degraded: str | None = None
_cause: str | None = None


def check_versions() -> None:
    """Raise :class:`CompatibilityError` unless the pinned versions are installed."""
    if PINS_UNKNOWN is not None:
        raise CompatibilityError(PINS_UNKNOWN)
    wrong = []
    for name, pinned in PINS.items():
        try:
            found = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found = "(not installed)"
        if found != pinned:
            wrong.append(f"{name} {found} (IceScope needs {pinned})")
    if wrong:
        raise CompatibilityError("unsupported ICE libraries: " + ", ".join(wrong))


def install(mode: Literal["fallback", "strict"] = "fallback") -> None:
    """Make aiortc build IceScope's ICE classes (process-wide, idempotent).

    Args:
        mode: what to do when the installed aiortc/aioice are not the pinned versions:
            ``fallback`` keeps aiortc's stock classes and records a reason for a visible
            "degraded ICE state reporting" warning (see :func:`degraded_reason`); ``strict``
            raises.

    Raises:
        CompatibilityError: ``strict`` mode and the versions are not the pinned ones.
    """
    global _installed, _degraded, _cause
    if _installed or (_degraded is not None and mode == "fallback"):
        return
    try:
        check_versions()
    except CompatibilityError as exc:
        if mode == "strict":
            raise
        _cause = str(exc)
        _degraded = (
            f"{exc}. Degraded ICE state reporting: aiortc's own states only (no connected, "
            "disconnected or recoverable failed), no ICE restart and no network impairment."
        )
        # INFO, not WARNING: a session publishes this once as its "degraded-ice" notice
        # (WARNING records of icescope.* become notices too, which would say it twice).
        logger.info("%s", _degraded)
        return
    from .gatherer import ManagedIceGatherer
    from .transport import ManagedIceTransport

    setattr(_rtcpc, "RTCIceGatherer", ManagedIceGatherer)  # noqa: B010 - module-global hook
    setattr(_rtcpc, "RTCIceTransport", ManagedIceTransport)  # noqa: B010
    _installed = True
    _degraded = _cause = None
    logger.debug("ICE engine installed")


def installed() -> bool:
    """True when aiortc builds the engine's classes (not degraded)."""
    return _installed


def engine_active() -> bool:
    """True when aiortc builds the engine's classes right now.

    False when degraded, and inside :func:`stock_ice_classes` (a stock peer for comparison).
    """
    if not _installed:
        return False
    from .transport import ManagedIceTransport

    return getattr(_rtcpc, "RTCIceTransport", None) is ManagedIceTransport


def degraded_reason() -> str | None:
    """Why the engine runs degraded on stock classes, or None when it is fully installed."""
    return _degraded


def degraded_cause() -> str | None:
    """The short cause of degraded mode (wrong library versions), or None when installed."""
    return _cause


def capabilities() -> Capabilities:
    """What the engine can do in this process (installs it first, see :func:`install`).

    A peer may do less (a stock peer, no fault injector): ask its ``capabilities``.
    """
    install()
    return Capabilities() if _cause is None else Capabilities.degraded(_cause)


def uninstall() -> None:
    """Put aiortc's stock classes back and forget any degraded state (tests)."""
    global _installed, _degraded, _cause
    setattr(_rtcpc, "RTCIceGatherer", STOCK_GATHERER)  # noqa: B010
    setattr(_rtcpc, "RTCIceTransport", STOCK_TRANSPORT)  # noqa: B010
    _installed = False
    _degraded = _cause = None


@contextlib.contextmanager
def stock_ice_classes() -> Iterator[None]:
    """Build aiortc's stock ICE objects inside this block (a stock peer for comparison).

    aiortc creates ICE transports in ``createDataChannel``/``addTransceiver``/
    ``setRemoteDescription``; objects made inside the block stay stock afterwards.
    """
    saved = (_rtcpc.RTCIceGatherer, _rtcpc.RTCIceTransport)  # type: ignore[attr-defined]
    setattr(_rtcpc, "RTCIceGatherer", STOCK_GATHERER)  # noqa: B010
    setattr(_rtcpc, "RTCIceTransport", STOCK_TRANSPORT)  # noqa: B010
    try:
        yield
    finally:
        setattr(_rtcpc, "RTCIceGatherer", saved[0])  # noqa: B010
        setattr(_rtcpc, "RTCIceTransport", saved[1])  # noqa: B010
