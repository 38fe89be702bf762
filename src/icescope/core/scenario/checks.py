"""Judge a scenario's expectations from the session's events and model, nothing else.

Runs after the session closed, so every event (final heartbeat counts included) is in. Each
verdict carries the observed sequence it rests on, for the JSON line and the JUnit failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ..events import IceRestart, Impairment, Peer, StateChanged
from ..model import delivery
from ..states import Machine
from .model import Expectation, Outcome

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..events import SessionEvent
    from ..model import SessionModel

_INITIAL: Final = {
    Machine.ICE: "new",
    Machine.CONNECTION: "new",
    Machine.GATHERING: "new",
    Machine.SIGNALING: "stable",
}
_UP: Final = ("connected", "completed")
_DOWN: Final = ("disconnected", "failed")
MAX_OBSERVED: Final = 40
"""Observed entries kept per verdict (first and last halves when there are more)."""


@dataclass(frozen=True, slots=True)
class Span:
    """One stretch of a state: ``value`` from ``start`` to ``end`` (None: still in it)."""

    value: str
    start: float
    end: float | None


def spans(events: Iterable[SessionEvent], peer: Peer, machine: Machine) -> list[Span]:
    """The successive values of one peer's machine, from its initial value at 0."""
    out = [Span(_INITIAL[machine], 0.0, None)]
    for e in events:
        if isinstance(e, StateChanged) and e.peer is peer and e.machine is machine:
            last = out[-1]
            out[-1] = Span(last.value, last.start, e.ts)
            out.append(Span(e.state, e.ts, None))
    return out


def observed(events: Iterable[SessionEvent], peer: Peer, machine: Machine) -> tuple[str, ...]:
    """``ts what`` lines: the peer's states of ``machine``, impairments and restarts."""
    lines = []
    for e in events:
        if isinstance(e, StateChanged) and e.peer is peer and e.machine is machine:
            lines.append(f"{e.ts:.3f} {e.state}")
        elif isinstance(e, Impairment):
            on = "on" if e.active else "off"
            what = "clear" if e.kind == "clear" else f"{e.kind} {on}"
            lines.append(f"{e.ts:.3f} {what} ({e.peer.value} {e.direction})")
        elif isinstance(e, IceRestart) and e.peer is peer:
            lines.append(f"{e.ts:.3f} icerestart {e.phase}")
    if len(lines) > MAX_OBSERVED:
        half = MAX_OBSERVED // 2
        cut = len(lines) - MAX_OBSERVED
        lines = [*lines[:half], f"… {cut} more …", *lines[-half:]]
    return tuple(lines)


def judge(
    expectations: Sequence[Expectation],
    events: Sequence[SessionEvent],
    model: SessionModel,
    end: float,
) -> list[Outcome]:
    """Every expectation's verdict; ``end`` is the session time the session ended."""
    return [_judge(x, events, model, end) for x in expectations]


def _judge(
    x: Expectation, events: Sequence[SessionEvent], model: SessionModel, end: float
) -> Outcome:
    seen = observed(events, x.peer, x.machine)
    if x.check in ("reaches", "never"):
        return _window(x, spans(events, x.peer, x.machine), end, seen)
    peer = model.peers[x.peer]
    if x.check == "connect-within":
        took = peer.time_to_connect()
        limit = x.seconds or 0.0
        if took is None:
            return Outcome(
                x.name, x.check, False, f"never reached connected (limit {limit:g} s)", seen
            )
        ok = took <= limit
        message = f"connected {took:.3f} s after checking began (limit {limit:g} s)"
        return Outcome(x.name, x.check, ok, message, seen, took, took)
    if x.check in ("disconnect-after-cut", "recover-after-restore"):
        return _reaction(x, events, end, seen)
    if x.check == "no-heartbeat-lost":
        parts, ok = [], True
        for receiver, sender in ((model.local, model.remote), (model.remote, model.local)):
            d = delivery(receiver, sender)
            ok = ok and d.clean
            parts.append(
                f"{receiver.peer.value} received {d.received} of {sender.peer.value}'s sent; "
                + (d.unknown or f"lost {d.lost}, undelivered {d.undelivered}")
            )
        return Outcome(x.name, x.check, ok, "; ".join(parts), seen, time=end)
    done, abandoned = peer.restarts_completed, peer.restarts_abandoned
    want = x.count or 0
    pending = " (one pending)" if peer.restart_pending is not None else ""
    message = f"{done} restarts completed, {abandoned} abandoned{pending}; expected at least {want}"
    return Outcome(x.name, x.check, done >= want, message, seen, float(done), end)


