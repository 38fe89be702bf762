"""JUnit XML for CI (GitLab, Jenkins): one test case per expectation.

The layout is the one both read (Jenkins' ``junit.xsd``, which GitLab's parser follows):
``testsuites > testsuite > testcase`` with ``failure`` carrying a message attribute and the
observed sequence as its text. ``tests/junit/junit.xsd`` checks it.
"""

from __future__ import annotations

import os
import re
import socket
import time
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from .scenario.model import Outcome

_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF)."""


def clean(text: str) -> str:
    """``text`` with characters XML 1.0 forbids replaced by ``?``."""
    return _NOT_XML.sub("?", text)


def to_junit(suite: str, outcomes: Sequence[Outcome], duration: float) -> str:
    """The JUnit XML document (a string) for one scenario run."""
    failures = sum(1 for o in outcomes if not o.passed)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime())
    root = ET.Element(
        "testsuites",
        name="icescope",
        tests=str(len(outcomes)),
        failures=str(failures),
        errors="0",
        time=f"{duration:.3f}",
    )
    node = ET.SubElement(
        root,
        "testsuite",
        name=clean(suite),
        tests=str(len(outcomes)),
        failures=str(failures),
        errors="0",
        skipped="0",
        time=f"{duration:.3f}",
        timestamp=stamp,
        hostname=clean(socket.gethostname()) or "localhost",
    )
    for o in outcomes:
        case = ET.SubElement(
            node,
            "testcase",
            name=clean(o.name),
            classname=f"icescope.{clean(o.check)}",
            time=f"{max(0.0, o.time):.3f}",
        )
        sequence = "\n".join(clean(line) for line in o.observed)
        if not o.passed:
            failure = ET.SubElement(case, "failure", message=clean(o.message), type=o.check)
            failure.text = clean(o.message) + ("\nobserved:\n" + sequence if sequence else "")
        out = ET.SubElement(case, "system-out")
        out.text = clean(o.message) + ("\n" + sequence if sequence else "")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_junit(path: Path, suite: str, outcomes: Sequence[Outcome], duration: float) -> None:
    """Write the report to ``path`` (whole or not at all: a temporary file, then a rename).

    Raises:
        OSError: the file cannot be written.
    """
    text = to_junit(suite, outcomes, duration)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
