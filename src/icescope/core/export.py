"""Evidence to take home: rtcstats-style dumps, Markdown reports, IP anonymisation.

JSON Lines and CSV live on :class:`~icescope.core.eventlog.EventLog`; this module adds the
formats other WebRTC tools read and the privacy step testers need before sharing a log.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
from typing import TYPE_CHECKING, Any, Final

from .events import StateChanged
from .states import Machine

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .events import SessionEvent

_IPV4: Final = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
_IPV6: Final = re.compile(r"(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])")


def _pseudonym(address: str, salt: str) -> str:
    ip = ipaddress.ip_address(address)
    digest = hashlib.sha256((salt + address).encode()).digest()
    if ip.version == 4:
        # 198.18.0.0/15 is reserved for benchmarking: never a real peer's address.
        return f"198.{18 + digest[0] % 2}.{digest[1]}.{digest[2]}"
    return "2001:db8::" + digest[:4].hex(":", 2)  # documentation prefix (RFC 3849)


def anonymize_text(text: str, salt: str = "") -> str:
    """Replace every non-loopback IP address in ``text`` by a stable pseudonym.

    The same address always maps to the same pseudonym (for one ``salt``), so pairs and
    candidates can still be followed through a log. Loopback addresses are kept: they reveal
    nothing and show that a session was local.
    """

    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        try:
            ip = ipaddress.ip_address(token)
        except ValueError:
            return token
        return token if ip.is_loopback else _pseudonym(token, salt)

    return _IPV6.sub(swap, _IPV4.sub(swap, text))


def anonymize_record(record: dict[str, Any], salt: str = "") -> dict[str, Any]:
    """Anonymise every string value of a JSON record (see :func:`anonymize_text`)."""
    anonymized: dict[str, Any] = json.loads(anonymize_text(json.dumps(record), salt))
    return anonymized


def to_rtcstats(events: Iterable[SessionEvent], *, start_wall: float, user_agent: str) -> str:
    """Serialise events in the rtcstats dump format, version 3 (JSON Lines).

    See :mod:`icescope.core.formats.rtcstats_export` (one pcId per peer, computed statistics
    as ``getStats`` rows, IceScope-only events as custom methods).
    """
    from .formats.rtcstats_export import to_rtcstats as write

    return write(events, start_wall=start_wall, user_agent=user_agent)


def to_markdown(events: Iterable[SessionEvent], summary: dict[str, Any] | None = None) -> str:
    """A human-readable session report: ICE timeline per peer, notices, and the summary."""
    chosen = list(events)
    out = ["# IceScope session report", ""]
    if summary:
        out += ["## Summary", "", "| peer | final state | heartbeats sent | received | lost |"]
        out.append("|---|---|---|---|---|")
        for peer, stats in summary.get("peers", {}).items():
            final = summary.get("final_state", {}).get(peer, "")
            out.append(
                f"| {peer} | {final} | {stats['sent']} | {stats['received']} | {stats['lost']} |"
            )
        out += ["", f"ICE restarts completed: {summary.get('restarts', 0)}", ""]
    out += ["## ICE connection state timeline", "", "| elapsed | peer | change | provenance |"]
    out.append("|---|---|---|---|")
    for event in chosen:
        if isinstance(event, StateChanged) and event.machine is Machine.ICE:
            change = f"{event.previous} → {event.state}"
            out.append(f"| {event.ts:.3f} s | {event.peer.value} | {change} | {event.provenance} |")
    notices = [e for e in chosen if e.type in ("notice", "icerestart", "impairment")]
    if notices:
        out += ["", "## Restarts, impairments and notices", ""]
        out += [f"- {e.ts:.3f} s, {e.peer.value}, {e.type}: {e.summary()}" for e in notices]
    return "\n".join(out) + "\n"
