"""The METADATA file a bundle carries when the build venv has no installed IceScope.

``icescope.core.ice.compat`` reads the pinned aiortc/aioice/pyee versions from
``importlib.metadata.requires("icescope")``, so the bundle's dist-info must list the
``Requires-Dist`` of ``pyproject.toml``; ``icescope.spec`` writes this text when
``copy_metadata("icescope")`` finds nothing to copy. Tested by tests/core/ice/test_compat.py.
"""

from __future__ import annotations

from typing import Any


def metadata_text(project: dict[str, Any]) -> str:
    """Core metadata (name, version, requirements) for ``pyproject.toml``'s ``[project]``."""
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
    ]
    lines.extend(f"Requires-Dist: {requirement}" for requirement in project["dependencies"])
    return "\n".join(lines) + "\n"
