"""The core's own words in the window's language: template key + arguments -> translated text.

The core publishes notices, causes, liveness lines and impairment summaries as a template key
with arguments plus the English text (:mod:`icescope.core.texts`, language-neutral journal and
JSON). Here every key has its English template once more, as a literal lupdate extracts into
the ``CoreText`` context of ``resources/i18n/icescope_de.ts``, where its German lives.
``tests/qt/test_core_texts.py`` fails when a key of the core has no entry here, when an entry's
English differs from the core's, or when the German lacks a translation or a field.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QLocale

from ..core.texts import TEXTS, fields, render
from .error_texts import ERROR_CATALOGUE
from .i18n import QT_TRANSLATE_NOOP, current_language, translate
from .texts import direction_word, impair_kind

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..core.errors import ConfigError
    from ..core.events import Cause, Impairment, Notice
    from ..core.liveness import Liveness

CATALOGUE: Final[dict[str, str]] = {
    "cause:consent-lost": QT_TRANSLATE_NOOP(
        "CoreText",
        "nothing received from the remote since {since}, and no impairment was active: "
        "the path or the remote stopped answering consent checks",
    ),
    "cause:consent-lost-impairment": QT_TRANSLATE_NOOP(
        "CoreText",
        "nothing received from the remote since {since}, while IceScope's own "
        "impairment was active: {impairments}",
    ),
    "cause:remote-closed": QT_TRANSLATE_NOOP(
        "CoreText",
        "the {other} peer closed its connection at {at}; nothing answers consent checks any more",
    ),
    "cause:remote-gone": QT_TRANSLATE_NOOP(
        "CoreText",
        "the remote is gone ({why}, at {at}); nothing answers consent checks any more",
    ),
    "cause:no-remote-candidates": QT_TRANSLATE_NOOP(
        "CoreText",
        "no remote candidates arrived (neither in the description nor trickled): there "
        "was no candidate pair to check",
    ),
    "cause:host-only-different-networks": QT_TRANSLATE_NOOP(
        "CoreText",
        "only host candidates, on different networks (local {local}; remote {remote}) "
        "and no STUN or TURN candidates: no pair can reach the other side",
    ),
    "cause:turn-auth-failed": QT_TRANSLATE_NOOP(
        "CoreText",
        "the TURN server rejected the credentials (401): {notice}",
    ),
    "cause:turn-unreachable": QT_TRANSLATE_NOOP(
        "CoreText",
        "the TURN server could not be reached: {notice}",
    ),
    "cause:stun-unreachable": QT_TRANSLATE_NOOP(
        "CoreText",
        "the STUN server could not be reached: {notice}",
    ),
    "cause:checks-failed": QT_TRANSLATE_NOOP(
        "CoreText",
        "every candidate pair failed its connectivity checks ({pairs} pairs; "
        "{requests} requests sent, {responses} responses received)",
    ),
    "cause:restart-not-answered": QT_TRANSLATE_NOOP(
        "CoreText",
        "the remote did not answer the ICE restart with new credentials ({detail}); "
        "the session stays on the old generation",
    ),
    "cause:closed-reported": QT_TRANSLATE_NOOP(
        "CoreText",
        "the peer reported closed itself (its own close())",
    ),
    "cause:unknown": QT_TRANSLATE_NOOP("CoreText", "no recorded fact explains it"),
    "cause:replaced": QT_TRANSLATE_NOOP(
        "CoreText",
        "the remote came back as a new peer; closed here for a new call",
    ),
    "cause:local-close": QT_TRANSLATE_NOOP(
        "CoreText",
        "local close: close() was called here (webrtc-pc fires no event)",
    ),
    "cause:auto-close": QT_TRANSLATE_NOOP(
        "CoreText",
        "the library closed the connection on its own",
    ),
    "cause:remote-close": QT_TRANSLATE_NOOP(
        "CoreText",
        "the remote said goodbye (bye on signaling); closed in answer",
    ),
    "cause:page-closed": QT_TRANSLATE_NOOP("CoreText", "the browser page closed its connection"),
    "cause:signaling-lost": QT_TRANSLATE_NOOP(
        "CoreText",
        "the signaling channel to the remote broke; closed here",
    ),
    "cause:process-exit": QT_TRANSLATE_NOOP("CoreText", "IceScope is exiting"),
    "phrase:seconds": QT_TRANSLATE_NOOP("CoreText", "{value} s"),
    "phrase:time-unknown": QT_TRANSLATE_NOOP("CoreText", "an unknown time"),
    "phrase:last-packet-unknown": QT_TRANSLATE_NOOP(
        "CoreText",
        "a time not known (no statistics name the last packet)",
    ),
    "phrase:no-detail": QT_TRANSLATE_NOOP("CoreText", "no detail"),
    "phrase:peer-local": QT_TRANSLATE_NOOP("CoreText", "local"),
    "phrase:peer-remote": QT_TRANSLATE_NOOP("CoreText", "remote"),
    "phrase:impairment-since": QT_TRANSLATE_NOOP(
        "CoreText",
        "{kind} ({direction}) on the {peer} peer since {at}",
    ),
    "phrase:ignored-stuns": QT_TRANSLATE_NOOP("CoreText", "aiortc does not support stuns: URLs"),
    "phrase:ignored-stun": QT_TRANSLATE_NOOP(
        "CoreText",
        "aiortc uses only the first STUN server ({url})",
    ),
    "phrase:ignored-turn": QT_TRANSLATE_NOOP(
        "CoreText",
        "aiortc uses only the first TURN server ({url})",
    ),
    "phrase:ignored-turns": QT_TRANSLATE_NOOP(
        "CoreText",
        "aiortc does not support this TURN URL (turns: needs transport=tcp)",
    ),
    "phrase:no-relay-candidate": QT_TRANSLATE_NOOP("CoreText", "relay-only and no relay candidate"),
    "phrase:no-usable-address": QT_TRANSLATE_NOOP("CoreText", "no usable local address"),
    "liveness:last-packet": QT_TRANSLATE_NOOP("CoreText", "last packet {age} s ago"),
    "liveness:silent": QT_TRANSLATE_NOOP(
        "CoreText",
        "no response for {age} s · {verdict} at {after} s",
    ),
    "liveness:silent-due": QT_TRANSLATE_NOOP(
        "CoreText",
        "no response for {age} s · {verdict} at {after} s (due)",
    ),
    "liveness:disconnected-for": QT_TRANSLATE_NOOP("CoreText", "disconnected for {held} s"),
    "liveness:disconnected-failing": QT_TRANSLATE_NOOP(
        "CoreText",
        "disconnected for {held} s · failed in {left} s",
    ),
    "liveness:disconnected-failed-due": QT_TRANSLATE_NOOP(
        "CoreText",
        "disconnected for {held} s · failed is due",
    ),
    "liveness:failed": QT_TRANSLATE_NOOP(
        "CoreText",
        "no response for {age} s · terminal until an ICE restart",
    ),
    "liveness:pac-waiting": QT_TRANSLATE_NOOP(
        "CoreText",
        "no usable remote candidate yet — waiting for peer-reflexive connectivity, {left} s left",
    ),
    "impairment:cleared": QT_TRANSLATE_NOOP("CoreText", "all impairments cleared"),
    "impairment:on": QT_TRANSLATE_NOOP("CoreText", "{kind}{value} ({direction}) on"),
    "impairment:off": QT_TRANSLATE_NOOP("CoreText", "{kind}{value} ({direction}) off"),
    "notice:turn-auth-failed": QT_TRANSLATE_NOOP(
        "CoreText",
        "TURN server {url} rejected the credentials (401 Unauthorized): check "
        "--username and --credential (long-term credentials, RFC 8489 §9.2)",
    ),
    "notice:turn-error": QT_TRANSLATE_NOOP(
        "CoreText",
        "TURN server {url} refused the allocation: {error}",
    ),
    "notice:turn-unreachable": QT_TRANSLATE_NOOP(
        "CoreText",
        "TURN server {url} did not answer within {timeout} s over {transport}: not "
        "reachable (wrong address/port, or a firewall drops it)",
    ),
    "notice:turn-unreachable.error": QT_TRANSLATE_NOOP(
        "CoreText",
        "TURN server {url} is not reachable over {transport}: {error}",
    ),
    "notice:turn-slow": QT_TRANSLATE_NOOP(
        "CoreText",
        "TURN server {url} grants allocations, but none arrived during gathering "
        "(aioice waits 5 s): the server may be slow or overloaded",
    ),
    "notice:stun-unreachable": QT_TRANSLATE_NOOP("CoreText", "STUN server {url}: {error}"),
    "notice:stun-unreachable.timeout": QT_TRANSLATE_NOOP(
        "CoreText",
        "STUN server {url} did not answer within {timeout} s: not reachable",
    ),
    "notice:stun-unreachable.error": QT_TRANSLATE_NOOP(
        "CoreText",
        "STUN server {url} is not reachable: {error}",
    ),
    "notice:ice-server-ignored": QT_TRANSLATE_NOOP("CoreText", "{url} ignored: {why}"),
    "notice:relay-without-turn": QT_TRANSLATE_NOOP(
        "CoreText",
        "relay-only (iceTransportPolicy=relay) without a TURN server: no candidate can "
        "be gathered, so ICE cannot connect. Add --ice-server turn:HOST:PORT with "
        "--username/--credential, or drop --relay-only.",
    ),
    "notice:no-candidates": QT_TRANSLATE_NOOP(
        "CoreText",
        "no local ICE candidate was gathered ({why})",
    ),
    "notice:signaling-garbage": QT_TRANSLATE_NOOP("CoreText", "ignored signaling message: {error}"),
    "notice:redialing": QT_TRANSLATE_NOOP(
        "CoreText",
        "no signaling with the listener {address} ({why}); dialing it again in {wait} s "
        "(round {round}, up to {timeout} s; if it fails, the next round {after} s later)",
    ),
    "notice:signaling-retrying": QT_TRANSLATE_NOOP(
        "CoreText",
        "connecting to {address}: {why}; retrying for up to {timeout} s "
        "(is the other IceScope listening?)",
    ),
    "notice:signaling-connected": QT_TRANSLATE_NOOP(
        "CoreText",
        "signaling connected to {address}",
    ),
    "notice:signaling-lost": QT_TRANSLATE_NOOP("CoreText", "signaling channel lost: {error}"),
    "notice:signaling-closed.rejoin": QT_TRANSLATE_NOOP(
        "CoreText",
        "the page left without a bye (ICE may still carry on until consent expires); a "
        "page opened with the same URL takes its place",
    ),
    "notice:signaling-closed": QT_TRANSLATE_NOOP(
        "CoreText",
        "the signaling channel ended without a bye: the remote is gone (ICE may still "
        "carry on until consent expires)",
    ),
    "notice:bad-sdp": QT_TRANSLATE_NOOP("CoreText", "{error}"),
    "notice:signaling-rejected": QT_TRANSLATE_NOOP(
        "CoreText",
        "could not apply remote {kind}: {error}",
    ),
    "notice:browser-forbidden": QT_TRANSLATE_NOOP(
        "CoreText",
        "refused a browser connection without the access token from {remote}",
    ),
    "notice:browser-busy": QT_TRANSLATE_NOOP(
        "CoreText",
        "refused a second browser from {remote}: this session has its page",
    ),
    "notice:browser-connected": QT_TRANSLATE_NOOP(
        "CoreText",
        "browser page connected from {remote}",
    ),
    "notice:browser-connected.again": QT_TRANSLATE_NOOP(
        "CoreText",
        "browser page connected from {remote} (in place of the page that left)",
    ),
    "notice:browser-rejoined": QT_TRANSLATE_NOOP(
        "CoreText",
        "a new browser page from {remote} took the place of the one that left; "
        "IceScope's peer connection was negotiated with the old page and aiortc cannot "
        "renegotiate DTLS, so ICE cannot connect to the new page: start a new session "
        "for it",
    ),
    "notice:browser-rejoined.new-call": QT_TRANSLATE_NOOP(
        "CoreText",
        "a new browser page from {remote} took the place of the one that left: a new call "
        "begins with it (a new IceScope peer connection; the old one is closed)",
    ),
    "notice:browser-exposed": QT_TRANSLATE_NOOP(
        "CoreText",
        "the browser peer page is reachable from the network on {host}; only holders "
        "of the URL's token can use it",
    ),
    "notice:peer-connected": QT_TRANSLATE_NOOP(
        "CoreText",
        "signaling peer connected from {address}",
    ),
    "notice:peer-refused": QT_TRANSLATE_NOOP(
        "CoreText",
        "refused a connection from {address}: {why}",
    ),
    "notice:tcp-exposed": QT_TRANSLATE_NOOP(
        "CoreText",
        "listening for an IceScope peer on {address}, reachable from the network; only "
        "holders of the listening URL's token can use it",
    ),
    "notice:manual.answer": QT_TRANSLATE_NOOP("CoreText", "answering the offer in {offer}"),
    "notice:manual": QT_TRANSLATE_NOOP(
        "CoreText",
        "writing the offer to {offer}; waiting up to {wait} s for the answer in {answer}",
    ),
    "notice:paste.offer": QT_TRANSLATE_NOOP(
        "CoreText",
        "copy IceScope's offer to the remote peer, then paste its answer here",
    ),
    "notice:paste.answer": QT_TRANSLATE_NOOP(
        "CoreText",
        "paste the remote peer's offer; IceScope answers, copy the answer back",
    ),
    "notice:paste": QT_TRANSLATE_NOOP("CoreText", "pasted remote {kind} accepted; applying it"),
    "notice:paste-rejected": QT_TRANSLATE_NOOP("CoreText", "pasted text not applied: {error}"),
    "notice:remote-hello": QT_TRANSLATE_NOOP("CoreText", "remote peer: {who}"),
    "notice:candidates-dropped": QT_TRANSLATE_NOOP("CoreText", "remote {kind}: {dropped}"),
    "notice:candidates-dropped.trickle": QT_TRANSLATE_NOOP(
        "CoreText",
        "remote trickled more than {limit} candidates for one ICE generation: dropping "
        "the rest, starting with {candidate}",
    ),
    "notice:restart-refused": QT_TRANSLATE_NOOP(
        "CoreText",
        "ICE restart request refused: a restart is under way and another is queued",
    ),
    "notice:restart-queued": QT_TRANSLATE_NOOP(
        "CoreText",
        "ICE restart queued: it starts when this one ends",
    ),
    "notice:restart-failed": QT_TRANSLATE_NOOP("CoreText", "queued ICE restart not done: {error}"),
    "notice:journal": QT_TRANSLATE_NOOP("CoreText", "{error}"),
    "notice:journal.open": QT_TRANSLATE_NOOP(
        "CoreText",
        "cannot open journal {path}: {error}; the session runs without a journal",
    ),
    "notice:degraded-ice": QT_TRANSLATE_NOOP("CoreText", "{reason}"),
    "notice:notices-suppressed": QT_TRANSLATE_NOOP(
        "CoreText",
        "{count} more {suppressed!r} notices in {seconds} s were counted, not shown "
        "(at most {burst} per {window} s)",
    ),
    "notice:start-failed": QT_TRANSLATE_NOOP("CoreText", "session could not start: {error}"),
    "notice:not-connected": QT_TRANSLATE_NOOP("CoreText", "{reason}"),
    "notice:action-failed": QT_TRANSLATE_NOOP("CoreText", "{error}"),
    "notice:action-failed.scenario": QT_TRANSLATE_NOOP(
        "CoreText",
        "scenario action {action}: {error}",
    ),
    "notice:no-impairment": QT_TRANSLATE_NOOP("CoreText", "network impairment is not available"),
    "notice:export": QT_TRANSLATE_NOOP("CoreText", "cannot write {path}: {error}"),
    "notice:metrics": QT_TRANSLATE_NOOP("CoreText", "serving OpenMetrics at {url}"),
    "notice:import-value": QT_TRANSLATE_NOOP(
        "CoreText",
        "{machine}: not a W3C value: {value!r}; left out",
    ),
    "remote:loopback": QT_TRANSLATE_NOOP(
        "CoreText",
        "embedded loopback peer (aiortc, same process)",
    ),
    "remote:browser": QT_TRANSLATE_NOOP("CoreText", "browser peer page (IceScope offers)"),
    "remote:browser.offers": QT_TRANSLATE_NOOP("CoreText", "browser peer page (browser offers)"),
    "remote:tcp.listen": QT_TRANSLATE_NOOP(
        "CoreText",
        "IceScope peer over TCP signaling (listening on {address})",
    ),
    "remote:tcp.connect": QT_TRANSLATE_NOOP(
        "CoreText",
        "IceScope peer over TCP signaling ({address})",
    ),
    "remote:manual": QT_TRANSLATE_NOOP("CoreText", "manual peer (offer {offer}, answer {answer})"),
    "remote:paste": QT_TRANSLATE_NOOP(
        "CoreText",
        "any WebRTC peer, offer/answer copied and pasted by hand",
    ),
    **ERROR_CATALOGUE,
}
"""Every core text key and its English template (equal to ``core.texts.TEXTS``)."""


def template(key: str) -> str:
    """The template of ``key`` in the UI's language (the core's English for a key not listed)."""
    english = CATALOGUE.get(key)
    if english is None:
        return TEXTS[key]
    return translate("CoreText", english)


def core_text(key: str, args: Mapping[str, Any] | None, english: str = "") -> str:
    """The words of ``key`` with ``args`` in the UI's language.

    ``english`` (the text the core rendered) is shown as it is when the key is unknown or the
    arguments lack one of its fields (e.g. a journal written before the key existed).
    """
    if key not in TEXTS or not fields(TEXTS[key]) <= set(args or {}):
        return english or render(key, args)
    return render(key, _localized_args(key, args or {}, QLocale(current_language())), template)


_DECIMAL = re.compile(r"-?\d+\.\d+")
_IMPAIRMENT_KEYS: Final = frozenset({"impairment:on", "impairment:off", "phrase:impairment-since"})
"""Texts whose ``kind`` and ``direction`` are an impairment's (``blackout``, ``both``)."""


