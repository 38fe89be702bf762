"""The views' words for the core's stable codes: state meanings and close causes, translatable.

The core speaks English in its journal and JSON (``ICE_MEANINGS``, ``CLOSE_CAUSES``); the views
show these texts through ``translate()``. The English source texts here equal the core's
(``tests/qt/test_translations.py`` checks it), so a change in the core shows up as a failing
test rather than as a silently untranslated text.
"""

from __future__ import annotations

from typing import Final

from ..core.states import IceConnectionState, Provenance
from .i18n import QT_TRANSLATE_NOOP, translate

MEANINGS: Final[dict[IceConnectionState, str]] = {
    IceConnectionState.NEW: QT_TRANSLATE_NOOP(
        "States",
        "Gathering candidates and/or waiting for remote candidates; no checks have started yet.",
    ),
    IceConnectionState.CHECKING: QT_TRANSLATE_NOOP(
        "States",
        "Checking candidate pairs: no usable pair found yet (or consent was lost on every "
        "previously working pair).",
    ),
    IceConnectionState.CONNECTED: QT_TRANSLATE_NOOP(
        "States",
        "A usable pair was found; ICE may still be checking other pairs or waiting for "
        "end-of-candidates.",
    ),
    IceConnectionState.COMPLETED: QT_TRANSLATE_NOOP(
        "States",
        "Gathering finished, end-of-candidates received, every pair checked and a connection "
        "found.",
    ),
    IceConnectionState.FAILED: QT_TRANSLATE_NOOP(
        "States",
        "Every pair failed or lost consent. Terminal until ICE is restarted; DTLS and data "
        "channels are not closed by it.",
    ),
    IceConnectionState.DISCONNECTED: QT_TRANSLATE_NOOP(
        "States",
        "Connectivity is currently lost (no consent responses). Transient: may recover on "
        "its own on a flaky network.",
    ),
    IceConnectionState.CLOSED: QT_TRANSLATE_NOOP(
        "States", "The ICE agent has shut down and no longer answers STUN requests."
    ),
}
"""The seven ``iceConnectionState`` meanings (webrtc-pc), as in ``core.states.ICE_MEANINGS``."""

CLOSE_CAUSES: Final[dict[Provenance, str]] = {
    Provenance.LOCAL_CLOSE: QT_TRANSLATE_NOOP(
        "States", "local close: close() was called here (webrtc-pc fires no event)"
    ),
    Provenance.AUTO_CLOSE: QT_TRANSLATE_NOOP(
        "States", "the library closed the connection on its own"
    ),
    Provenance.REMOTE_CLOSE: QT_TRANSLATE_NOOP(
        "States", "the remote said goodbye (bye on signaling); closed in answer"
    ),
    Provenance.PAGE_CLOSED: QT_TRANSLATE_NOOP("States", "the browser page closed its connection"),
    Provenance.SIGNALING_LOST: QT_TRANSLATE_NOOP(
        "States", "the signaling channel to the remote broke; closed here"
    ),
    Provenance.PROCESS_EXIT: QT_TRANSLATE_NOOP("States", "IceScope is exiting"),
    Provenance.REPLACED: QT_TRANSLATE_NOOP(
        "States", "the remote came back as a new peer; closed here for a new call"
    ),
}
"""Each close cause in words, as in ``core.states.CLOSE_CAUSES``."""


KEYRING_MISSING: Final = QT_TRANSLATE_NOOP(
    "Reasons", "the Python package 'keyring' is not installed (pip install 'icescope[keyring]')"
)
"""As ``core.credentials.KEYRING_MISSING``, for :func:`reason`."""


def meaning(state: IceConnectionState) -> str:
    """The W3C meaning of ``state`` in the UI language."""
    return translate("States", MEANINGS[state])


def close_cause(cause: Provenance) -> str:
    """A close cause in words, in the UI language ('' for a value that is no close cause)."""
    text = CLOSE_CAUSES.get(cause)
    return translate("States", text) if text is not None else ""


def reason(text: str) -> str:
    """A reason made in the Qt layer from a marked table (``QT_TRANSLATE_NOOP("Reasons", …)``).

    Texts that came from the core (capability reasons) have no entry and stay as they are.
    """
    return translate("Reasons", text)


PEERS: Final[dict[str, str]] = {
    "local": QT_TRANSLATE_NOOP("Words", "local"),
    "remote": QT_TRANSLATE_NOOP("Words", "remote"),
}
"""The two sides (``Peer`` values) as the window names them: the impair panel's combo words."""

IMPAIR_KINDS: Final[dict[str, str]] = {
    "blackout": QT_TRANSLATE_NOOP("Words", "blackout"),
    "loss": QT_TRANSLATE_NOOP("Words", "loss"),
    "delay": QT_TRANSLATE_NOOP("Words", "delay"),
    "clear": QT_TRANSLATE_NOOP("Words", "clear"),
}
"""An impairment's ``kind`` in words."""

DIRECTIONS: Final[dict[str, str]] = {
    "both": QT_TRANSLATE_NOOP("Words", "both"),
    "in": QT_TRANSLATE_NOOP("Words", "in"),
    "out": QT_TRANSLATE_NOOP("Words", "out"),
}
"""An impairment's ``direction`` in words (as the impair panel's combo says them)."""


def peer_word(peer: str) -> str:
    """``local``/``remote`` (a ``Peer`` or its value) in the UI language; others as they are."""
    return _word(PEERS, str(peer))


def impair_kind(kind: str) -> str:
    """``blackout``/``loss``/``delay``/``clear`` in the UI language; others as they are."""
    return _word(IMPAIR_KINDS, kind)


def direction_word(direction: str) -> str:
    """``both``/``in``/``out`` in the UI language; others as they are."""
    return _word(DIRECTIONS, direction)


def _word(table: dict[str, str], value: str) -> str:
    text = table.get(value)
    return translate("Words", text) if text is not None else value
