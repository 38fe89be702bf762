"""History: what graphs and the timeline draw, folded from the same events as the model.

Per peer: state changes of ``iceConnectionState`` and ``connectionState``, marks (restarts,
impairments, pair changes, notices, causes), impairment intervals, and bounded series of the
selected pair's round-trip time, received bytes per second and heartbeat messages received
per second. Rates are differences between consecutive samples of the same peer (a counter
that went backwards, e.g. a new transport, starts a new run instead of a negative rate).
Everything is bounded: a day of one event and one sample per second per peer fits.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..events import (
    Cause,
    HeartbeatCount,
    IceRestart,
    Impairment,
    Notice,
    Peer,
    RemoteChannel,
    SelectedPairChanged,
    StateChanged,
    StatsSample,
    selected_pair_stats,
)
from ..states import Machine
from .series import Series

if TYPE_CHECKING:
    from ..events import SessionEvent

MAX_CHANGES = 200_000
"""State changes kept per machine and peer."""
MAX_MARKS = 100_000
"""Marks kept (restarts, impairments, pair changes, notices, causes)."""
BANDS = (Machine.ICE, Machine.CONNECTION)
STALE = "unknown"
"""The band's state from the moment a peer's reports stopped (its channel is gone): what it was
after that is not known, so the timeline must not draw the last reported state on."""
METRICS = ("rtt", "bytes", "heartbeat")
"""Series per peer: RTT (ms), received bytes/s, heartbeat messages received/s."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A moment worth a tick on the timeline."""

    ts: float
    peer: Peer
    kind: str
    """``restart``, ``impairment``, ``pair``, ``notice`` or ``cause``."""
    text: str


@dataclass(slots=True)
class Interval:
    """An impairment from ``start`` to ``end`` (None while active)."""

    peer: Peer
    label: str
    start: float
    end: float | None = None


@dataclass(slots=True)
class History:
    """The drawable history of a session (written only by :meth:`apply`)."""

    changes: dict[tuple[Peer, Machine], tuple[list[float], list[str]]] = field(
        default_factory=lambda: {(p, m): ([], []) for p in Peer for m in BANDS}
    )
    """Per peer and machine: the times and the states entered (lists, for bisect)."""
    marks: list[Mark] = field(default_factory=list)
    mark_times: list[float] = field(default_factory=list)
    """``ts`` of each mark (for bisect)."""
    impairments: deque[Interval] = field(default_factory=lambda: deque(maxlen=MAX_MARKS))
    series: dict[tuple[Peer, str], Series] = field(
        default_factory=lambda: {(p, m): Series() for p in Peer for m in METRICS}
    )
    first_ts: float | None = None
    last_ts: float = 0.0
    _counters: dict[tuple[Peer, str], tuple[float, float]] = field(default_factory=dict)

    def apply(self, event: SessionEvent) -> None:
        """Fold one event."""
        if self.first_ts is None:
            self.first_ts = event.ts
        self.last_ts = max(self.last_ts, event.ts)
        match event:
            case StateChanged(machine=machine) if machine in BANDS:
                times, states = self.changes[(event.peer, machine)]
                times.append(event.ts)
                states.append(event.state)
                if len(times) > MAX_CHANGES:  # bounded: the oldest half goes, amortised O(1)
                    del times[: MAX_CHANGES // 2], states[: MAX_CHANGES // 2]
            case RemoteChannel(alive=False):
                for machine in BANDS:
                    times, states = self.changes[(event.peer, machine)]
                    if states and states[-1] not in (STALE, "closed"):  # closed is final
                        times.append(event.ts)
                        states.append(STALE)
            case StatsSample():
                self._stats(event)
            case HeartbeatCount(final=False, received=int(received)):
                self._rate(event.peer, "heartbeat", event.ts, received)
            case IceRestart(phase=phase):
                self._mark(event, "restart", f"ICE restart {phase}")
            case SelectedPairChanged():
                self._mark(event, "pair", f"selected pair: {event.summary()}")
            case Notice(level="warning" | "error"):
                self._mark(event, "notice", f"{event.code}: {event.message}")
            case Cause():
                self._mark(event, "cause", f"why {event.state}: {event.message}")
            case Impairment():
                self._impairment(event)
            case _:
                pass

    def _mark(self, event: SessionEvent, kind: str, text: str) -> None:
        self.marks.append(Mark(event.ts, event.peer, kind, text))
        self.mark_times.append(event.ts)
        if len(self.marks) > MAX_MARKS:
            del self.marks[: MAX_MARKS // 2], self.mark_times[: MAX_MARKS // 2]

    def _stats(self, event: StatsSample) -> None:
        selected = selected_pair_stats(event.report)
        if selected is None:
            return
        rtt, responses = selected.get("currentRoundTripTime"), selected.get("responsesReceived")
        key = (event.peer, "responses")
        fresh = responses is None or self._counters.get(key, (0.0, -1.0))[1] != responses
        if isinstance(responses, int | float):
            self._counters[key] = (event.ts, float(responses))
        if isinstance(rtt, int | float) and fresh:
            # a value only when a response arrived since the last sample: no new response,
            # no new measurement (the line breaks instead of repeating the last one)
            self.series[(event.peer, "rtt")].append(event.ts, float(rtt) * 1000.0)
        received = _total(event.report, "bytesReceived")
        if received is not None:
            self._rate(event.peer, "bytes", event.ts, received)

    def _rate(self, peer: Peer, metric: str, ts: float, count: float) -> None:
        key = (peer, metric)
        previous = self._counters.get(key)
        self._counters[key] = (ts, count)
        if previous is None or ts <= previous[0] or count < previous[1]:
            return
        self.series[key].append(ts, (count - previous[1]) / (ts - previous[0]))

    def _impairment(self, event: Impairment) -> None:
        label = event.summary()
        self._mark(event, "impairment", label)
        if event.kind == "clear" or not event.active:
            for interval in self.impairments:
                kind = interval.label.split(" ")[0]
                if (
                    interval.peer is event.peer
                    and interval.end is None
                    and event.kind
                    in (
                        "clear",
                        kind,
                    )
                ):
                    interval.end = event.ts
            return
        self.impairments.append(Interval(event.peer, label, event.ts))

    def state_at(self, peer: Peer, machine: Machine, ts: float) -> str | None:
        """The state ``peer``'s ``machine`` was in at ``ts`` (None before its first change)."""
        times, states = self.changes[(peer, machine)]
        i = bisect_right(times, ts) - 1
        return states[i] if i >= 0 else None


def _total(report: tuple[dict[str, Any], ...], name: str) -> float | None:
    """The transport entry's counter ``name``, if it names one."""
    for entry in report:
        if entry.get("type") == "transport":
            value = entry.get(name)
            return float(value) if isinstance(value, int | float) else None
    return None
