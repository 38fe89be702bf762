"""QtNoticeBanner: a non-modal strip for warnings and errors (never a traceback dialog)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ..i18n import translate
from ..theme import banner_style, is_dark

_STYLES = ("error", "warning")


class QtNoticeBanner(QFrame):
    """Shows the latest warning/error; hidden until there is one; dismissable.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.dismiss = QToolButton(self)
        self.dismiss.setText(translate("NoticeBanner", "Dismiss"))
        self.dismiss.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss)
        self.count = 0
        """Notices shown since the last dismissal."""
        self.level = ""
        """Level of the notice shown (``error`` or ``warning``); empty when hidden."""
        self._dark = is_dark()
        self.hide()

    def show_notice(self, level: str, message: str) -> None:
        """Show ``message``; an error is never replaced by a later warning until dismissed."""
        self.count += 1
        if self.level == "error" and level != "error":
            self._set_text(self.level, self.label.property("message") or "")
            return
        self.level = level if level in _STYLES else "warning"
        self.label.setProperty("message", message)
        self._set_text(self.level, message)
        self._restyle()
        self.show()

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

    def _set_text(self, level: str, message: str) -> None:
        more = (
            translate("NoticeBanner", "  (+{0} more in the log)").format(self.count - 1)
            if self.count > 1
            else ""
        )
        word = (
            translate("NoticeBanner", "Error")
            if level == "error"
            else translate("NoticeBanner", "Warning")
        )
        self.label.setText(f"<b>{word}:</b> {_escape(message)}{more}")

    def text(self) -> str:
        """The plain message currently shown."""
        return str(self.label.property("message") or "")

    def clear(self) -> None:
        """Hide the banner and reset the count."""
        self.count = 0
        self.level = ""
        self.label.setProperty("message", "")
        self.hide()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
