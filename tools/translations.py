"""Update the German catalogue from the sources (lupdate) and compile it (lrelease).

    python tools/translations.py update    # resources/i18n/icescope_de.ts from src/icescope/qt
    python tools/translations.py release   # src/icescope/qt/translations/icescope_de.qm
                                           # + src/icescope/core/catalogue_de.json
    python tools/translations.py check     # exit 1 if a string lacks a German translation,
                                           # or the probe's JSON catalogue is stale

The probe has no Qt: ``release`` also writes the German of every ``CoreText`` entry, by core
text key, to ``catalogue_de.json`` (read by ``icescope.core.probe_texts``).

The Qt tools come with PySide6-Essentials (``pyside6-lupdate``, ``pyside6-lrelease``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "icescope" / "qt"
TS = ROOT / "resources" / "i18n" / "icescope_de.ts"
QM = SOURCES / "translations" / "icescope_de.qm"
CORE_JSON = ROOT / "src" / "icescope" / "core" / "catalogue_de.json"


def tool(name: str) -> str:
    """The path of a PySide6 Qt tool next to this Python, or on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def update(ts: Path = TS) -> None:
    """Extract every translate()/QT_TRANSLATE_NOOP string into ``ts`` (keeps translations)."""
    files = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(ts)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )


def release(ts: Path = TS, qm: Path = QM) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


def core_catalogue(ts: Path = TS) -> str:
    """The probe's catalogue: core text key -> finished German ``CoreText`` translation, JSON."""
    sys.path.insert(0, str(ROOT / "src"))
    from icescope.core.texts import TEXTS

    german = {
        source: forms[0]
        for (context, source), forms in messages(ts).items()
        if context == "CoreText" and forms[0].strip()
    }
    found = {key: german[english] for key, english in sorted(TEXTS.items()) if english in german}
    return json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_catalogue(ts: Path = TS, path: Path = CORE_JSON) -> None:
    """Write the probe's catalogue (see :func:`core_catalogue`) to ``path``."""
    path.write_text(core_catalogue(ts), encoding="utf-8")


def catalogue_stale(ts: Path = TS, path: Path = CORE_JSON) -> bool:
    """True when ``path`` is not what ``release`` would write from ``ts`` today."""
    return not path.exists() or path.read_text(encoding="utf-8") != core_catalogue(ts)


def messages(ts: Path) -> dict[tuple[str, str], list[str]]:
    """``(context, source) -> translations`` (one per numerus form; '' when unfinished)."""
    out: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                "unfinished",
                "obsolete",
                "vanished",
            ):
                out[(name, source)] = [""]
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            out[(name, source)] = forms or [translation.text or ""]
    return out


def missing(ts: Path = TS) -> list[str]:
    """Strings in the sources without a finished German translation in ``ts``."""
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        fresh = Path(directory) / "fresh_de.ts"
        shutil.copy(ts, fresh)
        update(fresh)
        found = messages(fresh)
    return sorted(
        f"[{context}] {source!r}"
        for (context, source), forms in found.items()
        if not all(form.strip() for form in forms)
    )


def problems(ts: Path = TS, catalogue: Path = CORE_JSON) -> list[str]:
    """What ``check`` reports: untranslated strings, and a stale probe catalogue."""
    gaps = missing(ts)
    if catalogue_stale(ts, catalogue):
        gaps.append(f"{catalogue.name} is stale: run tools/translations.py release")
    return gaps


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
        write_catalogue()
    elif command == "check":
        gaps = problems()
        sys.stdout.write("".join(f"{line}\n" for line in gaps))
        sys.exit(1 if gaps else 0)
    else:
        raise SystemExit("usage: tools/translations.py update|release|check")
