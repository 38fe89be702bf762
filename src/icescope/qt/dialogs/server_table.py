"""QtServerTable: the STUN/TURN server list (URL, username, credential) with Add/Remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import QT_TRANSLATE_NOOP, translate
from .session_form import ServerRow

if TYPE_CHECKING:
    from collections.abc import Iterable

HEADERS = (
    QT_TRANSLATE_NOOP("ServerTable", "URL (stun: / turn: / turns:)"),
    QT_TRANSLATE_NOOP("ServerTable", "Username"),
    QT_TRANSLATE_NOOP("ServerTable", "Password"),
)
CREDENTIAL = 2
"""The column of the TURN password: masked unless *Show passwords* is ticked."""


class PasswordDelegate(QStyledItemDelegate):
    """Shows a cell as dots and edits it in a password field, unless ``shown``."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.shown = False

    def displayText(self, value: object, locale: object) -> str:
        """Dots instead of the password (as many as it has characters)."""
        text = str(value or "")
        return text if self.shown else "•" * len(text)

    def createEditor(self, parent: QWidget, option: object, index: object) -> QWidget:
        """A line edit that echoes dots while the passwords are hidden."""
        editor = QLineEdit(parent)
        editor.setEchoMode(QLineEdit.EchoMode.Normal if self.shown else QLineEdit.EchoMode.Password)
        return editor


class QtServerTable(QWidget):
    """An editable table of ICE servers, one URL per row.

    Args:
        parent: the owning widget.
    """

    changed = Signal()
    """Any cell, or the number of rows, changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([translate("ServerTable", h) for h in HEADERS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, 100)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(translate("ServerTable", "Add server"), self)
        self.add_button.setToolTip(
            translate("ServerTable", "Add a row; type e.g. stun:127.0.0.1:3478")
        )
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(translate("ServerTable", "Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.password_delegate = PasswordDelegate(self.table)
        self.table.setItemDelegateForColumn(CREDENTIAL, self.password_delegate)
        self.show_passwords = QCheckBox(translate("ServerTable", "Show passwords"), self)
        self.show_passwords.toggled.connect(self._show_passwords)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_passwords)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _show_passwords(self, shown: bool) -> None:
        self.password_delegate.shown = shown
        self.table.viewport().update()

    def set_rows(self, rows: Iterable[ServerRow]) -> None:
        """Replace the table's contents."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in rows:
            self._append(row)
        self.table.blockSignals(False)
        self.changed.emit()

    def add_row(self, row: ServerRow | None = None) -> int:
        """Append ``row`` (an empty one by default), start editing its URL; return its index."""
        self.table.blockSignals(True)
        index = self._append(row if isinstance(row, ServerRow) else ServerRow())
        self.table.blockSignals(False)
        if not isinstance(row, ServerRow):
            self.table.setCurrentCell(index, 0)
            item = self.table.item(index, 0)
            if item is not None:
                self.table.editItem(item)
        self.changed.emit()
        return index

    def _append(self, row: ServerRow) -> int:
        index = self.table.rowCount()
        self.table.insertRow(index)
        for column, text in enumerate((row.url, row.username, row.credential)):
            self.table.setItem(index, column, QTableWidgetItem(text))
        return index

    def remove_selected(self) -> None:
        """Remove the selected rows (or the current one)."""
        rows = {i.row() for i in self.table.selectedIndexes()} or {self.table.currentRow()}
        for index in sorted((r for r in rows if r >= 0), reverse=True):
            self.table.removeRow(index)
        self.changed.emit()

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Set one cell's text (as typing would)."""
        item = self.table.item(row, column)
        if item is None:
            self.table.setItem(row, column, QTableWidgetItem(text))
        else:
            item.setText(text)

    def rows(self) -> list[ServerRow]:
        """The table as plain rows, whitespace trimmed."""
        out = []
        for index in range(self.table.rowCount()):
            cells = []
            for column in range(len(HEADERS)):
                item = self.table.item(index, column)
                cells.append(item.text().strip() if item is not None else "")
            out.append(ServerRow(*cells))
        return out
