"""The engine's SDP parser (aiortc's): whole descriptions and single candidate lines.

aiortc's ``aiortc.sdp`` module is not part of its public API; IceScope's SDP validation
(:mod:`icescope.core.sdp`) and restart detection parse through here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiortc.sdp import SessionDescription, candidate_from_sdp

if TYPE_CHECKING:
    from aiortc import RTCIceCandidate


def parse_description(text: str) -> SessionDescription:
    """Parse a whole SDP as aiortc will when it is applied.

    Raises:
        ValueError: and also ``KeyError``, ``IndexError`` or ``AssertionError``, as aiortc
            raises them for malformed input (callers turn them into readable errors).
    """
    return SessionDescription.parse(text)


def candidate_from_line(line: str) -> RTCIceCandidate:
    """Parse the value of an ``a=candidate:`` line (without the ``candidate:`` prefix).

    Raises:
        ValueError: and also ``AssertionError`` or ``IndexError`` for malformed input.
    """
    return candidate_from_sdp(line)
