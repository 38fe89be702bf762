"""PatientConnection: ICE PAC (RFC 8863) on top of aioice's check list.

aioice 0.13 declares a check list failed as soon as the remote's end-of-candidates has arrived
and no pair is pending, including an *empty* list; a remote whose candidates cannot be used
(none signalled, mDNS names that do not resolve, filtered by policy) therefore fails in the
same millisecond its first connectivity check could have created a working peer-reflexive pair.
RFC 8863 forbids that: no ``failed`` before Tpac (39.5 s by default) from the start of checks.

IceScope also makes Tpac the upper bound for a generation that never found a path: at Tpac a
check list with no successful pair fails, even while checks are still being retransmitted
(aioice's own schedule would give up only after 63.5 s). A list with a successful pair that
is still waiting for nomination is left to aioice.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from aioice.ice import ICE_FAILED, CandidatePair

from ..config import DEFAULT_PAC_TIMEOUT
from .connection import IceConnection

if TYPE_CHECKING:
    from collections.abc import Callable

logger = logging.getLogger(__name__)

_SUCCEEDED = CandidatePair.State.SUCCEEDED
_FAILED = CandidatePair.State.FAILED


class PatientConnection(IceConnection):
    """An aioice connection that waits Tpac for peer-reflexive connectivity (RFC 8863).

    Attributes set by the owner: ``pac_timeout`` (Tpac in seconds) and ``on_pac``, called as
    ``on_pac(phase, seconds_left)`` with phase ``waiting`` (no usable pair and none pending:
    only Tpac holds failure off), ``connected`` (the wait ended with a nominated pair) or
    ``expired`` (Tpac ran out with no successful pair; the checks fail now).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pac_timeout: float = DEFAULT_PAC_TIMEOUT
        self.on_pac: Callable[[str, float], None] | None = None
        self.pac_deadline: float | None = None
        """Loop time of Tpac's expiry (None before checks start)."""
        self.pac_waiting = False
        """True while failure is held off only by Tpac (no usable pair, none pending)."""
        self.pac_expired = False
        """True once Tpac ran out with no successful pair (the checks failed for that)."""
        self._pac_timer: asyncio.TimerHandle | None = None

    # ------------------------------------------------------------------ timer
    def start_pac(self) -> None:
        """Start Tpac; called when the checks start (``connect()``)."""
        loop = asyncio.get_running_loop()
        self.pac_deadline = loop.time() + self.pac_timeout
        self._pac_timer = loop.call_at(self.pac_deadline, self._pac_expire)

    def stop_pac(self) -> None:
        """Cancel Tpac (checks done or connection closing)."""
        if self._pac_timer is not None:
            self._pac_timer.cancel()
            self._pac_timer = None
        self.pac_waiting = False

    def _pac_running(self) -> bool:
        return (
            self.pac_deadline is not None
            and not self._check_list_done
            and asyncio.get_running_loop().time() < self.pac_deadline
        )

    def _report(self, phase: str) -> None:
        if self.on_pac is None or self.pac_deadline is None:
            return
        self.on_pac(phase, max(0.0, self.pac_deadline - asyncio.get_running_loop().time()))

    def _start_waiting(self) -> None:
        if not self.pac_waiting:
            self.pac_waiting = True
            self._report("waiting")

    def _pac_expire(self) -> None:
        self._pac_timer = None
        if self._check_list_done or self._closing:
            return
        if any(p.state is _SUCCEEDED for p in self._check_list):
            return  # a valid pair awaits nomination: aioice decides
        logger.info("%s: Tpac (%g s) expired with no successful pair", self, self.pac_timeout)
        self.pac_expired = True
        for pair in self._check_list:
            if pair.task is not None:
                pair.task.cancel()
                pair.task = None
            pair.state = _FAILED
        self._check_list_done = True
        self._check_list_state.put_nowait(ICE_FAILED)
        self.pac_waiting = False
        self._report("expired")

    # ------------------------------------------------------------------ aioice hooks
    def _check_list_maybe_fail(self) -> None:
        """Stock failure, except before Tpac (RFC 8863 §4): then wait for prflx pairs."""
        if self._pac_running():
            if not self._remote_candidates_expected() and all(
                p.state in (_SUCCEEDED, _FAILED) for p in self._check_list
            ):
                self._start_waiting()
            return
        super()._check_list_maybe_fail()

    def _check_periodic(self) -> bool:
        """Keep ``connect()`` checking while the list is empty and Tpac runs."""
        if super()._check_periodic():
            return True
        if not self._check_list and self._pac_running():
            self._start_waiting()
            return True
        return False

    def _prune_components(self) -> None:
        """Stock pruning, except that a remote with no candidate at all keeps its components.

        aioice drops every component the remote signalled no candidate for, so with none at
        all no pair could ever complete the list; peer-reflexive pairs will fill them.
        """
        if self._remote_candidates:
            super()._prune_components()

    def _check_list_maybe_complete(self) -> bool:
        """Stock completion; a complete list ends the wait."""
        complete = super()._check_list_maybe_complete()
        if complete and self.pac_deadline is not None and self._pac_timer is not None:
            was_waiting = self.pac_waiting
            self.stop_pac()
            if was_waiting:
                self._report("connected")
        return complete
