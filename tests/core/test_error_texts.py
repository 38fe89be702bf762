"""Usage and configuration errors are core texts: a key and arguments, German in the probe.

The scan below finds every ``raise ConfigError("free English")`` in the source, and every
scenario error built through ``Table.error(field, reason)`` whose reason is not an
``error:`` key: every module must raise ``ConfigError.of("error:...")`` (or pass a key to
the scenario helper), so nothing slips back to English the probe cannot translate. A new
error: register its texts in ``core/error_texts.py`` (and ``qt/error_texts.py``, German in
the .ts), then ``tools/translations.py update`` / ``release``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from icescope.core import ranges
from icescope.core.config import validate_ice_url
from icescope.core.errors import ConfigError
from icescope.core.probe_texts import error_line, language
from icescope.core.tcpaddress import parse_tcp_address
from icescope.core.texts import TEXTS
from tests.subproc import child_env, run_python

SRC = Path(__file__).resolve().parents[2] / "src" / "icescope"
FREE_TEXT_ERRORS = ("ConfigError", "ScenarioError")
HELPERS = ("error",)
"""Methods building an error from (field, reason key, **args): the scenario ``Table.error``.
(argparse's one-argument ``parser.error(message)`` is not one; cli.py translates its frames.)"""


def _key_of(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _free_text_raises(tree: ast.AST) -> list[int]:
    """Lines that build a ConfigError (or subclass) from a positional text, not a key."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        called = getattr(node.func, "id", "")
        if called in FREE_TEXT_ERRORS and node.args:
            lines.append(node.lineno)
        helper = getattr(node.func, "attr", "") in HELPERS and len(node.args) >= 2
        if helper and not (_key_of(node.args[1]) or "").startswith("error:"):
            lines.append(node.lineno)
    return lines


def _scan() -> tuple[dict[str, list[int]], list[str]]:
    free: dict[str, list[int]] = {}
    unknown = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("qt/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if lines := _free_text_raises(tree):
            free[rel] = lines
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            at = {"of": 0, **dict.fromkeys(HELPERS, 1)}.get(node.func.attr)
            key = _key_of(node.args[at]) if at is not None and len(node.args) > at else None
            if key is not None and key.startswith("error:") and key not in TEXTS:
                unknown.append(f"{rel}:{node.lineno}: {key!r}")
    return free, unknown


def test_converted_modules_raise_keys_not_english() -> None:
    free, unknown = _scan()
    assert unknown == []
    assert free == {}, "these raise ConfigError with free English: use ConfigError.of"


def test_the_scan_catches_a_free_text_raise() -> None:
    tree = ast.parse(
        'raise ConfigError(f"bad {flag}")\n'
        'raise ConfigError.of("error:tcp-port", flag="--connect", value="x")\n'
        'raise ScenarioError("scenario x: bad")\n'
        'raise t.error("until", f"must not be before at ({at:g})")\n'
        'raise t.error("until", "error:scenario.until", at="1", until="0")\n'
        'parser.error(f"{flag} must follow --ice-server")\n'
    )
    assert _free_text_raises(tree) == [1, 3, 4]


def test_a_keyed_error_keeps_its_english_and_its_arguments() -> None:
    with pytest.raises(ConfigError) as caught:
        ranges.check("--loss", float("nan"))
    assert str(caught.value) == "loss (--loss) must be a finite number in [0, 100] %, got nan"
    assert caught.value.key == "error:range"
    assert caught.value.arguments == {
        "label": {
            "key": "error:label",
            "args": {"words": {"key": "error:words.loss", "args": {}}, "name": "--loss"},
        },
        "range": "[0, 100] %",
        "value": "nan",
    }
    with pytest.raises(KeyError):
        ConfigError.of("error:no-such-thing")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "C"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "de_AT.UTF-8", "LANG": "en_US.UTF-8"}, "de"),
        ({"LANGUAGE": "de:en"}, "de"),
        ({}, "en"),
    ],
)
def test_the_messages_locale_decides(environ: dict[str, str], expected: str) -> None:
    assert language(environ) == expected


def test_errors_read_german_in_a_german_locale() -> None:
    german = {"LANG": "de_DE.UTF-8"}
    with pytest.raises(ConfigError) as caught:
        validate_ice_url("stun:[::1]:3478")
    assert error_line(caught.value, german).startswith(
        "ungültige ICE-Server-URL 'stun:[::1]:3478': aiortc kann hier keine IPv6-Adresse"
    )
    assert error_line(caught.value, {"LANG": "C"}) == str(caught.value)
    with pytest.raises(ConfigError) as caught:
        parse_tcp_address("example.org:99999", flag="--listen", need_token=False)
    assert error_line(caught.value, german) == (
        "--listen 'example.org:99999' ist ungültig: Der Port muss eine Zahl von 0 bis 65535 sein"
    )
    free = ConfigError("words the core did not register")
    assert error_line(free, german) == "words the core did not register"


def _probe(lang: str, *args: str) -> tuple[int, str]:
    env = child_env(LANG=lang)
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(name, None)
    done = run_python("-m", "icescope", "probe", "--no-journal", *args, env=env, timeout=60)
    assert done.stdout == ""  # no JSON for a usage error
    return done.returncode, done.stderr


def test_the_probe_says_a_bad_number_in_german_or_english() -> None:
    assert _probe("de_DE.UTF-8", "--loss", "nan") == (
        2,
        "icescope probe: error: Argument --loss: muss eine endliche Zahl in [0, 100] % sein, "
        "erhalten: nan (siehe --help)\n",
    )
    assert _probe("C", "--loss", "nan") == (
        2,
        "icescope probe: error: argument --loss: must be a finite number in [0, 100] %, "
        "got nan (see --help)\n",
    )


def test_the_probe_says_a_bad_tcp_address_in_german_or_english() -> None:
    code, said = _probe("de_DE.UTF-8", "--connect", "127.0.0.1:7400")
    assert code == 2
    assert said == (
        "icescope: error: --connect '127.0.0.1:7400' ist ungültig: Geben Sie die URL an, die "
        "das lauschende IceScope ausgegeben hat, tcp://HOST:PORT/?token=…; es weist einen "
        "Peer ohne sein Token ab\n"
    )
    code, said = _probe("C", "--connect", "127.0.0.1:7400")
    assert code == 2
    assert said.startswith("icescope: error: bad --connect '127.0.0.1:7400': give the URL")


def test_a_range_label_reads_german() -> None:
    with pytest.raises(ConfigError) as caught:
        ranges.check("--keepalive-interval", 99.5)
    assert error_line(caught.value, {"LANG": "de_DE.UTF-8"}) == (
        "Keepalive-Intervall (--keepalive-interval) muss eine endliche Zahl in [0.05, 60] s "
        "sein, erhalten: 99,5"
    )


BAD_FIELD = 'duration = 5\n[[action]]\nat = 1\ndo = "blackout"\nlenght = 3\n'


def test_the_probe_says_a_bad_scenario_field_in_german_or_english(tmp_path: Path) -> None:
    scenario = tmp_path / "bad.toml"
    scenario.write_text(BAD_FIELD, encoding="utf-8")
    known = "at, direction, do, every, length, ms, peer, percent, until"
    assert _probe("de_DE.UTF-8", "--scenario", str(scenario)) == (
        2,
        f"icescope: error: Szenario {scenario}, Zeile 5, action 1 Feld 'lenght': unbekanntes "
        f"Feld (bekannt: {known})\n",
    )
    assert _probe("C", "--scenario", str(scenario)) == (
        2,
        f"icescope: error: scenario {scenario}, line 5, action 1 field 'lenght': unknown field "
        f"(known: {known})\n",
    )


@pytest.mark.parametrize(
    ("args", "german", "english"),
    [
        (
            ("--bogus",),
            "icescope: error: unbekannte Argumente: --bogus (siehe --help)\n",
            "icescope: error: unrecognized arguments: --bogus (see --help)\n",
        ),
        (
            ("--loss",),
            "icescope probe: error: Argument --loss: erwartet einen Wert (siehe --help)\n",
            "icescope probe: error: argument --loss: expected one argument (see --help)\n",
        ),
    ],
)
def test_the_probe_says_argparse_errors_in_german_or_english(
    args: tuple[str, ...], german: str, english: str
) -> None:
    assert _probe("de_DE.UTF-8", *args) == (2, german)
    assert _probe("C", *args) == (2, english)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("the following arguments are required: file", "Diese Argumente sind erforderlich: file"),
        (
            "argument --impair-peer: invalid choice: 'x' (choose from local, remote)",
            "Argument --impair-peer: ungültige Auswahl: 'x' (möglich: local, remote)",
        ),
        ("argument --loss: muss …", "Argument --loss: muss …"),
        ("something argparse never said", "something argparse never said"),
    ],
)
def test_argparse_frames_read_german(message: str, expected: str) -> None:
    from icescope.core.argparse_texts import argparse_phrase
    from icescope.core.probe_texts import say

    phrase = argparse_phrase(message)
    assert say("error:see-help", {"message": phrase}, "", "de") == f"{expected} (siehe --help)"
    assert say("error:see-help", {"message": phrase}, "", "en") == f"{message} (see --help)"


def test_two_remote_kinds_and_the_remote_impairment_read_german() -> None:
    code, said = _probe(
        "de_DE.UTF-8",
        "--listen",
        "127.0.0.1:7400",
        "--connect",
        "tcp://127.0.0.1:1/?token=" + "a" * 16,
    )
    assert (code, said) == (
        2,
        "icescope: error: wählen Sie eine Gegenseite, nicht --listen und --connect\n",
    )
