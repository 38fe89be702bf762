"""PySide6 6.12.0 None-refcount trap: exit 1 if Qt calls leak references to None.

PySide6 6.12.0's void-returning methods drop one reference to ``None`` per call. On
CPython >= 3.12 None is immortal and hides it; on 3.11 the count reaches zero a few seconds
into a live aiortc connection (qasync calls killTimer for every timer) and the interpreter
aborts with "none_dealloc". 6.11.3 leaves the count flat. See packaging/README.md.

Run with the interpreter whose wheels get frozen: ``QT_QPA_PLATFORM=offscreen python
packaging/refcount_smoke.py``. Prints the delta; exit 0 only when it is 0.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QApplication, QLabel

CALLS = 500

app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(CALLS):
    label.setText("x")
delta = sys.getrefcount(None) - before
print(
    f"PySide6 {pyside_version} on Python {sys.version.split()[0]}: "
    f"refcount(None) delta after {CALLS} QLabel.setText calls = {delta}"
)
sys.exit(0 if delta == 0 else 1)
