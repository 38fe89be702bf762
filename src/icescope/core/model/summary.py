"""The closing summary and the probe's verdict, both read from a :class:`SessionModel`.

Heartbeat accounting never guesses: a peer's loss is the other side's final ``sent`` minus this
side's final ``received``, split into messages the other side still held queued when it closed
(``undelivered``) and messages that left it and never arrived (``lost``). Where a final count
is missing the figures are ``None`` and ``unknown`` says why.

A session that outlived its remote holds several calls (:mod:`.calls`): the summary's figures
(``final_state``, ``peers``, ``time_in_state``, ``time_to_connect``, ``closed_by``,
``restarts``) are the last call's, ``calls`` counts them, and with more than one
``call_history`` gives each call's outcome with its own heartbeat accounting. The verdict is
the last call's (a session whose last call failed or never connected is not ``connected``),
with ``failed`` seen and loss over every call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..events import Peer

if TYPE_CHECKING:
    from .peer import PeerModel
    from .session import SessionModel


@dataclass(frozen=True, slots=True)
class Delivery:
    """What one peer received of what the other sent."""

    sent: int | None
    received: int | None
    lost: int | None
    """The other side's messages that left it and never arrived here."""
    undelivered: int | None
    """The other side's messages still queued (unacknowledged) at it when it stopped."""
    unknown: str | None = None
    """Why ``lost`` cannot be known (None when it is known)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; ``unknown`` only where it applies."""
        out: dict[str, Any] = {
            "sent": self.sent,
            "received": self.received,
            "lost": self.lost,
            "undelivered": self.undelivered,
        }
        if self.unknown is not None:
            out["unknown"] = self.unknown
        return out

    @property
    def clean(self) -> bool:
        """True only when it is known that nothing was lost or left undelivered."""
        return self.lost == 0 and self.undelivered in (0, None) and self.unknown is None


def delivery(receiver: PeerModel, sender: PeerModel) -> Delivery:
    """Account ``sender`` → ``receiver`` heartbeats from their latest counts."""
    mine, theirs = receiver.heartbeat, sender.heartbeat
    sent = mine.sent if mine is not None else None
    received = mine.received if mine is not None else None
    name, other = receiver.peer.value, sender.peer.value
    reason = None
    if mine is None:
        reason = f"the {name} peer never reported heartbeat counts"
    elif mine.received is None:
        reason = f"the {name} peer did not say how many heartbeats it received"
    elif not mine.final:
        reason = f"the {name} peer's final count is not known (it had not stopped when counted)"
    elif theirs is None:
        reason = f"the {other} peer never reported how many heartbeats it sent"
    elif not theirs.final:
        reason = f"the {other} peer's final sent count never arrived (its channel was gone)"
    if reason is not None or mine is None or theirs is None or mine.received is None:
        return Delivery(sent, received, None, None, reason)
    missing = max(0, theirs.sent - mine.received)
    if theirs.queued is None:
        return Delivery(sent, received, missing, None)
    undelivered = min(missing, theirs.queued)
    return Delivery(sent, received, missing - undelivered, undelivered)


def observed_peers(model: SessionModel) -> list[PeerModel]:
    """The local peer, and the remote when anything about it is known."""
    return [p for p in model.peers.values() if p.peer is Peer.LOCAL or p.observed]


def final_states(model: SessionModel) -> tuple[dict[str, str | None], dict[str, str]]:
    """``iceConnectionState`` per peer, and why a value is unknown or stale."""
    states: dict[str, str | None] = {}
    why: dict[str, str] = {}
    for peer in model.peers.values():
        name = peer.peer.value
        if peer.peer is Peer.REMOTE and not peer.observed:
            states[name] = None
            why[name] = "the remote's states are not observable in this mode (it reports none)"
            continue
        states[name] = peer.ice.value
        stale = peer.staleness()
        if stale is not None:
            when = "never" if stale.last_report is None else f"at {stale.last_report:.3f} s"
            why[name] = f"stale: last reported {when}; {stale.reason}"
    return states, why


def summary(model: SessionModel, now: float, journal: str | None) -> dict[str, Any]:
    """The closing summary (the probe's and the journal's last record)."""
    final, why = final_states(model)
    local, remote = model.local, model.remote
    peers: dict[str, dict[str, Any]] = {
        "local": delivery(local, remote).to_dict(),
        "remote": delivery(remote, local).to_dict(),
    }
    time_in_state = {p.peer.value: p.time_in_state(now) for p in observed_peers(model)}
    out: dict[str, Any] = {
        "type": "summary",
        "ts": round(now, 6),
        "final_state": final,
    }
    if why:
        out["state_notes"] = why
    out.update(
        {
            "peers": peers,
            "restarts": local.restarts_completed,
            "calls": model.call,
            "time_in_state": time_in_state,
            "time_to_connect": {p.peer.value: p.time_to_connect() for p in observed_peers(model)},
            "closed_by": {
                p.peer.value: p.closed_by.value if p.closed_by else None
                for p in observed_peers(model)
            },
            "verdict": verdict(model).to_dict(),
            "events": model.events,
            "journal": journal,
        }
    )
    if model.call > 1:
        out["call_history"] = [call.to_dict() for call in model.calls(now)]
    return out


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the probe's exit code is made of."""

    connected: bool
    failed_seen: bool
    ended_failed: bool
    """ICE was ``failed`` at the end (no restart brought it back): the session failed."""
    loss_clean: bool
    """True only when both directions are known to have lost nothing."""
    loss_detail: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (the summary's ``verdict``)."""
        out: dict[str, Any] = {
            "connected": self.connected,
            "failed_seen": self.failed_seen,
            "ended_failed": self.ended_failed,
            "loss": "none" if self.loss_clean else "some-or-unknown",
        }
        if self.loss_detail:
            out["loss_detail"] = self.loss_detail
        return out


def verdict(model: SessionModel) -> Verdict:
    """Connected in the last call, ``failed`` seen on the local peer, and the loss accounting.

    ``connected`` and ``ended_failed`` are the last call's; ``failed_seen`` and the loss cover
    every call (an earlier call's loss is named with its number).
    """
    local, remote = model.local, model.remote
    parts = []
    clean = True
    for receiver, sender in ((local, remote), (remote, local)):
        d = delivery(receiver, sender)
        if not d.clean:
            clean = False
            parts.append(
                f"{receiver.peer.value}: "
                + (d.unknown or f"lost {d.lost}, undelivered {d.undelivered}")
            )
    for call in model.finished_calls:
        for name, d in call.heartbeats.items():
            if not d.clean:
                clean = False
                parts.append(
                    f"call {call.number} {name}: "
                    + (d.unknown or f"lost {d.lost}, undelivered {d.undelivered}")
                )
    last = local.ended_in if local.closed else local.ice.value
    return Verdict(
        connected=local.connected_at is not None,
        failed_seen=local.failed_seen or any(c.failed_seen for c in model.finished_calls),
        ended_failed=local.connected_at is not None and last == "failed",
        loss_clean=clean,
        loss_detail="; ".join(parts),
    )
