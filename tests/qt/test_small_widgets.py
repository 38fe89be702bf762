"""Notice banner, status line, About dialog, and the EventBridge."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, qVersion
from PySide6.QtGui import QGuiApplication

from icescope.core.events import HeartbeatCount, Notice, Peer, RoleChanged, SelectedPairChanged
from icescope.core.hub import EventHub
from icescope.core.states import Machine
from icescope.qt.about_dialog import QtAboutDialog
from icescope.qt.bridge import EventBridge
from icescope.qt.widgets.notice_banner import QtNoticeBanner
from icescope.qt.widgets.status_line import QtStatusLine
from tests.subproc import run_python

from .conftest import state_event


def test_banner_keeps_errors_visible(qtbot) -> None:
    banner = QtNoticeBanner()
    qtbot.addWidget(banner)
    banner.resize(600, banner.height())
    assert banner.isHidden()
    banner.show_notice("warning", "slow <consent>")
    assert banner.isVisibleTo(None) or not banner.isHidden()
    assert banner.level == "warning"
    assert banner.text() == "slow <consent>"
    assert "&lt;consent&gt;" in banner.label.text()  # shown as text, not markup
    banner.show_notice("error", "signaling lost")
    banner.show_notice("warning", "later warning")
    assert banner.level == "error"
    assert banner.text() == "signaling lost"
    assert "+2 more" in banner.label.text()
    banner.dismiss.click()
    assert banner.isHidden()
    assert banner.count == 0


def test_banner_conditions_close_and_long_texts_elide_at_a_fixed_height(qtbot) -> None:
    banner = QtNoticeBanner()
    qtbot.addWidget(banner)
    banner.resize(400, banner.height())
    height = banner.height()
    banner.show_conditions({"impair-rejected": ("error", "Impairment rejected: 250 %")})
    banner.show_notice("warning", "journal folder full", key="journal")
    assert banner.keys == ["impair-rejected", "journal"]
    assert banner.level == "error" and "+1 more" in banner.label.text()
    banner.show_conditions({})  # the model closed it; the window's own notice stays
    assert banner.keys == ["journal"] and banner.level == "warning"
    banner.resolve("journal")
    assert banner.isHidden() and banner.text() == ""
    assert banner.sizePolicy().retainSizeWhenHidden()  # hidden, it keeps its room
    banner.show_conditions({"x": ("warning", "word " * 200)})
    assert banner.height() == height  # one line, whatever the text
    assert banner.label.text().endswith("…") and banner.label.toolTip().startswith("word word")
    banner.dismiss.click()
    assert banner.isHidden()
    banner.show_conditions({"x": ("warning", "word " * 200)})
    assert banner.isHidden()  # dismissed stays dismissed while it is the same problem
    banner.show_conditions({"x": ("warning", "another text")})
    assert not banner.isHidden()


def test_status_line_renders_the_model_from_events(qtbot, fed) -> None:
    """Roles, pair and heartbeat counts come from events; unknown until an event says."""
    line = QtStatusLine()
    qtbot.addWidget(line)
    assert line.roles.text() == "no session"
    fed.start()
    line.show_model(fed.model, "/tmp/j.jsonl")
    assert line.roles.text() == "roles: not reported yet"
    assert line.pair.text() == "pair: none selected yet"
    assert line.heartbeats.text() == "heartbeats: not counted yet"
    assert line.journal.text() == "journal: /tmp/j.jsonl"
    fed.publish(
        state_event(Machine.ICE, "new", "checking", peer=Peer.REMOTE, ts=fed.now()),
        RoleChanged(**fed.stamp(), peer=Peer.LOCAL, role="controlling"),
        RoleChanged(**fed.stamp(), peer=Peer.REMOTE, role="controlled"),
        SelectedPairChanged(
            **fed.stamp(),
            peer=Peer.LOCAL,
            local="host udp 127.0.0.1:1",
            remote="host udp 127.0.0.1:2",
        ),
        HeartbeatCount(**fed.stamp(), peer=Peer.LOCAL, sent=7, received=6),
        HeartbeatCount(**fed.stamp(), peer=Peer.REMOTE, sent=6, received=None, final=True),
    )
    line.show_model(fed.model, "/tmp/j.jsonl")
    assert line.roles.text() == "roles: local controlling, remote controlled"
    assert line.pair.text() == "pair: host udp 127.0.0.1:1 ⇄ host udp 127.0.0.1:2"
    assert line.heartbeats.text() == "heartbeats: local 7↑ 6↓, remote 6↑ ?↓ (final)"
    fed.publish(
        Notice(
            **fed.stamp(),
            peer=Peer.LOCAL,
            level="warning",
            code="log:icescope.core.journal",
            message="cannot write journal /tmp/j.jsonl: disk full",
        )
    )
    line.show_model(fed.model, "/tmp/j.jsonl")
    assert line.journal.text() == "journal error: cannot write journal /tmp/j.jsonl: disk full"
    line.show_model(fed.model, None)
    assert "journal error" in line.journal.text()
    line.show_model(None, None)
    assert line.roles.text() == "no session" and line.journal.text() == "journal: off"


def test_about_dialog_lists_versions(qtbot) -> None:
    dialog = QtAboutDialog()
    qtbot.addWidget(dialog)
    import icescope

    assert dialog.versions["IceScope"] == icescope.__version__
    assert dialog.versions["aiortc"] == "1.16.0"
    assert dialog.versions["aioice"] == "0.13.0"
    assert dialog.versions["Qt (runtime)"] == qVersion()
    assert dialog.versions["Python"].startswith(sys.version.split()[0])
    dialog.copy_versions()
    assert "aiortc: 1.16.0" in QGuiApplication.clipboard().text()


def test_core_about_is_qt_free() -> None:
    code = (
        "import sys; from icescope.core import about; v = about.component_versions(); "
        "line = about.diagnostics_line(); "
        "assert 'PySide6' not in sys.modules, 'about imported Qt'; "
        "assert 'aiortc' in v and 'crc32c=' in line and 'frozen=' in line; print(line)"
    )
    out = run_python("-c", code)
    assert out.returncode == 0, out.stderr
    assert "openssl" in out.stdout


def test_bridge_forwards_hub_events_and_detaches(qtbot) -> None:
    hub = EventHub()
    bridge = EventBridge()
    got: list[object] = []
    bridge.event.connect(got.append)
    bridge.attach(hub)
    ev = state_event(Machine.ICE, "new", "checking")
    hub.publish(ev)
    assert got == [ev]
    other = EventHub()
    bridge.attach(other)  # follows only the new hub
    hub.publish(ev)
    assert got == [ev]
    note = Notice(ts=0, wall=time.time(), peer=Peer.LOCAL, level="info", code="c", message="m")
    other.publish(note)
    assert got == [ev, note]
    bridge.detach()
    other.publish(note)
    assert len(got) == 2
    assert not bridge.attached


def test_bridge_signal_named_event_does_not_break_qt_event_dispatch(qtbot) -> None:
    """The ``event`` signal shadows QObject.event() in Python; Qt must still deliver events."""
    bridge = EventBridge()
    fired: list[int] = []
    timer = QTimer(bridge)
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: fired.append(1))
    timer.start(0)
    qtbot.waitUntil(lambda: fired == [1], timeout=1000)
    destroyed: list[int] = []
    bridge.destroyed.connect(lambda: destroyed.append(1))
    bridge.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert destroyed == [1]


def test_window_is_built_and_shown_before_asyncio_loads() -> None:
    """Cold start: the window path imports neither asyncio/qasync (~80 ms) nor aiortc (~0.4 s).

    run_gui shows the window first and loads the event loop after; the remote panel (hidden
    for the loopback peer) and the About dialog load when needed. An import slipping into a
    window module would quietly add its cost to every start.
    """
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from icescope.cli import build_parser, settings_from_args\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from icescope.qt.app import show_until_exposed\n"
        "from icescope.qt.main_window import MainWindow\n"
        "app = QApplication([])\n"
        "w = MainWindow(settings_from_args(build_parser().parse_args(['--no-journal'])))\n"
        "w.show()\n"
        "assert show_until_exposed(app, w), 'never exposed'\n"
        "late = ('asyncio', 'qasync', 'aiortc', 'aioice', 'platform',"
        " 'icescope.qt.widgets.signaling_panel', 'icescope.qt.about_dialog')\n"
        "early = sorted(m for m in late if m in sys.modules)\n"
        "print('loaded:', early)\n"
        "sys.exit(1 if early else 0)\n"
    )
    out = run_python("-c", code)
    assert out.returncode == 0, out.stdout + out.stderr


def test_status_line_names_the_peers_in_german(german, qtbot, fed) -> None:
    """The peers in the UI's words; the W3C role values as the API says them."""
    line = QtStatusLine()
    qtbot.addWidget(line)
    fed.start()
    fed.publish(
        state_event(Machine.ICE, "new", "checking", peer=Peer.REMOTE, ts=fed.now()),
        RoleChanged(**fed.stamp(), peer=Peer.LOCAL, role="controlling"),
        HeartbeatCount(**fed.stamp(), peer=Peer.LOCAL, sent=59, received=20),
    )
    line.show_model(fed.model, None)
    assert line.roles.text() == "Rollen: lokal controlling, entfernt unbekannt"
    assert line.heartbeats.text() == "Heartbeats: lokal 59↑ 20↓, entfernt noch nicht gezählt"
    fed.publish(HeartbeatCount(**fed.stamp(), peer=Peer.REMOTE, sent=6, received=None, final=True))
    line.show_model(fed.model, None)
    assert line.heartbeats.text() == "Heartbeats: lokal 59↑ 20↓, entfernt 6↑ ?↓ (endgültig)"
