"""Which commands make sense now, each with the reason when not: read from the model.

The window enables its controls from this and shows the reason on the disabled control (the
capability's own words, "session closed", "the remote runs in another process").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .i18n import QT_TRANSLATE_NOOP, translate
from .texts import close_cause

if TYPE_CHECKING:
    from ..core.ice.capabilities import Capabilities
    from ..core.model import SessionModel

# Marked for translation; shown through texts.reason() (the core's own reasons pass unchanged).
NO_SESSION = QT_TRANSLATE_NOOP("Reasons", "no session: start one with New session… (Ctrl+N)")
BUSY = QT_TRANSLATE_NOOP("Reasons", "wait: the session is starting or closing")
NOT_STARTED = QT_TRANSLATE_NOOP("Reasons", "the session has not started yet")
REMOTE_ELSEWHERE = QT_TRANSLATE_NOOP(
    "Reasons", "the remote runs in another process (impair the local peer instead)"
)
NO_REMOTE_YET = QT_TRANSLATE_NOOP(
    "Reasons",
    "no remote peer yet: a restart needs one to answer (open the page, connect the peer or "
    "paste its description first)",
)
REMOTE_GONE = QT_TRANSLATE_NOOP(
    "Reasons", "the remote is gone ({0}): nobody would answer a restart's offer"
)
WAITING = QT_TRANSLATE_NOOP(
    "Reasons",
    "the call ended ({0}); the session waits for the remote to come back (reopen the page or "
    "connect the peer again)",
)
REMOTE_CLOSED = QT_TRANSLATE_NOOP(
    "Reasons", "the remote peer closed its connection: nobody would answer a restart's offer"
)


@dataclass(frozen=True, slots=True)
class Commands:
    """None per command = available; otherwise why not, in plain words."""

    restart: str | None
    close: str | None
    impair: str | None
    impair_remote: str | None
    busy: bool = False
    capability_off: bool = False
    """True when restart is off because the engine cannot do it (not because of the session)."""


def closed_reason(model: SessionModel) -> str | None:
    """``session closed`` with its cause, or None while the session is open."""
    if not (model.ended or model.local.closed) or waiting_reason(model) is not None:
        return None
    cause = model.local.closed_by
    if cause is None:
        return translate("Reasons", "session closed")
    return translate("Reasons", "session closed: {0}").format(close_cause(cause))


def waiting_reason(model: SessionModel) -> str | None:
    """Why nothing but Close makes sense while a session waits for its next call, or None.

    The core says so with a ``waiting`` marker when the current call's local peer closed but the
    session outlives it (a reloaded browser page, a long-running session's remote).
    """
    if model.ended or model.waiting is None:
        return None
    cause = model.local.closed_by
    return translate("Reasons", WAITING).format(close_cause(cause) if cause else "?")


def remote_reason(model: SessionModel) -> str | None:
    """Why the remote cannot answer a restart now (gone, closed, never there), or None.

    Read from the model's facts only: the channel carrying the remote's reports and signaling
    (``RemoteChannel``), the remote's own close, and whether a remote description was ever
    applied (a paste session has no channel).
    """
    remote = model.remote
    stale = remote.staleness()
    if stale is not None:
        return translate("Reasons", REMOTE_GONE).format(stale.reason)
    if remote.closed and remote.channel is not None:
        return translate("Reasons", REMOTE_CLOSED)
    channel_up = remote.channel is not None and remote.channel.alive
    if not channel_up and not model.local.remote_described:
        return translate("Reasons", NO_REMOTE_YET)
    return None


def commands_of(
    model: SessionModel | None, capabilities: Capabilities | None, *, busy: bool
) -> Commands:
    """What can be done now, from the session's model and its engine's capabilities."""
    if model is None or capabilities is None:
        why = BUSY if busy else NO_SESSION
        return Commands(why, why, why, why, busy=busy)
    session_why = BUSY if busy else (NOT_STARTED if not model.started else closed_reason(model))
    if session_why is not None:
        return Commands(session_why, session_why, session_why, session_why, busy=busy)
    waiting = waiting_reason(model)
    if waiting is not None:
        return Commands(waiting, None, waiting, waiting)
    channel = model.remote.channel
    in_process = channel is not None and channel.channel == "in-process"
    return Commands(
        restart=capabilities.restart or remote_reason(model),
        close=None,
        impair=capabilities.impair,
        impair_remote=capabilities.impair or (None if in_process else REMOTE_ELSEWHERE),
        capability_off=capabilities.restart is not None,
    )