def _localized_args(key: str, args: Mapping[str, Any], locale: QLocale) -> dict[str, Any]:
    """``args`` of ``key`` in the UI language: decimals, and an impairment's words."""
    out = {}
    for name, value in args.items():
        if key in _IMPAIRMENT_KEYS and isinstance(value, str) and name in ("kind", "direction"):
            out[name] = impair_kind(value) if name == "kind" else direction_word(value)
        elif key in _IMPAIRMENT_KEYS and isinstance(value, str) and name == "value":
            out[name] = _DECIMAL.sub(lambda m: _number(m.group(), locale), value)  # " 0.5 s"
        else:
            out[name] = _localized(value, locale)
    return out


def _number(text: str, locale: QLocale) -> str:
    """A decimal number written the UI language's way (``3,5`` in German)."""
    return locale.toString(float(text), "f", len(text) - text.index(".") - 1)


def _localized(value: Any, locale: QLocale) -> Any:
    """``value`` with each decimal number written the UI language's way (``3,5`` in German)."""
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return _number(value, locale)
    if isinstance(value, dict) and "key" in value:  # a nested phrase
        key = str(value["key"])
        return {"key": key, "args": _localized_args(key, value.get("args") or {}, locale)}
    if isinstance(value, dict):
        return {name: _localized(item, locale) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_localized(item, locale) for item in value]
    return value


