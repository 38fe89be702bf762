"""The probe refuses what it would never do: exit 2 and one readable line, before a session.

Issue 10 ("also in the wild"): ``--blackout 12+3 --duration 5`` and ``--restart-at 99
--duration 3`` used to exit 0 having done nothing, and ``--address`` took an address this
machine does not have. Impairing the remote is refused where the remote runs in another
process, and the probe and the window impair the same peer by default.
"""

from __future__ import annotations

import pytest

from icescope import cli
from icescope.core.events import Peer
from icescope.core.events.base import DEFAULT_IMPAIR_PEER
from icescope.core.probe import Blackout, ProbePlan


def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert code == 2, (argv, out[-300:], err)
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--blackout", "12+3", "--duration", "5"], ["--blackout 12+3", "--duration (5 s)"]),
        (["--blackout", "5+1", "--duration", "5"], ["--blackout 5+1", "--duration (5 s)"]),
        (["--restart-at", "99", "--duration", "3"], ["--restart-at 99", "--duration (3 s)"]),
        (["--restart-at", "1", "--restart-at", "4", "--duration", "3"], ["--restart-at 4"]),
        (["--close-at", "20", "--duration", "10"], ["--close-at 20", "--duration (10 s)"]),
    ],
)
def test_an_action_after_the_end_is_a_usage_error(
    argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(["probe", *argv], capsys)
    for word in words:
        assert word in err, err
    assert "never" in err, err


def test_an_action_before_the_end_is_accepted() -> None:
    plan = ProbePlan(duration=5, blackouts=(Blackout.parse("4+3"),), restart_at=(4.9,))
    assert plan.duration == 5


def test_an_address_this_machine_does_not_have_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = usage_error(["probe", "--address", "192.0.2.77"], capsys)  # TEST-NET-1
    assert "192.0.2.77" in err and "this machine has no such address" in err, err
    assert "127.0.0.1" in err, err  # says which addresses there are


@pytest.mark.parametrize(
    "remote",
    [
        ["--connect", "tcp://127.0.0.1:9/?token=a-token-for-the-test"],
        ["--listen", "127.0.0.1:0"],
        ["--browser-peer"],
    ],
)
def test_impairing_a_remote_in_another_process_is_a_usage_error(
    remote: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(["probe", *remote, "--blackout", "1+2:remote"], capsys)
    assert "--blackout 1+2:remote" in err and "another process" in err, err


def test_the_probe_and_the_window_impair_the_same_peer_by_default() -> None:
    assert DEFAULT_IMPAIR_PEER is Peer.LOCAL  # the only peer every mode can impair
    assert Blackout.parse("1.5+0.5").peer is DEFAULT_IMPAIR_PEER
    plan = ProbePlan(loss=10, delay=50)
    assert plan.impair_peer is DEFAULT_IMPAIR_PEER
