"""The embedded loopback remote: a second aiortc peer in this process."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..events import Peer
from ..peer import PeerAgent
from ..signaling.loopback import LoopbackSignaling
from ..texts import render, said
from .base import RemoteContext, RemoteLink

if TYPE_CHECKING:
    from ..config import Settings


async def open_loopback(settings: Settings, context: RemoteContext) -> RemoteLink:
    """Create the in-process remote agent, joined to the local one by in-memory signaling."""
    local_sig, remote_sig = LoopbackSignaling.pair()
    agent = PeerAgent(
        Peer.REMOTE, settings, context.clock, context.publish, remote_sig, offerer=False
    )
    return RemoteLink(
        signaling=local_sig,
        local_offers=True,
        description=render("remote:loopback"),
        text=said("remote:loopback"),
        agent=agent,
    )
