"""Hand-built session events for model-driven tests (real event classes, plain values)."""

from __future__ import annotations

from typing import Any

from icescope.core.events import (
    IceRestart,
    Impairment,
    Notice,
    Peer,
    RemoteChannel,
    StateChanged,
    StatsSample,
)
from icescope.core.model import SessionModel
from icescope.core.states import Machine

WALL0 = 1_700_000_000.0


def ice(peer: Peer, ts: float, previous: str, state: str, **kw: Any) -> StateChanged:
    """An ``iceconnectionstatechange``."""
    return StateChanged(
        ts=ts, wall=WALL0 + ts, peer=peer, machine=Machine.ICE, previous=previous, state=state, **kw
    )


def conn(peer: Peer, ts: float, previous: str, state: str, **kw: Any) -> StateChanged:
    """A ``connectionstatechange``."""
    return StateChanged(
        ts=ts,
        wall=WALL0 + ts,
        peer=peer,
        machine=Machine.CONNECTION,
        previous=previous,
        state=state,
        **kw,
    )


def impair(
    peer: Peer, ts: float, kind: str, *, active: bool = True, value: float = 0
) -> Impairment:
    """An impairment on ``peer`` (both directions)."""
    return Impairment(ts=ts, wall=WALL0 + ts, peer=peer, kind=kind, value=value, active=active)


def notice(ts: float, code: str, message: str, level: str = "error") -> Notice:
    """A notice of the local peer."""
    return Notice(ts=ts, wall=WALL0 + ts, peer=Peer.LOCAL, level=level, code=code, message=message)


def restart(peer: Peer, ts: float, phase: str, old: str, new: str, detail: str = "") -> IceRestart:
    """One restart phase initiated locally."""
    duration = None if phase == "start" else 0.05
    return IceRestart(
        ts=ts,
        wall=WALL0 + ts,
        peer=peer,
        phase=phase,
        old_ufrag=old,
        new_ufrag=new,
        initiator="local",
        duration=duration,
        detail=detail,
    )


def channel(ts: float, alive: bool, detail: str = "") -> RemoteChannel:
    """The remote's report channel."""
    return RemoteChannel(
        ts=ts, wall=WALL0 + ts, peer=Peer.REMOTE, channel="websocket", alive=alive, detail=detail
    )


def candidate(kind: str, ufrag: str, n: int, address: str, ctype: str = "host") -> dict[str, Any]:
    """A ``local-candidate`` (kind ``IL``) or ``remote-candidate`` (``IR``) entry."""
    return {
        "type": "local-candidate" if kind == "IL" else "remote-candidate",
        "id": f"{kind}{ufrag}-{n}",
        "transportId": "T01",
        "address": address,
        "port": 40000 + n,
        "protocol": "udp",
        "candidateType": ctype,
        "priority": 2130706431 - n,
        "usernameFragment": ufrag,
    }


def pair(
    ufrag: str, n: int, *, state: str = "succeeded", active: bool = True, **kw: Any
) -> dict[str, Any]:
    """A ``candidate-pair`` entry of generation ``ufrag`` between candidates ``n`` and ``n``."""
    entry: dict[str, Any] = {
        "type": "candidate-pair",
        "id": f"CP{ufrag}-{n}-{n}",
        "transportId": "T01",
        "localCandidateId": f"IL{ufrag}-{n}",
        "remoteCandidateId": f"IR{ufrag}-{n}",
        "state": state,
        "nominated": state == "succeeded",
        "icescopeGeneration": ufrag,
        "icescopeActive": active,
        "requestsSent": 3,
        "requestsReceived": 3,
        "responsesSent": 3,
        "responsesReceived": 3 if state == "succeeded" else 0,
        "totalRoundTripTime": 0.003,
        "currentRoundTripTime": 0.001,
        "bytesSent": 1000,
        "bytesReceived": 900,
        "packetsSent": 10,
        "packetsReceived": 9,
    }
    entry.update(kw)
    return entry


def stats(
    peer: Peer,
    ts: float,
    entries: list[dict[str, Any]],
    selected: str | None = None,
    **transport: Any,
) -> StatsSample:
    """A statistics sample: a transport entry (naming ``selected``) plus ``entries``."""
    wall = WALL0 + ts
    head: dict[str, Any] = {"type": "transport", "id": "T01", **transport}
    if selected:
        head["selectedCandidatePairId"] = selected
    report = tuple({**e, "timestamp": wall * 1000} for e in [head, *entries])
    return StatsSample(ts=ts, wall=wall, peer=peer, report=report)


def fold(*events: Any) -> SessionModel:
    """A model that folded ``events`` in order."""
    model = SessionModel()
    for event in events:
        model.apply(event)
    return model
