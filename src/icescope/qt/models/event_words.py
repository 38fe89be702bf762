"""The window's own words for an event, in the UI language, made from the event's fields.

``event.summary()`` is the core's English (the journal, the probe); the log's Change and
Detail cells are written here instead, so that a German window reads German: IceScope's words
("derived", "ICE role", "sent"/"received", a session phase) are translated and its numbers
follow the language's decimal separator (``3,597 s``). The API's own words stay as they are:
W3C state values (``completed``, ``controlling``, ``open``), event type names, candidate types,
addresses, ufrags, SDP types (``offer``) and stable codes. A free text the core got from
elsewhere (an imported detail, a signaling channel's reason) is shown as it is.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QLocale

from ...core.events import (
    CallStarted,
    CandidateGathered,
    Cause,
    ConnectivityWait,
    DataChannelChanged,
    HeartbeatCount,
    IceRestart,
    Impairment,
    Listening,
    LocalDescription,
    Notice,
    RemoteChannel,
    RoleChanged,
    SessionMarker,
    StateChanged,
    StatsSample,
)
from ...core.events.telemetry import selected_pair_stats
from ...core.states import CLOSE_CAUSES, Machine, Provenance
from ..core_texts import core_text
from ..i18n import QT_TRANSLATE_NOOP, current_language, translate
from ..texts import close_cause, peer_word
from .session_words import session_detail

if TYPE_CHECKING:
    from ...core.events import SessionEvent

_PHASES: Final[dict[str, str]] = {
    # ICE restart (icerestart)
    "start": QT_TRANSLATE_NOOP("EventLog", "start"),
    "complete": QT_TRANSLATE_NOOP("EventLog", "complete"),
    "abandoned": QT_TRANSLATE_NOOP("EventLog", "abandoned"),
    # ICE PAC (icepac)
    "waiting": QT_TRANSLATE_NOOP("EventLog", "waiting"),
    "expired": QT_TRANSLATE_NOOP("EventLog", "expired"),
    # ICE PAC and the session's life cycle (session): IceScope's phases, not W3C values
    "connected": QT_TRANSLATE_NOOP("EventLog", "connected"),
    "end": QT_TRANSLATE_NOOP("EventLog", "end"),
    # impairments, notices
    "on": QT_TRANSLATE_NOOP("EventLog", "on"),
    "off": QT_TRANSLATE_NOOP("EventLog", "off"),
    "clear": QT_TRANSLATE_NOOP("EventLog", "clear"),
    "info": QT_TRANSLATE_NOOP("EventLog", "info"),
    "warning": QT_TRANSLATE_NOOP("EventLog", "warning"),
    "error": QT_TRANSLATE_NOOP("EventLog", "error"),
}
"""IceScope's own words in the Change column (W3C values are never looked up here)."""

_PROVENANCES: Final[dict[Provenance, str]] = {
    Provenance.DERIVED: QT_TRANSLATE_NOOP("EventLog", "derived"),
    Provenance.LOCAL_CLOSE: QT_TRANSLATE_NOOP("EventLog", "local-close"),
    Provenance.AUTO_CLOSE: QT_TRANSLATE_NOOP("EventLog", "auto-close"),
    Provenance.REMOTE_CLOSE: QT_TRANSLATE_NOOP("EventLog", "remote-close"),
    Provenance.PAGE_CLOSED: QT_TRANSLATE_NOOP("EventLog", "page-closed"),
    Provenance.SIGNALING_LOST: QT_TRANSLATE_NOOP("EventLog", "signaling-lost"),
    Provenance.PROCESS_EXIT: QT_TRANSLATE_NOOP("EventLog", "process-exit"),
    Provenance.REPLACED: QT_TRANSLATE_NOOP("EventLog", "replaced"),
}
"""A state change's provenance, short (``derived``: IceScope applied the W3C rules)."""

_SOURCES: Final[dict[str, str]] = {
    "reported": QT_TRANSLATE_NOOP("EventLog", "reported"),
    "remote": QT_TRANSLATE_NOOP("EventLog", "remote"),
    "engine": QT_TRANSLATE_NOOP("EventLog", "engine"),
}
"""Where a count or a statistics report came from (``measured`` is not said)."""

_TRANSPORT = re.compile(r"ICE transport (\S+)")


