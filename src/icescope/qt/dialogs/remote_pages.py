"""QtRemotePages: the fields each remote-peer mode needs, one page per mode."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from ..i18n import translate
from .session_form import MODE_LABELS, SessionForm


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class QtRemotePages(QStackedWidget):
    """One page of fields per :data:`~.session_form.MODE_LABELS` entry.

    Args:
        parent: the owning widget.
    """

    changed = Signal()
    """A field changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index: dict[str, int] = {}
        self.browse_buttons: dict[str, QPushButton] = {}
        self.listen = QLineEdit(self)
        self.listen.setPlaceholderText(
            translate("RemotePages", "HOST:PORT, e.g. 0.0.0.0:7400 (port 0: any free port)")
        )
        self.connect_to = QLineEdit(self)
        self.connect_to.setPlaceholderText(
            translate("RemotePages", "tcp://HOST:PORT/?token=… as the listener shows it")
        )
        self.browser_host = QLineEdit(self)
        self.browser_port = QSpinBox(self)
        self.browser_port.setRange(0, 65535)
        self.browser_port.setSpecialValueText(translate("RemotePages", "any free port"))
        self.browser_offers = QCheckBox(
            translate("RemotePages", "The browser sends the offer (IceScope answers)"), self
        )
        self.paste_we_offer = QRadioButton(
            translate("RemotePages", "IceScope writes the offer; I paste the answer"), self
        )
        self.paste_they_offer = QRadioButton(
            translate("RemotePages", "I paste the remote's offer; IceScope answers"), self
        )
        self.offer_file = QLineEdit(self)
        self.answer_file = QLineEdit(self)

        pages: dict[str, list[QWidget | tuple[str, QWidget]]] = {
            "loopback": [
                _hint(
                    translate(
                        "RemotePages",
                        "Both peers run in this app over in-memory signaling; "
                        "ICE uses 127.0.0.1 only. Good for trying impairments.",
                    ),
                    self,
                )
            ],
            "browser": [
                (translate("RemotePages", "Serve the page on"), self.browser_host),
                (translate("RemotePages", "Port"), self.browser_port),
                self.browser_offers,
                _hint(
                    translate(
                        "RemotePages",
                        "Once started, the page URL appears in the window with a Copy button.",
                    ),
                    self,
                ),
            ],
            "tcp-listen": [
                (translate("RemotePages", "Listen on"), self.listen),
                _hint(
                    translate(
                        "RemotePages",
                        "Port 0 picks a free port; the window then shows the address to give "
                        "the other IceScope (Connect to it).",
                    ),
                    self,
                ),
            ],
            "tcp-connect": [
                (translate("RemotePages", "Connect to"), self.connect_to),
                _hint(
                    translate(
                        "RemotePages",
                        "Retries for 10 s while the other IceScope is not listening yet.",
                    ),
                    self,
                ),
            ],
            "paste": [
                self.paste_we_offer,
                self.paste_they_offer,
                _hint(
                    translate(
                        "RemotePages", "Text boxes for both descriptions appear in the window."
                    ),
                    self,
                ),
            ],
            "manual": [
                (
                    translate("RemotePages", "Offer file"),
                    self._with_browse(self.offer_file, "offer"),
                ),
                (
                    translate("RemotePages", "Answer file"),
                    self._with_browse(self.answer_file, "answer"),
                ),
                _hint(
                    translate(
                        "RemotePages", "If the offer file exists at start, IceScope answers it."
                    ),
                    self,
                ),
            ],
        }
        for mode in MODE_LABELS:
            page = QWidget(self)
            layout = QFormLayout(page)
            layout.setContentsMargins(0, 4, 0, 4)
            for entry in pages[mode]:
                if isinstance(entry, tuple):
                    layout.addRow(entry[0], entry[1])
                else:
                    layout.addRow(entry)
            self.index[mode] = self.addWidget(page)
        for edit in (self.listen, self.connect_to, self.browser_host, self.offer_file):
            edit.textChanged.connect(lambda _t: self.changed.emit())
        self.answer_file.textChanged.connect(lambda _t: self.changed.emit())
        self.browser_port.valueChanged.connect(lambda _v: self.changed.emit())
        for box in (self.browser_offers, self.paste_we_offer):
            box.toggled.connect(lambda _c: self.changed.emit())

    def _with_browse(self, edit: QLineEdit, kind: str) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(translate("RemotePages", "Browse…"), holder)
        self.browse_buttons[kind] = button

        def browse() -> None:
            # Non-blocking, like the session dialog itself (no nested event loop under qasync).
            caption = (
                translate("RemotePages", "Offer file")
                if kind == "offer"
                else translate("RemotePages", "Answer file")
            )
            picker = QFileDialog(self, caption, edit.text())
            picker.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            # The offer file may exist already (IceScope then answers it): no "replace?".
            picker.setOption(QFileDialog.Option.DontConfirmOverwrite)
            picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            picker.fileSelected.connect(edit.setText)
            picker.open()

        button.clicked.connect(browse)
        row.addWidget(button)
        return holder

    def show_mode(self, mode: str) -> None:
        """Show the page of ``mode``."""
        self.setCurrentIndex(self.index.get(mode, 0))

    def set_form(self, form: SessionForm) -> None:
        """Fill every page from ``form``."""
        self.listen.setText(form.listen_address)
        self.connect_to.setText(form.connect_address)
        self.browser_host.setText(form.browser_host)
        self.browser_port.setValue(form.browser_port)
        self.browser_offers.setChecked(form.browser_offers)
        (self.paste_we_offer if form.paste_offers else self.paste_they_offer).setChecked(True)
        self.offer_file.setText(form.offer_file)
        self.answer_file.setText(form.answer_file)
        self.show_mode(form.mode)

    def fill(self, form: SessionForm) -> None:
        """Copy every page's fields into ``form``."""
        form.listen_address = self.listen.text()
        form.connect_address = self.connect_to.text()
        form.browser_host = self.browser_host.text()
        form.browser_port = self.browser_port.value()
        form.browser_offers = self.browser_offers.isChecked()
        form.paste_offers = self.paste_we_offer.isChecked()
        form.offer_file = self.offer_file.text()
        form.answer_file = self.answer_file.text()
