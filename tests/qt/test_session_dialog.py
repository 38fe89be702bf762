"""The New session dialog: fields in, Settings (or the core's ConfigError text, inline) out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from icescope.core.config import IceServer, IceTimings, Settings
from icescope.core.netif import AddressSelection, Interface
from icescope.qt.dialogs.session_dialog import QtSessionDialog

INTERFACES = [Interface("lo", ("127.0.0.1", "::1")), Interface("eth9", ("192.0.2.7",))]


@pytest.fixture
def make(qtbot, tmp_path):
    def build(settings: Settings | None = None) -> QtSessionDialog:
        dialog = QtSessionDialog(settings or Settings(journal_dir=tmp_path), interfaces=INTERFACES)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return build


def _mode(dialog: QtSessionDialog, mode: str) -> None:
    dialog.mode.setCurrentIndex(dialog.mode.findData(mode))


def test_prefilled_from_the_current_settings(make) -> None:
    settings = Settings(
        mode="tcp-connect",
        remote_address="tcp://127.0.0.1:7411/?token=" + "k" * 24,
        ice_servers=(IceServer(("turn:127.0.0.1:3478",), "alice", "pw"),),
        relay_only=True,
        timings=IceTimings(0.5, 1.5, 6.0),
        addresses=AddressSelection(addresses=("192.0.2.7",)),
    )
    dialog = make(settings)
    form = dialog.form()
    assert form.mode == "tcp-connect"
    assert form.connect_address == "tcp://127.0.0.1:7411/?token=" + "k" * 24
    assert [(r.url, r.username, r.credential) for r in form.servers] == [
        ("turn:127.0.0.1:3478", "alice", "pw")
    ]
    assert form.relay_only
    assert (form.keepalive, form.disconnected, form.failed) == (0.5, 1.5, 6.0)
    assert (form.hosts, form.addresses) == ("selected", ["192.0.2.7"])
    assert dialog.ok_button.isEnabled()
    # Unchanged, OK gives the same session settings back.
    dialog.accept()
    assert dialog.result_settings == settings


def test_bad_host_port_shows_the_config_error_and_blocks_ok(make) -> None:
    dialog = make()
    _mode(dialog, "tcp-listen")
    dialog.pages.listen.setText("127.0.0.1")
    assert dialog.error_text("remote") == (
        "bad listen address '127.0.0.1': write it as HOST:PORT, e.g. 127.0.0.1:7400"
    )
    assert not dialog.ok_button.isEnabled()
    dialog.pages.listen.setText("127.0.0.1:99999")
    assert "the port must be a number 0-65535" in dialog.error_text("remote")
    dialog.accept()  # Enter with errors: nothing happens
    assert dialog.isVisible() and dialog.result_settings is None
    dialog.pages.listen.setText("127.0.0.1:0")
    assert dialog.error_text("remote") == ""
    assert dialog.ok_button.isEnabled()
    assert "connecting IceScope offers" in dialog.offers.text()


def test_bad_server_url_names_the_row(make) -> None:
    dialog = make()
    dialog.servers.add_row()
    dialog.servers.set_cell(0, 0, "stun//127.0.0.1")
    assert dialog.error_text("servers") == (
        "server 1: bad ICE server URL 'stun//127.0.0.1': it must start with stun:, stuns:, "
        "turn: or turns:"
    )
    assert not dialog.ok_button.isEnabled()
    dialog.servers.set_cell(0, 0, "turn:127.0.0.1:3478")
    assert "needs a username and a credential" in dialog.error_text("servers")
    dialog.servers.set_cell(0, 1, "alice")
    dialog.servers.set_cell(0, 2, "secret")
    assert dialog.error_text("servers") == ""
    assert dialog.ok_button.isEnabled()


def test_bad_timings_show_the_icetimings_message(make) -> None:
    dialog = make()
    dialog.disconnected.setValue(1.0)
    assert dialog.error_text("timings") == (
        "disconnected timeout must exceed the longest keepalive interval (1.2 s), got 1.0"
    )
    assert not dialog.ok_button.isEnabled()
    dialog.disconnected.setValue(2.0)
    dialog.failed.setValue(2.0)
    assert "failed timeout (2.0) must exceed the disconnected timeout (2.0)" in dialog.error_text(
        "timings"
    )
    qbutton = dialog.defaults_button
    qbutton.click()
    assert dialog.error_text("timings") == ""
    assert dialog.ok_button.isEnabled()


def test_several_errors_show_at_once(make) -> None:
    dialog = make()
    _mode(dialog, "tcp-connect")
    dialog.pages.connect_to.setText("nowhere")
    dialog.keepalive.setValue(0.0)
    dialog.servers.add_row()
    dialog.servers.set_cell(0, 0, "http://x")
    assert all(dialog.error_text(s) for s in ("remote", "timings", "servers"))
    assert "keepalive interval (--keepalive-interval) must be a finite number in [0.05, 60] s" in (
        dialog.error_text("timings")
    )


@pytest.mark.parametrize(
    ("urls", "warned"),
    [
        (["stun:127.0.0.1:3478"], False),
        (["stun:127.0.0.1:3478", "turn:127.0.0.1:3478"], False),
        (["stun:127.0.0.1:3478", "stun:127.0.0.1:3479"], True),
        (["turn:127.0.0.1:3478", "turn:127.0.0.1:3479?transport=tcp"], True),
    ],
)
def test_only_the_first_stun_and_turn_are_used(make, urls, warned) -> None:
    dialog = make()
    for url in urls:
        row = dialog.servers.add_row()
        dialog.servers.set_cell(row, 0, url)
        dialog.servers.set_cell(row, 1, "u")
        dialog.servers.set_cell(row, 2, "p")
    assert dialog.ok_button.isEnabled()  # a warning, not an error
    warning = dialog.warning_text("servers")
    if warned:
        assert warning.startswith("aiortc uses only the first STUN and the first TURN server")
        assert f"not used: {urls[1]}" in warning
    else:
        assert warning == ""


def test_relay_only_without_turn_warns(make) -> None:
    dialog = make()
    dialog.relay_only.setChecked(True)
    assert "relay-only without a TURN server" in dialog.warning_text("servers")


def test_valid_input_yields_the_right_settings(make, qtbot, tmp_path) -> None:
    dialog = make()
    _mode(dialog, "tcp-connect")
    dialog.pages.connect_to.setText(" tcp://127.0.0.1:7402/?token=" + "k" * 24 + " ")
    row = dialog.servers.add_row()
    dialog.servers.set_cell(row, 0, "turn:127.0.0.1:3478?transport=tcp")
    dialog.servers.set_cell(row, 1, "alice")
    dialog.servers.set_cell(row, 2, "secret")
    dialog.relay_only.setChecked(True)
    dialog.keepalive.setValue(0.5)
    dialog.disconnected.setValue(1.0)
    dialog.failed.setValue(4.0)
    dialog.hosts.radios["selected"].setChecked(True)
    assert "tick at least one" in dialog.error_text("hosts")
    dialog.hosts.set_ticked("interface", "eth9", True)
    dialog.hosts.set_ticked("address", "127.0.0.1", True)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    s = dialog.result_settings
    assert s is not None
    assert s.mode == "tcp-connect" and s.remote_address == "tcp://127.0.0.1:7402/?token=" + "k" * 24
    assert s.ice_servers == (IceServer(("turn:127.0.0.1:3478?transport=tcp",), "alice", "secret"),)
    assert s.relay_only
    assert s.timings == IceTimings(0.5, 1.0, 4.0)
    assert s.addresses == AddressSelection(interfaces=("eth9",), addresses=("127.0.0.1",))
    assert s.journal_dir == tmp_path  # fields the dialog does not show are kept


def test_browser_paste_and_manual_modes(make, tmp_path) -> None:
    dialog = make()
    _mode(dialog, "browser")
    dialog.pages.browser_offers.setChecked(True)
    dialog.pages.browser_port.setValue(8765)
    assert "The browser offers" in dialog.offers.text()
    dialog.pages.browser_host.setText("0.0.0.0")
    assert "reachable from the network" in dialog.warning_text("remote")
    dialog.pages.browser_host.setText("127.0.0.1")
    check = dialog.revalidate()
    assert check.settings is not None
    assert (check.settings.browser_offers, check.settings.browser_port) == (True, 8765)

    _mode(dialog, "paste")
    dialog.pages.paste_they_offer.setChecked(True)
    assert "paste its offer" in dialog.offers.text()
    check = dialog.revalidate()
    assert check.settings is not None and check.settings.mode == "paste"
    assert not check.settings.paste_offers

    _mode(dialog, "manual")
    assert "choose both an offer file and an answer file" in dialog.error_text("remote")
    dialog.pages.offer_file.setText(str(tmp_path / "o.sdp"))
    dialog.pages.answer_file.setText(str(tmp_path / "a.sdp"))
    check = dialog.revalidate()
    assert check.settings is not None and check.settings.offer_file == Path(tmp_path / "o.sdp")


def test_loopback_mode_says_host_choice_is_ignored(make) -> None:
    dialog = make()
    assert dialog.form().mode == "loopback"
    assert "always gathers 127.0.0.1 only" in dialog.warning_text("hosts")
    dialog.hosts.radios["loopback"].setChecked(True)
    assert dialog.warning_text("hosts") == ""


def test_window_module_does_not_import_aiortc() -> None:
    """The dialog and panel keep the window's cold start free of aiortc (imported on use)."""
    from tests.subproc import run_python

    code = (
        "import sys, icescope.qt.main_window; "
        "bad = [m for m in ('aiortc', 'aioice') if m in sys.modules]; "
        "assert not bad, bad"
    )
    out = run_python("-c", code)
    assert out.returncode == 0, out.stderr


