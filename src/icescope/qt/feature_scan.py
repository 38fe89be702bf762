"""A cheaper answer to PySide6's per-import question "does this module use PySide6?".

PySide6 replaces ``builtins.__import__`` to support its opt-in ``from __feature__ import
snake_case``. As a side effect, the first time any module name goes through an import
statement after PySide6 is loaded, ``shibokensupport.feature._mod_uses_pyside`` reads the
module's whole source file (``inspect.getsource``) to look for the string ``"PySide6"``
(PYSIDE-2029; napari#8584 traced the same start-up tax). On IceScope's start that is ~60
source files (~5 ms, 3 % of the time to the first frame) and, once the session imports
aiortc, ~300 more.

:func:`install` swaps in a check that looks at what the module *holds* instead of what its
source *says*: a module uses PySide6 when one of its globals is a PySide6 module, a class
defined in one, or an instance of such a class. IceScope never selects a ``__feature__``, and
the answer only decides which modules a selected feature would switch, so a slightly
different answer could not change behaviour here; ``tests/qt/test_startup.py`` checks the
answers agree anyway, and that the hook is still where this module expects it (PySide6 is
pinned).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

import PySide6  # noqa: F401 - loads shiboken's feature support, whose hook is replaced below

_FEATURE_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"


def uses_pyside(module: ModuleType) -> bool:
    """True when a global of ``module`` is a PySide6 module, or a class or object from one."""
    for value in list(vars(module).values()):
        if isinstance(value, ModuleType):
            origin: Any = value.__name__
        elif isinstance(value, type):
            origin = value.__module__
        else:
            origin = getattr(type(value), "__module__", None)
        if isinstance(origin, str) and origin.startswith("PySide6"):
            return True
    return False


def install() -> bool:
    """Replace PySide6's source scan with :func:`uses_pyside`.

    Returns:
        True when installed; False when this PySide6 has no such hook (nothing changes then:
        start-up only pays the scan).
    """
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, _HOOK, None)):
        return False
    setattr(feature, _HOOK, uses_pyside)
    return True
