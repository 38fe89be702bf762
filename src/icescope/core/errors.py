"""IceScope's small exception hierarchy.

Network trouble is a state (``failed``), not an exception; these are for bad input and misuse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from collections.abc import Mapping


class IceScopeError(Exception):
    """Base of every error IceScope raises on purpose; its message is meant for users."""


class ConfigError(IceScopeError, ValueError):
    """A setting or command-line value is invalid.

    ``str(exc)`` is the English message. An error raised with :meth:`of` also keeps its core
    text key (``error:...``, see :mod:`icescope.core.texts`) and arguments, so the window and
    the probe can say it in the user's language; one raised with free text has ``key == ""``.
    """

    def __init__(
        self, message: str = "", /, *, key: str = "", arguments: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.key = key
        self.arguments: dict[str, Any] = dict(arguments or {})

    @classmethod
    def of(cls, key: str, /, **arguments: Any) -> Self:
        """The error whose words are the registered core text ``key`` with ``arguments``."""
        from .texts import TEXTS, render

        if key not in TEXTS:
            raise KeyError(f"no core text {key!r}")
        return cls(render(key, arguments), key=key, arguments=arguments)

    @classmethod
    def from_said(cls, said: Any) -> Self:
        """The error whose words are ``said``: a nested phrase, or free text (see :meth:`said`)."""
        if isinstance(said, dict) and "key" in said:
            return cls.of(str(said["key"]), **dict(said.get("args") or {}))
        return cls(str(said))

    def said(self) -> Any:
        """This error as an argument of another text: a nested phrase, or its free text."""
        return {"key": self.key, "args": self.arguments} if self.key else str(self)


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
