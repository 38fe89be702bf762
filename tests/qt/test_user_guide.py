"""Help → User guide (F1): bundled, in English and German, every link inside it, nothing fetched."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from icescope.core.config import Settings
from icescope.qt.i18n import install_translators
from icescope.qt.main_window import MainWindow
from icescope.qt.user_guide import GUIDE_DIR, JOURNAL_PLACEHOLDER, UserGuideDialog

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtGui import QTextDocument

SECTIONS = {"states", "panels", "impairments", "restart", "probe", "exit-codes", "journals"}
STATES = ("new", "checking", "connected", "completed", "disconnected", "failed", "closed")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []  # (tag.attr, value) of every href/src

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.refs.append((f"{tag}.{name}", value))


def _anchors(doc: QTextDocument) -> set[str]:
    """Every anchor name Qt's rich-text engine made of the document (what scrollToAnchor finds)."""
    names: set[str] = set()
    block = doc.begin()
    for _ in range(doc.blockCount()):
        it = block.begin()
        while not it.atEnd():
            names.update(it.fragment().charFormat().anchorNames())
            it += 1
        block = block.next()
    return names


@pytest.fixture(params=["en", "de"])
def language(request, qapp) -> Iterator[str]:
    installed = install_translators(qapp, request.param)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    install_translators(qapp, "en")


def test_f1_opens_the_guide_in_the_ui_language(qtbot, tmp_path: Path, language: str) -> None:
    window = MainWindow(Settings(journal_dir=tmp_path))
    qtbot.addWidget(window)
    help_menu = window.findChild(QMenu, "help-menu")
    action = window.findChild(QAction, "user-guide-action")
    assert action is not None and help_menu.actions()[0] is action  # first in Help
    assert action.shortcut().toString() == "F1"
    assert action.text() == {"en": "&User guide", "de": "&Benutzerhandbuch"}[language]
    action.trigger()
    dialog = window.findChild(UserGuideDialog, "user-guide")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.language == language
    text = dialog.browser.toPlainText()
    heading = {"en": "IceScope user guide", "de": "IceScope-Benutzerhandbuch"}[language]
    assert text.startswith(heading)
    assert dialog.windowTitle() == heading
    assert str(tmp_path) in text and JOURNAL_PLACEHOLDER not in text  # the real journal folder
    for state in STATES:
        assert re.search(rf"\b{state}\b", text), state
    action.trigger()  # again: the same window is raised, not a second one
    assert len(window.findChildren(UserGuideDialog)) == 1


@pytest.mark.parametrize("name", ["en", "de"])
def test_every_link_resolves_inside_the_guide_and_nothing_is_fetched(qtbot, name: str) -> None:
    source = (GUIDE_DIR / f"{name}.html").read_text(encoding="utf-8")
    links = _Links()
    links.feed(source)
    assert links.ids >= SECTIONS, SECTIONS - links.ids
    hrefs = [value for kind, value in links.refs if kind == "a.href"]
    assert len(hrefs) >= len(SECTIONS)  # the table of contents at least
    outside = [ref for ref in links.refs if not ref[1].startswith("#")]
    assert outside == [], "the guide links or loads something outside itself"
    dialog = UserGuideDialog(None, name)
    qtbot.addWidget(dialog)
    dialog.resize(600, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    anchors = _anchors(dialog.browser.document())
    bar = dialog.browser.verticalScrollBar()
    for href in hrefs:
        target = href[1:]
        assert target in anchors, f"{href} has no target in {name}.html"
        if target == "top":
            continue
        bar.setValue(0)
        dialog.browser.anchorClicked.emit(QUrl(href))  # what a click on the link does
        assert bar.value() > 0, f"{href} did not scroll"
    assert dialog.browser.requested == []  # no image, style sheet or page was asked for


def test_the_browser_refuses_resources_and_external_links_stay_out(qtbot) -> None:
    dialog = UserGuideDialog(None, "en")
    qtbot.addWidget(dialog)
    dialog.browser.setHtml('<img src="http://127.0.0.1:9/x.png"><a href="#x">x</a>')
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: bool(dialog.browser.requested), timeout=2000)
    assert {QUrl(u).toString() for u in dialog.browser.requested} == {"http://127.0.0.1:9/x.png"}
    before = dialog.browser.toHtml()
    dialog.browser.anchorClicked.emit(QUrl("#x"))
    assert dialog.browser.toHtml() == before  # following a link never replaces the page


def test_the_guide_is_package_data() -> None:
    # The wheel, the editable install and the PyInstaller bundle (collect_data_files) carry
    # what pyproject's package-data lists.
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    assert "qt/guide/*.html" in data["tool"]["setuptools"]["package-data"]["icescope"]
    assert sorted(p.name for p in GUIDE_DIR.glob("*.html")) == ["de.html", "en.html"]
