"""IceConnection: the aioice ``Connection`` subclass every IceScope peer uses."""

from __future__ import annotations

import aioice
from aioice.ice import TransportPolicy

from ..netif import AddressSelection, resolve_host_addresses


class IceConnection(aioice.Connection):
    """aioice connection with per-connection host address selection.

    aioice gathers from a module-level ``get_host_addresses()`` that skips loopback and offers no
    choice; here the addresses come from ``address_selection`` instead, set by the owning
    peer connection before gathering.
    """

    address_selection: AddressSelection = AddressSelection()

    async def get_component_candidates(
        self, component: int, addresses: list[str], timeout: int = 5
    ) -> list[aioice.Candidate]:
        """Gather for ``component`` on the selected addresses instead of aioice's choice."""
        # With the relay policy aioice passes no host addresses (RFC 9429 §3.5.3): keep that.
        if self._transport_policy == TransportPolicy.ALL and not self.address_selection.is_default:
            addresses = resolve_host_addresses(
                self.address_selection, use_ipv4=self._use_ipv4, use_ipv6=self._use_ipv6
            )
        return await super().get_component_candidates(component, addresses, timeout)
