"""IceScope: watch a WebRTC connection's ICE state live, poke it, take the evidence home."""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("icescope")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"

logging.getLogger(__name__).addHandler(logging.NullHandler())
