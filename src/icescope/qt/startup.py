"""Start-up touches: the window icon, and a marker for start-up benchmarks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QIcon

ICON = Path(__file__).with_name("icons") / "icescope.png"
MARKER_ENV = "ICESCOPE_STARTUP_MARKER"
MARKER = "icescope-startup: window-exposed"


def app_icon() -> QIcon:
    """IceScope's icon (a PNG: the frozen bundle ships no SVG plugin)."""
    return QIcon(str(ICON))


def announce_shown() -> None:
    """With ``ICESCOPE_STARTUP_MARKER=1``, print :data:`MARKER` (the first frame is drawn).

    Start-up benchmarks time process start to this line: no screen scraping needed.
    """
    if os.environ.get(MARKER_ENV) == "1":
        sys.stdout.write(MARKER + "\n")
        sys.stdout.flush()