def _window(x: Expectation, stretch: list[Span], end: float, seen: tuple[str, ...]) -> Outcome:
    start, stop = x.start, end if x.end is None else min(x.end, end)
    hits = [
        s
        for s in stretch
        if s.value == x.state and s.start <= stop and (s.end is None or s.end >= start)
    ]
    where = f"between {start:.3f} and {stop:.3f} s"
    if x.end is not None and x.end > end:
        where += f" (the session ended at {end:.3f} s, before {x.end:g} s)"
    first = max(hits[0].start, start) if hits else None
    if x.check == "reaches":
        ok = bool(hits)
        message = (
            f"{x.peer.value} was {x.state} from {first:.3f} s, {where}"
            if first is not None
            else f"{x.peer.value} never was {x.state} {where}"
        )
    else:
        ok = not hits
        message = (
            f"{x.peer.value} was {x.state} at {first:.3f} s, {where}"
            if first is not None
            else f"{x.peer.value} was never {x.state} {where}"
        )
    return Outcome(x.name, x.check, ok, message, seen, first, max(0.0, stop - start))


def _reaction(
    x: Expectation, events: Sequence[SessionEvent], end: float, seen: tuple[str, ...]
) -> Outcome:
    """Time from each cut (blackout on) or restore (blackout off, clear) to the peer's reaction."""
    cut = x.check == "disconnect-after-cut"
    stretch = spans(events, x.peer, Machine.ICE)
    triggers = [
        e.ts
        for e in events
        if isinstance(e, Impairment)
        and ((e.kind == "blackout" and e.active == cut) or (not cut and e.kind == "clear"))
    ]
    if not cut:
        cuts = [
            e.ts for e in events if isinstance(e, Impairment) and e.kind == "blackout" and e.active
        ]
        triggers = [t for t in triggers if any(c < t for c in cuts)]
    wanted = _DOWN if cut else _UP
    noun = "cut" if cut else "restore"
    if not triggers:
        return Outcome(x.name, x.check, False, f"no {noun} happened, nothing to measure", seen)
    limit = x.seconds or 0.0
    worst = 0.0
    for at in triggers:
        state_then = _state_at(stretch, at)
        if not cut and state_then in wanted:
            took: float | None = 0.0
        else:
            took = next(
                (s.start - at for s in stretch if s.start >= at and s.value in wanted), None
            )
        if took is None:
            verb = "disconnected" if cut else "connected"
            message = (
                f"{x.peer.value} never {verb} after the {noun} at {at:.3f} s (limit {limit:g} s)"
            )
            return Outcome(x.name, x.check, False, message, seen, None, max(0.0, end - at))
        if took > limit:
            message = (
                f"{x.peer.value} took {took:.3f} s after the {noun} at {at:.3f} s "
                f"(limit {limit:g} s)"
            )
            return Outcome(x.name, x.check, False, message, seen, took, took)
        worst = max(worst, took)
    message = f"{len(triggers)} {noun}(s); slowest {worst:.3f} s (limit {limit:g} s)"
    return Outcome(x.name, x.check, True, message, seen, worst, worst)


def _state_at(stretch: list[Span], ts: float) -> str:
    current = stretch[0].value
    for s in stretch:
        if s.start <= ts:
            current = s.value
    return current
