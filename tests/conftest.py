"""Shared fixtures: isolated journal directory, collection order core -> qt -> e2e."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

# Widgets render offscreen in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_ORDER = ("tests/core", "tests/qt", "tests/e2e")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the fast core tests first, then widgets, then end-to-end (as napari does)."""

    def rank(item: pytest.Item) -> int:
        path = str(item.path).replace(os.sep, "/")
        for index, prefix in enumerate(_ORDER):
            if f"/{prefix}/" in path:
                return index
        return len(_ORDER)

    items.sort(key=rank)


@pytest.fixture(autouse=True)
def _journal_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never write journals into the real user data dir during tests."""
    directory = tmp_path / "journals"
    monkeypatch.setenv("ICESCOPE_JOURNAL_DIR", str(directory))
    # Nor read or write the user's settings file (platformdirs and QSettings follow XDG).
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return directory
