"""EventBridge: the session hub's events as a Qt signal.

With qasync the asyncio callbacks already run on the GUI thread, so the bridge needs no
cross-thread marshalling: ``hub.publish`` → ``event.emit`` → widget slots, synchronously.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..core.hub import EventHub


class EventBridge(QObject):
    """Re-emits every event of one :class:`~icescope.core.hub.EventHub` as :attr:`event`.

    Args:
        parent: the owning object.
    """

    # Named as in the design (``bridge.event``); it shadows QObject.event() only for Python
    # callers: Qt's C++ event dispatch is unaffected (see tests/qt/test_bridge.py).
    event = Signal(object)  # type: ignore[assignment]
    """One :data:`~icescope.core.events.SessionEvent`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def attached(self) -> bool:
        """True while subscribed to a hub."""
        return self._unsubscribe is not None

    def attach(self, hub: EventHub) -> None:
        """Follow ``hub`` (and stop following any previous one)."""
        self.detach()
        self._unsubscribe = hub.subscribe(self.event.emit)

    def detach(self) -> None:
        """Stop following the current hub, if any."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
