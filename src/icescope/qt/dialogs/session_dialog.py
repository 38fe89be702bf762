"""QtSessionDialog: choose the remote peer, ICE servers, consent timings and host candidates.

The dialog only renders a :class:`~.session_form.SessionForm`; :func:`~.session_form.check_form`
decides what is valid. Errors appear in red under the section they concern, warnings in amber,
and *Start session* stays disabled until every section is valid.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.netif import list_interfaces
from ..i18n import translate
from ..theme import is_dark, notice_style
from ..widgets.one_line import FixedLinesLabel
from .host_picker import QtHostPicker
from .remote_pages import QtRemotePages
from .server_table import QtServerTable
from .session_form import (
    MODE_LABELS,
    SECTIONS,
    FormCheck,
    SessionForm,
    check_form,
    form_from_settings,
    who_offers,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import SignalInstance

    from ...core.config import Settings
    from ...core.netif import Interface

logger = logging.getLogger(__name__)


def _message_label(level: str, parent: QWidget) -> QLabel:
    label = FixedLinesLabel(parent) if level == "error" else QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(notice_style(level, is_dark(parent.palette()), bold=level == "error"))
    label.setObjectName(level)
    if level != "error":  # an error line is always there (empty when none): it moves nothing
        label.hide()
    return label


def _hint_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _seconds(parent: QWidget, tip: str) -> QDoubleSpinBox:
    # Wide range on purpose: IceTimings, not the spin box, says what is wrong with a value.
    box = QDoubleSpinBox(parent)
    box.setRange(0.0, 3600.0)
    box.setDecimals(2)
    box.setSingleStep(0.5)
    box.setSuffix(" s")
    box.setToolTip(tip)
    return box


class QtSessionDialog(QDialog):
    """The New session dialog, pre-filled from the current settings.

    Args:
        settings: the current settings (pre-fill; also supplies fields the dialog lacks).
        interfaces: host interfaces to offer; default: the machine's.
        parent: the owning widget.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        interfaces: Sequence[Interface] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SessionDialog", "New session — IceScope"))
        self.base = settings
        self.result_settings: Settings | None = None
        """The settings chosen, once the dialog was accepted."""
        if interfaces is None:
            try:
                interfaces = list_interfaces()
            except OSError:
                logger.exception("cannot list network interfaces")
                interfaces = []
        self.errors = {s: _message_label("error", self) for s in SECTIONS}
        self.warnings = {s: _message_label("warning", self) for s in SECTIONS}

        self.mode = QComboBox(self)
        for key, text in MODE_LABELS.items():
            self.mode.addItem(translate("SessionForm", text).replace("&&", "&"), key)
        self.pages = QtRemotePages(self)
        self.offers = QLabel(self)
        self.offers.setWordWrap(True)
        self.offers.setStyleSheet("font-weight:600; padding:2px 0;")
        remote = QGroupBox(translate("SessionDialog", "Remote peer"), self)
        remote_layout = QVBoxLayout(remote)
        remote_layout.addWidget(self.mode)
        remote_layout.addWidget(self.offers)
        remote_layout.addWidget(self.pages)
        remote_layout.addWidget(self.errors["remote"])
        remote_layout.addWidget(self.warnings["remote"])
        remote_layout.addStretch(1)

        self.hosts = QtHostPicker(interfaces, self)
        hosts = QGroupBox(
            translate("SessionDialog", "Host candidates (local addresses offered to the peer)"),
            self,
        )
        hosts_layout = QVBoxLayout(hosts)
        hosts_layout.addWidget(self.hosts)
        hosts_layout.addWidget(self.errors["hosts"])
        hosts_layout.addWidget(self.warnings["hosts"])

        self.servers = QtServerTable(self)
        self.relay_only = QCheckBox(
            translate("SessionDialog", "Relay only (iceTransportPolicy = relay: TURN candidates)")
        )
        servers = QGroupBox(translate("SessionDialog", "STUN / TURN servers"), self)
        servers_layout = QVBoxLayout(servers)
        note = QLabel(
            translate(
                "SessionDialog",
                "None by default: IceScope never contacts a public STUN server by itself.",
            )
        )
        note.setWordWrap(True)
        servers_layout.addWidget(note)
        servers_layout.addWidget(self.servers)
        servers_layout.addWidget(self.relay_only)
        servers_layout.addWidget(self.errors["servers"])
        servers_layout.addWidget(self.warnings["servers"])

        self.keepalive = _seconds(
            self, translate("SessionDialog", "Seconds between consent checks (randomised ×0.8-1.2)")
        )
        self.disconnected = _seconds(
            self, translate("SessionDialog", "No authenticated response this long → disconnected")
        )
        self.failed = _seconds(
            self, translate("SessionDialog", "No response this long → failed (RFC 7675 §5.1: 30 s)")
        )
        self.defaults_button = QPushButton(translate("SessionDialog", "Restore defaults"), self)
        self.defaults_button.clicked.connect(self._default_timings)
        timings = QGroupBox(
            translate("SessionDialog", "Consent / liveness timings (RFC 7675)"), self
        )
        timings_layout = QFormLayout(timings)
        timings_layout.addRow(translate("SessionDialog", "Consent check every"), self.keepalive)
        timings_layout.addRow(translate("SessionDialog", "Disconnected after"), self.disconnected)
        timings_layout.addRow(translate("SessionDialog", "Failed after"), self.failed)
        self.pac = _seconds(
            self,
            translate(
                "SessionDialog",
                "ICE PAC (RFC 8863): never failed sooner after checks start; a path that never "
                "worked fails at this time (1-600 s)",
            ),
        )
        timings_layout.addRow(translate("SessionDialog", "No path: failed after"), self.pac)
        self.stats_interval = _seconds(
            self,
            translate(
                "SessionDialog", "Seconds between statistics samples of each peer (0.05-60 s)"
            ),
        )
        self.stats_interval.setSpecialValueText(translate("SessionDialog", "off"))
        timings_layout.addRow(translate("SessionDialog", "Statistics every"), self.stats_interval)
        timings_layout.addRow("", self.defaults_button)
        timings_layout.addRow(
            _hint_label(
                translate(
                    "SessionDialog",
                    "Shorter timeouts report an outage sooner; each must exceed the one before "
                    "(disconnected > 1.2 × check interval, failed > disconnected).",
                ),
                self,
            )
        )
        timings_layout.addRow(self.errors["timings"])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(translate("SessionDialog", "Start session"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        grid = QGridLayout()
        grid.addWidget(remote, 0, 0)
        grid.addWidget(hosts, 1, 0)
        grid.addWidget(servers, 0, 1)
        grid.addWidget(timings, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        # Equal rows: a line appearing in one section takes the room it has, not its
        # neighbour's (without this every section moves when an error shows)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.errors["settings"])
        layout.addWidget(self.buttons)

        self.set_form(form_from_settings(settings))
        self.mode.currentIndexChanged.connect(self._on_mode)
        for signal in (
            self.pages.changed,
            self.hosts.changed,
            self.servers.changed,
            self.relay_only.toggled,
            self.keepalive.valueChanged,
            self.disconnected.valueChanged,
            self.failed.valueChanged,
            self.pac.valueChanged,
            self.stats_interval.valueChanged,
        ):
            signal.connect(self.revalidate)
        # Room to spare, so an error line moves nothing; never more than the screen has
        room = self.screen().availableGeometry()
        self.resize(min(980, room.width()), min(680, room.height() - 40))
        self.revalidate()

    # ------------------------------------------------------------------ form <-> widgets
    def set_form(self, form: SessionForm) -> None:
        """Show ``form`` in the widgets."""
        self.mode.setCurrentIndex(max(0, self.mode.findData(form.mode)))
        self.pages.set_form(form)
        self.servers.set_rows(form.servers)
        self.relay_only.setChecked(form.relay_only)
        self.keepalive.setValue(form.keepalive)
        self.disconnected.setValue(form.disconnected)
        self.failed.setValue(form.failed)
        self.pac.setValue(form.pac)
        self.stats_interval.setValue(form.stats_interval)
        self.hosts.set_selection(form.hosts, form.interfaces, form.addresses)
        self._on_mode()

    def form(self) -> SessionForm:
        """The widgets' current values."""
        form = SessionForm(mode=str(self.mode.currentData()))
        self.pages.fill(form)
        form.servers = self.servers.rows()
        form.relay_only = self.relay_only.isChecked()
        form.keepalive = self.keepalive.value()
        form.disconnected = self.disconnected.value()
        form.failed = self.failed.value()
        form.pac = self.pac.value()
        form.stats_interval = self.stats_interval.value()
        form.hosts = self.hosts.choice()
        form.interfaces = self.hosts.ticked("interface")
        form.addresses = self.hosts.ticked("address")
        return form

    def _default_timings(self) -> None:
        defaults = SessionForm()
        self.keepalive.setValue(defaults.keepalive)
        self.disconnected.setValue(defaults.disconnected)
        self.failed.setValue(defaults.failed)
        self.pac.setValue(defaults.pac)
        self.stats_interval.setValue(defaults.stats_interval)

    def _on_mode(self) -> None:
        self.pages.show_mode(str(self.mode.currentData()))
        self.revalidate()

    # ------------------------------------------------------------------ validation
    def revalidate(self) -> FormCheck:
        """Check the form, show every error/warning in place, enable OK only when valid."""
        form = self.form()
        check = check_form(form, self.base)
        self.offers.setText(translate("SessionDialog", "Who offers: {0}").format(who_offers(form)))
        for section in SECTIONS:
            for labels, texts in ((self.errors, check.errors), (self.warnings, check.warnings)):
                text = texts.get(section, "")
                labels[section].setText(text)
                if labels is not self.errors:
                    labels[section].setVisible(bool(text))
        self.ok_button.setEnabled(check.settings is not None)
        self.ok_button.setToolTip(
            ""
            if check.settings is not None
            else translate("SessionDialog", "Fix the errors shown in red first")
        )
        return check

    def error_text(self, section: str) -> str:
        """The error shown for ``section`` (empty if none)."""
        return self.errors[section].text()

    def warning_text(self, section: str) -> str:
        """The warning shown for ``section`` (empty if none)."""
        label = self.warnings[section]
        return label.text() if label.isVisibleTo(self) else ""

    def accept(self) -> None:
        """Accept only valid settings (also guards Enter while OK is disabled)."""
        check = self.revalidate()
        if check.settings is None:
            return
        self.result_settings = check.settings
        super().accept()


def open_session_dialog(
    settings: Settings, parent: QWidget, chosen: SignalInstance
) -> QtSessionDialog:
    """Open a window-modal :class:`QtSessionDialog` without blocking.

    ``chosen`` is emitted with the new :class:`~icescope.core.config.Settings` on accept.

    ``open()``, not ``exec()``: exec() would run a nested Qt event loop inside a running
    asyncio task, and qasync cannot step the session's other tasks from there.
    """
    dialog = QtSessionDialog(settings, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(_result: int) -> None:
        if dialog.result_settings is not None:
            chosen.emit(dialog.result_settings)

    dialog.finished.connect(done)
    dialog.open()
    return dialog
