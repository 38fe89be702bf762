"""StatsSampler: a peer's engine-computed statistics, heartbeat counts and role, as events.

Nothing polls a peer for display: every ``interval`` seconds the sampler publishes a
:class:`~icescope.core.events.StatsSample` (webrtc-stats dictionaries computed by the ICE engine),
a :class:`~icescope.core.events.HeartbeatCount` and, when the ICE role changed, a
:class:`~icescope.core.events.RoleChanged`; the session model folds them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from .events import HeartbeatCount, RoleChanged, StatsSample
from .ice.stats import collect_stats, ice_role, queued_messages

if TYPE_CHECKING:
    from collections.abc import Callable

    from .clock import SessionClock
    from .events import Peer, SessionEvent
    from .heartbeat import Heartbeat
    from .ice.peerconnection import IcePeerConnection

logger = logging.getLogger(__name__)


class StatsSampler:
    """Samples one peer on an interval.

    Args:
        peer: which side the samples describe.
        pc: the peer's connection.
        heartbeat: the peer's heartbeat (its counts and channel).
        clock: the session clock.
        publish: where the events go (the session hub).
        interval: seconds between samples; 0 turns sampling off.
    """

    def __init__(
        self,
        peer: Peer,
        pc: IcePeerConnection,
        heartbeat: Heartbeat,
        clock: SessionClock,
        publish: Callable[[SessionEvent], None],
        interval: float,
    ) -> None:
        self._peer = peer
        self._pc = pc
        self._heartbeat = heartbeat
        self._clock = clock
        self._publish = publish
        self._interval = interval
        self._role: str | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopped = False

    def start(self) -> None:
        """Start sampling (idempotent; nothing happens when the interval is 0 or stopped)."""
        if self._interval > 0 and self._task is None and not self._stopped:
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        """Stop sampling and wait until the sampler is idle (idempotent)."""
        self._stopped = True
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def sample(self) -> None:
        """Publish one sample now: the role if it changed, the statistics, the heartbeat."""
        ts, wall = self._clock.stamp()
        role = ice_role(self._pc)
        if role is not None and role != self._role:
            self._role = role
            self._publish(
                RoleChanged(
                    ts=ts, wall=wall, peer=self._peer, role=role, generation=self._pc.local_ufrag()
                )
            )
        report = collect_stats(self._pc, wall * 1000.0)
        self._publish(StatsSample(ts=ts, wall=wall, peer=self._peer, report=report))
        heartbeat = self._heartbeat
        self._publish(
            HeartbeatCount(
                ts=ts,
                wall=wall,
                peer=self._peer,
                sent=heartbeat.sent,
                received=heartbeat.received,
                queued=queued_messages(heartbeat.channel),
            )
        )

    async def _run(self) -> None:
        while self._pc.connectionState != "closed":
            await asyncio.sleep(self._interval)
            if self._pc.connectionState == "closed":
                return
            try:
                self.sample()
            except Exception:
                # A statistics bug must not take the session down; it is logged (and becomes
                # a notice through the log handler) and the next sample tries again.
                logger.exception("statistics sample of the %s peer failed", self._peer.value)
