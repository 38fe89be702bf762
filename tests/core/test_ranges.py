"""Every numeric flag has a documented range; NaN, inf and out-of-range values are usage errors."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icescope import cli
from icescope.core import ranges
from icescope.core.config import IceTimings, Settings
from icescope.core.errors import ConfigError
from icescope.core.probe import Blackout, ProbePlan
from tests.subproc import ROOT, run_python

if TYPE_CHECKING:
    from pathlib import Path

PROBE_FLAGS = [
    "--duration",
    "--close-at",
    "--connect-timeout",
    "--restart-at",
    "--loss",
    "--delay",
    "--keepalive-interval",
    "--disconnected-timeout",
    "--failed-timeout",
]


def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the CLI in-process; assert exit 2 with one readable line and return it."""
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert code == 2, (argv, out[-300:], err)
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def outside(flag: str) -> list[str]:
    span = ranges.RANGES[flag]
    values = ["nan", "NaN", "inf", "-inf", "1e309", f"{span.high * 10:g}", "-1"]
    if span.low_open:
        values.append(f"{span.low:g}")  # 0 is refused, not taken as "the default"
    return values


@pytest.mark.parametrize(
    ("flag", "value"), [(flag, value) for flag in PROBE_FLAGS for value in outside(flag)]
)
def test_out_of_range_numbers_are_usage_errors(
    flag: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(["probe", f"{flag}={value}"], capsys)
    assert flag in err and ranges.RANGES[flag].describe() in err


@pytest.mark.parametrize(
    "value", ["nan+1", "1+nan", "0.5+1e9", "inf+1", "1+inf", "-1+2", "1+0", "1+-2"]
)
def test_blackout_out_of_range_is_a_usage_error(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(["probe", "--blackout", value], capsys)
    assert "--blackout" in err


def test_zero_timings_are_refused_not_replaced_by_the_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for flag in ("--keepalive-interval", "--disconnected-timeout", "--failed-timeout"):
        usage_error(["probe", flag, "0"], capsys)
    # A value that is given is used as given (no `or default`).
    args = cli.build_parser().parse_args(["probe", "--disconnected-timeout", "1.3"])
    assert cli.settings_from_args(args).timings.disconnected_timeout == 1.3


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 0.0, 1e9])
def test_settings_fields_refuse_non_finite_and_out_of_range(value: float) -> None:
    with pytest.raises(ConfigError, match="finite number in"):
        IceTimings(disconnected_timeout=value)
    with pytest.raises(ConfigError, match="finite number in"):
        Settings(heartbeat_interval=value)
    with pytest.raises(ConfigError, match="finite number in"):
        ProbePlan(connect_timeout=value)


@settings(max_examples=200, deadline=None, database=None)
@given(st.sampled_from(sorted(ranges.RANGES)), st.floats(allow_nan=True, allow_infinity=True))
def test_check_accepts_exactly_the_documented_range(name: str, value: float) -> None:
    span = ranges.RANGES[name]
    inside = math.isfinite(value) and (
        (value > span.low if span.low_open else value >= span.low) and value <= span.high
    )
    if inside:
        assert ranges.check(name, value) == value
    else:
        with pytest.raises(ConfigError, match=re.escape(span.describe())):
            ranges.check(name, value)


def test_readme_documents_every_range_and_default() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ranges.markdown_table() in readme
    t, s, p = IceTimings(), Settings(), ProbePlan()
    defaults = {
        "--keepalive-interval": t.keepalive_interval,
        "--disconnected-timeout": t.disconnected_timeout,
        "--failed-timeout": t.failed_timeout,
        "--pac-timeout": t.pac_timeout,
        "heartbeat interval": s.heartbeat_interval,
        "drain": s.drain,
        "manual wait": s.manual_wait,
        "--duration": p.duration,
        "--connect-timeout": p.connect_timeout,
    }
    for name, value in defaults.items():
        assert float(ranges.RANGES[name].default) == value, name


def test_blackout_in_range_still_parses() -> None:
    assert Blackout.parse("0+0.5") == Blackout(at=0.0, length=0.5)


def test_malformed_offer_file_is_exit_2_in_a_real_process(tmp_path: Path) -> None:
    offer = tmp_path / "offer.sdp"
    offer.write_text("v=0\r\nthis is not sdp\r\n", encoding="utf-8")
    result = run_python(
        "-m",
        "icescope",
        "probe",
        "--offer-file",
        str(offer),
        "--answer-file",
        str(tmp_path / "answer.sdp"),
        "--no-journal",
        "--duration",
        "nan",
        timeout=30,
    )
    # --duration nan alone is already a usage error; fix it and the offer file is next.
    assert result.returncode == 2 and "--duration" in result.stderr
    result = run_python(
        "-m",
        "icescope",
        "probe",
        "--offer-file",
        str(offer),
        "--answer-file",
        str(tmp_path / "answer.sdp"),
        "--no-journal",
        timeout=30,
    )
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "offer SDP line 2" in result.stderr
