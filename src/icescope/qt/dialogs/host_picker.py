"""QtHostPicker: which local addresses become host candidates (all / loopback / ticked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ...core.netif import Interface

CHOICES = (
    (
        "all",
        QT_TRANSLATE_NOOP(
            "HostPicker", "All interfaces (aioice's default: every non-loopback address)"
        ),
    ),
    ("loopback", QT_TRANSLATE_NOOP("HostPicker", "Loopback only (127.0.0.1)")),
    ("selected", QT_TRANSLATE_NOOP("HostPicker", "Only the interfaces / addresses ticked below")),
)

_KIND = Qt.ItemDataRole.UserRole
_VALUE = Qt.ItemDataRole.UserRole + 1


class QtHostPicker(QWidget):
    """Radio choice plus a tree of interfaces and their addresses, each tickable.

    Ticking an interface selects every address it has now and later; ticking an address
    selects just that one (``AddressSelection.interfaces`` / ``.addresses``).

    Args:
        interfaces: what :func:`~icescope.core.netif.list_interfaces` found.
        parent: the owning widget.
    """

    changed = Signal()
    """The choice or a tick changed."""

    def __init__(self, interfaces: Sequence[Interface], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for key, text in CHOICES:
            radio = QRadioButton(translate("HostPicker", text), self)
            self.group.addButton(radio)
            self.radios[key] = radio
            layout.addWidget(radio)
            radio.toggled.connect(self._on_choice)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumHeight(90)
        self.items: dict[tuple[str, str], QTreeWidgetItem] = {}
        for interface in interfaces:
            parent_item = self._item(self.tree.invisibleRootItem(), "interface", interface.name)
            parent_item.setText(
                0, translate("HostPicker", "{0}  (whole interface)").format(interface.name)
            )
            for address in interface.addresses:
                self._item(parent_item, "address", address)
        self.tree.expandAll()
        self.tree.itemChanged.connect(lambda *_a: self.changed.emit())
        layout.addWidget(self.tree)
        self.radios["all"].setChecked(True)

    def _item(self, parent: QTreeWidgetItem, kind: str, value: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [value])
        item.setData(0, _KIND, kind)
        item.setData(0, _VALUE, value)
        # Independent ticks: an interface tick means "all its addresses", not a tri-state sum.
        item.setFlags(
            (item.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsAutoTristate
        )
        item.setCheckState(0, Qt.CheckState.Unchecked)
        self.items[(kind, value)] = item
        return item

    def _on_choice(self, checked: bool) -> None:
        if checked:
            self.tree.setEnabled(self.choice() == "selected")
            self.changed.emit()

    def choice(self) -> str:
        """``all``, ``loopback`` or ``selected``."""
        return next((k for k, r in self.radios.items() if r.isChecked()), "all")

    def set_selection(
        self, choice: str, interfaces: Sequence[str], addresses: Sequence[str]
    ) -> None:
        """Show a saved selection; names no longer present are added (greyed) so none is lost."""
        self.tree.blockSignals(True)
        for kind, values in (("interface", interfaces), ("address", addresses)):
            for value in values:
                if (kind, value) not in self.items:
                    item = self._item(self.tree.invisibleRootItem(), kind, value)
                    item.setText(0, translate("HostPicker", "{0}  (not present now)").format(value))
        for (kind, value), item in self.items.items():
            wanted = value in (interfaces if kind == "interface" else addresses)
            item.setCheckState(0, Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self.radios.get(choice, self.radios["all"]).setChecked(True)
        self.tree.setEnabled(self.choice() == "selected")
        self.changed.emit()

    def set_ticked(self, kind: str, value: str, ticked: bool) -> None:
        """Tick or untick one interface (``kind="interface"``) or address."""
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        self.items[(kind, value)].setCheckState(0, state)

    def ticked(self, kind: str) -> list[str]:
        """The ticked interface names (``kind="interface"``) or addresses."""
        return [
            value
            for (k, value), item in self.items.items()
            if k == kind and item.checkState(0) == Qt.CheckState.Checked
        ]
