"""QtImpairPanel: ask for network impairments (blackout, loss, delay) on one peer's ICE sockets.

The panel emits :class:`ImpairRequest` values; the window passes them to ``Session.impair``.
It shows what is active from the session model (folded ``Impairment`` events), never from its
own clicks, and is enabled from the engine's capabilities.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...core.events.base import DEFAULT_IMPAIR_PEER
from ..commands import NO_SESSION
from ..core_texts import impairment_label
from ..i18n import translate
from ..texts import peer_word
from ..texts import reason as translate_reason

if TYPE_CHECKING:
    from ...core.model import SessionModel


@dataclass(frozen=True, slots=True)
class ImpairRequest:
    """One request for ``Session.impair(peer, kind, direction=..., value=...)``."""

    peer: str
    """``local`` or ``remote``."""
    kind: str
    """``blackout``, ``loss``, ``delay`` or ``clear``."""
    direction: str = "both"
    """``in``, ``out`` or ``both``."""
    value: float = 0.0
    """Blackout length in s (0 = until cleared), loss %, or delay in ms."""


class QtImpairPanel(QGroupBox):
    """Blackout now / for N s, loss %, delay ms, clear; for a chosen peer and direction.

    Args:
        parent: the owning widget.
    """

    impair_requested = Signal(object)
    """An :class:`ImpairRequest`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("ImpairPanel", "Impair network"), parent)
        self.peer_combo = QComboBox(self)
        # Shown in the UI language, kept as the core's words (itemData) for the request.
        self.peer_combo.addItem(translate("ImpairPanel", "local"), "local")
        self.peer_combo.addItem(translate("ImpairPanel", "remote"), "remote")
        # the same default as the probe's flags
        self.peer_combo.setCurrentIndex(self.peer_combo.findData(DEFAULT_IMPAIR_PEER.value))
        self.peer_combo.setToolTip(translate("ImpairPanel", "Whose ICE sockets to impair"))
        self.direction_combo = QComboBox(self)
        self.direction_combo.addItem(translate("ImpairPanel", "both"), "both")
        self.direction_combo.addItem(translate("ImpairPanel", "in"), "in")
        self.direction_combo.addItem(translate("ImpairPanel", "out"), "out")
        self.direction_combo.setToolTip(
            translate("ImpairPanel", "in = packets arriving at that peer, out = leaving it")
        )

        self.blackout_now = QPushButton(translate("ImpairPanel", "Blackout now"), self)
        self.blackout_now.setToolTip(
            translate("ImpairPanel", "Drop every packet until you click Clear")
        )
        self.blackout_seconds = QDoubleSpinBox(self)
        self.blackout_seconds.setRange(0.1, 3600)
        self.blackout_seconds.setValue(5)
        self.blackout_seconds.setSuffix(" s")
        self.blackout_timed = QPushButton(translate("ImpairPanel", "Blackout for"), self)
        self.blackout_timed.setToolTip(
            translate("ImpairPanel", "Drop every packet for the given time, then restore")
        )
        self.loss_percent = QSpinBox(self)
        self.loss_percent.setRange(0, 100)
        self.loss_percent.setValue(20)
        self.loss_percent.setSuffix(" %")
        self.loss_apply = QPushButton(translate("ImpairPanel", "Set loss"), self)
        self.delay_ms = QSpinBox(self)
        self.delay_ms.setRange(0, 10_000)
        self.delay_ms.setSingleStep(50)
        self.delay_ms.setValue(200)
        self.delay_ms.setSuffix(" ms")
        self.delay_apply = QPushButton(translate("ImpairPanel", "Set delay"), self)
        self.clear_button = QPushButton(translate("ImpairPanel", "Clear all"), self)
        self.clear_button.setToolTip(
            translate("ImpairPanel", "Remove every impairment of this peer")
        )
        self.active_label = QLabel(translate("ImpairPanel", "No impairment active"), self)
        self.active_label.setWordWrap(True)
        self.setMaximumWidth(400)

        peer_label = QLabel(translate("ImpairPanel", "Peer"), self)
        direction_label = QLabel(translate("ImpairPanel", "Direction"), self)
        grid = QGridLayout(self)
        grid.addWidget(peer_label, 0, 0)
        grid.addWidget(self.peer_combo, 0, 1)
        grid.addWidget(direction_label, 0, 2)
        grid.addWidget(self.direction_combo, 0, 3)
        grid.addWidget(self.blackout_now, 1, 0, 1, 2)
        grid.addWidget(self.blackout_timed, 1, 2)
        grid.addWidget(self.blackout_seconds, 1, 3)
        grid.addWidget(self.loss_apply, 2, 0)
        grid.addWidget(self.loss_percent, 2, 1)
        grid.addWidget(self.delay_apply, 2, 2)
        grid.addWidget(self.delay_ms, 2, 3)
        grid.addWidget(self.clear_button, 3, 0, 1, 2)
        grid.addWidget(self.active_label, 3, 2, 1, 2)

        self.blackout_now.clicked.connect(lambda: self._request("blackout", 0.0))
        self.blackout_timed.clicked.connect(
            lambda: self._request("blackout", self.blackout_seconds.value())
        )
        self.loss_apply.clicked.connect(lambda: self._request("loss", self.loss_percent.value()))
        self.delay_apply.clicked.connect(lambda: self._request("delay", self.delay_ms.value()))
        self.clear_button.clicked.connect(lambda: self._request("clear", 0.0))
        # Everything but the summary line, which stays readable while disabled. (Not
        # findChildren(): it wraps every internal child of the spin boxes, ~4 ms per call.)
        self._controls: tuple[QWidget, ...] = (
            peer_label,
            direction_label,
            self.peer_combo,
            self.direction_combo,
            self.blackout_now,
            self.blackout_timed,
            self.blackout_seconds,
            self.loss_apply,
            self.loss_percent,
            self.delay_apply,
            self.delay_ms,
            self.clear_button,
        )
        self._active_text = ""
        self._available = True
        self._availability: tuple[bool, str] | None = None
        self._remote_why: str | None = ""
        self.set_available(False, NO_SESSION)
        self.set_remote_available(None)

    @property
    def available(self) -> bool:
        """True when the panel's controls are enabled."""
        return self._available

    def set_available(self, available: bool, reason: str = "") -> None:
        """Enable the panel, or disable it with ``reason`` as its tooltip."""
        if (available, reason) == self._availability:
            return
        self._availability = (available, reason)
        self._available = available
        for control in self._controls:
            control.setEnabled(available)
        self.setToolTip("" if available else translate_reason(reason))
        self._show_active()

    def set_remote_available(self, why_not: str | None) -> None:
        """Offer the remote peer as a target, or grey it out with ``why_not`` as its tooltip."""
        if why_not == self._remote_why:
            return
        self._remote_why = why_not
        item = self.peer_combo.model().item(1)  # type: ignore[attr-defined]
        item.setEnabled(why_not is None)
        item.setToolTip(translate_reason(why_not or ""))
        if why_not is not None and self.peer_combo.currentIndex() == 1:
            self.peer_combo.setCurrentIndex(0)
        tip = translate("ImpairPanel", "Whose ICE sockets to impair")
        if why_not is not None:
            tip = translate("ImpairPanel", "{0} (remote: {1})").format(
                tip, translate_reason(why_not)
            )
        self.peer_combo.setToolTip(tip)

    def _request(self, kind: str, value: float) -> None:
        self.impair_requested.emit(
            ImpairRequest(
                peer=str(self.peer_combo.currentData()),
                kind=kind,
                direction=str(self.direction_combo.currentData()),
                value=float(value),
            )
        )

    def show_model(self, model: SessionModel | None) -> None:
        """Show the impairments the model says are active on either peer."""
        active = []
        if model is not None:
            for peer in model.peers.values():
                for (_kind, _direction), event in sorted(peer.impairments.items()):
                    active.append(f"{peer_word(peer.peer)}: {impairment_label(event)}")
        self._active_text = (
            translate("ImpairPanel", "Active: {0}").format("; ".join(active)) if active else ""
        )
        self._show_active()

    def _show_active(self) -> None:
        available, reason = self._availability or (True, "")
        if self._active_text:
            self.active_label.setText(self._active_text)
        elif not available and reason:
            self.active_label.setText(translate_reason(reason))
        else:
            self.active_label.setText(translate("ImpairPanel", "No impairment active"))
