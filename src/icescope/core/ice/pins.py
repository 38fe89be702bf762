"""The exact aiortc/aioice/pyee versions the engine was written against, from one source.

The source is ``pyproject.toml``'s ``[project] dependencies``: read from the installed
distribution's metadata (``importlib.metadata.requires("icescope")``; a PyInstaller bundle
carries that metadata, see ``packaging/icescope.spec``), or, when IceScope runs from a source
checkout that was never installed, from the ``pyproject.toml`` beside ``src/``. When neither
exists the pins are unknown and the engine says so instead of guessing.
"""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable

ENGINE_PACKAGES: Final = ("aiortc", "aioice", "pyee")
"""The distributions whose internals the engine relies on (each needs an exact pin)."""

_EXACT: Final = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s,;]+)\s*$")


def pins_from_requirements(requirements: Iterable[str]) -> dict[str, str]:
    """The exact ``name==version`` pins of :data:`ENGINE_PACKAGES` among ``requirements``.

    Requirements with an environment marker (``; python_version < ...``, extras) are skipped:
    an engine pin holds everywhere.
    """
    pins: dict[str, str] = {}
    for requirement in requirements:
        if ";" in requirement:
            continue
        match = _EXACT.match(requirement)
        if match is not None and match.group(1).lower() in ENGINE_PACKAGES:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def source_tree_pyproject() -> Path:
    """Where ``pyproject.toml`` is when this module runs from a source checkout."""
    return Path(__file__).resolve().parents[4] / "pyproject.toml"


def _source_tree_requirements(path: Path) -> list[str] | None:
    try:
        with path.open("rb") as f:
            project = tomllib.load(f).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    if project.get("name") != "icescope":
        return None
    return [str(r) for r in project.get("dependencies", [])]


def read_pins(pyproject: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The engine's pins and, when they cannot all be known, why (else None).

    Args:
        pyproject: the source-tree fallback (default :func:`source_tree_pyproject`).
    """
    try:
        requirements = importlib.metadata.requires("icescope")
    except importlib.metadata.PackageNotFoundError:
        requirements = None
    if requirements is None:
        requirements = _source_tree_requirements(pyproject or source_tree_pyproject())
    if requirements is None:
        return {}, (
            "cannot tell which aiortc/aioice versions this IceScope needs: no installed "
            "metadata for icescope (a bundle built without it?) and no pyproject.toml beside "
            "the source"
        )
    pins = pins_from_requirements(requirements)
    missing = [name for name in ENGINE_PACKAGES if name not in pins]
    if missing:
        return pins, f"IceScope's requirements pin no exact version of {', '.join(missing)}"
    return pins, None
