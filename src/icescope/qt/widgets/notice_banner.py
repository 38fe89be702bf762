"""QtNoticeBanner: a non-modal strip for warnings and errors (never a traceback dialog).

A banner is tied to a *condition key*: the session model's open conditions
(:class:`~icescope.core.model.conditions.Conditions`, keyed by notice code) arrive through
:meth:`show_conditions`, so when the model closes a condition (the problem ended) its banner
goes too. Notices raised without a session use :meth:`show_notice` with their own key and
:meth:`resolve`. The strip keeps one fixed height and its room when hidden, so the layout around it
never moves; long texts are elided (the tooltip has all of it).
"""

from __future__ import annotations

from itertools import count
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ..i18n import translate
from ..theme import banner_style, is_dark

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtGui import QResizeEvent

_STYLES = ("error", "warning")
_keys = count()


class QtNoticeBanner(QFrame):
    """Shows the newest open problem (errors before warnings); empty when none; dismissable.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.label = QLabel(self)
        self.label.setWordWrap(False)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.dismiss = QToolButton(self)
        self.dismiss.setText(translate("NoticeBanner", "Dismiss"))
        self.dismiss.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 6, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # hidden, it keeps its room: nothing moves
        self.setSizePolicy(policy)
        self.setFixedHeight(max(self.dismiss.sizeHint().height(), self.fontMetrics().height()) + 6)
        self._open: dict[str, tuple[str, str]] = {}
        """Open conditions: key -> (level, message), oldest first."""
        self._model_keys: set[str] = set()
        """Keys that came from the model (:meth:`show_conditions` closes the missing ones)."""
        self._dismissed: dict[str, tuple[str, str]] = {}
        """What the user dismissed, by key (shown again only if it changes)."""
        self.level = ""
        """Level of the notice shown (``error`` or ``warning``); empty when nothing is."""
        self._message = ""
        self._dark = is_dark()
        self._render()

    # ------------------------------------------------------------------ conditions
    @property
    def count(self) -> int:
        """Problems open and not dismissed."""
        return len(self._visible())

    @property
    def keys(self) -> list[str]:
        """Keys of the problems shown (open and not dismissed), oldest first."""
        return list(self._visible())

    def show_notice(self, level: str, message: str, key: str | None = None) -> None:
        """Open (or replace) the condition ``key`` (a fresh key when None) and show it."""
        key = f"notice-{next(_keys)}" if key is None else key
        self._open.pop(key, None)
        self._open[key] = (level if level in _STYLES else "warning", message)
        self._render()

    def resolve(self, key: str) -> None:
        """The problem ``key`` ended: its banner goes (another open one shows instead)."""
        self._open.pop(key, None)
        self._dismissed.pop(key, None)
        self._model_keys.discard(key)
        self._render()

    def show_conditions(self, conditions: Mapping[str, tuple[str, str]]) -> None:
        """Follow the model's open conditions (key -> (level, shown text))."""
        for key in self._model_keys - set(conditions):
            self._open.pop(key, None)
            self._dismissed.pop(key, None)
        for key, (level, message) in conditions.items():
            if self._open.get(key) != (level, message):
                self._open.pop(key, None)
                self._open[key] = (level if level in _STYLES else "warning", message)
        self._model_keys = set(conditions)
        self._render()

    def clear(self) -> None:
        """Dismiss what is open (a problem that changes or comes back shows again)."""
        self._dismissed.update(self._open)
        for key in [k for k in self._open if k not in self._model_keys]:
            del self._open[key]  # window notices end when dismissed
        self._render()

    def reset(self) -> None:
        """Forget every condition (a new session starts)."""
        self._open.clear()
        self._dismissed.clear()
        self._model_keys.clear()
        self._render()

    def text(self) -> str:
        """The plain message currently shown (empty when none)."""
        return self._message

    def _visible(self) -> dict[str, tuple[str, str]]:
        return {k: v for k, v in self._open.items() if self._dismissed.get(k) != v}

    # ------------------------------------------------------------------ drawing
    def _render(self) -> None:
        visible = self._visible()
        errors = [v for v in visible.values() if v[0] == "error"]
        shown = (errors or list(visible.values()) or [("", "")])[-1]
        self.level, self._message = shown
        if not self.level:
            self.label.clear()
            self.label.setToolTip("")
            self.hide()  # its room stays (retainSizeWhenHidden)
            return
        self._restyle()
        self.show()
        self._set_text(len(visible))

    def _restyle(self) -> None:
        # The application's palette: this widget's own is changed by its style sheet.
        self._dark = is_dark()
        if self.level:
            style = banner_style(self.level, self._dark)
            self.setStyleSheet(f"#noticeBanner {{{style}}} QLabel {{border:none;}}")

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system switching between light and dark (restyle once per switch)."""
        if event.type() == QEvent.Type.PaletteChange and is_dark() != self._dark:
            self._restyle()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Elide the text again for the new width."""
        super().resizeEvent(event)
        if self.level:
            self._set_text(len(self._visible()))

    def _set_text(self, shown: int) -> None:
        more = (
            translate("NoticeBanner", "  (+{0} more in the log)").format(shown - 1)
            if shown > 1
            else ""
        )
        word = (
            translate("NoticeBanner", "Error")
            if self.level == "error"
            else translate("NoticeBanner", "Warning")
        )
        metrics = self.label.fontMetrics()
        room = max(40, self.label.width() - metrics.horizontalAdvance(f"{word}: {more}") - 8)
        line = " ".join(self._message.split())
        elided = (  # laid out: elided to its width; not on screen yet: all of it
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
            if self.label.isVisible()
            else line
        )
        self.label.setText(f"<b>{word}:</b> {_escape(elided)}{_escape(more)}")
        self.label.setToolTip(self._message if elided != line else "")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
