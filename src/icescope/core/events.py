"""Typed, immutable session events: one frozen object per fact.

Every event carries ``ts`` (monotonic seconds since the session started), ``wall`` (Unix time)
and ``peer`` (which side it happened on). ``type`` is the browser API's event name where one
exists (``iceconnectionstatechange``), so JSON output reads like browser tooling.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any, ClassVar

from .states import Machine, Provenance


class Peer(StrEnum):
    """Which side of the session an event belongs to."""

    LOCAL = "local"
    REMOTE = "remote"


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


@dataclass(frozen=True, slots=True, kw_only=True)
class StateChanged(Event):
    """A W3C state machine moved from ``previous`` to ``state``."""

    machine: Machine
    """Which machine; its value is the browser event name."""
    previous: str
    """The W3C value before the change."""
    state: str
    """The W3C value after the change."""
    provenance: Provenance = Provenance.REPORTED
    """Reported by the library, derived by IceScope, or a local close."""
    in_previous: float | None = None
    """Seconds spent in ``previous`` (None for the first value)."""
    generation: str = ""
    """Local ufrag of the active ICE generation, when known."""
    detail: str = ""
    """Cause or context in plain words."""

    @property
    def type(self) -> str:
        """The browser event name of the machine (``iceconnectionstatechange``, ...)."""
        return self.machine.value

    def summary(self) -> str:
        """``old → new`` plus provenance and detail."""
        text = f"{self.previous} → {self.state}"
        if self.provenance is not Provenance.REPORTED:
            text += f" ({self.provenance.value})"
        if self.detail:
            text += f" — {self.detail}"
        return text


@dataclass(frozen=True, slots=True, kw_only=True)
class DataChannelChanged(Event):
    """A data channel opened or closed (``RTCDataChannel`` ``open`` / ``close``)."""

    TYPE: ClassVar[str] = "datachannel"

    label: str
    state: str
    """``open``, ``closing`` or ``closed``."""

    def summary(self) -> str:
        """Label and state."""
        return f"{self.label!r} {self.state}"


@dataclass(frozen=True, slots=True, kw_only=True)
class IceRestart(Event):
    """One phase of an ICE restart (a new ICE generation)."""

    TYPE: ClassVar[str] = "icerestart"

    phase: str
    """``start``, ``complete`` or ``abandoned``."""
    old_ufrag: str
    new_ufrag: str
    initiator: str
    """``local`` when this peer called restartIce(), ``remote`` for a remote offer."""
    duration: float | None = None
    """Seconds from ``start`` to this phase (None for ``start``)."""
    detail: str = ""

    def summary(self) -> str:
        """Phase, ufrags and duration."""
        text = f"{self.phase}: {self.old_ufrag or '?'} → {self.new_ufrag or '?'} ({self.initiator})"
        if self.duration is not None:
            text += f" in {self.duration * 1000:.0f} ms"
        if self.detail:
            text += f" — {self.detail}"
        return text


@dataclass(frozen=True, slots=True, kw_only=True)
class CandidateGathered(Event):
    """A local ICE candidate was gathered (``icecandidate``); ``end`` marks end-of-candidates."""

    TYPE: ClassVar[str] = "icecandidate"

    candidate_type: str
    """``host``, ``srflx``, ``prflx``, ``relay``; empty for end-of-candidates."""
    protocol: str = ""
    address: str = ""
    port: int = 0
    ufrag: str = ""
    end: bool = False

    def summary(self) -> str:
        """Type, protocol and address."""
        if self.end:
            return "end-of-candidates"
        return f"{self.candidate_type} {self.protocol} {self.address}:{self.port}"


@dataclass(frozen=True, slots=True, kw_only=True)
class SelectedPairChanged(Event):
    """The selected candidate pair changed (``selectedcandidatepairchange``)."""

    TYPE: ClassVar[str] = "selectedcandidatepairchange"

    local: str
    """``type protocol address:port`` of the local candidate."""
    remote: str
    """``type protocol address:port`` of the remote candidate."""
    local_type: str = ""
    remote_type: str = ""

    def summary(self) -> str:
        """Local ⇄ remote."""
        return f"{self.local} ⇄ {self.remote}"


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
        if self.kind == "clear":
            return "all impairments cleared"
        unit = {"loss": "%", "delay": " ms", "blackout": " s"}.get(self.kind, "")
        state = "on" if self.active else "off"
        value = f" {self.value:g}{unit}" if self.value else ""
        return f"{self.kind}{value} ({self.direction}) {state}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice(Event):
    """Something a user should read: a warning, a diagnosis, or an error with its cause."""

    TYPE: ClassVar[str] = "notice"

    level: str
    """``info``, ``warning`` or ``error``."""
    code: str
    """Stable machine-readable code (``signaling-garbage``, ``degraded-ice``, ...)."""
    message: str

    def summary(self) -> str:
        """The message."""
        return self.message


@dataclass(frozen=True, slots=True, kw_only=True)
class Listening(Event):
    """IceScope is waiting for a remote peer at ``url`` (browser page or TCP signaling)."""

    TYPE: ClassVar[str] = "listening"

    url: str
    detail: str = ""

    def summary(self) -> str:
        """Where to point the remote peer."""
        return f"{self.detail}: {self.url}" if self.detail else self.url


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


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionMarker(Event):
    """Session life cycle: ``start`` / ``connected`` / ``end``, with a description."""

    TYPE: ClassVar[str] = "session"

    phase: str
    detail: str = ""

    def summary(self) -> str:
        """Phase and detail."""
        return f"{self.phase}: {self.detail}" if self.detail else self.phase


SessionEvent = (
    StateChanged
    | DataChannelChanged
    | IceRestart
    | CandidateGathered
    | SelectedPairChanged
    | Impairment
    | Notice
    | Listening
    | LocalDescription
    | SessionMarker
)
"""Every event a session publishes."""

EVENT_TYPES: tuple[str, ...] = (
    *(m.value for m in Machine),
    DataChannelChanged.TYPE,
    IceRestart.TYPE,
    CandidateGathered.TYPE,
    SelectedPairChanged.TYPE,
    Impairment.TYPE,
    Notice.TYPE,
    Listening.TYPE,
    LocalDescription.TYPE,
    SessionMarker.TYPE,
)
"""All values ``Event.type`` can take, for filters."""
