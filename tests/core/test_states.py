"""The W3C derivations, table-driven (webrtc-pc §4.3.3, §4.3.4)."""

from __future__ import annotations

import pytest

from icescope.core.states import (
    ICE_MEANINGS,
    ConnectionState,
    IceConnectionState,
    IceTransportState,
    derive_connection_state,
    derive_ice_connection_state,
)

T = IceTransportState
I = IceConnectionState


@pytest.mark.parametrize(
    ("transports", "closed", "expected"),
    [
        ([], False, I.NEW),
        ([T.NEW], False, I.NEW),
        ([T.NEW, T.CLOSED], False, I.NEW),
        ([T.CHECKING], False, I.CHECKING),
        ([T.NEW, T.CONNECTED], False, I.CHECKING),
        ([T.CONNECTED], False, I.CONNECTED),
        ([T.CONNECTED, T.COMPLETED], False, I.CONNECTED),
        ([T.COMPLETED], False, I.COMPLETED),
        ([T.COMPLETED, T.CLOSED], False, I.COMPLETED),
        ([T.DISCONNECTED, T.COMPLETED], False, I.DISCONNECTED),
        ([T.DISCONNECTED, T.CHECKING], False, I.DISCONNECTED),
        ([T.FAILED, T.DISCONNECTED], False, I.FAILED),
        ([T.FAILED, T.COMPLETED], False, I.FAILED),
        ([T.COMPLETED], True, I.CLOSED),
        ([T.FAILED], True, I.CLOSED),
    ],
)
def test_derive_ice_connection_state(
    transports: list[IceTransportState], closed: bool, expected: IceConnectionState
) -> None:
    assert derive_ice_connection_state(transports, is_closed=closed) is expected


@pytest.mark.parametrize(
    ("ice", "dtls", "closed", "expected"),
    [
        (I.NEW, [], False, ConnectionState.NEW),
        (I.CHECKING, ["new"], False, ConnectionState.CONNECTING),
        (I.COMPLETED, ["connecting"], False, ConnectionState.CONNECTING),
        (I.COMPLETED, ["connected"], False, ConnectionState.CONNECTED),
        (I.CONNECTED, ["connected"], False, ConnectionState.CONNECTED),
        (I.DISCONNECTED, ["connected"], False, ConnectionState.DISCONNECTED),
        (I.FAILED, ["connected"], False, ConnectionState.FAILED),
        (I.COMPLETED, ["failed"], False, ConnectionState.FAILED),
        (I.COMPLETED, ["connected"], True, ConnectionState.CLOSED),
    ],
)
def test_derive_connection_state(
    ice: IceConnectionState, dtls: list[str], closed: bool, expected: ConnectionState
) -> None:
    assert derive_connection_state(ice, dtls, is_closed=closed) is expected


def test_all_seven_states_have_a_meaning() -> None:
    assert [s.value for s in IceConnectionState] == [
        "new",
        "checking",
        "connected",
        "completed",
        "failed",
        "disconnected",
        "closed",
    ]
    for state in IceConnectionState:
        assert len(ICE_MEANINGS[state]) > 30
