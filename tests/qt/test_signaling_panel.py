"""The signaling panel: the URL/address to give the remote, and the copy-and-paste boxes."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from icescope.core.config import Settings
from icescope.core.errors import IceScopeError
from icescope.core.events import Listening, LocalDescription, Peer
from icescope.core.signaling.paste import PastedSdpError, check_pasted
from icescope.qt import theme
from icescope.qt.widgets.signaling_panel import QtSignalingPanel

OFFER = (
    "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
    "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
    "a=mid:0\r\na=sctp-port:5000\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n"
    "a=fingerprint:sha-256 " + ":".join(["AB"] * 32) + "\r\na=setup:actpass\r\n"
    "a=candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host\r\n"
)


@pytest.fixture
def panel(qtbot):
    w = QtSignalingPanel()
    qtbot.addWidget(w)
    return w


def _stamp() -> dict[str, object]:
    return {"ts": 0.1, "wall": time.time(), "peer": Peer.LOCAL}


def test_hidden_for_loopback_shown_for_remotes(panel) -> None:
    panel.configure(Settings())
    assert panel.isHidden()
    panel.configure(
        Settings(mode="tcp-connect", remote_address="tcp://127.0.0.1:7400/?token=" + "k" * 24)
    )
    assert not panel.isHidden()
    assert "we connect and offer" in panel.title.text()
    assert panel.paste_area.isHidden()


def test_browser_url_is_a_link_with_copy(panel, qtbot) -> None:
    panel.configure(Settings(mode="browser", browser_offers=True))
    assert "the browser offers" in panel.title.text()
    url = "http://127.0.0.1:41234/?token=abc&x=1"
    panel.show_event(Listening(**_stamp(), url=url, detail="open this page"))
    assert 'href="http://127.0.0.1:41234/?token=abc&amp;x=1"' in panel.link.text()
    assert panel.link.openExternalLinks()
    qtbot.mouseClick(panel.copy_link, Qt.MouseButton.LeftButton)
    assert panel.copied == url
    assert QApplication.clipboard().text() == url


def test_tcp_listen_shows_the_address_to_give(panel) -> None:
    panel.configure(Settings(mode="tcp-listen", remote_address="127.0.0.1:0"))
    url = "tcp://127.0.0.1:40111/?token=" + "k" * 24
    panel.show_event(Listening(**_stamp(), url=url, detail="waiting"))
    assert "127.0.0.1:40111" in panel.link.text()
    assert "connect to it" in panel.link.text()
    assert "k" * 24 not in panel.link.text()  # shown without the token, copied with it
    panel.copy_link.click()
    assert panel.copied == url


def test_paste_flow_shows_local_and_marks_the_bad_line(panel, qtbot) -> None:
    """The panel asks (paste_requested); the verdict of the core's real check is shown."""
    accepted: list[str] = []

    def paste(text: str) -> None:
        try:
            kind, _sdp = check_pasted(text, "answer")  # the core's real validation
        except IceScopeError as exc:
            line = exc.line if isinstance(exc, PastedSdpError) else None
            panel.show_paste_refused(str(exc), line)
            return
        accepted.append(kind)
        panel.show_paste_accepted(kind)

    panel.paste_requested.connect(paste)
    panel.configure(Settings(mode="paste"))
    assert not panel.paste_area.isHidden()
    assert panel.local_box.toPlainText() == ""
    panel.show_event(LocalDescription(**_stamp(), kind="offer", sdp=OFFER, candidates=1))
    assert panel.local_box.toPlainText() == OFFER.replace("\r\n", "\n")
    assert panel.copy_local.text() == "Copy offer"
    assert panel.apply.text() == "Apply answer"
    panel.copy_local.click()
    assert panel.copied == OFFER  # exact, CRLF line endings kept

    answer = OFFER.replace("actpass", "active").replace("\r\n", "\n")
    lines = answer.split("\n")
    lines[4] = "m=application 9"  # line 5: m-line without proto and format
    panel.remote_box.setPlainText("\n".join(lines))
    qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
    assert panel.error_text() == (
        "Not applied: answer SDP line 5: m-line needs '<media> <port> <proto> <fmt>'"
    )
    assert theme.NOTICE_TEXT[False]["error"] in panel.paste_status.styleSheet()  # red
    assert panel.marked_line() == 5
    assert accepted == []
    panel.remote_box.setPlainText(answer)  # editing clears the mark
    assert panel.marked_line() is None
    assert panel.apply_pasted()
    assert accepted == ["answer"]
    assert panel.error_text() == ""
    assert panel.status_text().startswith("✓ Remote answer accepted")


def test_paste_answerer_labels(panel) -> None:
    panel.configure(Settings(mode="paste", paste_offers=False))
    assert panel.apply.text() == "Apply offer"
    assert panel.remote_label.text().startswith("①")
    assert "appears here once you paste" in panel.local_box.placeholderText()
    panel.show_event(LocalDescription(**_stamp(), kind="answer", sdp=OFFER, candidates=1))
    assert panel.copy_local.text() == "Copy answer"
