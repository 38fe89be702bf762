"""DerivedStates: the PC-level states and events IceScope derives from its transports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..states import IceTransportState, derive_connection_state, derive_ice_connection_state
from .internals import selected_pair

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .transport import ManagedIceTransport


class DerivedStates:
    """Last reported values, so each event fires only when its value changed."""

    def __init__(self) -> None:
        self.ice = "new"
        """Derived ``iceConnectionState``."""
        self.connection = "new"
        """Derived ``connectionState``."""
        self.ids: dict[object, str] = {}
        self._transport_states: dict[ManagedIceTransport, str] = {}
        self._pairs: dict[ManagedIceTransport, object] = {}
        self.pair_changes: dict[ManagedIceTransport, int] = {}
        """How often each transport's selected pair changed (``selectedCandidatePairChanges``)."""

    def name(self, transport: object) -> str:
        """A stable id for ``transport`` (``T01``, ``T02``, ... like browser stats ids)."""
        if transport not in self.ids:
            self.ids[transport] = f"T{len(self.ids) + 1:02d}"
        return self.ids[transport]

    def refresh(
        self,
        transports: list[ManagedIceTransport],
        dtls_states: Iterable[str],
        *,
        is_closed: bool,
        emit: Callable[..., Any],
    ) -> None:
        """Re-derive and emit what changed, in webrtc-pc §5.6 order.

        "Change the selected candidate pair and state": selected pair, then transport state,
        then ``iceConnectionState``, then ``connectionState``, each only if it changed.
        """
        for transport in transports:
            nominated = selected_pair(transport.active)
            if nominated is not self._pairs.get(transport):
                self._pairs[transport] = nominated
                if nominated is not None:
                    self.pair_changes[transport] = self.pair_changes.get(transport, 0) + 1
                    emit("selectedcandidatepairchange")
        for transport in transports:
            state = transport.state
            previous = self._transport_states.get(transport, "new")
            if state != previous:
                self._transport_states[transport] = state
                emit("icetransportstatechange", self.name(transport), previous, state)
        ice = derive_ice_connection_state(
            (IceTransportState(t.state) for t in transports), is_closed=is_closed
        )
        if ice.value != self.ice:
            self.ice = ice.value
            emit("iceconnectionstatechange")
        connection = derive_connection_state(ice, dtls_states, is_closed=is_closed)
        if connection.value != self.connection:
            self.connection = connection.value
            emit("connectionstatechange")
