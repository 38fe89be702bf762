"""Remote peers: how the local peer reaches the other side of a session.

Each mode (``loopback``, ...) is a factory returning a :class:`RemoteLink`: the local agent's
signaling end, who offers, and (in-process modes) the remote agent itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ConfigError
from .base import RemoteContext, RemoteFactory, RemoteLink
from .browser import open_browser
from .loopback import open_loopback
from .manual import open_manual
from .paste import open_paste
from .tcp import open_tcp_connect, open_tcp_listen

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["FACTORIES", "RemoteContext", "RemoteLink", "open_remote"]

FACTORIES: dict[str, RemoteFactory] = {
    "loopback": open_loopback,
    "browser": open_browser,
    "tcp-listen": open_tcp_listen,
    "tcp-connect": open_tcp_connect,
    "manual": open_manual,
    "paste": open_paste,
}
"""Remote factories by ``Settings.mode``."""


async def open_remote(settings: Settings, context: RemoteContext) -> RemoteLink:
    """Open the remote side for ``settings.mode``.

    Raises:
        ConfigError: the mode is unknown.
    """
    factory = FACTORIES.get(settings.mode)
    if factory is None:
        raise ConfigError(f"unknown remote mode {settings.mode!r}")
    return await factory(settings, context)
