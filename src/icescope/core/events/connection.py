"""Events of one peer connection: state changes, data channels, restarts, candidates, pairs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..states import Machine, Provenance
from .base import Event


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
class ConnectivityWait(Event):
    """ICE PAC (RFC 8863): a generation's wait for connectivity before it may fail.

    Views compute the countdown from :attr:`deadline` and the session's current time.
    """

    TYPE: ClassVar[str] = "icepac"

    phase: str
    """``waiting`` (no usable remote candidate and no check pending: only Tpac holds failure
    off), ``connected`` (a pair was nominated before Tpac) or ``expired`` (Tpac ran out with
    no successful pair: the generation's checks failed)."""
    deadline: float
    """Session time at which Tpac runs out."""
    timeout: float
    """Tpac in seconds, counted from the start of the generation's checks."""
    restart: bool = False
    """True for the generation of an ICE restart (the active one keeps carrying data)."""

    def message(self, now: float) -> str:
        """What is happening in plain words, with the seconds left at session time ``now``."""
        if self.phase == "waiting":
            left = max(0.0, self.deadline - now)
            return (
                "no usable remote candidate yet — waiting for peer-reflexive connectivity, "
                f"{left:.0f} s left"
            )
        if self.phase == "connected":
            return "connectivity found before Tpac ran out"
        return (
            f"no candidate pair succeeded within Tpac ({self.timeout:g} s): no path to the remote"
        )

    def summary(self) -> str:
        """The message at the time of the event."""
        text = self.message(self.ts)
        return f"restart: {text}" if self.restart else text
