"""Restart bookkeeping: remote credentials in an SDP, and one record per ICE restart."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from aiortc import sdp

logger = logging.getLogger(__name__)


def remote_credentials(text: str) -> tuple[str, str] | None:
    """The ``(ice-ufrag, ice-pwd)`` of the first m-section of an SDP, if it parses.

    IceScope negotiates ``max-bundle``, so every m-section shares these credentials. A
    description that does not parse is left for aiortc to reject with its own error.
    """
    try:
        description = sdp.SessionDescription.parse(text)
    except Exception:
        logger.debug("restart detection skipped: unparsable SDP", exc_info=True)
        return None
    for media in description.media:
        ice = media.ice
        if ice is not None and ice.usernameFragment and ice.password:
            return str(ice.usernameFragment), str(ice.password)
    return None


@dataclass(slots=True)
class RestartRecord:
    """One ICE restart in progress, from ``restartIce()`` or a remote restart offer."""

    initiator: str
    """``local`` or ``remote``."""
    old_ufrag: str
    """Local ufrag of the generation being replaced."""
    new_ufrag: str
    """Local ufrag of the new generation."""
    started: float
    """Loop time of the ``start`` phase."""

    def payload(self, phase: str, now: float | None, detail: str = "") -> dict[str, Any]:
        """The ``icerestart`` event payload for ``phase``."""
        return {
            "phase": phase,
            "old_ufrag": self.old_ufrag,
            "new_ufrag": self.new_ufrag,
            "initiator": self.initiator,
            "duration": None if now is None else now - self.started,
            "detail": detail,
        }
