"""What a peer panel says about one peer, read from its :class:`PeerModel` (plain values, no Qt).

A state is shown only as what is known of it: live (with who reports it), stale (the channel
that carried the remote's reports is gone: the last report, with its age), or unknown (with
why). The close causes each get their own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.states import Provenance
from .i18n import QT_TRANSLATE_NOOP, translate
from .texts import close_cause

if TYPE_CHECKING:
    from ..core.model import PeerModel, StateValue

REPORTERS = {
    "in-process": QT_TRANSLATE_NOOP("PeerView", "reported by the library (in-process peer)"),
    "websocket": QT_TRANSLATE_NOOP("PeerView", "reported by the browser page"),
    "tcp": QT_TRANSLATE_NOOP("PeerView", "reported by the other IceScope"),
}
"""Who reports a remote's states, by the channel that carries them."""

PROVENANCE_TEXT = {
    Provenance.REPORTED: QT_TRANSLATE_NOOP("PeerView", "reported by the library"),
    Provenance.DERIVED: QT_TRANSLATE_NOOP("PeerView", "derived by IceScope (W3C rules)"),
    Provenance.LOCAL_CLOSE: QT_TRANSLATE_NOOP(
        "PeerView", "closed here: close() (no browser event)"
    ),
    Provenance.AUTO_CLOSE: QT_TRANSLATE_NOOP("PeerView", "closed by the library on its own"),
    Provenance.REMOTE_CLOSE: QT_TRANSLATE_NOOP("PeerView", "closed: the remote said goodbye"),
    Provenance.PAGE_CLOSED: QT_TRANSLATE_NOOP("PeerView", "closed: the browser page closed it"),
    Provenance.SIGNALING_LOST: QT_TRANSLATE_NOOP(
        "PeerView", "closed: signaling to the remote was lost"
    ),
    Provenance.PROCESS_EXIT: QT_TRANSLATE_NOOP("PeerView", "closed: IceScope is exiting"),
    Provenance.REPLACED: QT_TRANSLATE_NOOP("PeerView", "closed: a new call replaced it"),
}
"""How each provenance is worded under a state (each close cause distinctly)."""

UNREPORTING_MODES = {
    "paste": QT_TRANSLATE_NOOP(
        "PeerView", "this remote does not report its states (copy-and-paste signaling carries none)"
    ),
    "manual": QT_TRANSLATE_NOOP(
        "PeerView", "this remote does not report its states (offer/answer files carry none)"
    ),
}
"""Modes whose remote never reports its own states, and why."""

AWAITING = {
    "browser": QT_TRANSLATE_NOOP("PeerView", "the browser page has not reported its states yet"),
    "tcp-listen": QT_TRANSLATE_NOOP(
        "PeerView", "the other IceScope has not reported its states yet"
    ),
    "tcp-connect": QT_TRANSLATE_NOOP(
        "PeerView", "the other IceScope has not reported its states yet"
    ),
    "loopback": QT_TRANSLATE_NOOP("PeerView", "the in-process peer has not started yet"),
}
"""Why a reporting remote's states are not known yet, by mode."""


@dataclass(frozen=True, slots=True)
class PeerView:
    """Everything the panel of one peer shows besides the raw state values."""

    known: bool
    """False: the states are unknown (``why`` says why); nothing else is shown as a value."""
    why: str = ""
    stale: str | None = None
    """Why the shown values may no longer be true (None while live)."""
    last_report: float | None = None
    """Session time of the last report (for "last reported N s ago")."""
    reporter: str = QT_TRANSLATE_NOOP("PeerView", "reported by the library")
    """Who reports a ``reported`` value of this peer."""


def _t(text: str) -> str:
    return translate("PeerView", text)


def view_of(peer: PeerModel, mode: str) -> PeerView:
    """The panel's view of ``peer`` in a session of ``mode`` (``Settings.mode``)."""
    channel = peer.channel.channel if peer.channel is not None else None
    reporter = _t(REPORTERS.get(channel or "", PROVENANCE_TEXT[Provenance.REPORTED]))
    if peer.peer.value == "local":
        return PeerView(True, reporter=_t(PROVENANCE_TEXT[Provenance.REPORTED]))
    if not peer.observed:
        if mode in UNREPORTING_MODES and channel is None:
            why = _t(UNREPORTING_MODES[mode])
        elif peer.channel is not None and not peer.channel.alive:
            why = translate("PeerView", "its report channel is gone: {0}").format(
                peer.channel.detail or channel or ""
            )
        else:
            why = _t(
                AWAITING.get(mode, QT_TRANSLATE_NOOP("PeerView", "no report from this remote yet"))
            )
        return PeerView(False, why=why, reporter=reporter)
    staleness = peer.staleness()
    if staleness is not None:
        return PeerView(
            True, stale=staleness.reason, last_report=staleness.last_report, reporter=reporter
        )
    return PeerView(True, reporter=reporter)


def provenance_text(value: StateValue, view: PeerView) -> str:
    """Who says ``value`` is the state, in words (initial values say that nobody did)."""
    if value.since is None:
        return translate("PeerView", "initial value (nothing reported yet)")
    if value.provenance is Provenance.REPORTED:
        return view.reporter
    text = PROVENANCE_TEXT.get(value.provenance)
    return _t(text) if text is not None else value.provenance.value


def provenance_tooltip(value: StateValue) -> str:
    """The long explanation of a close cause, or empty."""
    return close_cause(value.provenance)


def ago(seconds: float) -> str:
    """``4 s``, ``3 min 05 s``: an age in whole units."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return translate("PeerView", "{0} s").format(f"{seconds:.0f}")
    if seconds < 3600:
        minutes, secs = divmod(int(seconds), 60)
        return translate("PeerView", "{0} min {1} s").format(minutes, f"{secs:02d}")
    hours, rest = divmod(int(seconds), 3600)
    return translate("PeerView", "{0} h {1} min").format(hours, f"{rest // 60:02d}")


def format_duration(seconds: float) -> str:
    """``4.2 s``, ``3 min 05 s`` or ``1 h 02 min``: short and unambiguous."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return translate("PeerView", "{0} s").format(_decimal(seconds))
    return ago(seconds)


def _decimal(value: float) -> str:
    """``4.2`` in English, ``4,2`` in German: the UI language's decimal separator."""
    text = f"{value:.1f}"
    return text.replace(".", translate("PeerView", "."))


def describe(peer: PeerModel, remote_description: str) -> str:
    """Who the peer is, in words (shown under the panel title)."""
    if peer.peer.value == "local":
        text = translate("PeerView", "IceScope's aiortc peer")
        if peer.offerer is not None:
            role = (
                translate("PeerView", "offerer")
                if peer.offerer
                else translate("PeerView", "answerer")
            )
            text += " · " + role
        return text
    return remote_description or translate("PeerView", "not started")
