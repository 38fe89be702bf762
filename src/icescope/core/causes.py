"""Plain-language causes of ``disconnected``, ``failed``, ``closed`` and abandoned restarts.

:func:`explain` reads the facts the session model holds when the state event arrives (it is
called right after the model folded it) and returns a :class:`~icescope.core.events.Cause`
with a stable code, its facts as arguments and the English explanation rendered from them.
Codes are English-only and never change; the words are the ``cause:<code>`` templates of
:mod:`~icescope.core.texts`, which the window translates. Nothing is guessed: a fact that is
not known is said to be unknown.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Any, Final

from .events import Cause, IceRestart, Peer, StateChanged, selected_pair_stats
from .states import CLOSE_PROVENANCES, Machine
from .texts import TEXTS, phrase, render, seconds

if TYPE_CHECKING:
    from .events import SessionEvent
    from .model import PeerModel, SessionModel

SERVER_NOTICES: Final = ("turn-auth-failed", "turn-unreachable", "stun-unreachable")
"""Notice codes of ``core/ice/servers.py`` that explain a failure to connect."""

CAUSE_TEXT: Final[dict[str, str]] = {
    key.removeprefix("cause:"): text for key, text in TEXTS.items() if key.startswith("cause:")
}
"""Every cause code and its English words (``cause:<code>`` in :data:`~.texts.TEXTS`)."""

PEER_PHRASE: Final = {Peer.LOCAL: "phrase:peer-local", Peer.REMOTE: "phrase:peer-remote"}
"""The words for a side of the session (``local``, ``remote``)."""

EXPLAINED_STATES: Final = frozenset({"disconnected", "failed", "closed"})


def cause_text(code: str, **facts: Any) -> str:
    """The English words of ``code`` with its facts filled in (unknown codes say so)."""
    return render(f"cause:{code}" if code in CAUSE_TEXT else "cause:unknown", facts)


def explain(model: SessionModel, event: SessionEvent) -> Cause | None:
    """The cause of ``event`` (already folded into ``model``), or None if it needs none.

    Explained: ``iceconnectionstatechange`` to ``disconnected``, ``failed`` or ``closed``, and
    ``icerestart`` ``abandoned``.
    """
    if isinstance(event, IceRestart) and event.phase == "abandoned":
        detail: Any = event.detail or phrase("phrase:no-detail")
        code, facts = "restart-not-answered", {"detail": detail}
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
        args=facts,
    )


def _state_cause(model: SessionModel, event: StateChanged) -> tuple[str, dict[str, Any]]:
    if event.state == "closed":
        if event.provenance in CLOSE_PROVENANCES:
            return event.provenance.value, {}
        return "closed-reported", {}
    peer = model.peers[event.peer]
    other = model.peers[event.peer.other]
    if event.previous in ("new", "checking") and peer.connected_at is None:
        return _never_connected(model, peer)
    if other.closed and other.ice.since is not None and other.ice.since <= event.ts:
        return "remote-closed", {
            "other": phrase(PEER_PHRASE[other.peer]),
            "at": seconds(other.ice.since),
        }
    channel = model.remote.channel
    if channel is not None and not channel.alive:
        return "remote-gone", {"why": channel.detail or channel.channel, "at": seconds(channel.ts)}
    since = _since(peer)
    impairments = [
        phrase(
            "phrase:impairment-since",
            kind=imp.kind,
            direction=imp.direction,
            peer=phrase(PEER_PHRASE[imp.peer]),
            at=seconds(imp.ts),
        )
        for p in (peer, other)
        for imp in p.impairments.values()
    ]
    if impairments:
        return "consent-lost-impairment", {"since": since, "impairments": impairments}
    return "consent-lost", {"since": since}


def _never_connected(model: SessionModel, peer: PeerModel) -> tuple[str, dict[str, Any]]:
    report = peer.stats.report if peer.stats is not None else ()
    local = [e for e in report if e.get("type") == "local-candidate"]
    remote = [e for e in report if e.get("type") == "remote-candidate"]
    if peer.stats is not None and not remote:
        return "no-remote-candidates", {}
    for notice in model.notices:
        if notice.code in SERVER_NOTICES:
            said: Any = {"key": notice.key, "args": notice.args} if notice.key else notice.message
            return notice.code, {"notice": said}
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


def _since(peer: PeerModel) -> dict[str, Any]:
    return seconds(last_inbound(peer), unknown="phrase:last-packet-unknown")
