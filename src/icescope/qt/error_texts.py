"""The window's English of every ``error:`` core text (usage and configuration errors).

Each is a ``QT_TRANSLATE_NOOP("CoreText", ...)`` literal, so lupdate extracts it; the German is
in ``resources/i18n/icescope_de.ts``. ``icescope.qt.core_texts.CATALOGUE`` includes these, and
``tests/qt/test_core_texts.py`` checks them against ``core/error_texts.py``.
"""

from __future__ import annotations

from typing import Final

from .i18n import QT_TRANSLATE_NOOP

ERROR_CATALOGUE: Final[dict[str, str]] = {
    "error:range": QT_TRANSLATE_NOOP(
        "CoreText", "{label} must be a finite number in {range}, got {value}"
    ),
    "error:range.bare": QT_TRANSLATE_NOOP(
        "CoreText", "must be a finite number in {range}, got {value}"
    ),
    "error:not-a-number": QT_TRANSLATE_NOOP("CoreText", "{name} must be a number, got {value}"),
    "error:see-help": QT_TRANSLATE_NOOP("CoreText", "{message} (see --help)"),
    "error:tcp-token": QT_TRANSLATE_NOOP(
        "CoreText",
        "bad {flag} {value}: the URL needs one ?token= of 16-256 letters, digits, '-' or "
        "'_' (copy the URL the listening IceScope printed)",
    ),
    "error:tcp-need-url": QT_TRANSLATE_NOOP(
        "CoreText",
        "bad {flag} {value}: give the URL the listening IceScope printed, {example}, the "
        "listener refuses a peer without its token",
    ),
    "error:tcp-port-zero": QT_TRANSLATE_NOOP(
        "CoreText", "bad {flag} {value}: cannot connect to port 0"
    ),
    "error:tcp-hostport": QT_TRANSLATE_NOOP(
        "CoreText", "bad {flag} {value}: write it as HOST:PORT, e.g. 127.0.0.1:7400"
    ),
    "error:tcp-port": QT_TRANSLATE_NOOP(
        "CoreText", "bad {flag} {value}: the port must be a number 0-65535"
    ),
    "error:tcp-ipv6": QT_TRANSLATE_NOOP(
        "CoreText", "bad {flag} {value}: write an IPv6 host as [ADDRESS]:PORT"
    ),
    "error:tcp-host": QT_TRANSLATE_NOOP(
        "CoreText",
        "bad {flag} {value}: the host must be a name, an IPv4 address or [IPv6]",
    ),
    "error:keepalive-order": QT_TRANSLATE_NOOP(
        "CoreText",
        "disconnected timeout must exceed the longest keepalive interval ({limit} s), got {value}",
    ),
    "error:failed-order": QT_TRANSLATE_NOOP(
        "CoreText",
        "failed timeout ({failed}) must exceed the disconnected timeout ({value})",
    ),
    "error:server-no-url": QT_TRANSLATE_NOOP("CoreText", "an ICE server needs at least one URL"),
    "error:server-credential": QT_TRANSLATE_NOOP(
        "CoreText",
        "the credential of ICE server {url} must be 1-4096 characters with no control "
        "characters (it is not shown here)",
    ),
    "error:turn-needs-credentials": QT_TRANSLATE_NOOP(
        "CoreText", "TURN server {url} needs --username and --credential"
    ),
    "error:url-scheme": QT_TRANSLATE_NOOP(
        "CoreText",
        "bad ICE server URL {url}: it must start with stun:, stuns:, turn: or turns:",
    ),
    "error:url-form": QT_TRANSLATE_NOOP(
        "CoreText", "bad ICE server URL {url}: write it as {scheme}:HOST[:PORT]"
    ),
    "error:url-ipv6": QT_TRANSLATE_NOOP(
        "CoreText",
        "bad ICE server URL {url}: aiortc cannot use an IPv6 address literal here; give "
        "the server's host name or IPv4 address",
    ),
    "error:url-hostport": QT_TRANSLATE_NOOP(
        "CoreText",
        "bad ICE server URL {url}: write it as {scheme}:HOST[:PORT] (HOST a name or an "
        "IPv4 address of letters, digits, dots and dashes; PORT 1-65535)",
    ),
    "error:url-parse": QT_TRANSLATE_NOOP("CoreText", "bad ICE server URL {url}: {error}"),
    "error:url-no-host": QT_TRANSLATE_NOOP("CoreText", "bad ICE server URL {url}: no host name"),
    "error:url-port": QT_TRANSLATE_NOOP(
        "CoreText", "bad ICE server URL {url}: the port is not a number 1-65535"
    ),
    "error:url-stun-query": QT_TRANSLATE_NOOP(
        "CoreText", "bad ICE server URL {url}: a {scheme}: URL takes no ?transport="
    ),
    "error:url-query": QT_TRANSLATE_NOOP(
        "CoreText",
        "bad ICE server URL {url}: only ?transport=udp or ?transport=tcp is understood",
    ),
    "error:stats-interval": QT_TRANSLATE_NOOP(
        "CoreText", "statistics interval must be a finite number of seconds, got {value}"
    ),
    "error:stats-interval.range": QT_TRANSLATE_NOOP(
        "CoreText", "statistics interval must be 0 (off) or {low}-{high} s, got {value}"
    ),
    "error:mode": QT_TRANSLATE_NOOP(
        "CoreText", "unknown session mode {mode} (choose from {choices})"
    ),
    "error:mode-needs-address": QT_TRANSLATE_NOOP(
        "CoreText", "mode {mode} needs HOST:PORT (--listen / --connect)"
    ),
    "error:manual-needs-files": QT_TRANSLATE_NOOP(
        "CoreText", "manual mode needs both --offer-file and --answer-file"
    ),
    "error:browser-port": QT_TRANSLATE_NOOP(
        "CoreText", "browser port must be 0-65535, got {value}"
    ),
    "error:browser-token": QT_TRANSLATE_NOOP(
        "CoreText", "browser page token must be 16-256 letters, digits, '-' or '_'"
    ),
    "error:flag-value": QT_TRANSLATE_NOOP("CoreText", "{flag} {value}: {error}"),
    "error:time-scale-alone": QT_TRANSLATE_NOOP("CoreText", "--time-scale needs --scenario"),
    "error:probe-name-alone": QT_TRANSLATE_NOOP(
        "CoreText", "--probe-name needs --metrics or --pushgateway"
    ),
    "error:blackout-form": QT_TRANSLATE_NOOP(
        "CoreText",
        "bad --blackout {value}: expected AT+LENGTH[:local|remote][:in|out|both], e.g. "
        "2+5:remote:both",
    ),
    "error:blackout": QT_TRANSLATE_NOOP("CoreText", "bad --blackout {value}: {error}"),
    "error:blackout-part": QT_TRANSLATE_NOOP(
        "CoreText",
        "bad --blackout {value}: unknown part {part}; expected "
        "AT+LENGTH[:local|remote][:in|out|both], e.g. 2+5:remote:both",
    ),
    "error:after-end": QT_TRANSLATE_NOOP(
        "CoreText",
        "{flag} would never happen: it is due at {at} s and the probe ends at --duration "
        "({duration} s)",
    ),
    "error:remote-not-impairable": QT_TRANSLATE_NOOP(
        "CoreText",
        "{flag}: the remote runs in another process and cannot be impaired from here "
        "(impair the local peer instead)",
    ),
    "error:one-remote": QT_TRANSLATE_NOOP("CoreText", "choose one remote peer, not {kinds}"),
    "error:browser-flags": QT_TRANSLATE_NOOP(
        "CoreText", "--port, --listen-browser and --browser-offers need --browser-peer"
    ),
    "error:credential-both": QT_TRANSLATE_NOOP(
        "CoreText", "--ice-server {url}: give --credential or --credential-file, not both"
    ),
    "error:credential-file": QT_TRANSLATE_NOOP(
        "CoreText", "--credential-file {path}: cannot read it ({error})"
    ),
    "error:credential-file.large": QT_TRANSLATE_NOOP(
        "CoreText", "--credential-file {path}: larger than {limit} bytes"
    ),
    "error:credential-file.utf8": QT_TRANSLATE_NOOP(
        "CoreText", "--credential-file {path}: not UTF-8 text"
    ),
    "error:credential-file.empty": QT_TRANSLATE_NOOP("CoreText", "--credential-file {path}: empty"),
    "error:credential-file.lines": QT_TRANSLATE_NOOP(
        "CoreText", "--credential-file {path}: more than one line"
    ),
    "error:unknown-keys": QT_TRANSLATE_NOOP("CoreText", "unknown key(s) in {where}: {keys}"),
    "error:mode-not-stored": QT_TRANSLATE_NOOP(
        "CoreText", "session mode {mode} cannot be stored (choose from {choices})"
    ),
    "error:not-a-list": QT_TRANSLATE_NOOP("CoreText", "{name} must be a list, got {kind}"),
    "error:password-in-file": QT_TRANSLATE_NOOP(
        "CoreText",
        "{where}: a password is not read from the settings file; give it with "
        "--credential, or let IceScope keep it in the system keyring",
    ),
    "error:not-a-table": QT_TRANSLATE_NOOP(
        "CoreText", "{where} must be a table of keys, got {kind}"
    ),
    "error:wrong-type": QT_TRANSLATE_NOOP("CoreText", "{name} must be a {kind}, got {value}"),
    "error:not-strings": QT_TRANSLATE_NOOP(
        "CoreText", "{name} must be a list of strings, got {value}"
    ),
}
"""``error:<code>`` -> English template (equal to the core's)."""
