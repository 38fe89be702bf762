"""Issue "One source of truth": what the probe and the journal say is the model, in order.

Each test drives real peers (in process or the real `icescope probe`) into a case where the
copies of state used to drift.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any

import pytest

from icescope.core.config import Settings
from icescope.core.events import HeartbeatCount, Peer, StateChanged
from icescope.core.netif import AddressSelection
from icescope.core.session import Session
from icescope.core.states import Machine
from tests.subproc import run_python

if TYPE_CHECKING:
    from pathlib import Path

    from icescope.core.events import SessionEvent


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _check_summary_last(lines: list[dict[str, Any]]) -> dict[str, Any]:
    assert lines[-1]["type"] == "summary"
    assert all(line["type"] != "summary" for line in lines[:-1])
    return lines[-1]


@pytest.mark.e2e
@pytest.mark.parametrize("blackout", ["0.5+5", "0.5+100:remote:both", "0.5+5:local:in"])
def test_summary_is_last_with_a_blackout_active_at_close(tmp_path: Path, blackout: str) -> None:
    """Defect 2: every closed event is printed and journaled before the summary."""
    journal = tmp_path / "j.jsonl"
    out = run_python(
        "-m", "icescope", "probe", "--blackout", blackout, "--duration", "1.2",
        "--journal", str(journal),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    printed = _lines(out.stdout)
    journaled = _lines(journal.read_text())
    # The same facts in the same order (periodic statistics print only with --stats).
    periodic = [r for r in journaled if r["type"] == "stats" or r.get("final") is False]
    assert periodic
    assert printed == [r for r in journaled if r not in periodic]
    summary = _check_summary_last(printed)
    assert summary["final_state"] == {"local": "closed", "remote": "closed"}
    closed = {(line["peer"], line["type"]) for line in printed if line.get("state") == "closed"}
    for peer in ("local", "remote"):
        assert (peer, "iceconnectionstatechange") in closed
        assert (peer, "connectionstatechange") in closed
    # Heartbeats cut by the blackout are accounted for, not passed off as delivered.
    direction = summary["peers"]["local"]
    assert direction["lost"] is not None
    assert (direction["lost"] or 0) + (direction["undelivered"] or 0) > 0


def _settings(**kw: Any) -> Settings:
    return Settings(
        journal_enabled=False,
        heartbeat_interval=0.05,
        drain=0.2,
        addresses=AddressSelection(loopback_only=True),
        **kw,
    )


async def _connected_session(**kw: Any) -> tuple[Session, list[SessionEvent]]:
    session = Session(_settings(**kw))
    events: list[SessionEvent] = []
    session.hub.subscribe(events.append)
    await session.start()
    assert await session.wait_connected(5)
    return session, events


async def test_close_returns_only_after_both_peers_closed_and_concurrent_closes_agree() -> None:
    """Defect 5: a second close() (or the remote closing on the bye) is awaited, not skipped."""
    session, events = await _connected_session()
    first, second = await asyncio.gather(session.close(), session.close())
    assert first == second
    assert session.local is not None and session.remote is not None
    assert session.local.closed and session.remote.closed
    # Nothing is published after the end marker: the summary saw every event.
    end = next(i for i, e in enumerate(events) if e.type == "session" and e.phase == "end")  # type: ignore[union-attr]
    assert end == len(events) - 1
    assert first["final_state"] == {"local": "closed", "remote": "closed"}
    assert first["events"] == len(events)


async def test_agent_close_awaits_a_close_already_in_flight() -> None:
    session, _ = await _connected_session()
    local = session.local
    assert local is not None
    started = asyncio.ensure_future(local.close())
    await asyncio.sleep(0)  # the first close is under way
    assert local.closing
    await local.close()  # must not return before the first one finished
    assert local.closed and started.done()
    await session.close()


async def test_every_peer_publishes_its_final_counts_and_nothing_is_lost_on_a_clean_close() -> None:
    session, events = await _connected_session()
    await asyncio.sleep(0.3)
    summary = await session.close()
    finals = [e for e in events if isinstance(e, HeartbeatCount) and e.final]
    assert {e.peer for e in finals} == {Peer.LOCAL, Peer.REMOTE}
    for peer in ("local", "remote"):
        assert summary["peers"][peer]["lost"] == 0, summary
        assert summary["peers"][peer]["received"] > 0


async def test_a_local_close_mid_session_is_a_local_close_and_the_remote_answers_the_bye() -> None:
    """Defect 4: the side that receives the bye says so; its own close is a remote close."""
    session, events = await _connected_session()
    assert session.local is not None and session.remote is not None
    await session.local.close()
    await session.remote.close()  # returns once the close the bye started has finished
    closed = {
        e.peer: e.provenance.value
        for e in events
        if isinstance(e, StateChanged) and e.machine is Machine.CONNECTION and e.state == "closed"
    }
    assert closed == {Peer.LOCAL: "local-close", Peer.REMOTE: "remote-close"}
    await session.close()
