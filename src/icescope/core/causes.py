"""Plain-language causes of ``disconnected``, ``failed``, ``closed`` and abandoned restarts.

:func:`explain` reads the facts the session model holds when the state event arrives (it is
called right after the model folded it) and returns a :class:`~icescope.core.events.Cause`
with a stable code and an explanation. Codes are English-only and never change; every word
shown to a person is in :data:`CAUSE_TEXT`, one template per code, so they can be translated
in one place. Nothing is guessed: a fact that is not known is said to be unknown.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Any, Final

from .events import Cause, IceRestart, StateChanged, selected_pair_stats
from .states import CLOSE_CAUSES, CLOSE_PROVENANCES, Machine

if TYPE_CHECKING:
    from .events import SessionEvent
    from .model import PeerModel, SessionModel

SERVER_NOTICES: Final = ("turn-auth-failed", "turn-unreachable", "stun-unreachable")
"""Notice codes of ``core/ice/servers.py`` that explain a failure to connect."""

CAUSE_TEXT: Final[dict[str, str]] = {
    "consent-lost": (
        "nothing received from the remote since {since}, and no impairment was "
        "active: the path or the remote stopped answering consent checks"
    ),
    "consent-lost-impairment": (
        "nothing received from the remote since {since}, while IceScope's own "
        "impairment was active: {impairments}"
    ),
    "remote-closed": (
        "the {other} peer closed its connection at {at}; nothing answers consent checks any more"
    ),
    "remote-gone": "the remote is gone ({why}, at {at}); nothing answers consent checks any more",
    "no-remote-candidates": (
        "no remote candidates arrived (neither in the description nor trickled): there was "
        "no candidate pair to check"
    ),
    "host-only-different-networks": (
        "only host candidates, on different networks (local {local}; remote {remote}) and "
        "no STUN or TURN candidates: no pair can reach the other side"
    ),
    "turn-auth-failed": "the TURN server rejected the credentials (401): {notice}",
    "turn-unreachable": "the TURN server could not be reached: {notice}",
    "stun-unreachable": "the STUN server could not be reached: {notice}",
    "checks-failed": (
        "every candidate pair failed its connectivity checks ({pairs} pairs; {requests} "
        "requests sent, {responses} responses received)"
    ),
    "restart-not-answered": (
        "the remote did not answer the ICE restart with new credentials ({detail}); the "
        "session stays on the old generation"
    ),
    "closed-reported": "the peer reported closed itself (its own close())",
    "unknown": "no recorded fact explains it",
    **{p.value: text for p, text in CLOSE_CAUSES.items()},
}
"""Every cause code and its words; ``{name}`` fields are filled from the facts."""

EXPLAINED_STATES: Final = frozenset({"disconnected", "failed", "closed"})


def cause_text(code: str, **facts: str) -> str:
    """The words of ``code`` with its facts filled in (unknown codes say so)."""
    template = CAUSE_TEXT.get(code, CAUSE_TEXT["unknown"])
    try:
        return template.format(**facts)
    except (KeyError, IndexError):
        return template


def explain(model: SessionModel, event: SessionEvent) -> Cause | None:
    """The cause of ``event`` (already folded into ``model``), or None if it needs none.

    Explained: ``iceconnectionstatechange`` to ``disconnected``, ``failed`` or ``closed``, and
    ``icerestart`` ``abandoned``.
    """
    if isinstance(event, IceRestart) and event.phase == "abandoned":
        code, facts = "restart-not-answered", {"detail": event.detail or "no detail"}
        state, about = "abandoned", event.type
    elif (
        isinstance(event, StateChanged)
        and event.machine is Machine.ICE
        and event.state in EXPLAINED_STATES
    ):
        code, facts = _state_cause(model, event)
        state, about = event.state, event.type
    else:
        return None
    return Cause(
        ts=event.ts,
        wall=event.wall,
        peer=event.peer,
        about=about,
        state=state,
        code=code,
        message=cause_text(code, **facts),
    )


def _state_cause(model: SessionModel, event: StateChanged) -> tuple[str, dict[str, str]]:
    if event.state == "closed":
        if event.provenance in CLOSE_PROVENANCES:
            return event.provenance.value, {}
        return "closed-reported", {}
    peer = model.peers[event.peer]
    other = model.peers[event.peer.other]
    if event.previous in ("new", "checking") and peer.connected_at is None:
        return _never_connected(model, peer)
    if other.closed and other.ice.since is not None and other.ice.since <= event.ts:
        return "remote-closed", {"other": other.peer.value, "at": _at(other.ice.since)}
    channel = model.remote.channel
    if channel is not None and not channel.alive:
        return "remote-gone", {"why": channel.detail or channel.channel, "at": _at(channel.ts)}
    since = _since(peer)
    impairments = [
        f"{imp.kind} ({imp.direction}) on the {imp.peer.value} peer since {_at(imp.ts)}"
        for p in (peer, other)
        for imp in p.impairments.values()
    ]
    if impairments:
        return "consent-lost-impairment", {"since": since, "impairments": "; ".join(impairments)}
    return "consent-lost", {"since": since}


def _never_connected(model: SessionModel, peer: PeerModel) -> tuple[str, dict[str, str]]:
    report = peer.stats.report if peer.stats is not None else ()
    local = [e for e in report if e.get("type") == "local-candidate"]
    remote = [e for e in report if e.get("type") == "remote-candidate"]
    if peer.stats is not None and not remote:
        return "no-remote-candidates", {}
    for notice in model.notices:
        if notice.code in SERVER_NOTICES:
            return notice.code, {"notice": notice.message}
    if local and remote and _host_only_apart(local, remote):
        return "host-only-different-networks", {
            "local": ", ".join(sorted({str(e.get("address")) for e in local})),
            "remote": ", ".join(sorted({str(e.get("address")) for e in remote})),
        }
    pairs = [e for e in report if e.get("type") == "candidate-pair"]
    if not pairs:
        return "unknown", {}
    return "checks-failed", {
        "pairs": str(len(pairs)),
        "requests": str(sum(int(e.get("requestsSent") or 0) for e in pairs)),
        "responses": str(sum(int(e.get("responsesReceived") or 0) for e in pairs)),
    }


def _network(address: Any) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        ip = ipaddress.ip_address(str(address))
    except ValueError:
        return None  # an mDNS name or garbage: its network is not known
    prefix = 24 if ip.version == 4 else 64
    return ipaddress.ip_network(f"{ip}/{prefix}", strict=False)


def _host_only_apart(local: list[dict[str, Any]], remote: list[dict[str, Any]]) -> bool:
    """True when every candidate is a host candidate and no two share a /24 (/64) network."""
    if any(e.get("candidateType") != "host" for e in (*local, *remote)):
        return False
    nets_l = {_network(e.get("address")) for e in local}
    nets_r = {_network(e.get("address")) for e in remote}
    if None in nets_l or None in nets_r:
        return False
    return not nets_l & nets_r


def last_inbound(peer: PeerModel) -> float | None:
    """Session time of the selected pair's last received packet, from the latest statistics.

    Converted from the entry's ``lastPacketReceivedTimestamp`` (Unix ms) through the sample's
    own ``ts``/``wall``; None when no sample names one.
    """
    sample = peer.stats
    if sample is None:
        return None
    selected = selected_pair_stats(sample.report)
    stamp = selected.get("lastPacketReceivedTimestamp") if selected else None
    if not isinstance(stamp, int | float):
        return None
    return sample.ts - (sample.wall - stamp / 1000.0)


def _since(peer: PeerModel) -> str:
    last = last_inbound(peer)
    if last is None:
        return "a time not known (no statistics name the last packet)"
    return _at(last)


def _at(ts: float | None) -> str:
    return "an unknown time" if ts is None else f"{ts:.1f} s"
