"""Restart detection and bookkeeping: remote credentials in an SDP, one record per restart.

Stock aiortc ignores a remote offer with a new ``ice-ufrag``/``ice-pwd``; the peer connection
therefore looks at every remote description here *before* stock code runs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from aiortc import RTCSessionDescription

    from .transport import ManagedIceTransport

from .sdp import parse_description

logger = logging.getLogger(__name__)


def restart_role(initiator: str, remote_is_lite: bool) -> bool:
    """The ICE role of a restart's new generation: True for controlling.

    The side that offers the restart controls it and the side that answers is controlled, as
    both browser engines do: libwebrtc re-determines the role whenever it applies a local
    description with new credentials (``redetermine_role_on_ice_restart``, on by default in
    Chromium: offer → controlling, answer → controlled) and Firefox sets ``mIceControlling``
    to "we offered" after every negotiation. RFC 8445 §9 keeps the roles instead; doing so
    against Chromium left *both* agents controlled after a restart IceScope offered while
    Chromium controlled, and the restart then waited for the role conflict to be found and
    resolved (0.2–0.45 s instead of 0.03 s; docs/ice-engine.md, "Roles on a restart"). With an
    ICE-lite peer IceScope (a full agent) stays controlling (RFC 8445 §6.1.1).

    Args:
        initiator: ``local`` when IceScope offers the restart, ``remote`` when it answers.
        remote_is_lite: whether the peer is an ICE-lite agent.
    """
    return initiator == "local" or remote_is_lite


def remote_credentials(text: str) -> tuple[str, str] | None:
    """The ``(ice-ufrag, ice-pwd)`` of the first m-section of an SDP, if it parses.

    IceScope negotiates ``max-bundle``, so every m-section shares these credentials. A
    description that does not parse is left for aiortc to reject with its own error.
    """
    try:
        description = parse_description(text)
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


async def detect_restart(
    transports: list[ManagedIceTransport],
    description: RTCSessionDescription,
    begin: Callable[[str, tuple[str, str]], Awaitable[bool]],
) -> bool:
    """Act on new remote credentials before aiortc applies ``description``.

    A remote offer with new credentials starts a restart (``begin("remote", creds)``); an
    answer that kept the old ones abandons ours (the peer cannot restart).

    Returns:
        True when this description started a restart.
    """
    creds = remote_credentials(description.sdp)
    if creds is None:
        return False
    created = False
    for transport in transports:
        active, pending = transport.active, transport.pending
        if active.remote_username is None:
            continue  # first description for this transport: not a restart
        changed = creds != (active.remote_username, active.remote_password)
        if changed and pending is None and description.type == "offer":
            created = await begin("remote", creds)
        elif changed and pending is not None:
            pending.remote_username, pending.remote_password = creds
            transport.align_roles()  # the answer is in: the peer took its restart role
        elif not changed and pending is not None and description.type == "answer":
            # RFC 8839 requires new credentials in the answer; stock aiortc keeps them.
            transport.abandon_pending(
                "peer does not support ICE restart (its answer kept the old "
                "ice-ufrag/ice-pwd); staying on the current candidate pair"
            )
    return created


def learn_remote_credentials(
    transports: list[ManagedIceTransport], description: RTCSessionDescription
) -> None:
    """Give a first generation its remote credentials as soon as the description is applied.

    Stock aiortc hands the remote ufrag/pwd to the ICE connection only in start(), run by a
    task it schedules; a candidate trickled right behind the description (the usual case: a
    browser sends its first candidate just after its answer) would then name a ufrag no
    generation knows yet and be refused. webrtc-pc §4.4.1.5 (addIceCandidate) matches the
    ufrag against the remote description, which is already applied here.
    """
    creds = remote_credentials(description.sdp)
    if creds is None:
        return
    for transport in transports:
        active = transport.active
        if active.remote_username is None and transport.pending is None:
            active.remote_username, active.remote_password = creds
