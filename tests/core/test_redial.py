"""The connecting side's redial schedule: backed off and bounded."""

from __future__ import annotations

from icescope.core.remotes.redial import MAX_DELAY, ROUND_TIMEOUT, delay


def test_redial_backs_off_to_a_bound() -> None:
    assert [delay(n) for n in range(1, 9)] == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    assert delay(10**6) == MAX_DELAY  # no overflow however long the outage
    assert ROUND_TIMEOUT < MAX_DELAY
