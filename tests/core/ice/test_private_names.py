"""The private-names table is complete and honest: code, table and documentation agree."""

from __future__ import annotations

import ast
import importlib
from typing import TYPE_CHECKING

from icescope.core.ice import private_doc
from icescope.core.ice.private_names import PRIVATE_NAMES

from .private_scan import LIBRARIES, SRC, Access, scan, scan_tree

if TYPE_CHECKING:
    from pathlib import Path

ENGINE = SRC / "icescope" / "core" / "ice"
DOC = SRC.parent / "docs" / "ice-engine.md"
NAMES = {row.name for row in PRIVATE_NAMES}


def _unlisted(accesses: list[Access]) -> list[str]:
    bad = []
    for access in accesses:
        rows = [
            row
            for row in PRIVATE_NAMES
            if row.name == access.name and (access.owner is None or row.owner == access.owner)
        ]
        if not rows:
            bad.append(f"icescope.{access.module}:{access.line} {access.name}: no row")
        elif not any(access.module in row.used_in for row in rows):
            bad.append(
                f"icescope.{access.module}:{access.line} {access.name}: row does not list "
                f"{access.module} in used_in"
            )
    return bad


def test_every_private_access_in_the_engine_has_a_row() -> None:
    accesses = scan_tree(ENGINE, NAMES)
    assert len(accesses) > 20  # the scan sees the engine's real use
    assert _unlisted(accesses) == []


def test_the_scan_catches_unlisted_access(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text(
        "from aioice.ice import StunProtocol\n"
        "from aiortc.rtcicetransport import some_helper\n"
        "import aioice\n"
        "_SLOT = '_Secret__slot'\n"
        "def f(conn, self):\n"
        "    conn._undocumented\n"
        "    getattr(conn, _SLOT)\n"
        "    aioice.stun_thing\n"
        "    self._nominated\n"
        "    self._own_state\n",
        encoding="utf-8",
    )
    found = scan(module, NAMES, "core.ice.probe")
    assert {(a.name, a.kind) for a in found} == {
        ("StunProtocol", "import"),
        ("some_helper", "import"),
        ("_undocumented", "nonself"),
        ("_Secret__slot", "nonself"),
        ("stun_thing", "import"),
        ("_nominated", "self"),
    }
    assert len(_unlisted(found)) == 6  # none of them is listed for this module


def test_outside_the_engine_nothing_reaches_into_aiortc_or_aioice() -> None:
    offenders = []
    for path in sorted((SRC / "icescope").rglob("*.py")):
        if ENGINE in path.parents:
            continue
        for access in scan(path, set()):
            if access.kind == "import":
                offenders.append(f"{path}:{access.line} {access.owner}.{access.name}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders.extend(f"{path}: imports {n}" for n in names if n.startswith("aioice"))
    assert offenders == []


def test_rows_are_unique_and_name_real_modules() -> None:
    keys = [(row.owner, row.name) for row in PRIVATE_NAMES]
    assert len(keys) == len(set(keys))
    for row in PRIVATE_NAMES:
        assert row.owner.split(".")[0] in (*LIBRARIES, "aiohttp"), row
        assert row.why and row.used_in, row
        for module in row.used_in:
            importlib.import_module(f"icescope.{module}")


def test_the_document_shows_the_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert private_doc.update_doc(text) == text, (
        "docs/ice-engine.md differs from private_names.py: run "
        "python -m icescope.core.ice.private_doc docs/ice-engine.md"
    )
    for row in PRIVATE_NAMES:
        assert f"| `{row.owner}` | `{row.name}` |" in text


def test_regenerating_replaces_only_the_section(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text(f"intro\n{private_doc.BEGIN}\nstale\n{private_doc.END}\noutro\n", "utf-8")
    assert private_doc.main([str(doc)]) == 0
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("intro\n") and text.endswith(f"{private_doc.END}\noutro\n")
    assert "stale" not in text and private_doc.render_table() in text
    doc.write_text("no markers\n", encoding="utf-8")
    assert private_doc.main([str(doc)]) == 1
