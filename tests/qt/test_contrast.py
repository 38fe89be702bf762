"""Light and dark: every state word and notice text at least 4.5:1 (WCAG 2.x) on its background."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from icescope.core.states import IceConnectionState
from icescope.qt import theme
from icescope.qt.state_style import LOOKS, NOT_KNOWN, STALE_COLOR, look_of
from icescope.qt.widgets.state_indicator import QtStateIndicator

LIGHT = ("#efefef", "#ffffff", "#f7f7f7", "#e8e8e8")
"""Window, base, alternate base, a darker window (Fusion, GNOME, KDE light palettes)."""
DARK = ("#353535", "#2a2a2a", "#424242", "#1e1e1e", "#303030")
"""The same for dark palettes (Fusion dark, Adwaita dark, Breeze dark)."""
TINT = 22 / 255
"""The indicator fills its frame with the state colour at this opacity (state_indicator)."""


def test_known_contrast_values() -> None:
    # The formula itself: black on white is 21:1, equal colours 1:1.
    assert theme.contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert theme.contrast(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)
    assert theme.contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("dark", "backgrounds"), [(False, LIGHT), (True, DARK)])
@pytest.mark.parametrize("state", sorted({*LOOKS, "stale", "unknown"}))
def test_every_state_word_reads_at_4_5_to_1(
    dark: bool, backgrounds: tuple[str, ...], state: str
) -> None:
    look = {"stale": STALE_COLOR, "unknown": NOT_KNOWN.color}.get(state, look_of(state).color)
    text = theme.state_text(look, dark)
    for background in backgrounds:
        plain = QColor(background)
        tinted = theme.blend(QColor(look), plain, TINT)
        for where in (plain, tinted):
            ratio = theme.contrast(text, where)
            assert ratio >= 4.5, f"{state} {text.name()} on {where.name()}: {ratio:.2f}"


@pytest.mark.parametrize(("dark", "backgrounds"), [(False, LIGHT), (True, DARK)])
@pytest.mark.parametrize("level", ["error", "warning", "ok"])
def test_notice_texts_read_at_4_5_to_1(
    dark: bool, backgrounds: tuple[str, ...], level: str
) -> None:
    text = QColor(theme.NOTICE_TEXT[dark][level])
    grounds = [QColor(b) for b in backgrounds]
    if level in theme.NOTICE_BACKGROUND[dark]:
        grounds.append(QColor(theme.NOTICE_BACKGROUND[dark][level]))
    for ground in grounds:
        assert theme.contrast(text, ground) >= 4.5, f"{level} on {ground.name()}"


def _palette(window: str, text: str) -> QPalette:
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor(window))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor(text))
    return palette


@pytest.mark.parametrize(
    ("window", "text", "dark"), [("#efefef", "#000000", False), ("#2a2a2a", "#ffffff", True)]
)
def test_indicator_paints_the_word_in_the_palettes_tone(
    qtbot, window: str, text: str, dark: bool
) -> None:
    # Rendered, not only computed: the painted word has the theme's colour for this palette,
    # and the shape keeps the state's own colour (told apart by shape and word, not by hue).
    indicator = QtStateIndicator()
    qtbot.addWidget(indicator)
    indicator.setPalette(_palette(window, text))
    indicator.resize(340, 104)
    from icescope.core.model.peer import StateValue
    from icescope.core.states import Provenance

    indicator.show_value(StateValue("disconnected", 1.0, Provenance.DERIVED))
    image = indicator.grab().toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    word = theme.state_text(look_of("disconnected").color, dark).name()
    assert theme.is_dark(indicator.palette()) is dark
    assert word in colours
    assert look_of(IceConnectionState.DISCONNECTED.value).color in colours  # the triangle
