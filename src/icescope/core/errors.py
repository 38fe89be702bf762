"""IceScope's small exception hierarchy.

Network trouble is a state (``failed``), not an exception; these are for bad input and misuse.
"""

from __future__ import annotations


class IceScopeError(Exception):
    """Base of every error IceScope raises on purpose; its message is meant for users."""


class ConfigError(IceScopeError, ValueError):
    """A setting or command-line value is invalid."""


class SignalingError(IceScopeError):
    """The signaling channel delivered something unusable, or broke."""


class SdpError(SignalingError):
    """A session description is malformed; the message names the line and the problem."""


class PeerClosedError(IceScopeError):
    """An operation needs an open peer connection, but it is closed."""


class CompatibilityError(IceScopeError):
    """The installed aiortc/aioice are not the versions the ICE engine was built for."""


def quote(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to about ``limit`` characters, for quoting hostile input in messages.

    ``repr`` escapes control characters and lone surrogates, so the result is always printable
    and encodable; a cut value ends in ``…`` and says how long it was.
    """
    text = repr(value)
    if len(text) <= limit:
        return text
    size = len(value) if isinstance(value, str | bytes) else len(text)
    return f"{text[: limit - 1]}… ({size} characters)"
