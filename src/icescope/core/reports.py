"""RemoteReport: a remote peer's own state reports, turned into typed ``peer=remote`` events.

A browser peer (or another IceScope, through its relay) sends ``{"type": "event", "event":
<browser event name>, ...}`` over signaling for every change it observes, its own statistics
(``stats``) and its heartbeat counts (``heartbeat``). Here each is validated (W3C values only,
typed fields, bounded statistics) and published with the session clock's timestamp at arrival.
The remote's own clock is kept in ``detail`` only: two machines' clocks are not comparable.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .errors import SignalingError
from .events import (
    CandidateGathered,
    DataChannelChanged,
    HeartbeatCount,
    IceRestart,
    Notice,
    Peer,
    SelectedPairChanged,
    StateChanged,
    StatsSample,
)
from .remotestats import heartbeat_counts, stats_report
from .states import INITIAL_STATES, STATE_TYPES, Machine, Provenance

if TYPE_CHECKING:
    from collections.abc import Callable

    from .clock import SessionClock
    from .events import SessionEvent
    from .signaling.base import Message

_LEVELS = frozenset({"info", "warning", "error"})
_PHASES = frozenset({"start", "complete", "abandoned"})
_CHANNEL_STATES = frozenset({"connecting", "open", "closing", "closed"})


def _text(message: Message, key: str, default: str | None = None, limit: int = 300) -> str:
    value = message.get(key, default)
    if not isinstance(value, str):
        raise SignalingError(f"remote event {message.get('event')!r}: {key!r} must be a string")
    return value[:limit]


def _number(message: Message, key: str) -> float | None:
    value = message.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise SignalingError(f"remote event {message.get('event')!r}: {key!r} must be a number")
    return float(value)


class RemoteReport:
    """Translate a remote's ``event`` messages; remembers its last state per machine.

    Args:
        clock: the session clock (timestamps are taken at arrival).
        publish: where typed events go.
        on_final: called when the remote's final heartbeat counts arrive.
    """

    def __init__(
        self,
        clock: SessionClock,
        publish: Callable[[SessionEvent], None],
        on_final: Callable[[], None] | None = None,
    ) -> None:
        self._clock = clock
        self._publish = publish
        self._on_final = on_final
        self._final = False
        self._states: dict[Machine, tuple[str, float | None]] = {
            m: (v, None) for m, v in INITIAL_STATES.items()
        }
        self.reports = 0
        """Valid event messages received."""

    def state_of(self, machine: Machine) -> str:
        """The remote's last reported value of ``machine``."""
        return self._states[machine][0]

    def handle(self, message: Message) -> None:
        """Validate and publish one ``event`` message.

        Raises:
            SignalingError: unknown event name or a malformed field (nothing is published).
        """
        name = message.get("event")
        ts, wall = self._clock.stamp()
        common: dict[str, Any] = {"ts": ts, "wall": wall, "peer": Peer.REMOTE}
        event: SessionEvent
        if name in {m.value for m in Machine}:
            event_or_none = self._state_change(Machine(name), message, common)
            if event_or_none is None:
                return
            event = event_or_none
        elif name == "icecandidate":
            end = bool(message.get("end", False))
            port = _number(message, "port")
            event = CandidateGathered(
                **common,
                candidate_type="" if end else _text(message, "candidate_type"),
                protocol=_text(message, "protocol", ""),
                address=_text(message, "address", ""),
                port=int(port or 0),
                ufrag=_text(message, "ufrag", ""),
                end=end,
            )
        elif name == "selectedcandidatepairchange":
            event = SelectedPairChanged(
                **common,
                local=_text(message, "local"),
                remote=_text(message, "remote"),
                local_type=_text(message, "local_type", ""),
                remote_type=_text(message, "remote_type", ""),
            )
        elif name == "datachannel":
            state = _text(message, "state")
            if state not in _CHANNEL_STATES:
                raise SignalingError(f"remote datachannel state {state!r} is not a W3C value")
            event = DataChannelChanged(**common, label=_text(message, "label"), state=state)
        elif name == "icerestart":
            phase = _text(message, "phase")
            if phase not in _PHASES:
                raise SignalingError(f"remote icerestart phase {phase!r} is unknown")
            event = IceRestart(
                **common,
                phase=phase,
                old_ufrag=_text(message, "old_ufrag", ""),
                new_ufrag=_text(message, "new_ufrag", ""),
                initiator=_text(message, "initiator", "remote"),
                duration=_number(message, "duration"),
                detail=_text(message, "detail", ""),
            )
        elif name == "stats":
            event = StatsSample(**common, report=stats_report(message), source="remote")
        elif name == "heartbeat":
            sent, received, queued, final = heartbeat_counts(message)
            if self._final and not final:
                return  # its final counts are in: a late running count says nothing new
            event = HeartbeatCount(
                **common,
                sent=sent,
                received=received,
                queued=queued,
                final=final,
                source="reported",
            )
        elif name == "notice":
            level = _text(message, "level", "info")
            event = Notice(
                **common,
                level=level if level in _LEVELS else "info",
                code=_text(message, "code", "remote", limit=60),
                message=_text(message, "message", ""),
            )
        else:
            raise SignalingError(f"unknown remote event {name!r}")
        self.reports += 1
        self._publish(event)
        if isinstance(event, HeartbeatCount) and event.final:
            self._final = True
            if self._on_final is not None:
                self._on_final()

    def _state_change(
        self, machine: Machine, message: Message, common: dict[str, Any]
    ) -> StateChanged | None:
        state = _text(message, "state")
        try:
            STATE_TYPES[machine](state)
        except ValueError:
            raise SignalingError(f"remote {machine.value}: {state!r} is not a W3C value") from None
        previous, since = self._states[machine]
        if state == previous:
            return None  # the page reports every change; a repeat carries no news
        provenance_text = _text(message, "provenance", Provenance.REPORTED.value)
        try:
            provenance = Provenance(provenance_text)
        except ValueError:
            provenance = Provenance.REPORTED
        ts: float = common["ts"]
        in_previous = None if since is None else ts - since
        # in_previous is None for the first value: the page exists before it can report.
        self._states[machine] = (state, ts)
        detail = _text(message, "detail", "")
        remote_ms = _number(message, "at")
        if remote_ms is not None:
            detail = (detail + "; " if detail else "") + f"remote clock {remote_ms:.1f} ms"
        return StateChanged(
            **common,
            machine=machine,
            previous=previous,
            state=state,
            provenance=provenance,
            in_previous=in_previous,
            generation=_text(message, "ufrag", ""),
            detail=detail,
        )
