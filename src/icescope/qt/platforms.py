"""Which Qt platform plugins exist, checked before Qt is asked to start on one.

With ``QT_QPA_PLATFORM`` naming a plugin that does not exist (or ``xcb`` without an X
display), ``QGuiApplication`` prints a paragraph and aborts the process (SIGABRT, a core dump).
:func:`platform_problem` finds that out first, so the CLI can exit 2 with one line that lists
the platforms there are.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

_NEEDS: dict[str, tuple[str, ...]] = {
    "xcb": ("DISPLAY",),
    "wayland": ("WAYLAND_DISPLAY",),
    "wayland-egl": ("WAYLAND_DISPLAY",),
}
"""Platforms that need a display server, and the variables that name one."""


def available_platforms(environ: Mapping[str, str]) -> list[str]:
    """The platform names the installed plugins provide (their metadata keys), sorted."""
    from PySide6.QtCore import QLibraryInfo, QPluginLoader

    directories = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"]
    extra = environ.get("QT_QPA_PLATFORM_PLUGIN_PATH")
    if extra:
        directories.insert(0, Path(extra))
    names: set[str] = set()
    for directory in directories:
        if not directory.is_dir():
            continue
        for plugin in sorted(directory.iterdir())[:200]:
            meta: object = QPluginLoader(str(plugin)).metaData().get("MetaData", {})
            keys = meta.get("Keys", []) if isinstance(meta, dict) else []
            names.update(str(key) for key in keys)
    return sorted(names)


def platform_problem(environ: Mapping[str, str]) -> str | None:
    """Why Qt would abort on ``QT_QPA_PLATFORM``, in one line; None when it can start.

    ``QT_QPA_PLATFORM`` may list fallbacks (``wayland;xcb``), each with options
    (``offscreen:fontengine=freetype``); it is fine when any entry can start.
    """
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if not requested:
        return None
    available = available_platforms(environ)
    reasons: list[str] = []
    for entry in requested.split(";"):
        name = entry.split(":", 1)[0].strip()
        if name not in available:
            reasons.append(f"there is no Qt platform {name!r}")
            continue
        missing = [var for var in _NEEDS.get(name, ()) if not environ.get(var)]
        if missing:
            reasons.append(f"{name!r} needs {' or '.join(missing)}, which is unset")
            continue
        return None
    return (
        f"QT_QPA_PLATFORM={requested!r} cannot start: {'; '.join(reasons)}. Available "
        f"platforms: {', '.join(available) or 'none found'} (offscreen needs no display)"
    )
