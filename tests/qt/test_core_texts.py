"""The core's own words in German: every key the core can emit, its arguments, its English.

The keys come from the core's registry (``core.texts.TEXTS``) and from the core's source
(every notice call and every key literal), never from a list kept here.
"""

from __future__ import annotations

import ast
import json
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from icescope.core.events import Cause, Peer
from icescope.core.texts import TEXTS, fields, render
from icescope.qt import core_texts
from icescope.qt.core_texts import CATALOGUE, cause_text, core_text, template
from icescope.qt.i18n import install_translators
from tests.subproc import run_python

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "src" / "icescope" / "core"
TS = ROOT / "resources" / "i18n" / "icescope_de.ts"
KEY = re.compile(r"^(notice|cause|phrase|liveness|impairment):[a-z0-9.-]+$")
# Notices built from words the core did not write: a remote's own report, the generic builder.
FREE_TEXT_NOTICES = {"events/session.py", "reports.py"}


def _german_catalogue() -> dict[str, tuple[str, str | None]]:
    """CoreText source -> (translation, its type attribute) from the committed .ts."""
    root = ET.parse(TS).getroot()
    out: dict[str, tuple[str, str | None]] = {}
    for context in root.iter("context"):
        if context.findtext("name") != "CoreText":
            continue
        for message in context.iter("message"):
            node = message.find("translation")
            assert node is not None
            out[message.findtext("source") or ""] = (node.text or "", node.get("type"))
    return out


def _words(text: str) -> str:
    """``text`` without its ``{fields}``: what must differ once translated."""
    return "".join(lit for lit, *_ in string.Formatter().parse(text))


@pytest.fixture
def german(qapp) -> Iterator[None]:
    installed = install_translators(qapp, "de")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    install_translators(qapp, "en")


def test_every_core_key_has_its_english_here_and_a_finished_german_with_its_fields() -> None:
    assert CATALOGUE == TEXTS, "qt/core_texts.py and core/texts.py disagree"
    german = _german_catalogue()
    problems = []
    for key, english in TEXTS.items():
        translation, kind = german.get(english, ("", "missing"))
        if kind is not None or not translation:
            problems.append(f"{key}: no finished German ({kind or 'empty'})")
        elif fields(translation) != fields(english):
            problems.append(f"{key}: German fields {fields(translation)} != {fields(english)}")
    assert problems == []


def test_the_german_ui_says_every_key_in_german(german) -> None:
    catalogue = _german_catalogue()
    for key, english in TEXTS.items():
        said = template(key)
        assert said == catalogue[english][0], f"{key}: the compiled .qm lags the .ts"
        if len(re.sub(r"[^A-Za-z]", "", _words(english))) >= 3:
            assert said != english, f"{key} is still English in the German UI"


