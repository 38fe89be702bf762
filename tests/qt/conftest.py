"""Widget tests: offscreen Qt, and no widget or QTimer may outlive its test."""

from __future__ import annotations

import os

# Must be set before the QApplication exists (pytest-qt creates it lazily in `qapp`).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import time
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTimer
from PySide6.QtWidgets import QApplication

from icescope.core.events import Peer, StateChanged
from icescope.core.states import Machine, Provenance

if TYPE_CHECKING:
    from collections.abc import Iterator


def _live_timers() -> list[QTimer]:
    return [o for o in gc.get_objects() if isinstance(o, QTimer) and shiboken6.isValid(o)]


@pytest.fixture(autouse=True)
def _no_leaks(qapp: QApplication) -> Iterator[None]:
    """Fail on top-level widgets or active QTimers left behind (napari's dangling checks).

    pytest-qt closes and deleteLater()s widgets registered with ``qtbot.addWidget`` before
    fixtures are torn down, so whatever is still alive here leaked.
    """
    from icescope.qt.i18n import current_language

    widgets_before = set(QApplication.topLevelWidgets())
    timers_before = {id(t) for t in _live_timers()}
    language_before, decimal_before = current_language(), QLocale().decimalPoint()
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if w not in widgets_before and shiboken6.isValid(w) and w.parent() is None
    ]
    timers = [t for t in _live_timers() if id(t) not in timers_before and t.isActive()]
    for w in leaked:
        w.deleteLater()
    for t in timers:
        t.stop()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not leaked, f"leaked top-level widgets: {leaked}"
    assert not timers, f"leaked active QTimers: {timers}"
    # A test that switched the language must switch it back (later tests read English words
    # and numbers: a leaked German "1,2 s" failed a window test far away).
    assert current_language() == language_before, "the UI language was left switched"
    assert QLocale().decimalPoint() == decimal_before, "the default number format was left"


def state_event(
    machine: Machine,
    previous: str,
    state: str,
    *,
    peer: Peer = Peer.LOCAL,
    ts: float = 1.0,
    provenance: Provenance = Provenance.REPORTED,
    detail: str = "",
) -> StateChanged:
    """A real StateChanged built from plain values."""
    return StateChanged(
        ts=ts,
        wall=time.time(),
        peer=peer,
        machine=machine,
        previous=previous,
        state=state,
        provenance=provenance,
        in_previous=0.25,
        generation="abcd",
        detail=detail,
    )


class Fed:
    """A real SessionModel fed by a real hub, in a session already ``AGE`` seconds old (no peers).

    Session time is a real monotonic clock plus ``AGE``, so events can be stamped in the past.
    """

    AGE = 100.0

    def __init__(self) -> None:
        from icescope.core.clock import SessionClock
        from icescope.core.hub import EventHub
        from icescope.core.model import SessionModel

        self.clock = SessionClock()
        self.hub = EventHub()
        self.model = SessionModel()
        self.hub.subscribe(self.model.apply)

    def now(self) -> float:
        """Session time."""
        return self.AGE + self.clock.ts()

    def stamp(self, ago: float = 0.0) -> dict[str, object]:
        """Common event fields, ``ago`` seconds in the session's past."""
        ts = self.now() - ago
        return {"ts": ts, "wall": self.clock.started_wall - self.AGE + ts}

    def publish(self, *events: object) -> None:
        """Publish each event (the model folds it first, then any window)."""
        for event in events:
            self.hub.publish(event)  # type: ignore[arg-type]

    def start(self, mode: str = "loopback") -> None:
        """The session's start marker."""
        from icescope.core.events import SessionMarker

        self.publish(SessionMarker(**self.stamp(), peer=Peer.LOCAL, phase="start", detail=mode))


@pytest.fixture
def fed() -> Fed:
    """A fresh :class:`Fed`."""
    return Fed()


@pytest.fixture
def german(qapp) -> Iterator[None]:
    """The German catalogues installed for the test, English again afterwards."""
    from icescope.qt.i18n import install_translators

    installed = install_translators(qapp, "de")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    install_translators(qapp, "en")
