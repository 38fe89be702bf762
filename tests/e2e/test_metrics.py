"""--metrics and --pushgateway for real: a probe subprocess scraped over loopback, Debian's
promtool, prometheus and prometheus-pushgateway."""

from __future__ import annotations

import json
import subprocess
import urllib.parse
from typing import TYPE_CHECKING, Any

import pytest
from prometheus_client.openmetrics.parser import text_string_to_metric_families

from tests.e2e.prom import OPENMETRICS, get, metrics_probe, prometheus, pushgateway, wait_for
from tests.subproc import run_python
from tests.sysreq import require_binary

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e
LABELS = {"peer", "probe", "remote"}


def families(text: str) -> dict[str, Any]:
    return {f.name: f for f in text_string_to_metric_families(text)}


def scrape_connected(url: str) -> dict[str, Any] | None:
    status, kind, body = get(url, OPENMETRICS)
    if status != 200:
        return None
    assert kind.startswith("application/openmetrics-text"), kind
    found = families(body)
    states = found["icescope_ice_connection_state"].samples
    on = {
        s.labels["peer"]: s.labels["icescope_ice_connection_state"] for s in states if s.value == 1
    }
    rtt = found.get("icescope_consent_rtt_seconds")
    if on.get("local") in ("connected", "completed") and rtt is not None and rtt.samples:
        return found
    return None


def test_scrape_a_running_probe_and_promtool_accepts_it(tmp_path: Path) -> None:
    with metrics_probe(
        tmp_path, "--duration", "0", "--probe-name", "lab-1", "--stats-interval", "0.2"
    ) as probe:
        found = wait_for(
            "a connected scrape with a round-trip time", lambda: scrape_connected(probe.url)
        )
        state = found["icescope_ice_connection_state"]
        assert state.type == "stateset"
        for peer in ("local", "remote"):
            mine = [s for s in state.samples if s.labels["peer"] == peer]
            assert len(mine) == 7 and sum(s.value for s in mine) == 1  # one-hot over the W3C values
        for family in found.values():
            for sample in family.samples:
                extra = set(sample.labels) - LABELS - {"state", family.name}
                assert not extra, (family.name, sample.labels)  # no addresses, ids, ufrags
                if "probe" in sample.labels:
                    assert (
                        sample.labels["probe"] == "lab-1" and sample.labels["remote"] == "loopback"
                    )
        seconds = {s.labels["state"] for s in found["icescope_ice_state_seconds"].samples}
        assert {"new", "checking"} <= seconds
        assert all(0 < s.value < 1 for s in found["icescope_consent_rtt_seconds"].samples)
        assert all(s.value >= 0 for s in found["icescope_time_to_connect_seconds"].samples)
        sent = found["icescope_heartbeat_sent"].samples
        assert sent and all(s.value > 0 for s in sent)
        assert not found["icescope_heartbeat_lost"].samples  # unknown while both still run
        # promtool lints the plain text format (its 2.42 linter does not know OpenMetrics'
        # stateset, which a plain scrape renders as a gauge).
        promtool = require_binary("promtool", "install Debian's prometheus package")
        _, kind, plain = get(probe.url)
        assert kind.startswith("text/plain")
        lint = subprocess.run(
            [promtool, "check", "metrics"],
            input=plain,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert lint.returncode == 0, lint.stdout + lint.stderr
        code, lines = probe.stop()
    assert code == 0
    assert lines[-1]["type"] == "summary" and lines[-1]["verdict"]["connected"]
    notices = [x["message"] for x in lines if x["type"] == "notice" and x["code"] == "metrics"]
    assert notices == [f"serving OpenMetrics at http://127.0.0.1:{probe.port}/metrics"]
    assert get(probe.url)[0] == 0, "the endpoint goes away with the probe"


def test_prometheus_scrapes_the_state_series(tmp_path: Path) -> None:
    require_binary("prometheus", "install Debian's prometheus package")
    with metrics_probe(tmp_path, "--duration", "0", "--probe-name", "lab-2") as probe:
        wait_for("the probe's endpoint", lambda: get(probe.url)[0] == 200)
        with prometheus(tmp_path, probe.port) as port:
            query = 'icescope_ice_connection_state{probe="lab-2",peer="local"} == 1'
            url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode(
                {"query": query}
            )

            def connected() -> list[dict[str, Any]]:
                status, _, body = get(url)
                if status != 200:
                    return []
                result: list[dict[str, Any]] = json.loads(body)["data"]["result"]
                return [
                    r
                    for r in result
                    if r["metric"]["icescope_ice_connection_state"] in ("connected", "completed")
                ]

            (series,) = wait_for("Prometheus to hold the local state series", connected)
            assert (
                series["metric"]["remote"] == "loopback" and series["metric"]["job"] == "icescope"
            )
            _, _, body = get(f"http://127.0.0.1:{port}/api/v1/targets")
            (target,) = json.loads(body)["data"]["activeTargets"]
            assert target["health"] == "up", target
        code, _ = probe.stop()
    assert code == 0


def test_pushgateway_gets_the_final_figures(tmp_path: Path) -> None:
    with pushgateway(tmp_path) as port:
        result = run_python(
            "-m",
            "icescope",
            "probe",
            "--no-journal",
            "--duration",
            "1",
            "--probe-name",
            "batch-1",
            "--pushgateway",
            f"http://127.0.0.1:{port}",
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        _, _, body = get(f"http://127.0.0.1:{port}/metrics")
    pushed = [
        line for line in body.splitlines() if 'probe="batch-1"' in line and 'job="icescope"' in line
    ]
    up = [line for line in pushed if line.startswith("icescope_session_up")]
    assert up and up[0].endswith(" 0"), pushed  # pushed after the session ended
    lost = [line for line in pushed if line.startswith("icescope_heartbeat_lost_total")]
    assert len(lost) == 2 and all(line.endswith(" 0") for line in lost), pushed  # known at the end
    closed = [line for line in pushed if 'icescope_ice_connection_state="closed"' in line]
    assert closed and all(line.endswith(" 1") for line in closed)


def test_bad_metrics_flags_are_usage_errors() -> None:
    for args in (
        ["--metrics", "nowhere"],
        ["--pushgateway", "ftp://x"],
        ["--probe-name", "a b"],
        ["--metrics", "127.0.0.1:1", "--probe-name", "x" * 200],
    ):
        result = run_python("-m", "icescope", "probe", "--no-journal", *args, timeout=30)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_port_in_use_is_a_start_failure_not_a_traceback(tmp_path: Path) -> None:
    with metrics_probe(tmp_path, "--duration", "3") as first:
        wait_for("the first probe's endpoint", lambda: get(first.url)[0] == 200)
        result = run_python(
            "-m",
            "icescope",
            "probe",
            "--no-journal",
            "--metrics",
            f"127.0.0.1:{first.port}",
            timeout=60,
        )
        first.stop()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    failed = [x for x in lines if x["type"] == "notice" and x["code"] == "start-failed"]
    assert failed and f"127.0.0.1:{first.port}" in failed[0]["message"], lines


def test_docs_alerting_rules_pass_promtool(tmp_path: Path) -> None:
    import re

    from tests.subproc import ROOT

    promtool = require_binary("promtool", "install Debian's prometheus package")
    text = (ROOT / "docs" / "fleet.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if b.startswith("groups:")]
    rules = tmp_path / "rules.yml"
    rules.write_text(block, encoding="utf-8")
    result = subprocess.run(
        [promtool, "check", "rules", str(rules)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0 and "SUCCESS: 6 rules found" in result.stdout, (
        result.stdout + result.stderr
    )