def error_text(exc: ConfigError) -> str:
    """A usage or configuration error's words in the UI's language (free text as it is)."""
    return core_text(exc.key, exc.arguments, str(exc)) if exc.key else str(exc)


def notice_text(notice: Notice) -> str:
    """A notice's words in the UI's language (a free-text notice as it is)."""
    return core_text(notice.key, notice.args, notice.message) if notice.key else notice.message


def cause_text(cause: Cause) -> str:
    """A cause's explanation in the UI's language."""
    return core_text(f"cause:{cause.code}", cause.args, cause.message)


def impairment_text(event: Impairment) -> str:
    """An impairment's summary (``blackout 5 s (both) on``) in the UI's language."""
    key, args = event.text()
    return core_text(key, args)


def impairment_label(event: Impairment) -> str:
    """What an active impairment does (``blackout 5 s (both)``), in the UI's language."""
    key, args = event.text()
    if key == "impairment:cleared":
        return core_text(key, args)
    said = _localized_args("impairment:on", args, QLocale(current_language()))
    return f"{said['kind']}{said['value']} ({said['direction']})"


def liveness_text(liveness: Liveness, now: float) -> str:
    """The liveness line at session time ``now`` in the UI's language (empty: nothing to say)."""
    said = liveness.said(now)
    return core_text(*said) if said is not None else ""
