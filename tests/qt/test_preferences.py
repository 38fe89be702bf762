"""The window remembers impair values, log filters and widths, geometry, defaults, recent."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from icescope.core.config import IceTimings, Settings
from icescope.core.settings_store import SettingsStore
from icescope.qt.desktop_menus import journal_folder, recent_label, start_recent, versions_text
from icescope.qt.dialogs.settings_dialog import QtSettingsDialog
from icescope.qt.main_window import MainWindow

if TYPE_CHECKING:
    from pathlib import Path


def _window(qtbot, path: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(Settings(journal_dir=tmp_path / "j"), store=SettingsStore(path))
    qtbot.addWidget(window)
    return window


def test_values_survive_a_restart(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    first = _window(qtbot, path, tmp_path)
    first.show()
    first.impair_panel.direction_combo.setCurrentText("in")
    first.impair_panel.loss_percent.setValue(35)
    first.impair_panel.delay_ms.setValue(450)
    first.log_view.set_type_filter({"notice", "icerestart"})
    first.log_view.set_peer_filter("remote")
    first.log_view.table.horizontalHeader().resizeSection(3, 333)
    first.resize(first.width(), 700)
    size = (first.width(), first.height())
    first.prefs.session_chosen(Settings(stats_interval=3, timings=IceTimings(pac_timeout=15)))
    first.close()  # no live session: closes at once and captures
    stored = json.loads(path.read_text())
    assert stored["impair"]["loss_percent"] == 35
    assert stored["session"]["timings"]["pac_timeout"] == 15

    second = _window(qtbot, path, tmp_path)
    assert second.impair_panel.direction_combo.currentText() == "in"
    assert second.impair_panel.loss_percent.value() == 35
    assert second.impair_panel.delay_ms.value() == 450
    assert second.log_model.types == frozenset({"notice", "icerestart"})
    assert second.log_model.peer == "remote"
    assert second.log_view.table.horizontalHeader().sectionSize(3) == 333
    # restoreGeometry fits the width to the (800 px offscreen) screen; the height is kept.
    assert second.height() == size[1] == 700  # not the default 800
    assert second.banner.isHidden()


def test_broken_file_shows_a_banner_and_defaults(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"impair": {"loss_percent": 35}, "log": 7}')
    window = _window(qtbot, path, tmp_path)
    window.show()
    assert window.banner.isVisible()
    assert "section 'log'" in window.banner.text() and str(path) in window.banner.text()
    assert window.impair_panel.loss_percent.value() == 35  # the good section is used
    window.close()
    assert json.loads((tmp_path / "settings.json.bak").read_text()) == {
        "impair": {"loss_percent": 35},
        "log": 7,
    }


def test_hand_edited_values_out_of_range_are_skipped(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"impair": {"loss_percent": 900, "peer": "martian"}}))
    window = _window(qtbot, path, tmp_path)
    assert window.impair_panel.loss_percent.value() == 20
    assert window.impair_panel.peer_combo.currentText() == "local"


def test_menus_offer_settings_recent_journal_and_versions(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    store.add_recent(
        Settings(
            mode="tcp-connect", remote_address="tcp://192.0.2.1:7400/?token=a-token-for-the-test"
        ),
        None,
        0,
    )
    store.save()
    window = _window(qtbot, path, tmp_path)
    session_menu = window.findChild(QMenu, "session-menu")
    texts = [a.text() for a in session_menu.actions()]
    assert "S&ettings…" in texts and "Recen&t sessions" in texts
    settings_action = window.findChild(QAction, "settings-action")
    assert settings_action.shortcut().toString() == "Ctrl+,"
    recent = window.findChild(QMenu, "recent-menu")
    labels = [a.text() for a in recent.actions()]
    assert labels == [recent_label(window.prefs.store.recent()[0])]
    assert labels[0].endswith("tcp-connect · 192.0.2.1:7400")  # never the token
    assert journal_folder(window) == tmp_path / "j" and (tmp_path / "j").is_dir()
    text = versions_text()
    assert "Operating system: " in text and "aiortc: 1.16.0" in text


def test_recent_connection_without_its_token_asks_again(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    connect = Settings(
        mode="tcp-connect", remote_address="tcp://192.0.2.1:7400/?token=a-token-for-the-test"
    )
    store.add_recent(connect, None, 0)
    store.save()
    window = _window(qtbot, path, tmp_path)
    started: list[Settings] = []
    window._settings_chosen.connect(started.append)
    start_recent(window, window.prefs.store.recent()[0])
    assert started == []  # not a loopback session in its place
    assert window.session_dialog is not None and window.session_dialog.isVisible()
    assert "192.0.2.1:7400 was not restored" in window.banner.text()
    window.session_dialog.reject()


def test_settings_dialog_saves_options(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    window = _window(qtbot, path, tmp_path)
    dialog = QtSettingsDialog(window)
    assert dialog.ask_quit.isChecked()
    if not dialog.remember.isEnabled():
        assert "keyring" in dialog.keyring_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.ask_quit.setChecked(False)
    dialog.accept()
    assert json.loads(path.read_text())["ui"]["language"] == "de"
    assert not window.quit_guard.asks()
    defaults = dialog.edit_session_defaults()
    defaults.accept()
    assert window.prefs.store.stored_session()["mode"] == "loopback"


def test_turn_password_is_masked_with_a_show_toggle(qtbot) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem

    from icescope.qt.dialogs.server_table import CREDENTIAL, QtServerTable
    from icescope.qt.dialogs.session_form import ServerRow

    table = QtServerTable()
    qtbot.addWidget(table)
    table.set_rows([ServerRow("turn:127.0.0.1", "qa", "s3cret")])
    delegate = table.table.itemDelegateForColumn(CREDENTIAL)
    index = table.table.model().index(0, CREDENTIAL)
    assert delegate.displayText("s3cret", QLocale()) == "••••••"
    editor = delegate.createEditor(table.table, QStyleOptionViewItem(), index)
    assert editor.echoMode() == QLineEdit.EchoMode.Password
    table.show_passwords.setChecked(True)
    assert delegate.displayText("s3cret", QLocale()) == "s3cret"
    assert table.rows()[0].credential == "s3cret"
