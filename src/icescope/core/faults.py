"""Network impairment on a peer's ICE sockets: blackout, random loss, added delay.

Faults act on the datagrams of a peer's ICE sockets (every ICE generation, including ones
created later; the socket adapter is :mod:`icescope.core.ice.impair`), so consent checks,
connectivity checks, DTLS, SCTP and SRTP all see the same network: nothing is mocked above the
socket. This module is pure: it decides, the engine's adapter applies. ``in`` means datagrams
arriving at the peer's sockets, ``out`` datagrams leaving them.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from typing import TYPE_CHECKING, Final

from .errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Callable

logger = logging.getLogger(__name__)

DIRECTIONS: Final = ("in", "out", "both")
KINDS: Final = ("blackout", "loss", "delay", "clear")
MAX_DELAY_MS: Final = 10_000.0
MAX_BLACKOUT_S: Final = 24 * 3600.0


def validate_impairment(kind: str, direction: str, value: float) -> None:
    """Check one impairment request and raise a readable error if it makes no sense.

    Args:
        kind: ``blackout`` (value = length in s, 0 = until cleared), ``loss`` (value = percent),
            ``delay`` (value = ms) or ``clear``.
        direction: ``in``, ``out`` or ``both``.
        value: the amount, see ``kind``.

    Raises:
        ConfigError: unknown kind or direction, or a value out of range.
    """
    if kind not in KINDS:
        raise ConfigError.of("error:impair-kind", kind=repr(kind), kinds=", ".join(KINDS))
    if direction not in DIRECTIONS:
        raise ConfigError.of("error:impair-direction", direction=repr(direction))
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ConfigError.of("error:impair-value", value=repr(value))
    if kind == "loss" and not 0 <= value <= 100:
        raise ConfigError.of("error:impair-loss", value=f"{value:g}")
    if kind == "delay" and not 0 <= value <= MAX_DELAY_MS:
        raise ConfigError.of("error:impair-delay", limit=f"{MAX_DELAY_MS:g}", value=f"{value:g}")
    if kind == "blackout" and not 0 <= value <= MAX_BLACKOUT_S:
        raise ConfigError.of(
            "error:impair-blackout", limit=f"{MAX_BLACKOUT_S:g}", value=f"{value:g}"
        )


def _sides(direction: str) -> tuple[str, ...]:
    return ("in", "out") if direction == "both" else (direction,)


class FaultInjector:
    """The impairments currently applied to one peer's ICE sockets.

    Args:
        seed: seed of the loss RNG (tests use one for a reproducible pattern).
    """

    def __init__(self, *, seed: int | None = None) -> None:
        self._rng = random.Random(seed)
        self._blackout: dict[str, bool] = {"in": False, "out": False}
        self._loss: dict[str, float] = {"in": 0.0, "out": 0.0}
        self._delay: dict[str, float] = {"in": 0.0, "out": 0.0}
        self._blackout_timer: asyncio.TimerHandle | None = None
        self._delayed: set[asyncio.TimerHandle] = set()
        self.dropped: dict[str, int] = {"in": 0, "out": 0}
        """Datagrams dropped so far, per direction."""

    # ------------------------------------------------------------------ queries
    @property
    def active(self) -> bool:
        """True when any impairment is in force."""
        return any(self._blackout.values()) or any(self._loss.values()) or any(self._delay.values())

    def blacked_out(self, direction: str) -> bool:
        """Whether ``direction`` (``in``/``out``) is blacked out now."""
        return self._blackout[direction]

    # ------------------------------------------------------------------ commands
    def blackout(
        self,
        direction: str = "both",
        duration: float = 0.0,
        on_end: Callable[[], None] | None = None,
    ) -> None:
        """Drop every datagram in ``direction``; for ``duration`` s, or until cleared if 0.

        Args:
            direction: ``in``, ``out`` or ``both``.
            duration: seconds; 0 keeps the blackout until :meth:`clear`.
            on_end: called when a timed blackout ends on its own.
        """
        validate_impairment("blackout", direction, duration)
        self._cancel_blackout_timer()
        for side in _sides(direction):
            self._blackout[side] = True
        if duration > 0:
            loop = asyncio.get_running_loop()
            self._blackout_timer = loop.call_later(duration, self._end_blackout, direction, on_end)

    def loss(self, percent: float, direction: str = "both") -> None:
        """Drop each datagram in ``direction`` with probability ``percent`` / 100."""
        validate_impairment("loss", direction, percent)
        for side in _sides(direction):
            self._loss[side] = percent / 100.0

    def delay(self, ms: float, direction: str = "both") -> None:
        """Hold each datagram in ``direction`` for ``ms`` milliseconds before delivering it."""
        validate_impairment("delay", direction, ms)
        for side in _sides(direction):
            self._delay[side] = ms / 1000.0

    def clear(self, direction: str = "both") -> None:
        """Remove every impairment in ``direction`` (datagrams already delayed still arrive)."""
        validate_impairment("clear", direction, 0.0)
        if direction == "both":
            self._cancel_blackout_timer()
        for side in _sides(direction):
            self._blackout[side] = False
            self._loss[side] = 0.0
            self._delay[side] = 0.0

    def close(self) -> None:
        """Clear everything and cancel every pending timer (delayed datagrams are dropped)."""
        self.clear()
        for handle in self._delayed:
            handle.cancel()
        self._delayed.clear()

    # ------------------------------------------------------------------ datapath
    def deliver(self, direction: str, action: Callable[[], None]) -> None:
        """Run ``action`` (deliver one datagram) now, later, or never, per the impairments."""
        if self._blackout[direction] or (
            self._loss[direction] and self._rng.random() < self._loss[direction]
        ):
            self.dropped[direction] += 1
            return
        delay = self._delay[direction]
        if delay <= 0:
            action()
            return
        loop = asyncio.get_running_loop()
        handle: asyncio.TimerHandle | None = None

        def fire() -> None:
            if handle is not None:
                self._delayed.discard(handle)
            action()

        handle = loop.call_later(delay, fire)
        self._delayed.add(handle)

    def _end_blackout(self, direction: str, on_end: Callable[[], None] | None) -> None:
        self._blackout_timer = None
        for side in _sides(direction):
            self._blackout[side] = False
        if on_end is not None:
            try:
                on_end()
            except Exception:
                logger.exception("blackout end callback failed")

    def _cancel_blackout_timer(self) -> None:
        if self._blackout_timer is not None:
            self._blackout_timer.cancel()
            self._blackout_timer = None
