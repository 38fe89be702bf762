"""Every sentence the core writes for a person: a stable template key, English words, arguments.

The core stays language-neutral: a notice, a cause, a liveness line or an impairment summary
is published as a *template key* (``notice:degraded-ice``, ``cause:consent-lost``...) plus its
arguments, together with the English text rendered from them, so the journal and the JSON stay
readable. The window translates the key and arguments (``icescope.qt.core_texts``, German for
every key); the probe prints the English, or its usage errors (``error:`` keys, carried by
``ConfigError``, words in ``error_texts.py``) in German with :mod:`icescope.core.probe_texts`.

An argument is a plain string (a number, an address, an exception's own words) or a nested
phrase ``{"key": ..., "args": ...}`` (e.g. "an unknown time"), or a list of phrases (joined
with "; "), so that nothing a view shows stays English because it was pre-rendered.

Adding a text (e.g. a new notice):

1. Add its key and English template here (``_NOTICES`` for ``notice:<code>``; a code with two
   wordings gets two keys, ``notice:paste.offer`` and ``notice:paste.answer``).
2. Publish it with its arguments, never with English text:
   ``session.notice("warning", "my-code", url=url, error=str(exc))`` (or ``key="notice:..."``
   for a second wording; :func:`phrase` for an argument that is itself words).
3. Add the same English to ``CATALOGUE`` in ``icescope/qt/core_texts.py`` (a
   ``QT_TRANSLATE_NOOP("CoreText", ...)`` literal), run ``tools/translations.py update``, write
   the German in ``resources/i18n/icescope_de.ts`` (same ``{fields}``), then ``release``.

``tests/qt/test_core_texts.py`` fails until all three agree: a key missing here, a notice call
with English text or an unregistered code anywhere in the core, a catalogue entry that differs,
a German translation missing or with other fields.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from typing import Any, Final, Protocol

from .error_texts import ERRORS
from .states import CLOSE_CAUSES

Args = Mapping[str, Any]
"""Arguments: ``str`` values, nested phrases ``{"key": k, "args": {...}}`` or lists of them."""

_CAUSES: Final[dict[str, str]] = {
    "consent-lost": (
        "nothing received from the remote since {since}, and no impairment was "
        "active: the path or the remote stopped answering consent checks"
    ),
    "consent-lost-impairment": (
        "nothing received from the remote since {since}, while IceScope's own "
        "impairment was active: {impairments}"
    ),
    "remote-closed": (
        "the {other} peer closed its connection at {at}; nothing answers consent checks any more"
    ),
    "remote-gone": "the remote is gone ({why}, at {at}); nothing answers consent checks any more",
    "no-remote-candidates": (
        "no remote candidates arrived (neither in the description nor trickled): there was "
        "no candidate pair to check"
    ),
    "host-only-different-networks": (
        "only host candidates, on different networks (local {local}; remote {remote}) and "
        "no STUN or TURN candidates: no pair can reach the other side"
    ),
    "turn-auth-failed": "the TURN server rejected the credentials (401): {notice}",
    "turn-unreachable": "the TURN server could not be reached: {notice}",
    "stun-unreachable": "the STUN server could not be reached: {notice}",
    "checks-failed": (
        "every candidate pair failed its connectivity checks ({pairs} pairs; {requests} "
        "requests sent, {responses} responses received)"
    ),
    "restart-not-answered": (
        "the remote did not answer the ICE restart with new credentials ({detail}); the "
        "session stays on the old generation"
    ),
    "closed-reported": "the peer reported closed itself (its own close())",
    "unknown": "no recorded fact explains it",
    **{p.value: text for p, text in CLOSE_CAUSES.items()},
}

_PHRASES: Final[dict[str, str]] = {
    "seconds": "{value} s",
    "time-unknown": "an unknown time",
    "last-packet-unknown": "a time not known (no statistics name the last packet)",
    "no-detail": "no detail",
    "peer-local": "local",
    "peer-remote": "remote",
    "impairment-since": "{kind} ({direction}) on the {peer} peer since {at}",
    "ignored-stuns": "aiortc does not support stuns: URLs",
    "ignored-stun": "aiortc uses only the first STUN server ({url})",
    "ignored-turn": "aiortc uses only the first TURN server ({url})",
    "ignored-turns": "aiortc does not support this TURN URL (turns: needs transport=tcp)",
    "no-relay-candidate": "relay-only and no relay candidate",
    "no-usable-address": "no usable local address",
}

_LIVENESS: Final[dict[str, str]] = {
    "last-packet": "last packet {age} s ago",
    "silent": "no response for {age} s · {verdict} at {after} s",
    "silent-due": "no response for {age} s · {verdict} at {after} s (due)",
    "disconnected-for": "disconnected for {held} s",
    "disconnected-failing": "disconnected for {held} s · failed in {left} s",
    "disconnected-failed-due": "disconnected for {held} s · failed is due",
    "failed": "no response for {age} s · terminal until an ICE restart",
    "pac-waiting": (
        "no usable remote candidate yet — waiting for peer-reflexive connectivity, {left} s left"
    ),
}

_IMPAIRMENTS: Final[dict[str, str]] = {
    "cleared": "all impairments cleared",
    "on": "{kind}{value} ({direction}) on",
    "off": "{kind}{value} ({direction}) off",
}

_NOTICES: Final[dict[str, str]] = {
    # core/ice/servers.py, core/iceservers.py: STUN/TURN diagnoses
    "turn-auth-failed": (
        "TURN server {url} rejected the credentials (401 Unauthorized): check --username and "
        "--credential (long-term credentials, RFC 8489 §9.2)"
    ),
    "turn-error": "TURN server {url} refused the allocation: {error}",
    "turn-unreachable": (
        "TURN server {url} did not answer within {timeout} s over {transport}: not reachable "
        "(wrong address/port, or a firewall drops it)"
    ),
    "turn-unreachable.error": "TURN server {url} is not reachable over {transport}: {error}",
    "turn-slow": (
        "TURN server {url} grants allocations, but none arrived during gathering (aioice "
        "waits 5 s): the server may be slow or overloaded"
    ),
    "stun-unreachable": "STUN server {url}: {error}",
    "stun-unreachable.timeout": (
        "STUN server {url} did not answer within {timeout} s: not reachable"
    ),
    "stun-unreachable.error": "STUN server {url} is not reachable: {error}",
    "ice-server-ignored": "{url} ignored: {why}",
    "relay-without-turn": (
        "relay-only (iceTransportPolicy=relay) without a TURN server: no candidate can "
        "be gathered, so ICE cannot connect. Add --ice-server turn:HOST:PORT with "
        "--username/--credential, or drop --relay-only."
    ),
    "no-candidates": "no local ICE candidate was gathered ({why})",
    # core/receiving.py: the signaling channel
    "signaling-garbage": "ignored signaling message: {error}",
    "signaling-lost": "signaling channel lost: {error}",
    "redialing": (
        "no signaling with the listener {address} ({why}); dialing it again in {wait} s "
        "(round {round}, up to {timeout} s; if it fails, the next round {after} s later)"
    ),
    "signaling-retrying": (
        "connecting to {address}: {why}; retrying for up to {timeout} s "
        "(is the other IceScope listening?)"
    ),
    "signaling-connected": "signaling connected to {address}",
    "signaling-closed.rejoin": (
        "the page left without a bye (ICE may still carry on until consent "
        "expires); a page opened with the same URL takes its place"
    ),
    "signaling-closed": (
        "the signaling channel ended without a bye: the remote is gone "
        "(ICE may still carry on until consent expires)"
    ),
    "bad-sdp": "{error}",
    "signaling-rejected": "could not apply remote {kind}: {error}",
    # core/webpeer/server.py, core/remotes/: the remote peer
    "browser-forbidden": "refused a browser connection without the access token from {remote}",
    "browser-busy": "refused a second browser from {remote}: this session has its page",
    "browser-connected": "browser page connected from {remote}",
    "browser-connected.again": (
        "browser page connected from {remote} (in place of the page that left)"
    ),
    "browser-rejoined": (
        "a new browser page from {remote} took the place of the one that left; IceScope's "
        "peer connection was negotiated with the old page and aiortc cannot renegotiate "
        "DTLS, so ICE cannot connect to the new page: start a new session for it"
    ),
    "browser-rejoined.new-call": (
        "a new browser page from {remote} took the place of the one that left: a new call "
        "begins with it (a new IceScope peer connection; the old one is closed)"
    ),
    "browser-exposed": (
        "the browser peer page is reachable from the network on {host}; "
        "only holders of the URL's token can use it"
    ),
    "peer-connected": "signaling peer connected from {address}",
    "peer-refused": "refused a connection from {address}: {why}",
    "tcp-exposed": (
        "listening for an IceScope peer on {address}, reachable from the network; "
        "only holders of the listening URL's token can use it"
    ),
    "manual.answer": "answering the offer in {offer}",
    "manual": "writing the offer to {offer}; waiting up to {wait} s for the answer in {answer}",
    "paste.offer": "copy IceScope's offer to the remote peer, then paste its answer here",
    "paste.answer": "paste the remote peer's offer; IceScope answers, copy the answer back",
    "paste": "pasted remote {kind} accepted; applying it",
    "paste-rejected": "pasted text not applied: {error}",
    "remote-hello": "remote peer: {who}",
    "candidates-dropped": "remote {kind}: {dropped}",
    "candidates-dropped.trickle": (
        "remote trickled more than {limit} candidates for one ICE generation: dropping the "
        "rest, starting with {candidate}"
    ),
    # core/restartpacer.py
    "restart-refused": (
        "ICE restart request refused: a restart is under way and another is queued"
    ),
    "restart-queued": "ICE restart queued: it starts when this one ends",
    "restart-failed": "queued ICE restart not done: {error}",
    # core/session.py, core/noticelimit.py, core/probe.py, scenarios, metrics
    "journal": "{error}",
    "journal.open": ("cannot open journal {path}: {error}; the session runs without a journal"),
    "degraded-ice": "{reason}",
    "notices-suppressed": (
        "{count} more {suppressed!r} notices in {seconds} s were counted, not shown "
        "(at most {burst} per {window} s)"
    ),
    "start-failed": "session could not start: {error}",
    "not-connected": "{reason}",
    "action-failed": "{error}",
    "action-failed.scenario": "scenario action {action}: {error}",
    "no-impairment": "network impairment is not available",
    "export": "cannot write {path}: {error}",
    "metrics": "serving OpenMetrics at {url}",
    # core/formats/builder.py: imports
    "import-value": "{machine}: not a W3C value: {value!r}; left out",
}

_REMOTES: Final[dict[str, str]] = {
    "loopback": "embedded loopback peer (aiortc, same process)",
    "browser": "browser peer page (IceScope offers)",
    "browser.offers": "browser peer page (browser offers)",
    "tcp.listen": "IceScope peer over TCP signaling (listening on {address})",
    "tcp.connect": "IceScope peer over TCP signaling ({address})",
    "manual": "manual peer (offer {offer}, answer {answer})",
    "paste": "any WebRTC peer, offer/answer copied and pasted by hand",
}

TEXTS: Final[dict[str, str]] = {
    **{f"cause:{k}": v for k, v in _CAUSES.items()},
    **{f"phrase:{k}": v for k, v in _PHRASES.items()},
    **{f"liveness:{k}": v for k, v in _LIVENESS.items()},
    **{f"impairment:{k}": v for k, v in _IMPAIRMENTS.items()},
    **{f"notice:{k}": v for k, v in _NOTICES.items()},
    **{f"remote:{k}": v for k, v in _REMOTES.items()},
    **{f"error:{k}": v for k, v in ERRORS.items()},
}
"""Every template key the core can emit and its English words (``{name}`` fields)."""

CAUSE_CODES: Final = frozenset(_CAUSES)
"""Every cause code."""


def fields(template: str) -> set[str]:
    """The ``{name}`` fields of ``template``."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def phrase(key: str, **args: Any) -> dict[str, Any]:
    """A nested phrase (an argument that is itself words): ``{"key": key, "args": args}``."""
    if key not in TEXTS:
        raise KeyError(f"no core text {key!r}")
    return {"key": key, "args": args}


