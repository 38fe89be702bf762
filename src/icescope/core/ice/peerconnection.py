"""IcePeerConnection: ``RTCPeerConnection`` with IceScope's ICE options applied."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiortc import RTCPeerConnection

from ..config import IceTimings
from ..netif import AddressSelection
from ..states import Provenance
from .connection import IceConnection

if TYPE_CHECKING:
    from aiortc import RTCConfiguration, RTCIceTransport


class IcePeerConnection(RTCPeerConnection):
    """A peer connection that gathers on the selected addresses.

    Args:
        configuration: the W3C configuration (ICE servers, transport policy).
        addresses: which local addresses may become host candidates.
        timings: consent/liveness timers.
    """

    def __init__(
        self,
        configuration: RTCConfiguration | None = None,
        *,
        addresses: AddressSelection | None = None,
        timings: IceTimings | None = None,
    ) -> None:
        super().__init__(configuration)
        self.address_selection = addresses or AddressSelection()
        """Host candidate selection applied to every ICE transport."""
        self.timings = timings or IceTimings()
        """Consent/liveness timers."""

    can_restart: bool = False
    """Whether :meth:`restartIce` performs a real ICE restart with this engine."""

    @property
    def ice_state_provenance(self) -> Provenance:
        """Whether ``iceConnectionState`` is aiortc's own value or IceScope's derivation."""
        return Provenance.REPORTED

    def local_ufrag(self) -> str:
        """The local ICE ufrag of the active generation ("" before any transport exists)."""
        transports = self.ice_transports()
        if not transports:
            return ""
        return str(transports[0].iceGatherer.getLocalParameters().usernameFragment)

    def restartIce(self) -> None:
        """Flag an ICE restart for the next offer (webrtc-pc §4.4.2.2).

        Raises:
            NotImplementedError: this engine cannot restart ICE.
        """
        raise NotImplementedError("ICE restart is not available with this ICE engine")

    async def add_ice_candidate(self, candidate: Any, ufrag: str | None = None) -> None:
        """Add a remote candidate of generation ``ufrag`` (None: the most recent one)."""
        await self.addIceCandidate(candidate)

    def ice_transports(self) -> list[RTCIceTransport]:
        """The ICE transports reachable through public getters (transceivers, then SCTP)."""
        found: list[RTCIceTransport] = []
        for transceiver in self.getTransceivers():
            transport = transceiver.receiver.transport.transport
            if transport not in found:
                found.append(transport)
        if self.sctp is not None and self.sctp.transport.transport not in found:
            found.append(self.sctp.transport.transport)
        return found

    def _configure_transports(self) -> None:
        for transport in self.ice_transports():
            conn = transport.iceGatherer._connection
            if isinstance(conn, IceConnection):
                conn.address_selection = self.address_selection

    async def setLocalDescription(self, sessionDescription: Any = None) -> None:
        """Apply our options to every transport before stock gathering runs."""
        self._configure_transports()
        await super().setLocalDescription(sessionDescription)

    async def setRemoteDescription(self, sessionDescription: Any) -> None:
        """Apply our options to transports created by a remote offer."""
        await super().setRemoteDescription(sessionDescription)
        self._configure_transports()
