"""Start-up touches: the window icon, and a marker for start-up benchmarks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QIcon

ICON = Path(__file__).with_name("icons") / "icescope.png"
MARKER_ENV = "ICESCOPE_STARTUP_MARKER"
MARKER = "icescope-startup: window-exposed"


def app_icon() -> QIcon:
    """IceScope's icon (a PNG: the frozen bundle ships no SVG plugin)."""
    return QIcon(str(ICON))


class _ExposeMarker(QObject):
    """Prints :data:`MARKER` once, when the window is first exposed on screen."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose:
            sys.stdout.write(MARKER + "\n")
            sys.stdout.flush()
            watched.removeEventFilter(self)
        return False


def announce_first_expose(window_handle: QObject | None) -> None:
    """With ``ICESCOPE_STARTUP_MARKER=1``, print :data:`MARKER` on the window's first expose.

    The packaging benchmark times process start to this line: no screen scraping needed.
    """
    if os.environ.get(MARKER_ENV) != "1" or window_handle is None:
        return
    marker = _ExposeMarker(window_handle)
    window_handle.installEventFilter(marker)
