"""Which ICE generation a trickled remote candidate belongs to (by its ufrag)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiortc.exceptions import OperationError

from ..errors import IceScopeError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .consent import MonitoredConnection


class UnknownGenerationError(IceScopeError, OperationError):
    """A trickled candidate names a ufrag of no known ICE generation (webrtc-pc: OperationError)."""


def generation_for(
    active: MonitoredConnection,
    pending: MonitoredConnection | None,
    ufrag: str | None,
    known: Sequence[MonitoredConnection] = (),
) -> MonitoredConnection:
    """The generation a remote candidate of ``ufrag`` belongs to (None: the newest).

    Args:
        active: the generation carrying data.
        pending: a restart generation, if any.
        ufrag: the candidate's remote ufrag, or None when the signaling did not say.
        known: every generation with open sockets (named in the error).

    Raises:
        UnknownGenerationError: no generation has that remote ufrag.
    """
    if ufrag is None:
        if pending is not None and pending.remote_username is not None:
            return pending
        return active
    for conn in (active, pending):
        if conn is not None and conn.remote_username == ufrag:
            return conn
    raise UnknownGenerationError(
        f"no ICE generation with remote ufrag {ufrag!r} "
        f"(known: {', '.join(str(c.remote_username) for c in known or [active])})"
    )
