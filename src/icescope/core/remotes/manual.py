"""Manual remote: any WebRTC peer, with the offer and answer passed around as files.

If the offer file exists when the session starts, IceScope answers it; otherwise IceScope
writes its offer there and waits for the answer file. The offer is checked before anything
starts, so a malformed one fails fast with the line at fault.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ConfigError, SignalingError
from ..sdp import validate_sdp
from ..signaling.files import FileSignaling, read_description
from ..texts import render, said
from .base import RemoteContext, RemoteLink

if TYPE_CHECKING:
    from ..config import Settings


def check_offer_file(settings: Settings) -> None:
    """Before any session starts: a manual session's existing offer file must be usable.

    Raises:
        ConfigError: the offer file exists but is unreadable or malformed; the message gives
            the parser's reason (the CLI makes it a usage error, exit 2).
    """
    offer_file = settings.offer_file
    if settings.mode != "manual" or offer_file is None:
        return
    if not (offer_file.is_file() and offer_file.stat().st_size > 0):
        return
    try:
        validate_sdp(read_description(offer_file, "offer"), "offer")
    except SignalingError as exc:  # SdpError included
        raise ConfigError.of("error:offer-file", path=str(offer_file), error=str(exc)) from None


async def open_manual(settings: Settings, context: RemoteContext) -> RemoteLink:
    """Exchange a non-trickle offer/answer through ``settings.offer_file``/``answer_file``.

    Raises:
        SignalingError: the offer file exists but is unreadable.
        SdpError: the offer file holds malformed SDP (the message names the line).
    """
    offer_file, answer_file = settings.offer_file, settings.answer_file
    # Both are checked by Settings for manual mode.
    assert offer_file is not None
    assert answer_file is not None
    answering = offer_file.exists() and offer_file.stat().st_size > 0
    if answering:
        validate_sdp(read_description(offer_file, "offer"), "offer")
        context.notice("info", "manual", key="notice:manual.answer", offer=str(offer_file))
        if answer_file.exists():
            answer_file.unlink()
    else:
        if answer_file.exists():
            answer_file.unlink()  # a stale answer from an earlier run would be applied at once
        context.notice(
            "info",
            "manual",
            offer=str(offer_file),
            wait=f"{settings.manual_wait:g}",
            answer=str(answer_file),
        )
    signaling = FileSignaling(
        offer_file, answer_file, offerer=not answering, wait=settings.manual_wait
    )
    text = said("remote:manual", offer=str(offer_file), answer=str(answer_file))
    return RemoteLink(
        signaling=signaling,
        local_offers=not answering,
        description=render(*text),
        text=text,
        close=signaling.close,
    )
