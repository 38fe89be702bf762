"""Paste mode: offer and answer carried by hand between two real sessions; bad pastes refused."""

from __future__ import annotations

import asyncio
import json

import pytest

from icescope.core.config import Settings
from icescope.core.errors import SdpError, SignalingError
from icescope.core.events import LocalDescription, Notice
from icescope.core.netif import AddressSelection
from icescope.core.session import Session
from icescope.core.signaling.paste import PastedSdpError, check_pasted, pasted_kind, split_pasted

BASE = Settings(
    mode="paste", addresses=AddressSelection(loopback_only=True), journal_enabled=False, drain=0.1
)


class Recorder:
    """Collects a session's LocalDescription events and notices."""

    def __init__(self, session: Session) -> None:
        self.descriptions: list[LocalDescription] = []
        self.notices: list[Notice] = []
        session.hub.subscribe(self._on)

    def _on(self, event: object) -> None:
        if isinstance(event, LocalDescription):
            self.descriptions.append(event)
        elif isinstance(event, Notice):
            self.notices.append(event)

    async def description(self, timeout: float = 5.0) -> LocalDescription:
        async with asyncio.timeout(timeout):
            while not self.descriptions:  # noqa: ASYNC110 - bounded by the timeout
                await asyncio.sleep(0.01)
        return self.descriptions[-1]


def _damage(sdp: str, line: int, text: str) -> str:
    lines = sdp.split("\r\n")
    lines[line - 1] = text
    return "\r\n".join(lines)


async def test_pasted_offer_and_answer_connect_two_sessions() -> None:
    offerer, answerer = Session(BASE), Session(BASE.replace(paste_offers=False))
    rec_o, rec_a = Recorder(offerer), Recorder(answerer)
    async with asyncio.timeout(20):
        await offerer.start()
        await answerer.start()
        assert offerer.accepts_paste and answerer.accepts_paste
        offer = await rec_o.description()
        assert offer.kind == "offer" and offer.candidates >= 1
        assert "a=candidate:" in offer.sdp  # non-trickle: complete
        # JSON as JSON.stringify(pc.localDescription) gives it, with CRLF as \r\n.
        pasted = json.dumps({"type": "offer", "sdp": offer.sdp})
        assert answerer.paste_remote(pasted) == "offer"
        answer = await rec_a.description()
        assert answer.kind == "answer"
        # Bare SDP, the way a chat client mangles it: LF only, indented, blank lines around.
        mangled = "\n\n  " + answer.sdp.replace("\r\n", "\n  ") + "\n\n"
        assert offerer.paste_remote(mangled) == "answer"
        assert await offerer.wait_connected(5)
        assert await answerer.wait_connected(5)
        summaries = [await offerer.close(), await answerer.close()]
    assert any(n.code == "paste" and "accepted" in n.message for n in rec_o.notices)
    # The remote reports nothing in this mode: no state is made up for it.
    for session, summary in zip((offerer, answerer), summaries, strict=True):
        assert_remote_unobserved(session, summary)


async def test_bad_paste_is_refused_then_the_right_one_works() -> None:
    offerer, answerer = Session(BASE), Session(BASE.replace(paste_offers=False))
    rec_o, rec_a = Recorder(offerer), Recorder(answerer)
    async with asyncio.timeout(20):
        await offerer.start()
        await answerer.start()
        offer = (await rec_o.description()).sdp
        with pytest.raises(PastedSdpError) as info:
            answerer.paste_remote("\n" + _damage(offer, 3, "s-"))
        assert info.value.line == 4  # the line as seen in the text box (one blank line first)
        assert "offer SDP line 4: expected '<letter>=<value>', got 's-'" in str(info.value)
        # The offerer cannot take its own offer back as an answer.
        with pytest.raises(SdpError, match="waiting for the answer to its own offer"):
            offerer.paste_remote(offer)
        with pytest.raises(SdpError, match="empty"):
            answerer.paste_remote("   ")
        assert not answerer.local.pc.remoteDescription  # nothing was applied
        answerer.paste_remote(offer)
        answer = (await rec_a.description()).sdp
        with pytest.raises(SdpError, match="IceScope's own offer"):
            # an offer-shaped copy of our own offer with the role flipped still has our ufrag
            offerer.paste_remote(offer.replace("a=setup:actpass", "a=setup:active"))
        offerer.paste_remote(answer)
        assert await offerer.wait_connected(5)
        await offerer.close()
        await answerer.close()
        with pytest.raises(SignalingError, match="closed"):
            offerer.paste_remote(answer)
    rejected = [n for n in rec_a.notices if n.code == "paste-rejected"]
    assert rejected and "line 4" in rejected[0].message


async def test_paste_needs_a_paste_session() -> None:
    session = Session(BASE.replace(mode="loopback"))
    async with asyncio.timeout(10):
        await session.start()
        assert not session.accepts_paste
        with pytest.raises(SignalingError, match="mode loopback"):
            session.paste_remote("v=0")
        await session.close()


@pytest.mark.parametrize(
    ("text", "kind", "leading"),
    [
        ('{"type": "answer", "sdp": "v=0\\r\\n"}', "answer", -1),
        ("\n\nv=0\r\no=- 1 1 IN IP4 0.0.0.0\n", None, 2),
        ("v=0\\r\\ns=-\\r\\n", None, 0),
    ],
)
def test_split_pasted(text: str, kind: str | None, leading: int) -> None:
    got_kind, sdp, got_leading = split_pasted(text)
    assert (got_kind, got_leading) == (kind, leading)
    assert sdp.startswith("v=0\r\n") and sdp.endswith("\r\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "looks like JSON but is not"),
        ('{"type": "pranswer", "sdp": "v=0"}', "want an offer or an answer"),
        ('{"type": "offer"}', "no 'sdp' string"),
        ('{"type": "offer", "sdp": "v=0\\r\\nx"}', "offer SDP (in the JSON) line 2"),
        ("v=1", "offer SDP line 1: unsupported version"),
    ],
)
def test_check_pasted_messages(text: str, message: str) -> None:
    with pytest.raises(PastedSdpError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_pasted(text, "offer")


def test_kind_from_dtls_role() -> None:
    assert pasted_kind("v=0\r\na=setup:actpass\r\n") == "offer"
    assert pasted_kind("v=0\r\na=setup:active\r\n") == "answer"
    assert pasted_kind("v=0\r\n") is None


def assert_remote_unobserved(session: Session, summary: dict[str, object]) -> None:
    """No remote state, no remote channel: ``final_state.remote`` is null with the reason."""
    remote = session.model.remote
    assert not remote.observed and remote.channel is None and remote.stats is None
    assert all(v.since is None for v in remote.states.values())
    assert summary["final_state"] == {"local": "closed", "remote": None}
    notes = summary["state_notes"]
    assert isinstance(notes, dict) and "not observable" in notes["remote"]
