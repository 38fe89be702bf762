"""QtAboutDialog: IceScope and component versions, copyable for bug reports."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.about import component_versions
from .i18n import translate


def all_versions() -> dict[str, str]:
    """Core component versions plus the Qt runtime and PySide6 bindings."""
    versions = component_versions()
    versions["Qt (runtime)"] = qVersion()
    versions["PySide6"] = pyside_version
    return versions


class QtAboutDialog(QDialog):
    """Version table with a *Copy* button.

    Args:
        parent: the owning window.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AboutDialog", "About IceScope"))
        self.versions = all_versions()
        """The versions shown."""
        title = QLabel(
            translate(
                "AboutDialog",
                "<h2>IceScope</h2><p>Watch a WebRTC connection's ICE state live, poke it, "
                "and take the evidence home.</p>",
            ),
            self,
        )
        title.setWordWrap(True)
        form = QFormLayout()
        for name, value in self.versions.items():
            label = QLabel(value, self)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{name}:", label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(translate("AboutDialog", "Copy versions"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_versions)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def text(self) -> str:
        """The versions as ``name: version`` lines."""
        return "".join(f"{k}: {v}\n" for k, v in self.versions.items())

    def copy_versions(self) -> None:
        """Put :meth:`text` on the clipboard."""
        QGuiApplication.clipboard().setText(self.text())
