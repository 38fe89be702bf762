"""Evidence formats: import browser dumps and journals as typed events; reports and exports.

:func:`open_evidence` sniffs the format (gzip by its magic bytes, then the first bytes) and
returns an :class:`Imported` whose events fold into a :class:`~icescope.core.model.SessionModel`
exactly as a live session's do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import journal_import, rtcstats, source, webrtc_internals
from .errors import FormatError
from .imported import Imported, Tagged

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["FormatError", "Imported", "Tagged", "open_evidence"]


def open_evidence(path: Path) -> Imported:
    """Open a journal, an rtcstats v3 dump or a webrtc-internals dump.

    Raises:
        FormatError: the file cannot be read or is none of these formats, in one line.
    """
    if not path.is_file():
        why = "no such file" if not path.exists() else "not a regular file"
        raise FormatError(f"cannot read {path}: {why}")
    start = source.head(path).lstrip()
    if start.startswith((b"RTCStatsDump", b'"RTCStatsDump"')):
        return rtcstats.read(path)
    if start.startswith(b"{"):
        # IceScope writes every record with ``ts`` first; anything else is a browser dump.
        if start.replace(b" ", b"").startswith(b'{"ts":'):
            return journal_import.read(path)
        return webrtc_internals.read(path)
    if not start:
        raise FormatError(f"{path.name} is empty")
    raise FormatError(
        f"{path.name} is not a format IceScope reads (a journal, an rtcstats v3 dump or a "
        "webrtc-internals dump)"
    )
