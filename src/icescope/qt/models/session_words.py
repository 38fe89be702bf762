"""The details the core writes in plain English around a session, in the UI language.

A session marker's, a call's, a restart's or a report channel's ``detail`` is a string the
core made (the journal keeps it as it is). The ones IceScope itself writes are known here, by
their exact words or their shape: the start marker's settings (``mode=… addresses=…
timings=…``), an import's origin, the ``waiting`` marker, the remotes' fixed phrases. Their
English template reproduces the core's text (the English window reads as the journal does) and
the German reads German (``2,5 s``); anything else (a library's or an operating system's words)
is shown as it is.
"""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtCore import QLocale

from ...core.events.session import WAITING_DETAIL
from ..i18n import QT_TRANSLATE_NOOP, current_language, translate

WAITING: Final = WAITING_DETAIL
"""The ``waiting`` marker's detail, as the core writes it (``core/events/session.py``)."""

_FIXED: Final[dict[str, str]] = {
    WAITING: QT_TRANSLATE_NOOP(
        "SessionWords", "the call ended; waiting for the remote to come back as a new call"
    ),
    "connection closed": QT_TRANSLATE_NOOP("SessionWords", "connection closed"),
    "the selected pair moved to the new generation": QT_TRANSLATE_NOOP(
        "SessionWords", "the selected pair moved to the new generation"
    ),
    "browser page connected": QT_TRANSLATE_NOOP("SessionWords", "browser page connected"),
    "open the browser peer page": QT_TRANSLATE_NOOP("SessionWords", "open the browser peer page"),
    "waiting for an IceScope peer (give it this URL)": QT_TRANSLATE_NOOP(
        "SessionWords", "waiting for an IceScope peer (give it this URL)"
    ),
    "the next IceScope peer holding the token": QT_TRANSLATE_NOOP(
        "SessionWords", "the next IceScope peer holding the token"
    ),
    "a new browser page with the session's URL": QT_TRANSLATE_NOOP(
        "SessionWords", "a new browser page with the session's URL"
    ),
}
"""Details the core writes with fixed words (English as the core has it)."""

_START = re.compile(
    r"mode=(?P<mode>\S+) addresses=(?P<addresses>.+?) "
    r"timings=keepalive (?P<keepalive>[\d.]+)s/disconnected (?P<disconnected>[\d.]+)s/"
    r"failed (?P<failed>[\d.]+)s/pac (?P<pac>[\d.]+)s"
    r"(?: ice_servers=(?P<servers>\S+))?(?P<relay> relay-only)?(?P<long> long-running)?"
)
"""The ``start`` marker's settings, as ``Session._describe`` writes them."""

_IMPORTED = re.compile(r"imported from (?P<source>.+): peer connection (?P<pc>.+)")
_REACHED = re.compile(r"ICE reached (?P<state>[a-z]+)")
_CONNECTED_WITH = re.compile(r"connected with (?P<address>\S+)")
_REDIALED = re.compile(r"the listener (?P<address>.+) answered again \(after (?P<n>\d+) rounds?\)")


def _number(text: str) -> str:
    """A number the core wrote (``2.5``) with the UI language's decimal separator."""
    if "." not in text:
        return text
    decimals = len(text) - text.index(".") - 1
    return QLocale(current_language()).toString(float(text), "f", decimals)


def _addresses(text: str) -> str:
    """``AddressSelection.describe()`` in words."""
    if text == "loopback only (127.0.0.1)":
        return translate("SessionWords", "loopback only (127.0.0.1)")
    if text == "all interfaces":
        return translate("SessionWords", "all interfaces")
    parts = []
    for part in text.split("; "):
        if part.startswith("interfaces "):
            part = translate("SessionWords", "interfaces {0}").format(part[len("interfaces ") :])
        elif part.startswith("addresses "):
            part = translate("SessionWords", "addresses {0}").format(part[len("addresses ") :])
        parts.append(part)
    return "; ".join(parts)


def _start(match: re.Match[str]) -> str:
    text = translate(
        "SessionWords",
        "mode={0} addresses={1} timings=keepalive {2}s/disconnected {3}s/failed {4}s/pac {5}s",
    ).format(
        match["mode"],
        _addresses(match["addresses"]),
        *(_number(match[n]) for n in ("keepalive", "disconnected", "failed", "pac")),
    )
    if match["servers"]:
        text += " " + translate("SessionWords", "ice_servers={0}").format(match["servers"])
    if match["relay"]:
        text += " " + translate("SessionWords", "relay-only")
    if match["long"]:
        text += " " + translate("SessionWords", "long-running")
    return text


def session_detail(detail: str) -> str:
    """``detail`` in the UI language when IceScope wrote it; other words as they are."""
    fixed = _FIXED.get(detail)
    if fixed is not None:
        return translate("SessionWords", fixed)
    if match := _START.fullmatch(detail):
        return _start(match)
    if match := _IMPORTED.fullmatch(detail):
        return translate("SessionWords", "imported from {0}: peer connection {1}").format(
            match["source"], match["pc"]
        )
    if match := _REACHED.fullmatch(detail):  # an import's restart: a W3C value
        return translate("SessionWords", "ICE reached {0}").format(match["state"])
    if match := _CONNECTED_WITH.fullmatch(detail):
        return translate("SessionWords", "connected with {0}").format(match["address"])
    if match := _REDIALED.fullmatch(detail):
        return translate("SessionWords", "the listener {0} answered again (rounds: {1})").format(
            match["address"], match["n"]
        )
    return detail
