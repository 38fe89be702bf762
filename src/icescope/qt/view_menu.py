"""View menu: show or hide the window's panels, remembered across restarts.

The peer panels, the impair panel, the legend and the timeline can each be hidden (a tester on a
small screen who watches only the log, or one who wants the timeline tall); the log always stays.
Which ones are hidden is kept in the settings file's ``ui`` section (``hidden_panels``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from .i18n import QT_TRANSLATE_NOOP, translate
from .window_layout import insert_before_help

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QMainWindow, QWidget

PANELS: tuple[tuple[str, str, str], ...] = (
    ("peers", QT_TRANSLATE_NOOP("ViewMenu", "&Peer panels"), "Ctrl+Alt+1"),
    ("impair", QT_TRANSLATE_NOOP("ViewMenu", "&Impair panel"), "Ctrl+Alt+2"),
    ("legend", QT_TRANSLATE_NOOP("ViewMenu", "&Legend"), "Ctrl+Alt+3"),
    ("timeline", QT_TRANSLATE_NOOP("ViewMenu", "&Timeline"), "Ctrl+Alt+4"),
)
"""(name, menu text, shortcut) of each panel that can be hidden, in menu order."""
OPTION = "hidden_panels"


class Options(Protocol):
    """Where UI options are kept (the window's preferences)."""

    def option(self, name: str, default: Any) -> Any:
        """The option ``name`` or ``default``."""

    def set_option(self, name: str, value: Any) -> None:
        """Remember the option ``name``."""


def add_view_menu(
    window: QMainWindow, parts: dict[str, Sequence[QWidget]], options: Options | None
) -> QMenu:
    """Put a View menu before Help with one checkable action per entry of :data:`PANELS`.

    Args:
        window: the main window (its menu bar gets the menu).
        parts: the widgets behind each panel name.
        options: where the hidden panels are remembered (None: nowhere).
    """
    menu = QMenu(translate("ViewMenu", "&View"), window)
    menu.setObjectName("view-menu")
    insert_before_help(window.menuBar(), menu)
    stored = options.option(OPTION, []) if options is not None else []
    hidden = {name for name in stored if isinstance(name, str)}
    for name, text, keys in PANELS:
        action = QAction(translate("ViewMenu", text), window)
        action.setObjectName(f"view-{name}")
        action.setCheckable(True)
        action.setShortcut(QKeySequence(keys))
        action.setChecked(name not in hidden)
        widgets = parts[name]

        def toggled(shown: bool, name: str = name, widgets: Sequence[QWidget] = widgets) -> None:
            for widget in widgets:
                widget.setVisible(shown)
            if options is not None:
                now = set(options.option(OPTION, []) or []) - {name}
                options.set_option(OPTION, sorted(now if shown else now | {name}))

        action.toggled.connect(toggled)
        for widget in widgets:
            widget.setVisible(name not in hidden)
        menu.addAction(action)
    return menu
