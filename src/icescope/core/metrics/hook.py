"""Serve ``/metrics`` while the probe runs; push the final figures to a Pushgateway at the end."""

from __future__ import annotations

import asyncio
import socket
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from ..errors import ConfigError, IceScopeError, quote
from ..tcpaddress import parse_hostport

if TYPE_CHECKING:
    from collections.abc import Callable

    from aiohttp import web

    from ..config import Settings
    from ..session import Session

PUSH_TIMEOUT = 10.0
"""Seconds a push may take before it is given up (the probe's exit code does not change)."""
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


class MetricsHook:
    """A probe hook (:mod:`icescope.core.probehooks`) exporting the session's model.

    Args:
        listen: ``(host, port)`` to serve ``/metrics`` on, or None.
        pushgateway: the Pushgateway's base URL, or None.
        probe: the ``probe`` label.
        remote: the ``remote`` label.
    """

    def __init__(
        self, listen: tuple[str, int] | None, pushgateway: str | None, probe: str, remote: str
    ) -> None:
        self.listen = listen
        self.pushgateway = pushgateway
        self.probe = probe
        self.remote = remote
        self.registry: Any = None
        self._runner: web.AppRunner | None = None
        self.bound: tuple[str, int] | None = None
        """Where ``/metrics`` is served once started (the real port when 0 was asked)."""

    @classmethod
    def from_flags(
        cls, metrics: str | None, pushgateway: str | None, probe: str | None, settings: Settings
    ) -> MetricsHook:
        """Check ``--metrics``, ``--pushgateway`` and ``--probe-name``.

        Raises:
            ConfigError: a bad address, URL or name.
        """
        listen = parse_hostport(metrics, flag="--metrics") if metrics is not None else None
        if pushgateway is not None:
            url = urlparse(pushgateway)
            if url.scheme not in ("http", "https") or not url.hostname:
                raise ConfigError.of("error:pushgateway", value=quote(pushgateway))
        name = probe if probe is not None else socket.gethostname()
        if not name or len(name) > 128 or not set(name) <= _NAME_CHARS:
            raise ConfigError.of("error:probe-name", value=quote(name))
        return cls(listen, pushgateway, name, settings.mode)

    async def start(self, session: Session) -> None:
        """Register the collector and start serving.

        Raises:
            IceScopeError: the address cannot be bound.
        """
        from aiohttp import web
        from prometheus_client import CollectorRegistry
        from prometheus_client.aiohttp import make_aiohttp_handler

        from .collector import SessionCollector

        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(SessionCollector(session, self.probe, self.remote))
        if self.listen is None:
            return
        app = web.Application()
        app.router.add_get("/metrics", make_aiohttp_handler(self.registry))
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        host, port = self.listen
        site = web.TCPSite(runner, host, port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise IceScopeError(
                f"cannot serve metrics on {host}:{port}: {exc.strerror or exc}"
            ) from None
        self._runner = runner
        addresses = runner.addresses
        self.bound = tuple(addresses[0][:2]) if addresses else (host, port)
        bound_host, bound_port = self.bound
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        session.notice("info", "metrics", url=f"http://{shown}:{bound_port}/metrics")

    def connected(self, session: Session) -> list[asyncio.Task[None]]:
        """Nothing to schedule: the collector reads the model at each scrape."""
        return []

    async def finish(
        self, session: Session, code: int, emit: Callable[[dict[str, Any]], None]
    ) -> int:
        """Push the final figures (if asked), then stop serving; the exit code is unchanged."""
        if self.pushgateway is not None and self.registry is not None:
            from prometheus_client import push_to_gateway

            try:
                await asyncio.to_thread(
                    push_to_gateway,
                    self.pushgateway,
                    job="icescope",
                    registry=self.registry,
                    grouping_key={"probe": self.probe, "remote": self.remote},
                    timeout=PUSH_TIMEOUT,
                )
            except (OSError, ValueError) as exc:
                emit(
                    {
                        "type": "notice",
                        "ts": round(session.clock.ts(), 6),
                        "level": "error",
                        "code": "pushgateway",
                        "message": f"cannot push to {self.pushgateway}: {exc}",
                    }
                )
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        return code
