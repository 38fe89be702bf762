"""Open a generated 24-hour rtcstats dump (86,400 getStats rows) in the window: time and memory.

``PYTHONPATH=src python benchmarks/bench_open_window.py`` (offscreen). Prints the events read,
the seconds File → Open took to read, fold and show it, and the peak RSS.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import bench_import
from PySide6.QtWidgets import QApplication

from icescope.core.config import Settings
from icescope.qt.main_window import MainWindow
from icescope.qt.open_evidence import ConnectionPicker, open_path


def main() -> int:
    """Generate the dump, open it in a window, print the figures."""
    path = Path(tempfile.mkdtemp()) / "day.rtcstats.gz"
    bench_import.make_rtcstats(path)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(Settings(journal_enabled=False))
    window.show()
    app.processEvents()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    opened = open_path(window, path)
    if isinstance(opened, ConnectionPicker):
        opened.accept()
    app.processEvents()
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    entry = window.switcher.current
    assert entry is not None
    assert entry.recording is not None
    print(
        f"events read {entry.recording.count}, open and show {elapsed:.2f} s, "
        f"peak RSS {peak:.0f} MB (window alone {before:.0f} MB)"
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
