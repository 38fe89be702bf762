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
