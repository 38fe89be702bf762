"""Paste remote: any WebRTC peer, with the offer and answer copied and pasted by the user.

IceScope's description is published as a typed
:class:`~icescope.core.events.LocalDescription` event the moment it exists (the GUI shows it
for copying; the journal keeps it as evidence). The remote's comes back through
:meth:`~icescope.core.session.Session.paste_remote`, checked before it is applied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..events import LocalDescription, Peer
from ..signaling.paste import PasteSignaling
from ..texts import render, said
from .base import RemoteContext, RemoteLink

if TYPE_CHECKING:
    from ..config import Settings


async def open_paste(settings: Settings, context: RemoteContext) -> RemoteLink:
    """Exchange a non-trickle offer/answer through the user's clipboard."""
    offers = settings.paste_offers

    def on_local(kind: str, sdp: str) -> None:
        ts, wall = context.clock.stamp()
        candidates = sum(1 for line in sdp.splitlines() if line.startswith("a=candidate:"))
        context.publish(
            LocalDescription(
                ts=ts, wall=wall, peer=Peer.LOCAL, kind=kind, sdp=sdp, candidates=candidates
            )
        )

    signaling = PasteSignaling(offerer=offers, on_local=on_local)
    context.notice("info", "paste", key="notice:paste.offer" if offers else "notice:paste.answer")
    return RemoteLink(
        signaling=signaling,
        local_offers=offers,
        description=render("remote:paste"),
        text=said("remote:paste"),
        close=signaling.close,
        paste=signaling.paste,
    )
