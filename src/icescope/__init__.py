"""IceScope: watch a WebRTC connection's ICE state live, poke it, take the evidence home."""

from __future__ import annotations

import logging
from functools import cache

logging.getLogger(__name__).addHandler(logging.NullHandler())


@cache
def _version() -> str:
    # importlib.metadata costs ~40 ms at import; only --version and the About dialog need it,
    # so it is looked up on first use instead of on every start.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("icescope")
    except PackageNotFoundError:  # running from a source tree without an install
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
