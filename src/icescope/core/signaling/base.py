"""The Signaling protocol and the pure wire encoding shared by every adapter.

Messages are JSON objects with a ``type``: ``offer`` / ``answer`` (``sdp``), ``candidate``
(``candidate``, ``sdpMid``, ``sdpMLineIndex``, ``usernameFragment``; an empty ``candidate`` is
end-of-candidates), ``bye``, ``restart-request``, and ``event`` (a remote browser reporting its
own state changes). The browser page speaks the same format.
"""

from __future__ import annotations

import json
from typing import Any, Final, Protocol

from ..errors import SignalingError, quote

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
    preview = quote(raw[:40] if isinstance(raw, str) else raw[:40].decode("utf-8", "replace"))
    try:
        message = json.loads(raw)
    except RecursionError:
        raise SignalingError(f"signaling message nested too deeply: {preview}") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, an over-long integer
        raise SignalingError(f"signaling message is not JSON ({exc}): {preview}") from None
    if not isinstance(message, dict):
        raise SignalingError(
            f"signaling message must be a JSON object, got {type(message).__name__}"
        )
    kind = message.get("type")
    if not isinstance(kind, str) or kind not in MESSAGE_TYPES:
        shown = quote(kind, 40) if isinstance(kind, str) else _json_type(kind)
        raise SignalingError(f"unknown signaling message type {shown}")
    for key, (expected, words) in _FIELDS.get(kind, {}).items():
        value = message.get(key)
        if key in message and (not isinstance(value, expected) or isinstance(value, bool)):
            raise SignalingError(
                f"{kind} message: {key!r} must be {words}, got {_json_type(value)}"
            )
    if kind in ("offer", "answer") and not isinstance(message.get("sdp"), str):
        raise SignalingError(f"{kind} message without an 'sdp' string")
    try:
        encode(message).encode("utf-8")
    except UnicodeEncodeError:
        # "\ud800" escapes decode to lone surrogates, which no journal or terminal can write.
        raise SignalingError(f"{kind} message holds an unpaired UTF-16 surrogate") from None
    return message


_FIELDS: Final[dict[str, dict[str, tuple[tuple[type, ...], str]]]] = {
    "event": {"event": ((str,), "a string")},
    "candidate": {
        "candidate": ((str, type(None)), "a string or null"),
        "sdpMid": ((str, type(None)), "a string or null"),
        "sdpMLineIndex": ((int, type(None)), "a number or null"),
        "usernameFragment": ((str, type(None)), "a string or null"),
    },
}
"""Field types per message type, checked when the field is present. Fields the peer reads
leniently (``bye`` counts, ``hello`` agent) are not checked: a wrong one is ignored there."""


def _json_type(value: object) -> str:
    """``value``'s JSON type in words."""
    if isinstance(value, bool):
        return "a boolean"
    names = {int: "a number", float: "a number", str: "a string", list: "an array"}
    return names.get(type(value), "an object" if isinstance(value, dict) else "null")