def number(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` digits and the UI language's decimal separator (no grouping)."""
    return _locale(current_language()).toString(float(value), "f", decimals)


@functools.cache
def _locale(language: str) -> QLocale:
    locale = QLocale(language)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale


def phase_word(value: str) -> str:
    """A phase, outcome or level of IceScope's (``start``, ``on``, ``warning``) in words."""
    text = _PHASES.get(value)
    return translate("EventLog", text) if text is not None else value


def state_detail(event: StateChanged) -> str:
    """Time in the previous state, provenance, cause or transport, ICE generation."""
    parts: list[str] = []
    # Time in the previous state first: it is what a tester compares (e.g. 2.5 s to
    # disconnected); long details come after and may be elided.
    if event.in_previous is not None:
        parts.append(
            translate("EventLog", "after {0} s in {1}").format(
                number(event.in_previous, 3), event.previous
            )
        )
    detail = event.detail
    if detail and detail == CLOSE_CAUSES.get(event.provenance):
        parts.append(close_cause(event.provenance))  # says the provenance in full
    else:
        short = _PROVENANCES.get(event.provenance)
        if short is not None:
            parts.append(translate("EventLog", short))
        transport = _TRANSPORT.fullmatch(detail) if event.machine is Machine.TRANSPORT else None
        if transport is not None:
            parts.append(translate("EventLog", "ICE transport {0}").format(transport.group(1)))
        elif detail:
            parts.append(detail)  # an imported or reported detail: someone else's words
    if event.generation:
        parts.append(f"ufrag {event.generation}")
    return " · ".join(parts)


def restart_detail(event: IceRestart) -> str:
    """``complete: abcd → efgh (local) in 6 ms``."""
    text = translate("EventLog", "{0}: {1} → {2} ({3})").format(
        phase_word(event.phase),
        event.old_ufrag or "?",
        event.new_ufrag or "?",
        peer_word(event.initiator),
    )
    if event.duration is not None:
        text += " " + translate("EventLog", "in {0} ms").format(f"{event.duration * 1000:.0f}")
    if event.detail:
        text += f" — {session_detail(event.detail)}"
    return text


def pac_detail(event: ConnectivityWait) -> str:
    """The ICE PAC wait at the time of the event."""
    if event.phase == "waiting":
        left = max(0.0, event.deadline - event.ts)
        text = core_text("liveness:pac-waiting", {"left": f"{left:.0f}"})
    elif event.phase == "connected":
        text = translate("EventLog", "connectivity found before Tpac ran out")
    else:
        text = translate(
            "EventLog", "no candidate pair succeeded within Tpac ({0} s): no path to the remote"
        ).format(number(event.timeout, 1).rstrip("0").rstrip(",.") or "0")
    return translate("EventLog", "restart: {0}").format(text) if event.restart else text


def heartbeat_detail(event: HeartbeatCount) -> str:
    """``sent 21 · received 20 · queued 1 (final)``."""
    received = "?" if event.received is None else str(event.received)
    text = translate("EventLog", "sent {0} · received {1}").format(event.sent, received)
    if event.queued:
        text += " · " + translate("EventLog", "queued {0}").format(event.queued)
    if event.final:
        text += " " + translate("EventLog", "(final)")
    source = _SOURCES.get(event.source)
    if source is not None:
        text += f" ({translate('EventLog', source)})"
    return text


def stats_detail(event: StatsSample) -> str:
    """How many entries, and the selected pair's round-trip time when known."""
    source = _SOURCES.get(event.source)
    text = translate("EventLog", "{0} statistics entries ({1})").format(
        len(event.report), translate("EventLog", source) if source else event.source
    )
    selected = selected_pair_stats(event.report)
    rtt = selected.get("currentRoundTripTime") if selected else None
    if isinstance(rtt, int | float):
        text += f" · RTT {rtt * 1000:.0f} ms"
    return text


def event_detail(event: SessionEvent) -> str | None:
    """The Detail cell of the events this module words (None: another module's or as is)."""
    match event:
        case StateChanged():
            return state_detail(event)
        case IceRestart():
            return restart_detail(event)
        case ConnectivityWait():
            return pac_detail(event)
        case HeartbeatCount():
            return heartbeat_detail(event)
        case StatsSample():
            return stats_detail(event)
        case RoleChanged():
            return translate("EventLog", "ICE role {0}").format(event.role)
        case DataChannelChanged():
            return translate("EventLog", "data channel {0} {1}").format(
                repr(event.label), event.state
            )
        case RemoteChannel():
            text = (
                translate("EventLog", "report channel {0} open")
                if event.alive
                else translate("EventLog", "report channel {0} gone")
            ).format(event.channel)
            return f"{text} — {session_detail(event.detail)}" if event.detail else text
        case LocalDescription():
            return translate("EventLog", "local {0} ready to copy (candidates: {1})").format(
                event.kind, event.candidates
            )
        case CallStarted():
            if not event.detail:
                return translate("EventLog", "call {0}").format(event.number)
            return translate("EventLog", "call {0} began: {1}").format(
                event.number, session_detail(event.detail)
            )
        case SessionMarker():
            return session_detail(event.detail)
        case Listening():
            shown = event.summary()
            if event.detail and shown.startswith(event.detail):
                return session_detail(event.detail) + shown[len(event.detail) :]
            return shown
    return None


def change_word(event: SessionEvent) -> str:
    """The Change cell: the transition, or the short outcome of a non-state event."""
    match event:
        case StateChanged():
            return f"{event.previous} → {event.state}"
        case DataChannelChanged():
            return event.state
        case IceRestart() | ConnectivityWait() | SessionMarker():
            return phase_word(event.phase)
        case CandidateGathered():
            return phase_word("end") if event.end else event.candidate_type
        case Impairment():
            return phase_word(
                "clear" if event.kind == "clear" else ("on" if event.active else "off")
            )
        case Notice():
            return phase_word(event.level)
        case Cause():
            return event.code  # a stable code, as the journal has it
    return ""
