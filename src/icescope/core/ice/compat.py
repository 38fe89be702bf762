"""Version guard and class injection for the ICE engine."""

from __future__ import annotations

import importlib.metadata
import logging
from typing import Final

from ..errors import CompatibilityError

logger = logging.getLogger(__name__)

PINS: Final[dict[str, str]] = {"aiortc": "1.16.0", "aioice": "0.13.0"}
"""The exact versions whose internals the engine was written and tested against."""

_installed = False


def check_versions() -> None:
    """Raise :class:`CompatibilityError` unless the pinned versions are installed."""
    wrong = []
    for name, pinned in PINS.items():
        found = importlib.metadata.version(name)
        if found != pinned:
            wrong.append(f"{name} {found} (IceScope needs {pinned})")
    if wrong:
        raise CompatibilityError("unsupported ICE libraries: " + ", ".join(wrong))


def install() -> None:
    """Make aiortc build IceScope's ICE classes (process-wide, idempotent).

    aiortc looks the gatherer class up by module-global name when it creates a transport, so
    replacing that global is the smallest hook. Plain ``RTCPeerConnection`` objects keep
    working with the subclass.

    Raises:
        CompatibilityError: the installed aiortc/aioice are not the pinned versions.
    """
    global _installed
    if _installed:
        return
    check_versions()
    import aiortc.rtcpeerconnection as rtcpc

    from .gatherer import ManagedIceGatherer

    # aiortc looks the class up by this module-global name in __createDtlsTransport.
    setattr(rtcpc, "RTCIceGatherer", ManagedIceGatherer)  # noqa: B010
    _installed = True
    logger.debug("ICE engine installed")
