"""Why a peer went ``disconnected``, ``failed`` or ``closed``, or a restart was abandoned."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from .base import Event


@dataclass(frozen=True, slots=True, kw_only=True)
class Cause(Event):
    """The cause of the event published just before it for the same peer.

    Published by the session right after every ``iceconnectionstatechange`` to
    ``disconnected``, ``failed`` or ``closed`` and every abandoned ``icerestart``; derived from
    the facts the session model held at that moment (:mod:`icescope.core.causes`).
    """

    TYPE: ClassVar[str] = "cause"

    about: str
    """The type of the event explained (``iceconnectionstatechange``, ``icerestart``)."""
    state: str
    """The state entered (``disconnected``, ``failed``, ``closed``) or ``abandoned``."""
    code: str
    """Stable, English-only cause code (``consent-lost``, ``turn-auth-failed``, ...)."""
    message: str
    """The explanation in plain (English) words, rendered from :attr:`args`."""
    args: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)
    """The facts filled into the words of ``cause:<code>`` (:mod:`icescope.core.texts`)."""

    def summary(self) -> str:
        """``state: message [code]``."""
        return f"{self.state}: {self.message} [{self.code}]"
