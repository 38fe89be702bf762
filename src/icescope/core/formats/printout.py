"""``icescope import FILE``: an evidence file as the probe's JSON lines.

Every event becomes the line the probe would have printed (statistics included), tagged with
``pc`` when the file holds several peer connections; notes about the file come first as
``notice`` lines, and each connection ends with its summary read from the session model, as a
probe's does. Exit 0, or 2 with one readable line on stderr for a file that cannot be read.
"""

from __future__ import annotations

import errno
import json
from typing import TYPE_CHECKING, Any, Final

from ..model import SessionModel, summary
from . import open_evidence
from .errors import FormatError

if TYPE_CHECKING:
    from pathlib import Path
    from typing import TextIO

EXIT_OK: Final = 0
EXIT_UNREADABLE: Final = 2
EXIT_BROKEN_PIPE: Final = 141


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False).encode("utf-8", "backslashreplace").decode()


def print_import(path: Path, pc: str | None, out: TextIO, err: TextIO) -> int:
    """Print ``path``'s events on ``out``; return the exit code."""
    try:
        return _print(path, pc, out)
    except FormatError as exc:
        err.write(f"icescope: error: {exc}\n")
        return EXIT_UNREADABLE
    except OSError as exc:
        if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
            return EXIT_BROKEN_PIPE
        err.write(f"icescope: error: cannot write the output: {exc.strerror or exc}\n")
        return EXIT_UNREADABLE


def _print(path: Path, pc: str | None, out: TextIO) -> int:
    imported = open_evidence(path)
    if pc is not None and pc not in imported.connections:
        known = ", ".join(imported.connections) or "none (an IceScope session)"
        raise FormatError(f"{path.name} has no peer connection {pc!r}; it has: {known}")
    tag = imported.tagged and pc is None
    for note in imported.notes:
        out.write(
            _dumps({"type": "notice", "level": "warning", "code": "import-note", "message": note})
            + "\n"
        )
    models: dict[str | None, SessionModel] = {}
    for source_pc, event in imported.events(pc):
        model = models.get(source_pc)
        if model is None:
            model = models[source_pc] = SessionModel()
        model.apply(event)
        record = event.to_dict()
        if tag:
            record["pc"] = source_pc
        out.write(_dumps(record) + "\n")
    for source_pc, model in models.items():
        record = summary(model, model.last_ts, None)
        record["source"] = {"format": imported.format, "file": str(path)}
        if tag:
            record["pc"] = source_pc
        out.write(_dumps(record) + "\n")
    out.flush()
    return EXIT_OK
