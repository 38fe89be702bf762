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
from ..core_texts import notice_text
from ..i18n import translate
from ..theme import is_dark, notice_style

if TYPE_CHECKING:
    from ...core.config import Settings
    from ...core.events import SessionEvent

_ERROR = "error"
_OK = "ok"


def _not_applied() -> str:
    return translate("SignalingPanel", "Not applied: {0}")


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
        self._address = ""
        self._status_level = ""
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
        self.copy_link = QPushButton(translate("SignalingPanel", "Copy"), self)
        self.copy_link.clicked.connect(lambda: self._copy(self._link_text))
        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.copy_link)

        self.paste_area = QWidget(self)
        self.local_label = QLabel(self.paste_area)
        self.local_box = _mono(
            self.paste_area,
            read_only=True,
            placeholder=translate("SignalingPanel", "Gathering candidates…"),
        )
        self.copy_local = QPushButton(translate("SignalingPanel", "Copy"), self.paste_area)
        # Copy the SDP exactly as aiortc wrote it (CRLF, RFC 8866 §5); the box shows LF only.
        self.copy_local.clicked.connect(lambda: self._copy(self._local_sdp))
        self.remote_label = QLabel(self.paste_area)
        self.remote_box = _mono(
            self.paste_area,
            read_only=False,
            placeholder=translate(
                "SignalingPanel", 'Paste SDP here (v=0 …) or JSON {"type": …, "sdp": …}'
            ),
        )
        self.remote_box.textChanged.connect(self._clear_mark)
        self.apply = QPushButton(translate("SignalingPanel", "Apply"), self.paste_area)
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
        self._address = redact(settings.remote_address or "")
        self._offers = settings.paste_offers
        self._local_kind, self._local_sdp = None, ""
        self._set_link("", "")
        self.local_box.clear()
        self.remote_box.clear()
        self.remote_box.setReadOnly(False)
        self._status("", "")
        self.paste_area.setVisible(mode == "paste")
        if mode == "browser":
            self.title.setText(
                translate("SignalingPanel", "Browser peer · the browser offers")
                if settings.browser_offers
                else translate("SignalingPanel", "Browser peer · IceScope offers")
            )
            self._set_link(translate("SignalingPanel", "Starting the page server…"), "")
        elif mode == "tcp-listen":
            self.title.setText(
                translate(
                    "SignalingPanel",
                    "Another IceScope over TCP · it connects and offers, we answer",
                )
            )
            self._set_link(
                translate("SignalingPanel", "Opening {0}…").format(
                    redact(settings.remote_address or "")
                ),
                "",
            )
        elif mode == "tcp-connect":
            self.title.setText(
                translate("SignalingPanel", "Another IceScope over TCP · we connect and offer")
            )
            self._set_link(
                translate("SignalingPanel", "Connecting to {0} (retrying for 10 s)").format(
                    redact(settings.remote_address or "")
                ),
                "",
            )
        elif mode == "manual":
            self.title.setText(translate("SignalingPanel", "Offer/answer files"))
            self._set_link(
                translate("SignalingPanel", "Offer: {0} · answer: {1}").format(
                    settings.offer_file, settings.answer_file
                ),
                "",
            )
        elif mode == "paste":
            self.title.setText(
                translate("SignalingPanel", "Copy & paste signaling · IceScope offers")
                if self._offers
                else translate("SignalingPanel", "Copy & paste signaling · the remote offers")
            )
        self._label_paste_steps()
        self.setVisible(mode != "loopback")

    def show_event(self, event: SessionEvent) -> None:
        """Follow the session: the listening address and IceScope's own description."""
        if isinstance(event, Listening):
            self._show_listening(event)
        elif isinstance(event, Notice) and (
            event.code == "start-failed"
            or (event.code == "signaling-lost" and self._mode == "tcp-connect")
        ):
            # Replace "Opening…"/"Starting…"/"Connecting… (retrying)": nothing will come.
            style = notice_style(_ERROR, is_dark(self.palette()))
            self._set_link(f'<span style="{style}">{html.escape(notice_text(event))}</span>', "")
        elif isinstance(event, Notice) and event.code == "signaling-connected":
            self._set_link(
                translate("SignalingPanel", "Connected to {0}").format(html.escape(self._address)),
                "",
            )
        elif isinstance(event, LocalDescription) and self._mode == "paste":
            self._local_kind, self._local_sdp = event.kind, event.sdp
            self.local_box.setPlainText(event.sdp)
            self._label_paste_steps()

    def _show_listening(self, event: Listening) -> None:
        url = event.url
        if url.startswith("tcp://"):
            address = url.removeprefix("tcp://").partition("/")[0]
            self._set_link(
                translate(
                    "SignalingPanel",
                    "Listening on <b>{0}</b> · in the other IceScope choose "
                    "<i>Another IceScope: connect to it</i> with the URL <i>Copy</i> gives "
                    "(it holds the token; use this machine's IP if it listens on 0.0.0.0)",
                ).format(html.escape(address)),
                url,
            )
        else:
            safe = html.escape(url, quote=True)
            self._set_link(
                translate(
                    "SignalingPanel", 'Open this page in any browser: <a href="{0}">{0}</a>'
                ).format(safe),
                url,
            )

    def _set_link(self, rich: str, copy_text: str) -> None:
        self.link.setText(rich)
        self.link.setVisible(bool(rich))
        self._link_text = copy_text
        self.copy_link.setVisible(bool(copy_text))

    def _label_paste_steps(self) -> None:
        expected = "answer" if self._local_kind == "offer" else "offer"
        local_kind = self._local_kind or ("offer" if self._offers else "answer")
        first, second = ("①", "②") if self._offers else ("②", "①")
        self.local_label.setText(
            translate("SignalingPanel", "{0} IceScope's {1}: copy it to the remote peer").format(
                first, local_kind
            )
        )
        self.remote_label.setText(
            translate("SignalingPanel", "{0} Paste the remote peer's {1} here").format(
                second, expected
            )
        )
        self.copy_local.setText(translate("SignalingPanel", "Copy {0}").format(local_kind))
        self.apply.setText(translate("SignalingPanel", "Apply {0}").format(expected))
        if not self._offers and self._local_kind is None:
            self.local_box.setPlaceholderText(
                translate("SignalingPanel", "IceScope's answer appears here once you paste…")
            )

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
            translate(
                "SignalingPanel",
                "✓ Remote {0} accepted and handed to the peer connection: "
                "watch the ICE states above.",
            ).format(kind),
            _OK,
        )

    def show_paste_refused(self, message: str, line: int | None = None) -> None:
        """The session refused the paste: say why, and mark ``line`` (1-based) if given."""
        self._status(_not_applied().format(message), _ERROR)
        if line is not None:
            self._mark_line(line)

    def error_text(self) -> str:
        """The paste error shown, or empty."""
        text = self.paste_status.text()
        return text if self._status_level == _ERROR else ""

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

    def _status(self, text: str, level: str) -> None:
        self._status_level = level
        self.paste_status.setText(text)
        self.paste_status.setStyleSheet(
            notice_style(level, is_dark(self.palette())) if level else ""
        )
        self.paste_status.setVisible(bool(text))

    def _copy(self, text: str) -> None:
        self.copied = text
        QGuiApplication.clipboard().setText(text)
