"""The W3C ``RTCConfiguration`` of a session's peers, from its settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiortc import RTCConfiguration, RTCIceServer
from aiortc.rtcconfiguration import RTCBundlePolicy, RTCIceTransportPolicy

if TYPE_CHECKING:
    from .config import Settings


def rtc_configuration(settings: Settings) -> RTCConfiguration:
    """The W3C configuration for ``settings``.

    ``iceServers`` is always an explicit list: with ``None`` aiortc would silently contact a
    public STUN server.
    """
    servers = [
        RTCIceServer(urls=list(s.urls), username=s.username, credential=s.credential)
        for s in settings.ice_servers
    ]
    return RTCConfiguration(
        iceServers=servers,
        bundlePolicy=RTCBundlePolicy.MAX_BUNDLE,
        iceTransportPolicy=(
            RTCIceTransportPolicy.RELAY if settings.relay_only else RTCIceTransportPolicy.ALL
        ),
    )
