"""The socket adapter that applies a :class:`~icescope.core.faults.FaultInjector` to ICE traffic.

aioice creates one ``StunProtocol`` per socket, inside ``get_component_candidates``, with no
factory to hook. Switching the class of each protocol it created (same state, new methods) is
the smallest change that puts the injector under every datagram, STUN and application data
alike; :class:`~icescope.core.ice.consent.MonitoredConnection` does it right after gathering.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from aioice.ice import StunProtocol

from ..faults import FaultInjector

if TYPE_CHECKING:
    from aioice import stun


class ImpairableStunProtocol(StunProtocol):
    """aioice's socket protocol, passing each datagram through its connection's injector.

    Instances are made by switching the class of protocols aioice created (see
    :func:`make_impairable`); the injector is looked up on every datagram, so attaching one
    later affects existing sockets too.
    """

    def _faults(self) -> FaultInjector | None:
        faults = getattr(self.receiver, "faults", None)
        return faults if isinstance(faults, FaultInjector) and faults.active else None

    def datagram_received(self, data: bytes | str, addr: tuple[Any, ...]) -> None:
        """Deliver an arriving datagram, unless dropped or delayed by an ``in`` fault."""
        faults = self._faults()
        if faults is None:
            self._arrived(data, addr)
            return
        faults.deliver("in", lambda: self._arrived(data, addr))

    def _arrived(self, data: bytes | str, addr: tuple[Any, ...]) -> None:
        """A datagram the faults let through (subclasses count it here)."""
        StunProtocol.datagram_received(self, data, addr)

    def send_stun(self, message: stun.Message, addr: tuple[str, int]) -> None:
        """Send a STUN message, unless dropped or delayed by an ``out`` fault."""
        faults = self._faults()
        if faults is None:
            StunProtocol.send_stun(self, message, addr)
            return
        faults.deliver("out", lambda: self._send_if_open(bytes(message), addr))

    async def send_data(self, data: bytes, addr: tuple[str, int]) -> None:
        """Send application data (DTLS/SRTP), unless dropped or delayed by an ``out`` fault."""
        faults = self._faults()
        if faults is None:
            self.transport.sendto(data, addr)
            return
        faults.deliver("out", lambda: self._send_if_open(data, addr))

    def _send_if_open(self, data: bytes, addr: tuple[str, int]) -> None:
        # A delayed datagram may outlive its socket (restart grace period ended, close()).
        if not self.transport.is_closing():
            with contextlib.suppress(OSError):
                self.transport.sendto(data, addr)


def make_impairable(protocol: StunProtocol) -> None:
    """Switch ``protocol`` to :class:`ImpairableStunProtocol` (same state, new methods)."""
    if type(protocol) is StunProtocol:
        protocol.__class__ = ImpairableStunProtocol
