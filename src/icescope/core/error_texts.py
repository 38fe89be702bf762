"""The English words of every ``error:`` core text: usage and configuration errors.

A :class:`~icescope.core.errors.ConfigError` raised with ``ConfigError.of("error:...", ...)``
keeps its key and arguments, so the window (``icescope.qt.core_texts``) and the probe
(:mod:`icescope.core.probe_texts`) can say it in German; ``str(exc)`` stays this English.
Arguments are plain strings (a flag, a quoted value, a range) or nested phrases.
"""

from __future__ import annotations

from typing import Final

from .range_table import RANGE_WORDS

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
    # core/ranges.py: what each numbered value is ("keepalive interval (--keepalive-interval)")
    "label": "{words} ({name})",
    **{f"words.{key}": words for key, words in RANGE_WORDS.items()},
    # lists and the probe's flag phrases
    "and": "{first} and {second}",
    "then": "{first} {second}",
    "loss-delay-remote": "--loss/--delay on the remote",
    # cli.py: --config and argparse's own errors
    "config-missing": "--config {path}: no such settings file",
    "argparse.argument": "argument {flag}: {error}",
    "argparse.required": "the following arguments are required: {flags}",
    "argparse.unrecognized": "unrecognized arguments: {flags}",
    "argparse.one-value": "expected one argument",
    "argparse.some-values": "expected at least one argument",
    "argparse.choice": "invalid choice: {value} (choose from {choices})",
    "argparse.type": "invalid {type} value: {value}",
    "argparse.not-allowed": "not allowed with argument {flag}",
    "argparse.ambiguous": "ambiguous option: {option} could match {matches}",
    "argparse.follow": "{option} must follow the --ice-server it belongs to",
    "seconds": "must be a number of seconds: {value}",
    "seconds.finite": "must be a finite number of seconds: {value}",
    # core/settings_store.py: the settings file
    "settings-broken": (
        "Settings: {path} was not used: {why}. Using the defaults; the file is kept as a "
        "backup before settings are next saved."
    ),
    "settings-broken.section": (
        "Settings: section {section} of {path} was not used: {why}. Using the defaults for "
        "it; the file is kept as a backup before settings are next saved."
    ),
    "settings.unreadable": "cannot read it ({error})",
    "settings.large": "it is {size} bytes, more than a settings file can be",
    "settings.json": "it is not valid JSON",
    "settings.json-at": "it is not valid JSON (line {line}, column {column}: {error})",
    "settings.not-object": "it does not hold a JSON object",
    "settings.version": "it is version {version}; this IceScope reads version {expected}",
    "settings.unknown-sections": "unknown section(s) {sections} were ignored",
    "settings.recent": "recent must be a list of {{when, session, journal}} entries",
    "settings.plain": ("{name} must be a table of plain values (text, numbers, true/false, lists)"),
    # core/faults.py, core/impairing.py: impairments
    "impair-kind": "unknown impairment {kind}: use one of {kinds}",
    "impair-direction": "unknown direction {direction}: use in, out or both",
    "impair-value": "impairment value must be a finite number, got {value}",
    "impair-loss": "loss must be 0-100 %, got {value}",
    "impair-delay": "delay must be 0-{limit} ms, got {value}",
    "impair-blackout": "blackout length must be 0 (until cleared) to {limit} s, got {value}",
    "impair-peer": "cannot impair the {peer} peer: {why}",
    "impair-peer.not-started": "the session has not started",
    "impair-peer.elsewhere": "it does not run in this process (impair the local peer instead)",
    "impair-peer.closed": "it is closed",
    "impair-peer.refused": "impairment is {refused}",
    # core/metrics/hook.py, core/netif.py, core/remotes, core/signaling, core/webpeer
    "pushgateway": "bad --pushgateway {value}: write it as http://HOST:PORT",
    "probe-name": "bad --probe-name {value}: 1-128 letters, digits, '.', '_' or '-'",
    "ip-address": "not an IP address: {value}",
    "address-not-ip": "--address {value} is not an IP address",
    "address-absent": "--address {value}: this machine has no such address (it has {known})",
    "address-absent.none": "none",
    "remote-mode": "unknown remote mode {mode}",
    "offer-file": "--offer-file {path}: {error}",
    "listen-failed": "cannot listen on {host}:{port}: {error}",
    "browser-serve": "cannot serve the browser peer on {host}:{port}: {error}",
    # core/scenario: scenario files (one line naming the file, the line and the field)
    "scenario": "scenario {path}, {where}, {what}: {reason}",
    "scenario.line": "line {line}",
    "scenario.line-unknown": "line unknown",
    "scenario.field": "{table} field {field}",
    "scenario.top": "top level",
    "scenario.read": "scenario {path}: cannot read it: {error}",
    "scenario.large": "scenario {path}: larger than {limit} bytes",
    "scenario.utf8": "scenario {path}, line {line}: not UTF-8 text",
    "scenario.toml": "scenario {path}, line {line}: not valid TOML: {reason}",
    "scenario.deep": "scenario {path}: not valid TOML: nested too deeply",
    "scenario.not-table": "must be a table, got {kind}",
    "scenario.unknown-field": "unknown field (known: {known})",
    "scenario.required": "is required",
    "scenario.not-string": "must be a string, got {value}",
    "scenario.choice": "must be one of {choices}, got {value}",
    "scenario.not-bool": "must be true or false, got {value}",
    "scenario.not-whole": "must be a whole number, got {value}",
    "scenario.not-tables": "must be an array of tables ([[...]] sections)",
    "scenario.too-many": "at most {limit} entries, got {count}",
    "scenario.address-kind": "applies to kind listen or connect, not {kind}",
    "scenario.port": "must be a whole number 0-65535, got {value}",
    "scenario.needs-browser": "needs kind browser",
    "scenario.not-for": "does not apply to {do}",
    "scenario.together": "needs {missing} too (every and until go together)",
    "scenario.until": "must not be before at ({at}), got {until}",
    "scenario.expands": "expands to more than {limit} actions",
    "scenario.actions": "more than {limit} actions",
    "scenario.not-for-check": "does not apply to check {check}",
    "scenario.to": "must not be before from ({start}), got {end}",
}
"""``error:<code>`` -> English template (``core.texts.TEXTS`` holds them with the prefix)."""
