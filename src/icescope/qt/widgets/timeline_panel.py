"""QtTimelinePanel: the timeline with its buttons (zoom to fit, export PNG and SVG)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..i18n import translate
from .timeline import QtTimeline


class QtTimelinePanel(QWidget):
    """A :class:`QtTimeline` and a row of buttons; export errors are reported, not raised."""

    problem = Signal(str)
    """An export failed: why, in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = QtTimeline(self)
        self.hint = QLabel(
            translate(
                "Timeline",
                "Timeline: wheel zooms, drag pans, click selects the log rows of that moment",
            ),
            self,
        )
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        fit = QToolButton(self)
        fit.setText(translate("Timeline", "Zoom to fit"))
        fit.setToolTip(
            translate("Timeline", "Show the whole session and follow it live (or double-click)")
        )
        fit.clicked.connect(self.timeline.zoom_to_fit)
        png = QToolButton(self)
        png.setText(translate("Timeline", "PNG…"))
        png.setToolTip(translate("Timeline", "Save the timeline as shown, as a PNG image"))
        png.clicked.connect(lambda: self.export_dialog("png"))
        svg = QToolButton(self)
        svg.setText(translate("Timeline", "SVG…"))
        svg.setToolTip(translate("Timeline", "Save the timeline as an SVG drawing"))
        svg.clicked.connect(lambda: self.export_dialog("svg"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hint, 1)
        for button in (fit, png, svg):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.timeline, 1)

    def export(self, path: Path, fmt: str) -> None:
        """Write the timeline to ``path`` as ``png`` or ``svg``.

        Raises:
            OSError: the file could not be written.
        """
        if fmt == "svg":
            path.write_text(self.timeline.svg(), encoding="utf-8")
        elif not self.timeline.png(str(path)):
            raise OSError(f"Qt could not write the image {path}")

    def export_dialog(self, fmt: str) -> None:
        """Ask for a file name and export; a failure becomes :attr:`problem`."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("Timeline", "Export timeline as {0}").format(fmt.upper()),
            f"timeline.{fmt}",
            f"*.{fmt}",
        )
        if not name:
            return
        try:
            self.export(Path(name), fmt)
        except OSError as exc:
            self.problem.emit(f"cannot export the timeline to {name}: {exc.strerror or exc}")