def _notice_calls(tree: ast.AST) -> Iterator[tuple[ast.Call, str | None, list[ast.expr]]]:
    """Calls that publish a notice: ``*.notice(level, code, ...)``, ``Notice/Diagnosis.of``."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
        if name in ("notice", "_notice") or (name == "of" and owner in ("Notice", "Diagnosis")):
            code = next((k.value for k in node.keywords if k.arg == "code"), None)
            if code is None and len(node.args) >= 2:
                code = node.args[1]
            literal = code.value if isinstance(code, ast.Constant) else None
            yield node, literal if isinstance(literal, str) else None, node.args


def test_every_text_the_core_can_emit_is_registered() -> None:
    problems = []
    calls = 0
    for path in sorted(CORE.rglob("*.py")):
        rel = path.relative_to(CORE).as_posix()
        if rel == "texts.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):  # every key literal, wherever it is built
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and KEY.match(node.value)
                and node.value not in TEXTS
            ):
                problems.append(f"{rel}:{node.lineno}: {node.value!r} is not in TEXTS")
        for call, code, args in _notice_calls(tree):
            if code is None:
                continue  # e.g. a log record's code, made at run time with free text
            calls += 1
            key_kw = next((k.value for k in call.keywords if k.arg == "key"), None)
            if key_kw is None:
                key = f"notice:{code}"
                if key not in TEXTS:
                    problems.append(f"{rel}:{call.lineno}: notice {code!r} has no {key!r}")
            if len(args) > 2:
                problems.append(
                    f"{rel}:{call.lineno}: notice {code!r} passes English text; give key/args"
                )
            if any(k.arg == "message" for k in call.keywords):
                problems.append(f"{rel}:{call.lineno}: notice {code!r} passes message=")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "Notice"
                and any(k.arg == "message" for k in node.keywords)
                and rel not in FREE_TEXT_NOTICES
            ):
                problems.append(f"{rel}:{node.lineno}: Notice(message=...) bypasses the texts")
    assert calls > 40  # the scan found the core's notices at all
    assert problems == []


def test_the_scan_catches_an_unregistered_or_english_notice() -> None:
    tree = ast.parse(
        'session.notice("error", "new-thing", f"it broke: {exc}")\n'
        'context.notice("info", "peer-connected", address=peer)\n'
    )
    found = [(code, len(args)) for _, code, args in _notice_calls(tree)]
    assert found == [("new-thing", 3), ("peer-connected", 2)]
    assert "notice:new-thing" not in TEXTS


def test_probe_text_agrees_with_its_code_and_args_and_reads_german(german) -> None:
    # A real session: an ignored server (a nested phrase), a blackout (causes with times and
    # impairments), the close (close causes).
    done = run_python(
        "-m", "icescope", "probe", "--duration", "4", "--blackout", "1+6",
        "--keepalive-interval", "0.2", "--disconnected-timeout", "0.5",
        "--failed-timeout", "1.5", "--no-journal", "--ice-server", "stuns:127.0.0.1:9",
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr  # it failed, as the blackout makes it
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    said = [r for r in lines if r.get("type") in ("notice", "cause")]
    codes = {r["code"] for r in said}
    assert {"ice-server-ignored", "consent-lost-impairment", "local-close"} <= codes, codes
    for record in said:
        key = record["key"] if record["type"] == "notice" else f"cause:{record['code']}"
        assert key in TEXTS
        assert render(key, record["args"]) == record["message"], record
        shown = core_text(key, record["args"], record["message"])
        assert "{" not in shown and shown != record["message"], shown
    cause = next(r for r in said if r["code"] == "consent-lost-impairment")
    shown = core_text("cause:consent-lost-impairment", cause["args"])
    assert re.match(r"seit \d,\d s kam nichts von der Gegenseite", shown), shown  # decimals
    assert "Ausfall (beide) am Peer (lokal) seit 1,0 s" in shown


def test_a_cause_without_arguments_keeps_its_english(german) -> None:
    # A journal written before causes carried their facts: the English it has is shown.
    old = Cause(
        ts=1.0,
        wall=1.0,
        peer=Peer.LOCAL,
        about="iceconnectionstatechange",
        state="failed",
        code="checks-failed",
        message="every candidate pair failed (old words)",
    )
    assert cause_text(old) == "every candidate pair failed (old words)"
    factless = Cause(
        ts=1.0,
        wall=1.0,
        peer=Peer.LOCAL,
        about="iceconnectionstatechange",
        state="closed",
        code="local-close",
        message="x",
    )
    assert cause_text(factless).startswith("lokal geschlossen")


def test_liveness_and_impairments_speak_german(german) -> None:
    from icescope.core.events import Impairment
    from icescope.core.liveness import Liveness

    live = Liveness("disconnected", 1.0, 2.0, verdict="failed", verdict_at=10.0)
    assert live.text(5.0) == "disconnected for 3.0 s · failed in 5.0 s"
    assert core_texts.liveness_text(live, 5.0) == "disconnected seit 3,0 s · failed in 5,0 s"
    event = Impairment(ts=1.0, wall=1.0, peer=Peer.LOCAL, kind="delay", value=50.0)
    assert event.summary() == "delay 50 ms (both) on"
    assert core_texts.impairment_text(event) == "Verzögerung 50 ms (beide) aktiv"
    assert core_texts.impairment_label(event) == "Verzögerung 50 ms (beide)"


async def test_the_remote_description_is_a_core_text(german, tmp_path: Path) -> None:
    from icescope.core.config import Settings
    from icescope.core.session import Session

    session = Session(Settings(journal_enabled=False))
    try:
        await session.start()
        key, args = session.remote_text
        assert render(key, args) == session.remote_description
        assert session.remote_description == "embedded loopback peer (aiortc, same process)"
        assert core_text(key, args) == "eingebetteter Loopback-Peer (aiortc, selber Prozess)"
    finally:
        await session.close()


def test_the_new_session_form_shows_configuration_errors_in_german(german) -> None:
    from icescope.core.config import Settings
    from icescope.qt.dialogs.session_form import ServerRow, SessionForm, check_form

    form = SessionForm(
        mode="tcp-connect",
        connect_address="127.0.0.1:7400",
        servers=[ServerRow(url="stun:[::1]:3478")],
        stats_interval=0.01,
    )
    errors = check_form(form, Settings(journal_enabled=False)).errors
    assert "ist ungültig: Geben Sie die URL an" in errors["remote"], errors
    assert errors["servers"].startswith("Server 1: ungültige ICE-Server-URL 'stun:[::1]:3478'")
    assert errors["timings"] == (
        "das Statistikintervall muss 0 (aus) oder 0,05–60 s sein, erhalten: 0,01"
    ), errors
