"""TURN passwords in the operating system's keyring (python ``keyring``), not in the settings file.

``keyring`` is optional (``pip install icescope[keyring]``): without it, or without a usable
backend (no Secret Service on a headless Linux box), :func:`keyring_problem` says why in words
and nothing is stored.
"""

from __future__ import annotations

import importlib
from typing import Any, Final

SERVICE: Final = "icescope"
KEYRING_MISSING: Final = (
    "the Python package 'keyring' is not installed (pip install 'icescope[keyring]')"
)
"""The reason given when ``keyring`` is absent (the views translate it by this text)."""


def _key(url: str, username: str) -> str:
    return f"{username}@{url}"


def _backend() -> tuple[Any, str | None]:
    """The keyring module and None, or None and why it cannot be used."""
    try:
        keyring = importlib.import_module("keyring")
    except ImportError:
        return None, KEYRING_MISSING
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - any backend failure means "no keyring"
        return None, f"the system keyring cannot be opened ({exc})"
    priority = getattr(backend, "priority", 1)
    if isinstance(priority, int | float) and priority <= 0:
        name = type(backend).__name__
        return None, f"no usable system keyring was found (keyring backend {name})"
    return keyring, None


def keyring_problem() -> str | None:
    """Why passwords cannot be kept in the system keyring, or None when they can."""
    return _backend()[1]


def load_credential(url: str, username: str) -> str | None:
    """The stored password for ``(url, username)``, or None (not stored, or no keyring)."""
    keyring, _problem = _backend()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(SERVICE, _key(url, username))
    except Exception:  # noqa: BLE001 - a locked or broken keyring is "not stored"
        return None
    return value if isinstance(value, str) else None


def store_credential(url: str, username: str, credential: str) -> str | None:
    """Keep the password in the system keyring; returns why not, or None when stored."""
    keyring, problem = _backend()
    if keyring is None:
        return f"TURN password not stored: {problem}"
    try:
        keyring.set_password(SERVICE, _key(url, username), credential)
    except Exception as exc:  # noqa: BLE001 - say why, never crash
        return f"TURN password not stored: the system keyring refused it ({exc})"
    return None
