"""ManagedIceGatherer: an ``RTCIceGatherer`` with ICE generations.

Stock ``add_transport_description`` reads ``getLocalParameters()``, ``getLocalCandidates()`` and
``state`` from the gatherer when it writes an offer or answer. Returning the *pending*
generation there puts the new credentials and candidates of a restart into the SDP without
touching aiortc's SDP code.
"""

from __future__ import annotations

from typing import Any, Final

from aiortc import RTCIceGatherer
from aiortc.rtcicetransport import RTCIceCandidate, RTCIceParameters, candidate_from_aioice

from .consent import MonitoredConnection
from .internals import check_list, local_candidates_end, nominated, stock_gatherer_state
from .meters import COUNTED_TOTALS, pairs_totals

HISTORY: Final = 4
"""Generations :attr:`ManagedIceGatherer.history` keeps for statistics: the active and pending
ones and the latest retired ones. Keeping every one cost ~130 KiB per restart, and every
statistics sample grew with the restart count."""


class ManagedIceGatherer(RTCIceGatherer):
    """A gatherer whose connections are :class:`MonitoredConnection` generations.

    The stock connection built by ``super().__init__`` is replaced by a monitored twin with the
    same credentials and configuration; that is free, as no socket exists yet.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stock = self._connection
        self._connection = MonitoredConnection.like(
            stock, local_username=stock.local_username, local_password=stock.local_password
        )
        self._pending: MonitoredConnection | None = None
        self.history: list[MonitoredConnection] = [self._connection]
        """The latest :data:`HISTORY` generations, oldest first (closed ones too, for
        statistics); older ones are forgotten, their pair counters kept in :attr:`folded`."""
        self.folded: dict[str, int] | None = dict.fromkeys(COUNTED_TOTALS, 0)
        """Counter totals of the generations dropped from :attr:`history` (None once one of
        them was not metered: the transport's totals are then unknown)."""

    @property
    def active(self) -> MonitoredConnection:
        """The generation that carries data now."""
        conn = self._connection
        assert isinstance(conn, MonitoredConnection)
        return conn

    @property
    def pending(self) -> MonitoredConnection | None:
        """The next generation (a restart in progress), if any."""
        return self._pending

    def generations(self) -> list[MonitoredConnection]:
        """The active generation, then the pending one."""
        return [self.active] if self._pending is None else [self.active, self._pending]

    def _current(self) -> MonitoredConnection:
        return self._pending if self._pending is not None else self.active

    @property
    def state(self) -> str:
        """``RTCIceGathererState`` of the newest generation (a restart gathers anew)."""
        if self._pending is not None:
            return "completed" if local_candidates_end(self._pending) else "gathering"
        return stock_gatherer_state(self)

    def getLocalCandidates(self) -> list[RTCIceCandidate]:
        """Local candidates of the newest generation (what the next SDP carries)."""
        return [candidate_from_aioice(x) for x in self._current().local_candidates]

    def getLocalParameters(self) -> RTCIceParameters:
        """Local ufrag/pwd of the newest generation (what the next SDP carries)."""
        conn = self._current()
        return RTCIceParameters(usernameFragment=conn.local_username, password=conn.local_password)

    async def new_generation(self, ice_controlling: bool | None = None) -> MonitoredConnection:
        """Create the next generation with new credentials and gather its candidates.

        Args:
            ice_controlling: the new generation's ICE role (None: the active one's).
        """
        if self._pending is None:
            self._pending = MonitoredConnection.like(self.active, ice_controlling=ice_controlling)
            self.history.append(self._pending)
            self._forget_old()
            self.emit("statechange")  # gathering again (icegatheringstatechange)
            await self._pending.gather_candidates()
            self.emit("statechange")
        return self._pending

    def _forget_old(self) -> None:
        """Bound :attr:`history` (a session may restart thousands of times), folding counters."""
        while len(self.history) > HISTORY and self.history[0] not in (self.active, self._pending):
            old = self.history.pop(0)
            pairs = check_list(old)
            pairs += [p for p in nominated(old).values() if p not in pairs]
            totals = pairs_totals(pairs)
            if totals is None or self.folded is None:
                self.folded = None
                continue
            for name, value in totals.items():
                self.folded[name] += value

    def promote(self, conn: MonitoredConnection) -> None:
        """Make ``conn`` (the pending generation) the active one."""
        self._connection = conn
        if self._pending is conn:
            self._pending = None

    def drop_pending(self) -> MonitoredConnection | None:
        """Forget the pending generation and return it (the caller closes it)."""
        conn, self._pending = self._pending, None
        if conn is not None:
            self.emit("statechange")
        return conn
