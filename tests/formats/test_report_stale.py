"""The report's timeline stops drawing a peer's last state once its reports stopped."""

from __future__ import annotations

from icescope.core.events import Peer, RemoteChannel
from icescope.core.formats.report_html import render
from tests.builders import WALL0, ice


def test_a_remote_whose_reports_stopped_is_unknown_from_then_on() -> None:
    gone = RemoteChannel(ts=5.0, wall=WALL0 + 5, peer=Peer.REMOTE, channel="websocket", alive=False)
    events = [
        ice(Peer.LOCAL, 0.1, "checking", "connected"),
        ice(Peer.REMOTE, 0.2, "checking", "connected"),
        gone,
        ice(Peer.LOCAL, 9.0, "connected", "disconnected"),
    ]
    html = render(events, {"verdict": {}, "ts": 10.0})
    assert "<title>unknown from 5.000 s</title>" in html  # the remote's lane after the cut
    assert html.count("unknown from") == 1  # the local lane is still known
    assert "<title>connected from 0.200 s</title>" in html
