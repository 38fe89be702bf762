"""System-package requirements for tests: skip when missing, fail when CI demands them.

CI installs every system package and sets ``ICESCOPE_REQUIRE_SYSTEM=1``, which turns these
skips into failures so a missing install step can never pass silently.
"""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRE_ENV = "ICESCOPE_REQUIRE_SYSTEM"


def system_required() -> bool:
    """True when missing system packages must fail tests instead of skipping them."""
    return os.environ.get(REQUIRE_ENV) == "1"


def missing(reason: str) -> None:
    """Skip (or, under ``ICESCOPE_REQUIRE_SYSTEM=1``, fail) with ``reason``."""
    if system_required():
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1 forbids skipping)")
    pytest.skip(reason)


def require_binary(name: str, reason: str) -> str:
    """Return the path of executable ``name`` or skip/fail with ``reason``."""
    path = shutil.which(name)
    if path is None:
        missing(f"{name} not found: {reason}")
        raise AssertionError("unreachable")  # pragma: no cover
    return path


def require_root(reason: str) -> None:
    """Skip/fail unless running as root (network namespaces, nftables)."""
    if os.geteuid() != 0:
        missing(f"needs root: {reason}")
