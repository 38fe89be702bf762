"""Manual mode: offer and answer exchanged as files between two real sessions."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING

import pytest

from icescope.core.config import Settings
from icescope.core.errors import ConfigError, SdpError
from icescope.core.events import Notice
from icescope.core.netif import AddressSelection
from icescope.core.session import Session

if TYPE_CHECKING:
    from pathlib import Path

    from icescope.core.events import SessionEvent

LOOPBACK = AddressSelection(loopback_only=True)


def manual(tmp_path: Path, **kw: object) -> Settings:
    return Settings(
        mode="manual",
        offer_file=tmp_path / "offer.sdp",
        answer_file=tmp_path / "answer.sdp",
        addresses=LOOPBACK,
        journal_enabled=False,
        **kw,  # type: ignore[arg-type]
    )


async def test_offer_and_answer_files_connect_two_sessions(tmp_path: Path) -> None:
    offerer = Session(manual(tmp_path))
    answerer = Session(manual(tmp_path))
    events: list[SessionEvent] = []
    answerer.hub.subscribe(events.append)
    async with asyncio.timeout(20):
        await offerer.start()
        offer = (tmp_path / "offer.sdp").read_text()
        assert offer.startswith("v=0") and "a=candidate:" in offer  # non-trickle: all in it
        assert not (tmp_path / "answer.sdp").exists()
        await answerer.start()
        assert await answerer.wait_connected(5)
        assert await offerer.wait_connected(5)
        assert "a=ice-ufrag:" in (tmp_path / "answer.sdp").read_text()
        await asyncio.sleep(0.4)
        summaries = [await offerer.close(), await answerer.close()]
    assert any(isinstance(e, Notice) and "answering the offer" in e.message for e in events)
    # The remote reports nothing in this mode: no state is made up for it.
    for session, summary in zip((offerer, answerer), summaries, strict=True):
        assert_remote_unobserved(session, summary)


async def test_json_offer_file_is_accepted(tmp_path: Path) -> None:
    offerer = Session(manual(tmp_path))
    async with asyncio.timeout(20):
        await offerer.start()
        sdp = (tmp_path / "offer.sdp").read_text()
        # aiortc's copy-and-paste format, with LF line ends as an editor may leave them.
        (tmp_path / "offer.sdp").write_text(
            json.dumps({"type": "offer", "sdp": sdp.replace("\r\n", "\n")})
        )
        answerer = Session(manual(tmp_path))
        await answerer.start()
        assert await offerer.wait_connected(5)
        await answerer.close()
        await offerer.close()


async def test_malformed_offer_fails_fast_naming_the_line(tmp_path: Path) -> None:
    (tmp_path / "offer.sdp").write_text("v=0\no=- 1 1 IN IP4 0.0.0.0\nthis is not sdp\n")
    session = Session(manual(tmp_path))
    async with asyncio.timeout(10):
        with pytest.raises(SdpError, match="offer SDP line 3: expected '<letter>=<value>'"):
            await session.start()
        await session.close()


async def test_malformed_answer_is_a_notice(tmp_path: Path) -> None:
    session = Session(manual(tmp_path))
    events: list[SessionEvent] = []
    session.hub.subscribe(events.append)
    async with asyncio.timeout(10):
        await session.start()
        (tmp_path / "answer.sdp").write_text("v=0\r\ns=-\r\n")
        for _ in range(50):  # bounded: 5 s
            if any(isinstance(e, Notice) and e.code == "bad-sdp" for e in events):
                break
            await asyncio.sleep(0.1)
        await session.close()
    bad = [e for e in events if isinstance(e, Notice) and e.code == "bad-sdp"]
    assert bad and "answer SDP has no 'o=' line" in bad[0].message


async def test_answer_that_never_comes_is_reported(tmp_path: Path) -> None:
    session = Session(manual(tmp_path, manual_wait=0.3))
    events: list[SessionEvent] = []
    session.hub.subscribe(events.append)
    async with asyncio.timeout(10):
        await session.start()
        await asyncio.sleep(0.8)
        await session.close()
    assert any(
        isinstance(e, Notice) and "no answer appeared" in e.message and "0.3 s" in e.message
        for e in events
    )


def test_manual_needs_both_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--offer-file and --answer-file"):
        Settings(mode="manual", offer_file=tmp_path / "o")


def test_probe_with_malformed_offer_file_is_a_usage_error_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from icescope.cli import main

    offer = tmp_path / "offer.sdp"
    offer.write_text("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=application 9\r\n")
    code = main(
        [
            "probe",
            "--offer-file",
            str(offer),
            "--answer-file",
            str(tmp_path / "answer.sdp"),
            "--address",
            "127.0.0.1",
            "--no-journal",
        ]
    )
    out, err = capsys.readouterr()
    # Issue 11 item 5: a malformed offer file is a usage error (exit 2), one line with the
    # parser's reason, before any session starts.
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "--offer-file" in err and "offer SDP line 5: m-line needs" in err
    assert not (tmp_path / "answer.sdp").exists()


def assert_remote_unobserved(session: Session, summary: dict[str, object]) -> None:
    """No remote state, no remote channel: ``final_state.remote`` is null with the reason."""
    remote = session.model.remote
    assert not remote.observed and remote.channel is None and remote.stats is None
    assert all(v.since is None for v in remote.states.values())
    assert summary["final_state"] == {"local": "closed", "remote": None}
    notes = summary["state_notes"]
    assert isinstance(notes, dict) and "not observable" in notes["remote"]
