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
    "error:label": QT_TRANSLATE_NOOP("CoreText", "{words} ({name})"),
    "error:words.duration": QT_TRANSLATE_NOOP("CoreText", "duration (0 = until stopped)"),
    "error:words.close-at": QT_TRANSLATE_NOOP("CoreText", "close time"),
    "error:words.connect-timeout": QT_TRANSLATE_NOOP("CoreText", "connect timeout"),
    "error:words.restart-at": QT_TRANSLATE_NOOP("CoreText", "restart time"),
    "error:words.blackout-AT": QT_TRANSLATE_NOOP("CoreText", "blackout start"),
    "error:words.blackout-LEN": QT_TRANSLATE_NOOP("CoreText", "blackout length"),
    "error:words.loss": QT_TRANSLATE_NOOP("CoreText", "loss"),
    "error:words.delay": QT_TRANSLATE_NOOP("CoreText", "delay"),
    "error:words.keepalive-interval": QT_TRANSLATE_NOOP("CoreText", "keepalive interval"),
    "error:words.disconnected-timeout": QT_TRANSLATE_NOOP("CoreText", "disconnected timeout"),
    "error:words.failed-timeout": QT_TRANSLATE_NOOP("CoreText", "failed timeout"),
    "error:words.pac-timeout": QT_TRANSLATE_NOOP("CoreText", "PAC timeout (RFC 8863)"),
    "error:words.time-scale": QT_TRANSLATE_NOOP("CoreText", "scenario time scale"),
    "error:words.scenario-at": QT_TRANSLATE_NOOP("CoreText", "action time"),
    "error:words.scenario-length": QT_TRANSLATE_NOOP("CoreText", "blackout length"),
    "error:words.scenario-every": QT_TRANSLATE_NOOP("CoreText", "repeat interval"),
    "error:words.scenario-window": QT_TRANSLATE_NOOP("CoreText", "window bound"),
    "error:words.expect-seconds": QT_TRANSLATE_NOOP("CoreText", "expected maximum time"),
    "error:words.expect-count": QT_TRANSLATE_NOOP("CoreText", "expected count"),
    "error:and": QT_TRANSLATE_NOOP("CoreText", "{first} and {second}"),
    "error:then": QT_TRANSLATE_NOOP("CoreText", "{first} {second}"),
    "error:loss-delay-remote": QT_TRANSLATE_NOOP("CoreText", "--loss/--delay on the remote"),
    "error:config-missing": QT_TRANSLATE_NOOP("CoreText", "--config {path}: no such settings file"),
    "error:argparse.argument": QT_TRANSLATE_NOOP("CoreText", "argument {flag}: {error}"),
    "error:argparse.required": QT_TRANSLATE_NOOP(
        "CoreText", "the following arguments are required: {flags}"
    ),
    "error:argparse.unrecognized": QT_TRANSLATE_NOOP("CoreText", "unrecognized arguments: {flags}"),
    "error:argparse.one-value": QT_TRANSLATE_NOOP("CoreText", "expected one argument"),
    "error:argparse.some-values": QT_TRANSLATE_NOOP("CoreText", "expected at least one argument"),
    "error:argparse.choice": QT_TRANSLATE_NOOP(
        "CoreText", "invalid choice: {value} (choose from {choices})"
    ),
    "error:argparse.type": QT_TRANSLATE_NOOP("CoreText", "invalid {type} value: {value}"),
    "error:argparse.not-allowed": QT_TRANSLATE_NOOP("CoreText", "not allowed with argument {flag}"),
    "error:argparse.ambiguous": QT_TRANSLATE_NOOP(
        "CoreText", "ambiguous option: {option} could match {matches}"
    ),
    "error:argparse.follow": QT_TRANSLATE_NOOP(
        "CoreText", "{option} must follow the --ice-server it belongs to"
    ),
    "error:seconds": QT_TRANSLATE_NOOP("CoreText", "must be a number of seconds: {value}"),
    "error:seconds.finite": QT_TRANSLATE_NOOP(
        "CoreText", "must be a finite number of seconds: {value}"
    ),
    "error:settings-broken": QT_TRANSLATE_NOOP(
        "CoreText",
        "Settings: {path} was not used: {why}. Using the defaults; the file is kept as a "
        "backup before settings are next saved.",
    ),
    "error:settings-broken.section": QT_TRANSLATE_NOOP(
        "CoreText",
        "Settings: section {section} of {path} was not used: {why}. Using the defaults for "
        "it; the file is kept as a backup before settings are next saved.",
    ),
    "error:settings.unreadable": QT_TRANSLATE_NOOP("CoreText", "cannot read it ({error})"),
    "error:settings.large": QT_TRANSLATE_NOOP(
        "CoreText", "it is {size} bytes, more than a settings file can be"
    ),
    "error:settings.json": QT_TRANSLATE_NOOP("CoreText", "it is not valid JSON"),
    "error:settings.json-at": QT_TRANSLATE_NOOP(
        "CoreText", "it is not valid JSON (line {line}, column {column}: {error})"
    ),
    "error:settings.not-object": QT_TRANSLATE_NOOP("CoreText", "it does not hold a JSON object"),
    "error:settings.version": QT_TRANSLATE_NOOP(
        "CoreText", "it is version {version}; this IceScope reads version {expected}"
    ),
    "error:settings.unknown-sections": QT_TRANSLATE_NOOP(
        "CoreText", "unknown section(s) {sections} were ignored"
    ),
    "error:settings.recent": QT_TRANSLATE_NOOP(
        "CoreText", "recent must be a list of {{when, session, journal}} entries"
    ),
    "error:settings.plain": QT_TRANSLATE_NOOP(
        "CoreText", "{name} must be a table of plain values (text, numbers, true/false, lists)"
    ),
    "error:impair-kind": QT_TRANSLATE_NOOP(
        "CoreText", "unknown impairment {kind}: use one of {kinds}"
    ),
    "error:impair-direction": QT_TRANSLATE_NOOP(
        "CoreText", "unknown direction {direction}: use in, out or both"
    ),
    "error:impair-value": QT_TRANSLATE_NOOP(
        "CoreText", "impairment value must be a finite number, got {value}"
    ),
    "error:impair-loss": QT_TRANSLATE_NOOP("CoreText", "loss must be 0-100 %, got {value}"),
    "error:impair-delay": QT_TRANSLATE_NOOP("CoreText", "delay must be 0-{limit} ms, got {value}"),
    "error:impair-blackout": QT_TRANSLATE_NOOP(
        "CoreText", "blackout length must be 0 (until cleared) to {limit} s, got {value}"
    ),
    "error:impair-peer": QT_TRANSLATE_NOOP("CoreText", "cannot impair the {peer} peer: {why}"),
    "error:impair-peer.not-started": QT_TRANSLATE_NOOP("CoreText", "the session has not started"),
    "error:impair-peer.elsewhere": QT_TRANSLATE_NOOP(
        "CoreText", "it does not run in this process (impair the local peer instead)"
    ),
    "error:impair-peer.closed": QT_TRANSLATE_NOOP("CoreText", "it is closed"),
    "error:impair-peer.refused": QT_TRANSLATE_NOOP("CoreText", "impairment is {refused}"),
    "error:pushgateway": QT_TRANSLATE_NOOP(
        "CoreText", "bad --pushgateway {value}: write it as http://HOST:PORT"
    ),
    "error:probe-name": QT_TRANSLATE_NOOP(
        "CoreText", "bad --probe-name {value}: 1-128 letters, digits, '.', '_' or '-'"
    ),
    "error:ip-address": QT_TRANSLATE_NOOP("CoreText", "not an IP address: {value}"),
    "error:address-not-ip": QT_TRANSLATE_NOOP("CoreText", "--address {value} is not an IP address"),
    "error:address-absent": QT_TRANSLATE_NOOP(
        "CoreText", "--address {value}: this machine has no such address (it has {known})"
    ),
    "error:address-absent.none": QT_TRANSLATE_NOOP("CoreText", "none"),
    "error:remote-mode": QT_TRANSLATE_NOOP("CoreText", "unknown remote mode {mode}"),
    "error:offer-file": QT_TRANSLATE_NOOP("CoreText", "--offer-file {path}: {error}"),
    "error:listen-failed": QT_TRANSLATE_NOOP("CoreText", "cannot listen on {host}:{port}: {error}"),
    "error:browser-serve": QT_TRANSLATE_NOOP(
        "CoreText", "cannot serve the browser peer on {host}:{port}: {error}"
    ),
    "error:scenario": QT_TRANSLATE_NOOP("CoreText", "scenario {path}, {where}, {what}: {reason}"),
    "error:scenario.line": QT_TRANSLATE_NOOP("CoreText", "line {line}"),
    "error:scenario.line-unknown": QT_TRANSLATE_NOOP("CoreText", "line unknown"),
    "error:scenario.field": QT_TRANSLATE_NOOP("CoreText", "{table} field {field}"),
    "error:scenario.top": QT_TRANSLATE_NOOP("CoreText", "top level"),
    "error:scenario.read": QT_TRANSLATE_NOOP(
        "CoreText", "scenario {path}: cannot read it: {error}"
    ),
    "error:scenario.large": QT_TRANSLATE_NOOP(
        "CoreText", "scenario {path}: larger than {limit} bytes"
    ),
    "error:scenario.utf8": QT_TRANSLATE_NOOP(
        "CoreText", "scenario {path}, line {line}: not UTF-8 text"
    ),
    "error:scenario.toml": QT_TRANSLATE_NOOP(
        "CoreText", "scenario {path}, line {line}: not valid TOML: {reason}"
    ),
    "error:scenario.deep": QT_TRANSLATE_NOOP(
        "CoreText", "scenario {path}: not valid TOML: nested too deeply"
    ),
    "error:scenario.not-table": QT_TRANSLATE_NOOP("CoreText", "must be a table, got {kind}"),
    "error:scenario.unknown-field": QT_TRANSLATE_NOOP("CoreText", "unknown field (known: {known})"),
    "error:scenario.required": QT_TRANSLATE_NOOP("CoreText", "is required"),
    "error:scenario.not-string": QT_TRANSLATE_NOOP("CoreText", "must be a string, got {value}"),
    "error:scenario.choice": QT_TRANSLATE_NOOP("CoreText", "must be one of {choices}, got {value}"),
    "error:scenario.not-bool": QT_TRANSLATE_NOOP("CoreText", "must be true or false, got {value}"),
    "error:scenario.not-whole": QT_TRANSLATE_NOOP(
        "CoreText", "must be a whole number, got {value}"
    ),
    "error:scenario.not-tables": QT_TRANSLATE_NOOP(
        "CoreText", "must be an array of tables ([[...]] sections)"
    ),
    "error:scenario.too-many": QT_TRANSLATE_NOOP(
        "CoreText", "at most {limit} entries, got {count}"
    ),
    "error:scenario.address-kind": QT_TRANSLATE_NOOP(
        "CoreText", "applies to kind listen or connect, not {kind}"
    ),
    "error:scenario.port": QT_TRANSLATE_NOOP(
        "CoreText", "must be a whole number 0-65535, got {value}"
    ),
    "error:scenario.needs-browser": QT_TRANSLATE_NOOP("CoreText", "needs kind browser"),
    "error:scenario.not-for": QT_TRANSLATE_NOOP("CoreText", "does not apply to {do}"),
    "error:scenario.together": QT_TRANSLATE_NOOP(
        "CoreText", "needs {missing} too (every and until go together)"
    ),
    "error:scenario.until": QT_TRANSLATE_NOOP(
        "CoreText", "must not be before at ({at}), got {until}"
    ),
    "error:scenario.expands": QT_TRANSLATE_NOOP("CoreText", "expands to more than {limit} actions"),
    "error:scenario.actions": QT_TRANSLATE_NOOP("CoreText", "more than {limit} actions"),
    "error:scenario.not-for-check": QT_TRANSLATE_NOOP(
        "CoreText", "does not apply to check {check}"
    ),
    "error:scenario.to": QT_TRANSLATE_NOOP(
        "CoreText", "must not be before from ({start}), got {end}"
    ),
}
"""``error:<code>`` -> English template (equal to the core's)."""
