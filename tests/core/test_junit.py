"""JUnit XML validates against the schema Jenkins and GitLab read (tests/junit/junit.xsd)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest
import xmlschema

from icescope.core.junit import to_junit, write_junit
from icescope.core.scenario.model import Outcome
from tests.subproc import ROOT

if TYPE_CHECKING:
    from pathlib import Path

SCHEMA = xmlschema.XMLSchema(ROOT / "tests" / "junit" / "junit.xsd")

OUTCOMES = [
    Outcome(
        "connects within 5 s",
        "connect-within",
        True,
        "connected 0.002 s",
        ("0.1 checking",),
        0.002,
        0.002,
    ),
    Outcome(
        "never disconnected \x00\ud800 <&>",
        "never",
        False,
        "local was disconnected at 3.4 s\x1b",
        ("0.1 checking", "3.400 disconnected"),
        3.4,
        6.0,
    ),
]


def test_report_is_valid_and_says_what_failed(tmp_path: Path) -> None:
    path = tmp_path / "report.xml"
    write_junit(path, "outage \x07", OUTCOMES, 6.0)
    SCHEMA.validate(str(path))
    root = ET.parse(path).getroot()
    suite = root.find("testsuite")
    assert suite is not None and suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = suite.findall("testcase")
    assert [c.find("failure") is None for c in cases] == [True, False]
    failure = cases[1].find("failure")
    assert failure is not None and "3.400 disconnected" in (failure.text or "")
    assert failure.get("message") == "local was disconnected at 3.4 s?"
    assert cases[1].get("name") == "never disconnected ?? <&>"


def test_schema_refuses_what_ci_would_refuse() -> None:
    good = to_junit("s", OUTCOMES, 1.0)
    SCHEMA.validate(good)
    for broken in (
        good.replace('time="6.000"', 'time="-1"', 1),
        good.replace("<testcase name=", "<testcase nom=", 1),
        good.replace(
            'tests="2" failures="1" errors="0" skipped',
            'tests="two" failures="1" errors="0" skipped',
        ),
    ):
        with pytest.raises(xmlschema.XMLSchemaValidationError):
            SCHEMA.validate(broken)


def test_empty_run_is_still_a_valid_report() -> None:
    SCHEMA.validate(to_junit("nothing", [], 0.0))
