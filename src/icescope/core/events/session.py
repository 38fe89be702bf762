"""Events of the session around the peers: impairments, notices, signaling and life cycle."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Final

from ..tcpaddress import redact
from ..texts import render
from .base import Event


@dataclass(frozen=True, slots=True, kw_only=True)
class Impairment(Event):
    """A network impairment was applied to or cleared from a peer's ICE sockets."""

    TYPE: ClassVar[str] = "impairment"

    kind: str
    """``blackout``, ``loss``, ``delay`` or ``clear``."""
    direction: str = "both"
    """``in``, ``out`` or ``both``."""
    value: float = 0.0
    """Loss percent, delay in ms, or blackout length in s (0 = until cleared)."""
    active: bool = True

    def summary(self) -> str:
        """What was applied."""
        return render(*self.text())

    def text(self) -> tuple[str, dict[str, Any]]:
        """The summary as a core text: its template key and arguments."""
        if self.kind == "clear":
            return "impairment:cleared", {}
        unit = {"loss": "%", "delay": " ms", "blackout": " s"}.get(self.kind, "")
        value = f" {self.value:g}{unit}" if self.value else ""
        key = "impairment:on" if self.active else "impairment:off"
        return key, {"kind": self.kind, "value": value, "direction": self.direction}


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice(Event):
    """Something a user should read: a warning, a diagnosis, or an error with its cause."""

    TYPE: ClassVar[str] = "notice"

    level: str
    """``info``, ``warning`` or ``error``."""
    code: str
    """Stable machine-readable code (``signaling-garbage``, ``degraded-ice``, ...)."""
    message: str
    """The English words (rendered from :attr:`key` and :attr:`args` when they are set)."""
    key: str = ""
    """The core text's template key (``notice:signaling-closed.rejoin``); empty for a free
    text the views show as it is (an imported notice)."""
    args: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)
    """The template's arguments (:mod:`icescope.core.texts`)."""

    @classmethod
    def of(
        cls, *, ts: float, wall: float, peer: Any, level: str, code: str, key: str = "", **args: Any
    ) -> Notice:
        """A notice whose words are the core text ``key`` (default ``notice:<code>``)."""
        key = key or f"notice:{code}"
        return cls(
            ts=ts,
            wall=wall,
            peer=peer,
            level=level,
            code=code,
            message=render(key, args),
            key=key,
            args=args,
        )

    def summary(self) -> str:
        """The message."""
        return self.message


def notice_event(
    ts: float,
    wall: float,
    peer: Any,
    level: str,
    code: str,
    message: str | None,
    key: str,
    args: dict[str, Any],
) -> Notice:
    """A :class:`Notice` of the core text ``key`` (default ``notice:<code>``) with ``args``.

    With ``message``, the notice carries that free text instead (no key).
    """
    if message is not None:
        return Notice(ts=ts, wall=wall, peer=peer, level=level, code=code, message=message)
    return Notice.of(ts=ts, wall=wall, peer=peer, level=level, code=code, key=key, **args)


@dataclass(frozen=True, slots=True, kw_only=True)
class Listening(Event):
    """IceScope is waiting for a remote peer at ``url`` (browser page or TCP signaling)."""

    TYPE: ClassVar[str] = "listening"

    url: str
    """Where to point the remote, access token included (``?token=``)."""
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The record with the token left out (``token=…``).

        Journals and exports are evidence to share; only the probe's own stdout line carries
        :attr:`url` whole.
        """
        out = Event.to_dict(self)
        out["url"] = redact(self.url)
        return out

    def summary(self) -> str:
        """Where to point the remote peer (without the token)."""
        url = redact(self.url)
        return f"{self.detail}: {url}" if self.detail else url


@dataclass(frozen=True, slots=True, kw_only=True)
class LocalDescription(Event):
    """IceScope's own offer or answer, ready to hand to the remote (copy-and-paste signaling).

    aiortc puts every gathered candidate into the SDP (no trickle), so ``sdp`` is complete.
    """

    TYPE: ClassVar[str] = "localdescription"

    kind: str
    """``offer`` or ``answer``."""
    sdp: str
    """The full session description, CRLF line endings."""
    candidates: int = 0
    """How many ``a=candidate`` lines it carries."""

    def summary(self) -> str:
        """What is ready to copy."""
        plural = "" if self.candidates == 1 else "s"
        return f"local {self.kind} ready to copy ({self.candidates} candidate{plural})"


WAITING_DETAIL: Final = "the call ended; waiting for the remote to come back as a new call"
"""The ``waiting`` marker's detail (a session that outlives its remote)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionMarker(Event):
    """Session life cycle: ``start`` / ``connected`` / ``waiting`` / ``end``, with a description.

    ``waiting``: the current call ended and the session waits for the remote's next call.
    """

    TYPE: ClassVar[str] = "session"

    phase: str
    detail: str = ""

    def summary(self) -> str:
        """Phase and detail."""
        return f"{self.phase}: {self.detail}" if self.detail else self.phase


@dataclass(frozen=True, slots=True, kw_only=True)
class CallStarted(Event):
    """A new call began: the remote came back as a new peer, with a new local peer connection.

    The session's first call begins with the session (no event); each later one with this
    event, published once the previous call's local peer connection has closed, so every fact
    after it belongs to the new call.
    """

    TYPE: ClassVar[str] = "call"

    number: int
    """The call's number in the session: 2, 3, ..."""
    reason: str
    """``page-rejoined`` (a browser page with the session's URL), ``peer-accepted`` (a listening
    IceScope accepted the next peer) or ``redialed`` (a connecting IceScope reached its listener
    again)."""
    detail: str = ""

    def summary(self) -> str:
        """Which call began, and why."""
        return f"call {self.number} began: {self.detail}" if self.detail else f"call {self.number}"
