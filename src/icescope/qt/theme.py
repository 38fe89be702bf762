"""Light and dark: text colours that stay readable on the system palette (WCAG 2.x, ≥ 4.5:1).

A state keeps its hue and its shape in both palettes (``state_style.LOOKS``); its *word* is drawn
in a darker tone of that hue on a light palette and a lighter one on a dark palette, each chosen
so that the contrast against the window, the base (tables) and the indicator's tinted
background is at least 4.5:1 (``tests/qt/test_contrast.py`` computes it for every state). Notice
colours (banner, log rows, form errors) follow the same rule.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from . import state_style as s

TEXT_ON_LIGHT: Final[dict[str, str]] = {
    s.GREY: "#575c66",
    s.BLUE: "#1a5ba8",
    s.GREEN: "#166428",
    s.TEAL: "#0c6450",
    s.ORANGE: "#874a00",
    s.RED: "#a82222",
    s.DARK: "#414650",
    s.STALE_COLOR: "#575a62",
}
"""Word colour per state colour on a light palette."""

TEXT_ON_DARK: Final[dict[str, str]] = {
    s.GREY: "#b9bec7",
    s.BLUE: "#9cc2ff",
    s.GREEN: "#86dfa3",
    s.TEAL: "#7cdcc5",
    s.ORANGE: "#ffbd66",
    s.RED: "#ff9e9e",
    s.DARK: "#cdd1d8",
    s.STALE_COLOR: "#b8bbc2",
}
"""Word colour per state colour on a dark palette."""

NOTICE_TEXT: Final[dict[bool, dict[str, str]]] = {
    False: {"error": "#a82222", "warning": "#874a00", "ok": "#166428"},
    True: {"error": "#ff9e9e", "warning": "#ffbd66", "ok": "#86dfa3"},
}
"""Notice text colours, by ``dark`` then level."""

NOTICE_BACKGROUND: Final[dict[bool, dict[str, str]]] = {
    False: {"error": "#fde7e7", "warning": "#fff4e0"},
    True: {"error": "#4a2222", "warning": "#463415"},
}
"""Background of a notice (banner, its log row), by ``dark`` then level."""

NOTICE_BORDER: Final[dict[bool, dict[str, str]]] = {
    False: {"error": "#e3a3a3", "warning": "#e8c27a"},
    True: {"error": "#8a4545", "warning": "#8a6a2a"},
}


def is_dark(palette: QPalette | None = None) -> bool:
    """True when ``palette`` (default: the application's) has a dark window colour."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def state_text(look_color: str, dark: bool) -> QColor:
    """The colour of a state's word whose look colour is ``look_color`` (see ``LOOKS``)."""
    table = TEXT_ON_DARK if dark else TEXT_ON_LIGHT
    return QColor(table.get(look_color, table[s.GREY]))


def notice_style(level: str, dark: bool, *, bold: bool = True) -> str:
    """A Qt style sheet for text of a notice ``level`` (``error``, ``warning``, ``ok``)."""
    weight = " font-weight:600;" if bold else ""
    return f"color:{NOTICE_TEXT[dark][level]};{weight}"


def banner_style(level: str, dark: bool) -> str:
    """Background, border and text of the notice banner at ``level``."""
    return (
        f"background:{NOTICE_BACKGROUND[dark][level]}; "
        f"border:1px solid {NOTICE_BORDER[dark][level]}; color:{NOTICE_TEXT[dark][level]};"
    )


def relative_luminance(color: QColor) -> float:
    """WCAG 2.x relative luminance of ``color`` (0 black … 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2.x contrast ratio of two colours (1 … 21)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(top: QColor, bottom: QColor, alpha: float) -> QColor:
    """``top`` painted with opacity ``alpha`` over ``bottom``."""
    return QColor.fromRgbF(
        top.redF() * alpha + bottom.redF() * (1 - alpha),
        top.greenF() * alpha + bottom.greenF() * (1 - alpha),
        top.blueF() * alpha + bottom.blueF() * (1 - alpha),
    )
