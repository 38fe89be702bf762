"""W3C state enums, their meanings, and the pure derivations over them.

Values are the W3C strings so that logs read like browser tools
(webrtc-pc §4.3.2-§4.3.4, §5.6.6).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable


class IceConnectionState(StrEnum):
    """``RTCPeerConnection.iceConnectionState`` (webrtc-pc §4.3.4)."""

    NEW = "new"
    CHECKING = "checking"
    CONNECTED = "connected"
    COMPLETED = "completed"
    FAILED = "failed"
    DISCONNECTED = "disconnected"
    CLOSED = "closed"


class IceTransportState(StrEnum):
    """``RTCIceTransport.state`` (webrtc-pc §5.6.6); same values as the PC level."""

    NEW = "new"
    CHECKING = "checking"
    CONNECTED = "connected"
    COMPLETED = "completed"
    FAILED = "failed"
    DISCONNECTED = "disconnected"
    CLOSED = "closed"


class ConnectionState(StrEnum):
    """``RTCPeerConnection.connectionState`` (webrtc-pc §4.3.3)."""

    NEW = "new"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    FAILED = "failed"
    CLOSED = "closed"


class IceGatheringState(StrEnum):
    """``RTCPeerConnection.iceGatheringState`` (webrtc-pc §4.3.2)."""

    NEW = "new"
    GATHERING = "gathering"
    COMPLETE = "complete"


class SignalingState(StrEnum):
    """``RTCPeerConnection.signalingState`` (webrtc-pc §4.3.1)."""

    STABLE = "stable"
    HAVE_LOCAL_OFFER = "have-local-offer"
    HAVE_REMOTE_OFFER = "have-remote-offer"
    HAVE_LOCAL_PRANSWER = "have-local-pranswer"
    HAVE_REMOTE_PRANSWER = "have-remote-pranswer"
    CLOSED = "closed"


class Machine(StrEnum):
    """Which state machine a state change belongs to; the value is the browser event name."""

    ICE = "iceconnectionstatechange"
    CONNECTION = "connectionstatechange"
    GATHERING = "icegatheringstatechange"
    SIGNALING = "signalingstatechange"
    TRANSPORT = "icetransportstatechange"


class Provenance(StrEnum):
    """Where a state value came from, so the UI never passes a guess off as a report."""

    REPORTED = "reported"
    """The library (or a remote browser) reported it as is."""
    DERIVED = "derived"
    """IceScope derived it (W3C aggregation over transports, own consent checks)."""
    LOCAL_CLOSE = "local-close"
    """Our own ``close()``; webrtc-pc fires no event for it (§4.4.2.2)."""
    AUTO_CLOSE = "auto-close"
    """The library tore the connection down on its own."""
    REMOTE_CLOSE = "remote-close"
    """The remote said goodbye (a ``bye`` on signaling) and IceScope closed in answer."""
    PAGE_CLOSED = "page-closed"
    """The browser page closed its connection (its Close button, or the tab went away)."""
    SIGNALING_LOST = "signaling-lost"
    """The signaling channel to the remote broke; IceScope closed the peer."""
    PROCESS_EXIT = "process-exit"
    """IceScope is exiting (a signal, or the window was closed)."""
    REPLACED = "replaced"
    """The remote came back as a new peer: IceScope closed this call's peer connection and
    began a new call (a reloaded browser page, the next TCP peer, a redial)."""


CLOSE_PROVENANCES: Final[frozenset[Provenance]] = frozenset(
    {
        Provenance.LOCAL_CLOSE,
        Provenance.AUTO_CLOSE,
        Provenance.REMOTE_CLOSE,
        Provenance.PAGE_CLOSED,
        Provenance.SIGNALING_LOST,
        Provenance.PROCESS_EXIT,
        Provenance.REPLACED,
    }
)
"""The provenances that name a cause of ``closed``."""

CLOSE_CAUSES: Final[dict[Provenance, str]] = {
    Provenance.LOCAL_CLOSE: "local close: close() was called here (webrtc-pc fires no event)",
    Provenance.AUTO_CLOSE: "the library closed the connection on its own",
    Provenance.REMOTE_CLOSE: "the remote said goodbye (bye on signaling); closed in answer",
    Provenance.PAGE_CLOSED: "the browser page closed its connection",
    Provenance.SIGNALING_LOST: "the signaling channel to the remote broke; closed here",
    Provenance.PROCESS_EXIT: "IceScope is exiting",
    Provenance.REPLACED: "the remote came back as a new peer; closed here for a new call",
}
"""Plain words for each close cause (the detail of the ``closed`` events)."""


STATE_TYPES: Final[dict[Machine, type[StrEnum]]] = {
    Machine.ICE: IceConnectionState,
    Machine.CONNECTION: ConnectionState,
    Machine.GATHERING: IceGatheringState,
    Machine.SIGNALING: SignalingState,
    Machine.TRANSPORT: IceTransportState,
}

INITIAL_STATES: Final[dict[Machine, str]] = {
    Machine.ICE: "new",
    Machine.CONNECTION: "new",
    Machine.GATHERING: "new",
    Machine.SIGNALING: "stable",
    Machine.TRANSPORT: "new",
}
"""Every machine's value before anything happened (webrtc-pc's initial values)."""

# webrtc-pc §4.3.4 / §5.6.6, shortened; shown as tooltips and in the docs.
ICE_MEANINGS: Final[dict[IceConnectionState, str]] = {
    IceConnectionState.NEW: (
        "Gathering candidates and/or waiting for remote candidates; no checks have started yet."
    ),
    IceConnectionState.CHECKING: (
        "Checking candidate pairs: no usable pair found yet (or consent was lost on every "
        "previously working pair)."
    ),
    IceConnectionState.CONNECTED: (
        "A usable pair was found; ICE may still be checking other pairs or waiting for "
        "end-of-candidates."
    ),
    IceConnectionState.COMPLETED: (
        "Gathering finished, end-of-candidates received, every pair checked and a connection found."
    ),
    IceConnectionState.FAILED: (
        "Every pair failed or lost consent. Terminal until ICE is restarted; DTLS and data "
        "channels are not closed by it."
    ),
    IceConnectionState.DISCONNECTED: (
        "Connectivity is currently lost (no consent responses). Transient: may recover on "
        "its own on a flaky network."
    ),
    IceConnectionState.CLOSED: ("The ICE agent has shut down and no longer answers STUN requests."),
}


def derive_ice_connection_state(
    transports: Iterable[IceTransportState], *, is_closed: bool = False
) -> IceConnectionState:
    """Aggregate transport states into ``iceConnectionState`` (webrtc-pc §4.3.4).

    The enum is defined in precedence order; each value applies only if none of the previous
    ones does.

    Args:
        transports: the states of the ICE transports referenced by the transceivers and the
            SCTP transport.
        is_closed: the peer connection's ``[[IsClosed]]`` slot.

    Returns:
        The derived PC-level state.
    """
    states = set(transports)
    if is_closed:
        return IceConnectionState.CLOSED
    if IceTransportState.FAILED in states:
        return IceConnectionState.FAILED
    if IceTransportState.DISCONNECTED in states:
        return IceConnectionState.DISCONNECTED
    if states <= {IceTransportState.NEW, IceTransportState.CLOSED}:
        # also covers "no transports at all"
        return IceConnectionState.NEW
    if states & {IceTransportState.NEW, IceTransportState.CHECKING}:
        return IceConnectionState.CHECKING
    if states <= {IceTransportState.COMPLETED, IceTransportState.CLOSED}:
        return IceConnectionState.COMPLETED
    return IceConnectionState.CONNECTED


def derive_connection_state(
    ice: IceConnectionState, dtls_states: Iterable[str], *, is_closed: bool = False
) -> ConnectionState:
    """Aggregate ICE and DTLS transport states into ``connectionState`` (webrtc-pc §4.3.3).

    Args:
        ice: the derived ``iceConnectionState``.
        dtls_states: the DTLS transports' states (``new``, ``connecting``, ``connected``,
            ``closed``, ``failed``).
        is_closed: the peer connection's ``[[IsClosed]]`` slot.

    Returns:
        The derived PC-level connection state.
    """
    dtls = set(dtls_states)
    if is_closed:
        return ConnectionState.CLOSED
    if ice is IceConnectionState.FAILED or "failed" in dtls:
        return ConnectionState.FAILED
    if ice is IceConnectionState.DISCONNECTED:
        return ConnectionState.DISCONNECTED
    if ice in (IceConnectionState.NEW, IceConnectionState.CLOSED) and dtls <= {"new", "closed"}:
        return ConnectionState.NEW
    if ice in (IceConnectionState.NEW, IceConnectionState.CHECKING) or dtls & {"new", "connecting"}:
        return ConnectionState.CONNECTING
    return ConnectionState.CONNECTED
