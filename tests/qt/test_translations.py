"""German and English: every visible string translated, the catalogue compiled, German UI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMenu

from icescope.core.config import Settings
from icescope.core.states import CLOSE_CAUSES, ICE_MEANINGS, IceConnectionState
from icescope.qt import texts
from icescope.qt.i18n import install_translators, pick_language

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import translations  # noqa: E402
import visible_strings  # noqa: E402


def test_no_visible_literal_skips_translate() -> None:
    assert visible_strings.scan() == []


def test_every_source_string_has_a_finished_german_translation() -> None:
    # lupdate over today's sources, merged into the committed catalogue: anything new or
    # unfinished (type="unfinished", empty) is listed.
    assert translations.missing() == []


def test_the_check_catches_an_untranslated_string(tmp_path: Path) -> None:
    ts = tmp_path / "icescope_de.ts"
    text = translations.TS.read_text(encoding="utf-8")
    broken = text.replace("<translation>Über IceScope</translation>", "<translation></translation>")
    assert broken != text
    ts.write_text(broken, encoding="utf-8")
    assert translations.missing(ts) == ["[AboutDialog] 'About IceScope'"]


def test_committed_catalogue_is_compiled_from_the_source(tmp_path: Path) -> None:
    qm = tmp_path / "icescope_de.qm"
    translations.release(translations.TS, qm)
    assert qm.read_bytes() == translations.QM.read_bytes(), "run tools/translations.py release"


def test_view_texts_match_the_core_words() -> None:
    # The views translate the core's English; a core change must show up here.
    assert texts.MEANINGS == ICE_MEANINGS
    assert texts.CLOSE_CAUSES == CLOSE_CAUSES


def test_language_follows_the_choice_then_the_system() -> None:
    assert pick_language("de") == "de"
    assert pick_language("en", QLocale(QLocale.Language.German)) == "en"
    assert (
        pick_language("system", QLocale(QLocale.Language.German, QLocale.Country.Austria)) == "de"
    )
    assert pick_language("system", QLocale(QLocale.Language.French)) == "en"


@pytest.fixture
def german(qapp):
    installed = install_translators(qapp, "de")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    install_translators(qapp, "en")  # the language property back to English


def test_german_window_menus_states_and_standard_buttons(qtbot, german, tmp_path: Path) -> None:
    from icescope.qt.main_window import MainWindow
    from icescope.qt.quit_guard import QuitGuard

    assert len(german) == 2, "IceScope's and Qt's own (qtbase_de) catalogues"
    window = MainWindow(Settings(journal_dir=tmp_path))
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Datei", "&Sitzung", "&Ansicht", "Sz&enario", "&Hilfe"]
    session_menu = window.findChild(QMenu, "session-menu")
    entries = [a.text() for a in session_menu.actions() if a.text()]
    assert "&ICE neu starten" in entries and "&Beenden" in entries
    for menu in (session_menu, window.findChild(QMenu, "help-menu")):
        letters = [t[t.index("&") + 1].lower() for t in (a.text() for a in menu.actions()) if t]
        assert len(letters) == len(set(letters)), f"German mnemonics repeat: {letters}"
    assert window.findChild(QAction, "quit-action").shortcut().toString() == "Ctrl+Q"
    assert window.session_label.text() == "Keine Sitzung"
    assert window.minimumSizeHint().width() <= 1280  # German words still fit a laptop screen
    assert window.panels[next(iter(window.panels))].title() == "Lokaler Peer (diese App)"
    assert texts.meaning(IceConnectionState.CLOSED) == (
        "Der ICE-Agent wurde beendet und beantwortet keine STUN-Anfragen mehr."
    )
    indicator = window.panels[next(iter(window.panels))].indicator
    assert indicator.accessibleName().startswith("ICE-Verbindungszustand des lokalen Peers: new")
    # Qt's own catalogue: standard buttons are German too.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    # The quit question in German (its buttons and the "don't ask again" box).
    guard = QuitGuard(window)
    guard._open()
    assert guard.box is not None
    assert guard.box.checkBox().text() == "Nicht mehr fragen"
    assert "Eine Sitzung läuft noch" in guard.box.text()
    guard.box.close()


def test_all_seven_meanings_are_german(german) -> None:
    for state in IceConnectionState:
        german_text = texts.meaning(state)
        assert german_text != ICE_MEANINGS[state]
        assert (
            "ICE-Agent" in german_text
            or "Verbindung" in german_text
            or "Prüfungen" in (german_text)
        ), german_text
