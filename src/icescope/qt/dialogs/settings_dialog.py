"""QtSettingsDialog: language, quit question, TURN passwords, session defaults, settings file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ...core.credentials import keyring_problem
from ..i18n import translate
from ..texts import reason

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...core.config import Settings
    from ..preferences import WindowPreferences
    from ..quit_guard import QuitGuard

LANGUAGE_OPTION: Final = "language"
REMEMBER_OPTION: Final = "remember_credentials"
LANGUAGES: Final = ("system", "en", "de")


class SettingsWindow(Protocol):
    """What the Settings dialog edits: the window's preferences, quit question and settings."""

    prefs: WindowPreferences | None
    quit_guard: QuitGuard
    settings: Settings

    def window(self) -> QWidget:
        """The top-level widget the dialog belongs to (the main window itself)."""
        ...


class QtSettingsDialog(QDialog):
    """Edits the defaults the window starts with; OK saves them to the settings file.

    Args:
        window: the main window (its preferences and quit guard).
    """

    def __init__(self, window: SettingsWindow) -> None:
        super().__init__(window.window())
        self.window_ = window
        self.setWindowTitle(translate("SettingsDialog", "Settings — IceScope"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        prefs = window.prefs
        self.language = QComboBox(self)
        self.language.setAccessibleName(translate("SettingsDialog", "Language"))
        for key, text in zip(
            LANGUAGES,
            (translate("SettingsDialog", "Follow the system"), "English", "Deutsch"),
            strict=True,
        ):
            self.language.addItem(text, key)
        current = prefs.option(LANGUAGE_OPTION, "system") if prefs is not None else "system"
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.ask_quit = QCheckBox(
            translate("SettingsDialog", "Ask before quitting while a session is running"), self
        )
        self.ask_quit.setChecked(window.quit_guard.asks())
        self.remember = QCheckBox(
            translate("SettingsDialog", "Remember TURN passwords in the system keyring"), self
        )
        problem = keyring_problem()
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        if problem is not None:
            self.remember.setEnabled(False)
            self.keyring_note.setText(
                translate("SettingsDialog", "Not available: ") + reason(problem)
            )
        else:
            self.keyring_note.setText(
                translate(
                    "SettingsDialog",
                    "Off: passwords are asked for again in New session and never "
                    "written to a file.",
                )
            )
        self.remember.setChecked(
            problem is None and prefs is not None and prefs.option(REMEMBER_OPTION, False)
        )
        self.defaults_button = QPushButton(translate("SettingsDialog", "Session &defaults…"), self)
        self.defaults_button.setToolTip(
            translate(
                "SettingsDialog",
                "Remote peer, ICE servers, timings and addresses that new sessions start with",
            )
        )
        self.defaults_button.clicked.connect(self.edit_session_defaults)
        where = (
            str(prefs.store.path)
            if prefs is not None
            else translate("SettingsDialog", "none (nothing is remembered)")
        )
        self.file_label = QLabel(where, self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(translate("SettingsDialog", "&Language (from the next start):"), self.language)
        form.addRow("", self.ask_quit)
        form.addRow("", self.remember)
        form.addRow("", self.keyring_note)
        form.addRow(translate("SettingsDialog", "New sessions:"), self.defaults_button)
        form.addRow(translate("SettingsDialog", "Settings file:"), self.file_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Save the options, then close."""
        window = self.window_
        window.quit_guard.set_asks(self.ask_quit.isChecked())
        if window.prefs is not None:
            window.prefs.set_option(LANGUAGE_OPTION, str(self.language.currentData()))
            window.prefs.set_option(REMEMBER_OPTION, self.remember.isChecked())
        super().accept()

    def edit_session_defaults(self) -> QDialog:
        """Open the New session dialog in defaults mode: OK saves without starting a session."""
        from .session_dialog import QtSessionDialog

        window = self.window_
        dialog = QtSessionDialog(window.settings, parent=self)
        dialog.setWindowTitle(translate("SettingsDialog", "Session defaults — IceScope"))
        dialog.ok_button.setText(translate("SettingsDialog", "Save as defaults"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(_result: int) -> None:
            if dialog.result_settings is not None and window.prefs is not None:
                window.settings = dialog.result_settings
                window.prefs.session_chosen(dialog.result_settings)

        dialog.finished.connect(done)
        dialog.open()
        return dialog
