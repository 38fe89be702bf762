"""Usage and configuration errors are core texts: a key and arguments, German in the probe.

The scan below lists every ``raise ConfigError("free English")`` left in the source. The
modules in ``NOT_YET_CONVERTED`` still raise free text (their errors stay English in both
the window and the probe); every other module must raise ``ConfigError.of("error:...")``,
so a converted module cannot slip back. Converting one: register its texts in
``core/error_texts.py`` (and ``qt/error_texts.py``, German in the .ts), then drop it here.
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
NOT_YET_CONVERTED = {
    "cli.py",
    "core/faults.py",
    "core/impairing.py",
    "core/metrics/hook.py",
    "core/netif.py",
    "core/remotes/__init__.py",
    "core/remotes/manual.py",
    "core/settings_store.py",
    "core/signaling/tcplisten.py",
    "core/webpeer/server.py",
    "core/scenario/fields.py",
    "core/scenario/parse.py",
}
"""Modules still raising free English (the window's own qt/ errors are translated there)."""


def _free_text_raises(tree: ast.AST) -> list[int]:
    """Lines that build a ConfigError (or subclass) from a positional text, not a key."""
    lines = []
    for node in ast.walk(tree):
        called = getattr(node.func, "id", "") if isinstance(node, ast.Call) else ""
        if called in FREE_TEXT_ERRORS and node.args:  # type: ignore[attr-defined]
            lines.append(node.lineno)  # type: ignore[attr-defined]
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
            first = node.args[0] if node.func.attr == "of" and node.args else None
            key = first.value if isinstance(first, ast.Constant) else None
            if isinstance(key, str) and key.startswith("error:") and key not in TEXTS:
                unknown.append(f"{rel}:{node.lineno}: {key!r}")
    return free, unknown


def test_converted_modules_raise_keys_not_english() -> None:
    free, unknown = _scan()
    assert unknown == []
    slipped = {rel: lines for rel, lines in free.items() if rel not in NOT_YET_CONVERTED}
    assert slipped == {}, "these raise ConfigError with free English: use ConfigError.of"
    done = sorted(NOT_YET_CONVERTED - set(free))
    assert done == [], f"converted: drop them from NOT_YET_CONVERTED: {done}"


def test_the_scan_catches_a_free_text_raise() -> None:
    tree = ast.parse(
        'raise ConfigError(f"bad {flag}")\n'
        'raise ConfigError.of("error:tcp-port", flag="--connect", value="x")\n'
        'raise ScenarioError("scenario x: bad")\n'
    )
    assert _free_text_raises(tree) == [1, 3]


def test_a_keyed_error_keeps_its_english_and_its_arguments() -> None:
    with pytest.raises(ConfigError) as caught:
        ranges.check("--loss", float("nan"))
    assert str(caught.value) == "loss (--loss) must be a finite number in [0, 100] %, got nan"
    assert caught.value.key == "error:range"
    assert caught.value.arguments == {
        "label": "loss (--loss)",
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
        "icescope probe: error: argument --loss: muss eine endliche Zahl in [0, 100] % sein, "
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
