"""The window fits 1280×800 and 1366×768, in English and German, and nothing in it moves when a
banner appears, status texts grow, or an error line appears in the New session dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QLocale, QRect
from PySide6.QtWidgets import QApplication, QGroupBox, QWidget

from icescope.core.config import Settings
from icescope.core.events import Peer
from icescope.qt.i18n import install_translators

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

SCREENS = ((1280, 800), (1366, 768))
TITLE_BAR = 40
"""Room a window manager's title bar and a panel may take from the screen's height."""


@pytest.fixture(params=["en", "de"])
def language(request, qapp) -> Iterator[str]:
    locale = QLocale()
    installed = install_translators(qapp, request.param)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    install_translators(qapp, "en")  # the language property and the number format back
    QLocale.setDefault(locale)


def _window(qtbot, tmp_path: Path):
    from icescope.qt.main_window import MainWindow

    window = MainWindow(Settings(journal_dir=tmp_path))
    qtbot.addWidget(window)
    window.resize(1280, 768 - TITLE_BAR)
    window.show()
    qtbot.waitExposed(window)
    return window


def _geometries(window: QWidget, widgets: list[QWidget]) -> list[QRect]:
    QApplication.processEvents()
    return [QRect(w.mapTo(window, w.rect().topLeft()), w.size()) for w in widgets]


def test_minimum_size_fits_both_laptop_screens(qtbot, tmp_path, language) -> None:
    window = _window(qtbot, tmp_path)
    hint = window.minimumSizeHint()
    for width, height in SCREENS:
        assert hint.width() <= width, (language, hint)
        assert hint.height() <= height - TITLE_BAR, (language, hint)
    assert window.width() == 1280  # it did not widen itself


def test_nothing_moves_when_a_banner_or_longer_status_texts_appear(
    qtbot, tmp_path, language
) -> None:
    window = _window(qtbot, tmp_path)
    watched = [
        *window.controls.buttons.values(),
        window.session_label,
        window.panels[Peer.LOCAL],
        window.panels[Peer.REMOTE],
        window.impair_panel,
        window.legend,
        window.tabs,
        window.log_view.table,
        window.log_view.search,
    ]
    before = _geometries(window, watched)
    size = window.size()
    assert window.banner.isHidden()
    window.banner.show_notice("error", "Impairment rejected: " + "a very long reason " * 30)
    assert not window.banner.isHidden()
    assert _geometries(window, watched) == before
    window.banner.show_notice("warning", "a second problem", key="second")
    window.impair_panel.active_label.setText(  # as at the end of a session, a third longer
        "session closed: local close: close() was called here (webrtc-pc fires no event) " * 2
    )
    window.status_line.heartbeats.setText("heartbeats: " + "local 123456↑ 123456↓ " * 8)
    window.status_line.roles.setText("roles: " + "local controlling " * 10)
    window.status_line.show_verdict("connected · failed seen · loss: some or unknown")
    window.session_label.setText(window.session_label.text() + " · longer")
    at = watched.index(window.session_label)  # right-aligned: its own left edge may move
    del watched[at], before[at]
    assert _geometries(window, watched) == before
    assert window.size() == size  # the window never widens itself
    window.banner.clear()
    assert _geometries(window, watched) == before


def test_an_error_line_in_the_session_dialog_moves_no_section(qtbot, language) -> None:
    from icescope.qt.dialogs.session_dialog import QtSessionDialog

    dialog = QtSessionDialog(Settings(journal_enabled=False), interfaces=[])
    qtbot.addWidget(dialog)
    for width, height in SCREENS:  # it asks for no more than the screen has
        assert dialog.minimumSizeHint().width() <= width
        assert dialog.minimumSizeHint().height() <= height - TITLE_BAR
    dialog.resize(980, 680)  # what it takes on a laptop screen (the test screen is smaller)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData("tcp-connect"))
    watched = [*dialog.findChildren(QGroupBox), dialog.ok_button]
    before = _geometries(dialog, watched)
    dialog.pages.connect_to.setText("nonsense:::")
    dialog.revalidate()
    assert dialog.error_text("remote")
    assert _geometries(dialog, watched) == before
    dialog.failed.setValue(1.0)  # failed before disconnected: a timings error
    dialog.revalidate()
    assert dialog.error_text("timings")
    assert _geometries(dialog, watched) == before
    # One line, however long (German): elided, and whole in the tooltip.
    assert dialog.errors["timings"].toolTip() == dialog.error_text("timings")
    dialog.failed.setValue(30.0)
    dialog.revalidate()
    assert not dialog.error_text("timings")
    assert _geometries(dialog, watched) == before
