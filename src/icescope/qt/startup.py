"""Start-up touches: the window icon, the end of start-up, and a marker for benchmarks."""

from __future__ import annotations

import gc
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


def first_frame_drawn() -> None:
    """Start-up is over: resume the garbage collector and, if asked, announce it.

    The command line pauses the collector while the window starts (see
    ``icescope.cli.run_gui_from_args``). What start-up built lives as long as the process, so
    it is frozen out of later collections (``gc.freeze``) before collection resumes.

    With ``ICESCOPE_STARTUP_MARKER=1`` this prints :data:`MARKER`: start-up benchmarks time
    process start to this line, no screen scraping needed.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
    if os.environ.get(MARKER_ENV) == "1":
        sys.stdout.write(MARKER + "\n")
        sys.stdout.flush()
