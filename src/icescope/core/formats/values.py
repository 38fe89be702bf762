r"""Decoding the values browsers log: states, candidates, descriptions, statistics entries.

Chromium writes them three ways over the years: JSON-quoted (``"\\"connected\\""``, current),
bare (``connected``, ~2023) and ``key: value, …`` text (``sdpMid: 0, sdpMLineIndex: 0,
candidate: …``, ~2023). Each helper accepts all of them and returns None for what it cannot
read (the caller turns that into a notice, never a traceback).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any, Final

STATS_TYPES: Final = frozenset(
    {"candidate-pair", "local-candidate", "remote-candidate", "transport", "data-channel"}
)
"""The webrtc-stats entry types an import keeps (the ones IceScope's views read)."""
MAX_TEXT: Final = 4096
_UFRAG: Final = re.compile(r"^a=ice-ufrag:(\S+)", re.MULTILINE)


def unquote(value: object) -> str | None:
    """A state value, JSON-quoted or bare; None when it is not text."""
    if isinstance(value, str) and value.startswith('"'):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return value if isinstance(value, str) else None


def parse_json_value(value: object) -> object:
    """``JSON.parse`` when the value is a JSON text of an object/array/string, else as is."""
    if isinstance(value, str) and value[:1] in ("{", "[", '"'):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            return value
    return value


def key_value_text(text: str, keys: tuple[str, ...]) -> dict[str, str]:
    """``"k1: v1, k2: v2"`` (Chromium ~2023) into a dict; the last key takes the rest."""
    out: dict[str, str] = {}
    positions = []
    for key in keys:
        found = text.find(f"{key}: ")
        if found >= 0:
            positions.append((found, key))
    positions.sort()
    for index, (start, key) in enumerate(positions):
        end = positions[index + 1][0] if index + 1 < len(positions) else len(text)
        out[key] = text[start + len(key) + 2 : end].rstrip().removesuffix(",")
    return out


@dataclass(frozen=True, slots=True)
class Candidate:
    """The fields of an ``a=candidate`` line IceScope shows."""

    candidate_type: str
    protocol: str
    address: str
    port: int
    ufrag: str
    generation: int | None


def candidate_line(value: object) -> str | None:
    """The ``candidate:…`` text of an icecandidate value; ``""`` for end-of-candidates."""
    value = parse_json_value(value)
    if value is None:
        return ""
    if isinstance(value, dict):
        line = value.get("candidate")
        return line if isinstance(line, str) else ("" if line is None else None)
    if isinstance(value, str):
        if value.startswith("candidate:") or value == "":
            return value
        return key_value_text(value, ("sdpMid", "sdpMLineIndex", "candidate", "url")).get(
            "candidate"
        )
    return None


def parse_candidate(line: str) -> Candidate | None:
    """Parse ``candidate:F C proto prio addr port typ T … ufrag U generation G``."""
    parts = line.removeprefix("a=").removeprefix("candidate:").split()
    if len(parts) < 8 or parts[6] != "typ":
        return None
    try:
        port = int(parts[5])
    except ValueError:
        return None
    extras = dict(zip(parts[8::2], parts[9::2], strict=False))
    generation = extras.get("generation", "")
    return Candidate(
        candidate_type=parts[7][:16],
        protocol=parts[2].lower()[:8],
        address=parts[4][:MAX_TEXT],
        port=port if 0 <= port <= 65535 else 0,
        ufrag=extras.get("ufrag", "")[:256],
        generation=int(generation) if generation.isdigit() and len(generation) < 10 else None,
    )


def description(value: object) -> tuple[str, str] | None:
    """``(type, sdp)`` of a session description value (object, JSON text or ``type: …`` text)."""
    value = parse_json_value(value)
    if isinstance(value, dict):
        kind, sdp = value.get("type"), value.get("sdp")
        if isinstance(kind, str) and isinstance(sdp, str):
            return kind, sdp
        return None
    if isinstance(value, str) and value.startswith("type: "):
        fields = key_value_text(value, ("type", "sdp"))
        return fields.get("type", ""), fields.get("sdp", "")
    return None


def ice_ufrag(sdp: str) -> str | None:
    """The first ``a=ice-ufrag`` of an SDP (bundled sessions have one)."""
    found = _UFRAG.search(sdp.replace("\r\n", "\n"))
    return found.group(1)[:256] if found else None


def _scalar(value: object) -> bool:
    if value is None or isinstance(value, bool | str):
        return not isinstance(value, str) or len(value) <= MAX_TEXT
    if isinstance(value, int):
        return abs(value) < 2**64
    return isinstance(value, float) and math.isfinite(value)


def stats_entries(report: object) -> tuple[dict[str, Any], ...] | None:
    """The kept entries of a getStats report (an ``{id: entry}`` map or a list of entries).

    Entries of other types are left out; fields that are not finite JSON scalars are dropped.
    """
    if isinstance(report, dict):
        items = list(report.items())
    elif isinstance(report, list):
        items = [(e.get("id"), e) for e in report if isinstance(e, dict)]
    else:
        return None
    out = []
    for key, entry in items:
        if not isinstance(entry, dict) or entry.get("type") not in STATS_TYPES:
            continue
        clean = {
            k: v for k, v in entry.items() if isinstance(k, str) and k[:1] != "[" and _scalar(v)
        }
        clean.setdefault("id", key)
        if isinstance(clean["id"], str):
            out.append(clean)
    return tuple(out)


def describe(entry: dict[str, Any] | None) -> str:
    """``type protocol address:port`` of a candidate stats entry (as IceScope's own events)."""
    if entry is None:
        return "unknown candidate"
    address = entry.get("address") or entry.get("ip") or "?"
    kind, protocol = entry.get("candidateType", "?"), entry.get("protocol", "?")
    return f"{kind} {protocol} {address}:{entry.get('port', '?')}"