def test_browse_picks_a_file_without_blocking(make, qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QFileDialog

    dialog = make()
    _mode(dialog, "manual")
    qtbot.mouseClick(dialog.pages.browse_buttons["offer"], Qt.MouseButton.LeftButton)
    pickers = dialog.findChildren(QFileDialog)
    assert len(pickers) == 1 and pickers[0].isVisible()  # open(), returned at once
    picker = pickers[0]
    picker.fileSelected.emit(str(tmp_path / "offer.sdp"))
    picker.reject()
    assert dialog.pages.offer_file.text() == str(tmp_path / "offer.sdp")
    assert "choose both" in dialog.error_text("remote")  # the answer file is still missing


def test_pac_timeout_and_statistics_interval_are_chosen_here(make, tmp_path) -> None:
    from icescope.core.config import IceTimings

    dialog = make(
        Settings(journal_dir=tmp_path, timings=IceTimings(pac_timeout=12), stats_interval=2)
    )
    assert dialog.pac.value() == 12 and dialog.stats_interval.value() == 2
    dialog.pac.setValue(20)
    dialog.stats_interval.setValue(0)  # shown as "off"
    assert dialog.stats_interval.text() == "off"
    check = dialog.revalidate()
    assert check.settings is not None
    assert check.settings.timings.pac_timeout == 20 and check.settings.stats_interval == 0
    dialog.stats_interval.setValue(0.01)
    assert "statistics interval must be 0 (off) or 0.05-60 s" in dialog.error_text("timings")
    assert not dialog.ok_button.isEnabled()
    dialog.stats_interval.setValue(1)
    dialog.pac.setValue(900)
    assert "PAC timeout" in dialog.error_text("timings")
