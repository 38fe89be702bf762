"""The signaling receive loop of one peer: every message handled, every failure a notice.

Garbage on the channel is said and skipped (the channel stays); a lost or ended channel is
said once and ends the loop; nothing a remote sends can end it with a traceback.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .errors import PeerClosedError, SdpError, SignalingError

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from .signaling.base import Message, Signaling
    from .texts import Notify

logger = logging.getLogger(__name__)


async def receive_loop(
    signaling: Signaling,
    handle: Callable[[Message], Awaitable[None]],
    notice: Notify,
    *,
    ending: Callable[[], bool],
) -> None:
    """Read and ``handle`` messages until the channel ends or the peer is closed.

    Args:
        signaling: the channel.
        handle: applies one message (may raise the documented errors).
        notice: publishes ``(level, code, message)``.
        ending: True when the peer is closing or closed (an ended channel is then expected).
    """
    while True:
        try:
            message = await signaling.receive()
        except SignalingError as exc:
            notice("error", "signaling-garbage", error=str(exc))
            continue
        except (ConnectionError, OSError) as exc:
            notice("error", "signaling-lost", error=str(exc))
            return
        if message is None:
            if ending():
                return
            can_rejoin = getattr(signaling, "can_rejoin", None)
            if can_rejoin is not None and can_rejoin():
                notice("warning", "signaling-closed", key="notice:signaling-closed.rejoin")
                continue
            notice("warning", "signaling-closed")
            return
        try:
            await handle(message)
        except SdpError as exc:
            notice("error", "bad-sdp", error=str(exc))
        except SignalingError as exc:
            notice("warning", "signaling-garbage", error=str(exc))
        except PeerClosedError:
            return
        except Exception as exc:
            logger.exception("failed to handle a remote %s", message.get("type"))
            notice("error", "signaling-rejected", kind=str(message.get("type")), error=str(exc))
