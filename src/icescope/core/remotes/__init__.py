"""Remote peers: how the local peer reaches the other side of a session.

Each mode (``loopback``, ...) is a factory returning a :class:`RemoteLink`: the local agent's
signaling end, who offers, and (in-process modes) the remote agent itself.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from ..errors import ConfigError
from .base import RemoteContext, RemoteLink

if TYPE_CHECKING:
    from ..config import Settings
    from .base import RemoteFactory

__all__ = ["FACTORIES", "RemoteContext", "RemoteLink", "factory_for", "open_remote"]

FACTORIES: dict[str, str] = {
    "loopback": "loopback:open_loopback",
    "browser": "browser:open_browser",
    "tcp-listen": "tcp:open_tcp_listen",
    "tcp-connect": "tcp:open_tcp_connect",
    "manual": "manual:open_manual",
    "paste": "paste:open_paste",
}
"""Remote factories by ``Settings.mode``, as ``module:function`` in this package.

Imported on first use: the factories pull in aiortc (~0.4 s), which the window and the
command-line parser must not pay for before the window is shown.
"""


def factory_for(mode: str) -> RemoteFactory:
    """The factory of ``mode``.

    Raises:
        ConfigError: the mode is unknown.
    """
    target = FACTORIES.get(mode)
    if target is None:
        raise ConfigError.of("error:remote-mode", mode=repr(mode))
    module, _, name = target.partition(":")
    factory: RemoteFactory = getattr(import_module(f"{__name__}.{module}"), name)
    return factory


async def open_remote(settings: Settings, context: RemoteContext) -> RemoteLink:
    """Open the remote side for ``settings.mode``.

    Raises:
        ConfigError: the mode is unknown.
    """
    return await factory_for(settings.mode)(settings, context)
