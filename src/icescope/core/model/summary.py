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
from .delivery import delivery

if TYPE_CHECKING:
    from .peer import PeerModel
    from .session import SessionModel


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
