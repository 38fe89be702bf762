"""The common fields of every session event, and which peer it belongs to.

Every event carries ``ts`` (monotonic seconds since the session started), ``wall`` (Unix time)
and ``peer`` (which side it happened on). ``type`` is the browser API's event name where one
exists (``iceconnectionstatechange``), so JSON output reads like browser tooling.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any, ClassVar, Final


class Peer(StrEnum):
    """Which side of the session an event belongs to."""

    LOCAL = "local"
    REMOTE = "remote"

    @property
    def other(self) -> Peer:
        """The other side."""
        return Peer.REMOTE if self is Peer.LOCAL else Peer.LOCAL


DEFAULT_IMPAIR_PEER: Final = Peer.LOCAL
"""Whose sockets an impairment acts on unless told: the probe's flags and the window's panel.
The local peer, the only one every mode can impair (a remote in another process cannot be)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Common fields of every session event."""

    TYPE: ClassVar[str] = "event"

    ts: float
    """Monotonic seconds since the session started."""
    wall: float
    """Wall-clock Unix time of the event."""
    peer: Peer
    """The side the event happened on."""

    @property
    def type(self) -> str:
        """The event name as used in JSON output (browser API name where one exists)."""
        return self.TYPE

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: ``ts``, ``wall``, ``peer``, ``type``, then the fields."""
        out: dict[str, Any] = {"ts": round(self.ts, 6), "wall": round(self.wall, 6)}
        out["peer"] = self.peer.value
        out["type"] = self.type
        for f in dataclasses.fields(self):
            if f.name in ("ts", "wall", "peer", "machine"):  # machine is already `type`
                continue
            value = getattr(self, f.name)
            if isinstance(value, Enum):
                value = value.value
            elif isinstance(value, float):
                value = round(value, 6)
            out[f.name] = value
        return out

    def summary(self) -> str:
        """Return a one-line human description (used by the log view)."""
        return ""
