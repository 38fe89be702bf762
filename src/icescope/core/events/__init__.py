"""Typed, immutable session events: one frozen object per fact.

Every event carries ``ts`` (monotonic seconds since the session started), ``wall`` (Unix time)
and ``peer`` (which side it happened on). ``type`` is the browser API's event name where one
exists (``iceconnectionstatechange``), so JSON output reads like browser tooling.
"""

from __future__ import annotations

from ..states import Machine
from .base import Event, Peer
from .cause import Cause
from .connection import (
    CandidateGathered,
    ConnectivityWait,
    DataChannelChanged,
    IceRestart,
    SelectedPairChanged,
    StateChanged,
)
from .scenario import ExpectationResult, ScenarioPlan
from .session import (
    CallStarted,
    Impairment,
    Listening,
    LocalDescription,
    Notice,
    SessionMarker,
    notice_event,
)
from .telemetry import (
    HeartbeatCount,
    RemoteChannel,
    RoleChanged,
    StatsSample,
    selected_pair_stats,
)

__all__ = [
    "EVENT_TYPES",
    "CallStarted",
    "CandidateGathered",
    "Cause",
    "ConnectivityWait",
    "DataChannelChanged",
    "Event",
    "ExpectationResult",
    "HeartbeatCount",
    "IceRestart",
    "Impairment",
    "Listening",
    "LocalDescription",
    "Notice",
    "Peer",
    "RemoteChannel",
    "RoleChanged",
    "ScenarioPlan",
    "SelectedPairChanged",
    "SessionEvent",
    "SessionMarker",
    "StateChanged",
    "StatsSample",
    "is_periodic",
    "notice_event",
    "selected_pair_stats",
]

SessionEvent = (
    StateChanged
    | DataChannelChanged
    | IceRestart
    | ConnectivityWait
    | CandidateGathered
    | SelectedPairChanged
    | Impairment
    | Notice
    | Listening
    | LocalDescription
    | SessionMarker
    | RoleChanged
    | StatsSample
    | HeartbeatCount
    | RemoteChannel
    | Cause
    | CallStarted
    | ScenarioPlan
    | ExpectationResult
)
"""Every event a session publishes."""

EVENT_TYPES: tuple[str, ...] = (
    *(m.value for m in Machine),
    DataChannelChanged.TYPE,
    IceRestart.TYPE,
    ConnectivityWait.TYPE,
    CandidateGathered.TYPE,
    SelectedPairChanged.TYPE,
    Impairment.TYPE,
    Notice.TYPE,
    Listening.TYPE,
    LocalDescription.TYPE,
    SessionMarker.TYPE,
    RoleChanged.TYPE,
    StatsSample.TYPE,
    HeartbeatCount.TYPE,
    RemoteChannel.TYPE,
    Cause.TYPE,
    CallStarted.TYPE,
    ScenarioPlan.TYPE,
    ExpectationResult.TYPE,
)
"""All values ``Event.type`` can take, for filters."""


def is_periodic(event: SessionEvent) -> bool:
    """True for samples published on an interval (statistics, running heartbeat counts).

    They are facts for the model, the journal and graphs; a list of what happened (the probe's
    default output, the window's log) leaves them out.
    """
    return isinstance(event, StatsSample) or (isinstance(event, HeartbeatCount) and not event.final)
