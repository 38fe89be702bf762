"""QtSignalingPanel: how to reach the remote peer of the running session.

Browser mode: the page URL (clickable, Copy). TCP: the address to give the other IceScope.
Paste mode: IceScope's own offer/answer to copy, and a box for the remote's. *Apply* emits
:attr:`QtSignalingPanel.paste_requested`; the window hands the text to the session and shows
the verdict here (:meth:`~QtSignalingPanel.show_paste_accepted` / ``show_paste_refused``): a
refused paste shows the core's message in red and marks the line at fault.
Hidden for the embedded loopback peer, which needs nothing from the user.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.events import Listening, LocalDescription, Notice
from ...core.tcpaddress import redact

if TYPE_CHECKING:
    from ...core.config import Settings
    from ...core.events import SessionEvent

_ERROR = "color:#b00020; font-weight:600;"
_OK = "color:#1b6e20; font-weight:600;"
_BAD_LINE = QColor("#ffd6d6")


def _mono(parent: QWidget, *, read_only: bool, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setReadOnly(read_only)
    box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(120)
    return box


class QtSignalingPanel(QFrame):
    """The remote-peer strip of the main window.

    Args:
        parent: the owning widget.
    """

    paste_requested = Signal(str)
    """The user asks to apply the pasted remote description (the text as pasted)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalingPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._mode = "loopback"
        self._offers = True
        self._local_kind: str | None = None
        self._local_sdp = ""
        self.copied = ""
        """The last text put on the clipboard by a Copy button."""

        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight:600;")
        self.link = QLabel(self)
        self.link.setOpenExternalLinks(True)
        self.link.setWordWrap(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self._link_text = ""
        self.copy_link = QPushButton("Copy", self)
        self.copy_link.clicked.connect(lambda: self._copy(self._link_text))
        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.copy_link)

        self.paste_area = QWidget(self)
        self.local_label = QLabel(self.paste_area)
        self.local_box = _mono(self.paste_area, read_only=True, placeholder="Gathering candidates…")
        self.copy_local = QPushButton("Copy", self.paste_area)
        # Copy the SDP exactly as aiortc wrote it (CRLF, RFC 8866 §5); the box shows LF only.
        self.copy_local.clicked.connect(lambda: self._copy(self._local_sdp))
        self.remote_label = QLabel(self.paste_area)
        self.remote_box = _mono(
            self.paste_area,
            read_only=False,
            placeholder='Paste SDP here (v=0 …) or JSON {"type": …, "sdp": …}',
        )
        self.remote_box.textChanged.connect(self._clear_mark)
        self.apply = QPushButton("Apply", self.paste_area)
        self.apply.clicked.connect(self.apply_pasted)
        self.paste_status = QLabel(self.paste_area)
        self.paste_status.setWordWrap(True)
        grid = QGridLayout(self.paste_area)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.local_label, 0, 0)
        grid.addWidget(self.local_box, 1, 0)
        grid.addWidget(self.copy_local, 2, 0)
        grid.addWidget(self.remote_label, 0, 1)
        grid.addWidget(self.remote_box, 1, 1)
        grid.addWidget(self.apply, 2, 1)
        grid.addWidget(self.paste_status, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.title)
        layout.addLayout(link_row)
        layout.addWidget(self.paste_area)
        self.hide()

    # ------------------------------------------------------------------ set-up per session
    def configure(self, settings: Settings) -> None:
        """Show what ``settings.mode`` needs."""
        mode = self._mode = settings.mode
        self._offers = settings.paste_offers
        self._local_kind, self._local_sdp = None, ""
        self._set_link("", "")
        self.local_box.clear()
        self.remote_box.clear()
        self.remote_box.setReadOnly(False)
        self._status("", "")
        self.paste_area.setVisible(mode == "paste")
        if mode == "browser":
            who = "the browser offers" if settings.browser_offers else "IceScope offers"
            self.title.setText(f"Browser peer · {who}")
            self._set_link("Starting the page server…", "")
        elif mode == "tcp-listen":
            self.title.setText("Another IceScope over TCP · it connects and offers, we answer")
            self._set_link(f"Opening {redact(settings.remote_address or '')}…", "")
        elif mode == "tcp-connect":
            self.title.setText("Another IceScope over TCP · we connect and offer")
            where = redact(settings.remote_address or "")
            self._set_link(f"Connecting to {where} (retrying for 10 s)", "")
        elif mode == "manual":
            self.title.setText("Offer/answer files")
            self._set_link(f"Offer: {settings.offer_file} · answer: {settings.answer_file}", "")
        elif mode == "paste":
            who = "IceScope offers" if self._offers else "the remote offers"
            self.title.setText(f"Copy & paste signaling · {who}")
        self._label_paste_steps()
        self.setVisible(mode != "loopback")

    def show_event(self, event: SessionEvent) -> None:
        """Follow the session: the listening address and IceScope's own description."""
        if isinstance(event, Listening):
            self._show_listening(event)
        elif isinstance(event, Notice) and event.code == "start-failed":
            # Replace "Opening…"/"Starting…": nothing will come.
            self._set_link(f'<span style="{_ERROR}">{html.escape(event.message)}</span>', "")
        elif isinstance(event, LocalDescription) and self._mode == "paste":
            self._local_kind, self._local_sdp = event.kind, event.sdp
            self.local_box.setPlainText(event.sdp)
            self._label_paste_steps()

    def _show_listening(self, event: Listening) -> None:
        url = event.url
        if url.startswith("tcp://"):
            address = url.removeprefix("tcp://").partition("/")[0]
            self._set_link(
                f"Listening on <b>{html.escape(address)}</b> · in the other IceScope choose "
                "<i>Another IceScope: connect to it</i> with the URL <i>Copy</i> gives "
                "(it holds the token; use this machine's IP if it listens on 0.0.0.0)",
                url,
            )
        else:
            safe = html.escape(url, quote=True)
            self._set_link(f'Open this page in any browser: <a href="{safe}">{safe}</a>', url)

    def _set_link(self, rich: str, copy_text: str) -> None:
        self.link.setText(rich)
        self.link.setVisible(bool(rich))
        self._link_text = copy_text
        self.copy_link.setVisible(bool(copy_text))

    def _label_paste_steps(self) -> None:
        expected = "answer" if self._local_kind == "offer" else "offer"
        local_kind = self._local_kind or ("offer" if self._offers else "answer")
        first, second = ("①", "②") if self._offers else ("②", "①")
        self.local_label.setText(f"{first} IceScope's {local_kind}: copy it to the remote peer")
        self.remote_label.setText(f"{second} Paste the remote peer's {expected} here")
        self.copy_local.setText(f"Copy {local_kind}")
        self.apply.setText(f"Apply {expected}")
        if not self._offers and self._local_kind is None:
            self.local_box.setPlaceholderText("IceScope's answer appears here once you paste…")

    # ------------------------------------------------------------------ paste
    def apply_pasted(self) -> bool:
        """Ask for the pasted text to be applied (:attr:`paste_requested`); False if no paste."""
        if self._mode != "paste":
            return False
        self.paste_requested.emit(self.remote_box.toPlainText())
        return True

    def show_paste_accepted(self, kind: str) -> None:
        """The session took the pasted ``kind`` (``offer`` or ``answer``)."""
        self._status(
            f"✓ Remote {kind} accepted and handed to the peer connection: "
            "watch the ICE states above.",
            _OK,
        )

    def show_paste_refused(self, message: str, line: int | None = None) -> None:
        """The session refused the paste: say why, and mark ``line`` (1-based) if given."""
        self._status(f"Not applied: {message}", _ERROR)
        if line is not None:
            self._mark_line(line)

    def error_text(self) -> str:
        """The paste error shown, or empty."""
        text = self.paste_status.text()
        return text if text.startswith("Not applied") else ""

    def status_text(self) -> str:
        """The paste verdict shown (accepted or refused), or empty."""
        return self.paste_status.text()

    def marked_line(self) -> int | None:
        """The 1-based line of the paste box marked as faulty, if any."""
        selections = self.remote_box.extraSelections()
        if not selections:
            return None
        return selections[0].cursor.blockNumber() + 1

    def _mark_line(self, line: int) -> None:
        block = self.remote_box.document().findBlockByNumber(line - 1)
        if not block.isValid():
            return
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(_BAD_LINE)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        cursor = QTextCursor(block)
        selection.cursor = cursor
        self.remote_box.setExtraSelections([selection])
        self.remote_box.setTextCursor(cursor)
        self.remote_box.centerCursor()

    def _clear_mark(self) -> None:
        self.remote_box.setExtraSelections([])

    def _status(self, text: str, style: str) -> None:
        self.paste_status.setText(text)
        self.paste_status.setStyleSheet(style)
        self.paste_status.setVisible(bool(text))

    def _copy(self, text: str) -> None:
        self.copied = text
        QGuiApplication.clipboard().setText(text)
