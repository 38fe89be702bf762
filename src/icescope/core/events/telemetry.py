"""Facts that used to be polled: ICE roles, statistics, heartbeat counts, the remote's channel.

They are published at their source (the engine, the heartbeat, the signaling channel) so that
the session model can fold them like any other event and no view ever reads a peer directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .base import Event


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleChanged(Event):
    """The peer's ICE role (RFC 8445 §6.1.1) became known or changed."""

    TYPE: ClassVar[str] = "icerole"

    role: str
    """``controlling`` or ``controlled``."""
    generation: str = ""
    """Local ufrag of the ICE generation the role belongs to."""

    def summary(self) -> str:
        """The role."""
        return f"ICE role {self.role}"


@dataclass(frozen=True, slots=True, kw_only=True)
class StatsSample(Event):
    """One ``getStats()``-like report of a peer (webrtc-stats dictionaries).

    Each entry is a plain dict with its own ``type`` (``candidate-pair``, ``local-candidate``,
    ``remote-candidate``, ``transport``, ``data-channel``), ``id`` and ``timestamp`` (ms, Unix
    time), with the W3C webrtc-stats field names. IceScope computes them itself for its own peers
    (aiortc's ``getStats()`` is empty for a data-channel-only connection); a browser sends its own.
    """

    TYPE: ClassVar[str] = "stats"

    report: tuple[dict[str, Any], ...]
    source: str = "engine"
    """``engine`` (computed by IceScope) or ``remote`` (the remote's own getStats())."""

    def summary(self) -> str:
        """How many entries, and the selected pair's round-trip time when known."""
        text = f"{len(self.report)} stats entries ({self.source})"
        selected = selected_pair_stats(self.report)
        rtt = selected.get("currentRoundTripTime") if selected else None
        if isinstance(rtt, int | float):
            text += f" · RTT {rtt * 1000:.0f} ms"
        return text


def selected_pair_stats(report: tuple[dict[str, Any], ...]) -> dict[str, Any] | None:
    """The candidate-pair entry the transport entry names as selected, if any."""
    selected_id = None
    for entry in report:
        if entry.get("type") == "transport" and entry.get("selectedCandidatePairId"):
            selected_id = entry["selectedCandidatePairId"]
            break
    if selected_id is None:
        return None
    for entry in report:
        if entry.get("type") == "candidate-pair" and entry.get("id") == selected_id:
            return entry
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class HeartbeatCount(Event):
    """A peer's heartbeat counters (published with each statistics sample and when it stops).

    ``queued`` is how many of the messages this peer sent its SCTP stack still held (not
    acknowledged by the other side) when counted: those were queued, not delivered.
    """

    TYPE: ClassVar[str] = "heartbeat"

    sent: int
    received: int | None
    """None where the peer did not say (an in-band final count carries only ``sent``)."""
    queued: int | None = None
    """Sent messages not yet acknowledged; None where it cannot be measured."""
    final: bool = False
    """True when the peer has stopped sending and receiving: these are its final counts."""
    source: str = "measured"
    """``measured`` in this process, or ``reported`` by the remote (bye message, page)."""

    def summary(self) -> str:
        """Sent, received, queued."""
        received = "?" if self.received is None else self.received
        text = f"sent {self.sent} · received {received}"
        if self.queued:
            text += f" · queued {self.queued}"
        if self.final:
            text += " (final)"
        if self.source != "measured":
            text += f" ({self.source})"
        return text


@dataclass(frozen=True, slots=True, kw_only=True)
class RemoteChannel(Event):
    """The channel that carries a remote's own reports opened or went away.

    Once it is gone the remote's last reported states are facts with an age, not live values.
    """

    TYPE: ClassVar[str] = "remotechannel"

    channel: str
    """``websocket`` (browser page), ``tcp`` (another IceScope), ``in-process`` (loopback)."""
    alive: bool
    detail: str = ""
    """Why it went away, in plain words."""

    def summary(self) -> str:
        """Channel and liveness."""
        text = f"{self.channel} {'open' if self.alive else 'gone'}"
        return f"{text} — {self.detail}" if self.detail else text
