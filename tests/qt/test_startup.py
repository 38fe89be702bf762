"""Start-up: the collector pause and the cheap PySide6 import check (qt/feature_scan.py)."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import sys
from typing import TYPE_CHECKING

import PySide6

from icescope.qt import feature_scan
from tests.subproc import run_python

if TYPE_CHECKING:
    from types import ModuleType

# The real `icescope` command up to its first frame, observed from inside: is the collector
# paused while the window is built, resumed (with start-up frozen) after the first frame, and
# did PySide6's import hook read any of IceScope's source files?
_FIRST_FRAME_PROBE = """
import gc, json, linecache, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import icescope
import icescope.qt.app as app
from icescope.cli import main
seen = {}
# IceScope's own source files (not any path that merely contains the word, like a clone
# folder named "icescope").
package_dir = os.path.dirname(icescope.__file__) + os.sep
resume = app.first_frame_drawn

def at_first_frame():
    seen["enabled_before"] = gc.isenabled()
    resume()
    seen["enabled_after"] = gc.isenabled()
    seen["frozen"] = gc.get_freeze_count()
    seen["sources_read"] = sorted(f for f in linecache.cache if f.startswith(package_dir))
    # fillRect's and QBrush's overloads build QGradient's 170-member enum (~1 ms)
    seen["qgradient"] = "QGradient" in vars(sys.modules["PySide6.QtGui"])
    print(json.dumps(seen), flush=True)
    os._exit(0)

app.first_frame_drawn = at_first_frame
main(["--no-journal"])
"""


def test_first_frame_is_built_with_the_collector_paused_and_no_source_scans() -> None:
    out = run_python("-c", _FIRST_FRAME_PROBE)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["enabled_before"] is False, "the collector ran during start-up"
    assert seen["enabled_after"] is True, "the collector was not resumed after the first frame"
    assert seen["frozen"] > 10_000, "start-up objects were not frozen out of collections"
    assert seen["sources_read"] == [], "PySide6's import hook read source files"
    assert seen["qgradient"] is False, "the first frame built QGradient's type"


def test_the_cheap_check_replaced_pysides_source_scan() -> None:
    """PySide6 is pinned: if its hook moves, this fails instead of start-up quietly slowing."""
    hook = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert hook is feature_scan.uses_pyside
    assert feature_scan.install() is True  # idempotent


def _source(module: ModuleType) -> str:
    try:
        return inspect.getsource(module)
    except (OSError, TypeError):
        return ""


def test_the_cheap_check_agrees_with_the_source_scan() -> None:
    """Every module that imports PySide6 is recognised; Qt-free modules are not.

    (PySide6's own scan also says "uses PySide6" for a module that merely mentions the name in
    a comment; the cheap check looks at what the module holds, which is the question the
    feature switch actually asks.)
    """
    for name in (
        "icescope.qt.main_window",
        "icescope.qt.widgets.event_log_view",
        "qasync",
        "icescope.core.config",
        "icescope.core.hub",
        "icescope.core.journal",
    ):
        importlib.import_module(name)
    # Imports at module level only: one under ``if TYPE_CHECKING:`` holds nothing at run time.
    importing = re.compile(r"^(from|import) PySide6\b", re.M)
    users = [
        m
        for m in sorted(sys.modules)
        if m.startswith(("icescope.", "qasync")) and importing.search(_source(sys.modules[m]))
    ]
    assert len(users) >= 15, users
    for name in users:
        assert feature_scan.uses_pyside(sys.modules[name]), name
    assert feature_scan.uses_pyside(PySide6)
    # The core never imports Qt (an import contract); neither do these standard modules.
    qt_free = [m for m in sorted(sys.modules) if m.startswith("icescope.core.")]
    assert len(qt_free) >= 8, qt_free
    for name in [*qt_free, "json", "csv", "inspect", "typing"]:
        assert not feature_scan.uses_pyside(sys.modules[name]), name
