"""The English words of every ``error:`` core text: usage and configuration errors.

A :class:`~icescope.core.errors.ConfigError` raised with ``ConfigError.of("error:...", ...)``
keeps its key and arguments, so the window (``icescope.qt.core_texts``) and the probe
(:mod:`icescope.core.probe_texts`) can say it in German; ``str(exc)`` stays this English.
Arguments are plain strings (a flag, a quoted value, a range) or nested phrases.
"""

from __future__ import annotations

from typing import Final

ERRORS: Final[dict[str, str]] = {
    # core/ranges.py: every numeric flag and settings field
    "range": "{label} must be a finite number in {range}, got {value}",
    "range.bare": "must be a finite number in {range}, got {value}",
    "not-a-number": "{name} must be a number, got {value}",
    "see-help": "{message} (see --help)",
    # core/tcpaddress.py: --listen / --connect
    "tcp-token": (
        "bad {flag} {value}: the URL needs one ?token= of 16-256 letters, digits, '-' or '_' "
        "(copy the URL the listening IceScope printed)"
    ),
    "tcp-need-url": (
        "bad {flag} {value}: give the URL the listening IceScope printed, {example}, the "
        "listener refuses a peer without its token"
    ),
    "tcp-port-zero": "bad {flag} {value}: cannot connect to port 0",
    "tcp-hostport": "bad {flag} {value}: write it as HOST:PORT, e.g. 127.0.0.1:7400",
    "tcp-port": "bad {flag} {value}: the port must be a number 0-65535",
    "tcp-ipv6": "bad {flag} {value}: write an IPv6 host as [ADDRESS]:PORT",
    "tcp-host": "bad {flag} {value}: the host must be a name, an IPv4 address or [IPv6]",
    # core/config.py: timings, ICE servers, the session
    "keepalive-order": (
        "disconnected timeout must exceed the longest keepalive interval ({limit} s), got {value}"
    ),
    "failed-order": "failed timeout ({failed}) must exceed the disconnected timeout ({value})",
    "server-no-url": "an ICE server needs at least one URL",
    "server-credential": (
        "the credential of ICE server {url} must be 1-4096 characters with no control "
        "characters (it is not shown here)"
    ),
    "turn-needs-credentials": "TURN server {url} needs --username and --credential",
    "url-scheme": "bad ICE server URL {url}: it must start with stun:, stuns:, turn: or turns:",
    "url-form": "bad ICE server URL {url}: write it as {scheme}:HOST[:PORT]",
    "url-ipv6": (
        "bad ICE server URL {url}: aiortc cannot use an IPv6 address literal here; give the "
        "server's host name or IPv4 address"
    ),
    "url-hostport": (
        "bad ICE server URL {url}: write it as {scheme}:HOST[:PORT] (HOST a name or an IPv4 "
        "address of letters, digits, dots and dashes; PORT 1-65535)"
    ),
    "url-parse": "bad ICE server URL {url}: {error}",
    "url-no-host": "bad ICE server URL {url}: no host name",
    "url-port": "bad ICE server URL {url}: the port is not a number 1-65535",
    "url-stun-query": "bad ICE server URL {url}: a {scheme}: URL takes no ?transport=",
    "url-query": ("bad ICE server URL {url}: only ?transport=udp or ?transport=tcp is understood"),
    "stats-interval": "statistics interval must be a finite number of seconds, got {value}",
    "stats-interval.range": ("statistics interval must be 0 (off) or {low}-{high} s, got {value}"),
    "mode": "unknown session mode {mode} (choose from {choices})",
    "mode-needs-address": "mode {mode} needs HOST:PORT (--listen / --connect)",
    "manual-needs-files": "manual mode needs both --offer-file and --answer-file",
    "browser-port": "browser port must be 0-65535, got {value}",
    "browser-token": "browser page token must be 16-256 letters, digits, '-' or '_'",
    # core/probeflags.py: flags that need another
    "flag-value": "{flag} {value}: {error}",
    "time-scale-alone": "--time-scale needs --scenario",
    "probe-name-alone": "--probe-name needs --metrics or --pushgateway",
    # core/probe.py: --blackout and actions the probe cannot do
    "blackout-form": (
        "bad --blackout {value}: expected AT+LENGTH[:local|remote][:in|out|both], "
        "e.g. 2+5:remote:both"
    ),
    "blackout": "bad --blackout {value}: {error}",
    "blackout-part": (
        "bad --blackout {value}: unknown part {part}; expected "
        "AT+LENGTH[:local|remote][:in|out|both], e.g. 2+5:remote:both"
    ),
    "after-end": (
        "{flag} would never happen: it is due at {at} s and the probe ends at --duration "
        "({duration} s)"
    ),
    "remote-not-impairable": (
        "{flag}: the remote runs in another process and cannot be impaired from here (impair "
        "the local peer instead)"
    ),
    # core/remotes/flags.py: the remote peer's flags and credentials
    "one-remote": "choose one remote peer, not {kinds}",
    "browser-flags": "--port, --listen-browser and --browser-offers need --browser-peer",
    "credential-both": "--ice-server {url}: give --credential or --credential-file, not both",
    "credential-file": "--credential-file {path}: cannot read it ({error})",
    "credential-file.large": "--credential-file {path}: larger than {limit} bytes",
    "credential-file.utf8": "--credential-file {path}: not UTF-8 text",
    "credential-file.empty": "--credential-file {path}: empty",
    "credential-file.lines": "--credential-file {path}: more than one line",
    # core/settings_codec.py: the settings file
    "unknown-keys": "unknown key(s) in {where}: {keys}",
    "mode-not-stored": "session mode {mode} cannot be stored (choose from {choices})",
    "not-a-list": "{name} must be a list, got {kind}",
    "password-in-file": (
        "{where}: a password is not read from the settings file; give it with --credential, "
        "or let IceScope keep it in the system keyring"
    ),
    "not-a-table": "{where} must be a table of keys, got {kind}",
    "wrong-type": "{name} must be a {kind}, got {value}",
    "not-strings": "{name} must be a list of strings, got {value}",
}
"""``error:<code>`` -> English template (``core.texts.TEXTS`` holds them with the prefix)."""
