"""Validation of remote SDP and candidates, with errors a tester can act on.

aiortc's parser raises bare ``ValueError``/``AssertionError``/``KeyError`` on bad input (or
accepts it and fails later). Here every problem is reported with its line number and what was
expected, before the description reaches the peer connection.
"""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING, Final

from .errors import SdpError, quote
from .ice.sdp import candidate_from_line, parse_description
from .limits import cap_candidates

if TYPE_CHECKING:
    from aiortc import RTCIceCandidate

_LINE: Final = re.compile(r"^([a-z])=(.*)$")
_REQUIRED_SESSION: Final = ("v", "o", "s", "t")
_NUMBER: Final = re.compile(r"[0-9]{1,10}", re.ASCII)
"""An ASCII decimal field (``str.isdigit`` also accepts ``²``, which ``int`` refuses)."""
_PARSER_ERRORS: Final = (
    ValueError,
    KeyError,
    IndexError,
    AssertionError,
    TypeError,
    AttributeError,
)
"""What aiortc's SDP parser raises on input it does not expect (it has no error type)."""
_CANDIDATE_TYPES: Final = frozenset({"host", "srflx", "prflx", "relay"})


def validate_sdp(text: str, kind: str) -> None:
    """Check that ``text`` is a usable WebRTC session description of type ``kind``.

    Args:
        text: the SDP.
        kind: ``offer`` or ``answer`` (for the messages only).

    Candidates beyond :data:`~icescope.core.limits.MAX_DESCRIPTION_CANDIDATES` are not
    checked: the peer drops them before applying the description (with a notice).

    Raises:
        SdpError: the first problem found, as ``"<kind> SDP line N: ..."``.
    """
    if not text.strip():
        raise SdpError(f"{kind} SDP is empty")
    # Candidates past the cap are dropped before the description is applied: not checked here.
    text, _ = cap_candidates(text)
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    seen: set[str] = set()
    media = 0
    credentials = {"ice-ufrag": False, "ice-pwd": False, "fingerprint": False}
    session_c = False
    media_without_c: list[int] = []  # m-line numbers of sections with no c= yet
    for number, line in enumerate(lines, start=1):
        match = _LINE.match(line)
        if match is None:
            shown = line if len(line) <= 60 else line[:57] + "..."
            raise SdpError(f"{kind} SDP line {number}: expected '<letter>=<value>', got {shown!r}")
        key, value = match.groups()
        if number == 1 and key != "v":
            raise SdpError(f"{kind} SDP line 1: must be 'v=0', got {quote(line)}")
        if key == "v" and value != "0":
            shown = quote(value, 20)
            raise SdpError(f"{kind} SDP line {number}: unsupported version {shown} (want 0)")
        if key == "c":
            if media == 0:
                session_c = True
            elif media_without_c and media_without_c[-1] == media:
                media_without_c.pop()
        if key == "m":
            media += 1
            media_without_c.append(media)
            if len(value.split()) < 4:
                raise SdpError(
                    f"{kind} SDP line {number}: m-line needs '<media> <port> <proto> <fmt>'"
                )
        if key == "a":
            name, _, attr_value = value.partition(":")
            if name in credentials:
                _check_credential(kind, number, name, attr_value.strip())
                credentials[name] = True
            if name == "candidate":
                try:
                    parse_candidate(value)
                except SdpError as exc:
                    raise SdpError(f"{kind} SDP line {number}: {exc}") from None
        seen.add(key)
    for key in _REQUIRED_SESSION:
        if key not in seen:
            raise SdpError(f"{kind} SDP has no '{key}=' line")
    if media == 0:
        raise SdpError(f"{kind} SDP has no media section (m= line)")
    for name, present in credentials.items():
        if not present:
            raise SdpError(f"{kind} SDP has no a={name} attribute")
    if media_without_c and not session_c:
        # RFC 8866 §5.7: a c= line at session level or in every media section.
        raise SdpError(f"{kind} SDP: media section {media_without_c[0]} has no 'c=' line")
    try:
        parse_description(text)
    except _PARSER_ERRORS as exc:  # aiortc's parser, e.g. TypeError for a bare a=sctp-port
        reason = quote(str(exc), 120) if str(exc) else type(exc).__name__
        raise SdpError(f"{kind} SDP rejected by the parser: {reason}") from None


def _check_credential(kind: str, number: int, name: str, value: str) -> None:
    """Reject empty or out-of-range ICE credentials and fingerprints (RFC 8839 §5.4)."""
    where = f"{kind} SDP line {number}"
    if not value:
        raise SdpError(f"{where}: a={name} has no value")
    if name == "ice-ufrag" and not 4 <= len(value) <= 256:
        raise SdpError(f"{where}: ice-ufrag must be 4-256 characters, got {len(value)}")
    if name == "ice-pwd" and not 22 <= len(value) <= 256:
        raise SdpError(f"{where}: ice-pwd must be 22-256 characters, got {len(value)}")
    if name == "fingerprint" and len(value.split()) != 2:
        raise SdpError(f"{where}: fingerprint must be '<hash> <hex pairs>', got {quote(value)}")


def parse_candidate(text: str) -> RTCIceCandidate:
    """Parse ``candidate:...`` (the prefix is optional) into an aiortc candidate.

    Raises:
        SdpError: the candidate line is malformed; the message says which field.
    """
    shown = quote(text)
    body = text.removeprefix("a=").removeprefix("candidate:")
    bits = body.split()
    if len(bits) < 8 or bits[6] != "typ":
        raise SdpError(
            f"bad candidate {shown}: want '<foundation> <component> <protocol> <priority> "
            "<address> <port> typ <type>'"
        )
    if not _NUMBER.fullmatch(bits[1]) or not _NUMBER.fullmatch(bits[3]):
        raise SdpError(f"bad candidate {shown}: component and priority must be numbers")
    if not _NUMBER.fullmatch(bits[5]) or not 0 <= int(bits[5]) < 65536:
        raise SdpError(f"bad candidate {shown}: port {quote(bits[5], 20)} is not 0-65535")
    if bits[2].lower() not in ("udp", "tcp"):
        raise SdpError(f"bad candidate {shown}: protocol {quote(bits[2], 20)} is not udp or tcp")
    if bits[7] not in _CANDIDATE_TYPES:
        raise SdpError(f"bad candidate {shown}: unknown type {quote(bits[7], 20)}")
    if not bits[4].endswith(".local"):
        try:
            ipaddress.ip_address(bits[4])
        except ValueError:
            address = quote(bits[4], 60)
            raise SdpError(f"bad candidate {shown}: {address} is not an IP address") from None
    try:
        return candidate_from_line(body)
    except _PARSER_ERRORS as exc:
        raise SdpError(f"bad candidate {shown}: {quote(str(exc), 120)}") from None
