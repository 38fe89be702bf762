"""The Signaling protocol and the pure wire encoding shared by every adapter.

Messages are JSON objects with a ``type``: ``offer`` / ``answer`` (``sdp``), ``candidate``
(``candidate``, ``sdpMid``, ``sdpMLineIndex``, ``usernameFragment``; an empty ``candidate`` is
end-of-candidates), ``bye``, ``restart-request``, and ``event`` (a remote browser reporting its
own state changes). The browser page speaks the same format.
"""

from __future__ import annotations

import json
from typing import Any, Final, Protocol

from ..errors import SignalingError

MESSAGE_TYPES: Final = frozenset(
    {"offer", "answer", "candidate", "bye", "restart-request", "event", "hello"}
)
MAX_MESSAGE_BYTES: Final = 1 << 20
"""Larger messages are refused: no legitimate SDP comes near 1 MiB."""

Message = dict[str, Any]


class Signaling(Protocol):
    """A bidirectional, message-oriented signaling channel."""

    async def connect(self) -> None:
        """Establish the channel (no-op for in-process channels)."""

    async def send(self, message: Message) -> None:
        """Send one message."""

    async def receive(self) -> Message | None:
        """Return the next valid message, or None once the channel is closed.

        Raises:
            SignalingError: the next message was garbage; the channel stays usable.
        """

    async def close(self) -> None:
        """Close the channel; pending ``receive`` calls return None."""


def encode(message: Message) -> str:
    """Serialise a message for the wire (one JSON object, no newlines)."""
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False)


def decode(raw: str | bytes) -> Message:
    """Parse and validate one wire message.

    Raises:
        SignalingError: not JSON, not an object, unknown type, or missing/mistyped fields. The
            message says which, in words a tester can act on.
    """
    if len(raw) > MAX_MESSAGE_BYTES:
        raise SignalingError(f"signaling message too large ({len(raw)} bytes)")
    try:
        message = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        preview = raw[:40] if isinstance(raw, str) else raw[:40].decode("utf-8", "replace")
        raise SignalingError(f"signaling message is not JSON ({exc}): {preview!r}") from None
    if not isinstance(message, dict):
        raise SignalingError(
            f"signaling message must be a JSON object, got {type(message).__name__}"
        )
    kind = message.get("type")
    if kind not in MESSAGE_TYPES:
        raise SignalingError(f"unknown signaling message type {kind!r}")
    if kind in ("offer", "answer") and not isinstance(message.get("sdp"), str):
        raise SignalingError(f"{kind} message without an 'sdp' string")
    if kind == "candidate" and not isinstance(message.get("candidate", ""), str):
        raise SignalingError("candidate message whose 'candidate' is not a string")
    return message