def said(key: str, **args: Any) -> tuple[str, dict[str, Any]]:
    """``(key, args)`` of a registered core text, for a field that keeps both."""
    if key not in TEXTS:
        raise KeyError(f"no core text {key!r}")
    return key, args


def seconds(value: float | None, unknown: str = "phrase:time-unknown") -> dict[str, Any]:
    """``8.1 s`` as a phrase, or the ``unknown`` phrase for None."""
    if value is None:
        return phrase(unknown)
    return phrase("phrase:seconds", value=f"{value:.1f}")


class Notify(Protocol):
    """``notice(level, code, key=..., **args)``: publish a notice whose words are a core text.

    ``message`` (positional) publishes a free text instead, shown as it is in every language:
    only for words the core did not write (a library's log line, an imported notice).
    """

    def __call__(
        self, level: str, code: str, message: str | None = None, /, *, key: str = "", **args: Any
    ) -> None:
        """Publish it."""


Lookup = Callable[[str], str]
"""Template key -> template (the English registry, or a translation)."""


def render(key: str, args: Args | None = None, lookup: Lookup | None = None) -> str:
    """The words of ``key`` with ``args`` filled in, nested phrases rendered the same way.

    ``lookup`` gives a key's template (default: English). A key no one knows, or a template
    whose fields the arguments lack, gives the template as it is, never an exception.
    """
    get = lookup or TEXTS.__getitem__
    try:
        template = get(key)
    except KeyError:
        return key
    values = {name: _value(value, get) for name, value in (args or {}).items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def _value(value: Any, get: Lookup) -> Any:
    if isinstance(value, Mapping) and "key" in value:
        return render(str(value["key"]), value.get("args") or {}, get)
    if isinstance(value, list | tuple):
        return "; ".join(str(_value(v, get)) for v in value)
    return value
