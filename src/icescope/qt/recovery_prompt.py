"""After a crash: offer to open the interrupted session's journal (Open / Not now / Don't ask).

The core finds it (:func:`~icescope.core.recovery.interrupted_journals`: no summary at its end,
its writer process gone). "Don't ask for this one" is remembered in the settings file's
``evidence`` section (the journal's path only).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMessageBox

from .i18n import translate
from .open_evidence import EvidenceWindow

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QAbstractButton

    from ..core.config import Settings

logger = logging.getLogger(__name__)
MAX_SKIPPED = 50
"""Journals not to ask about again, newest kept."""


class RecoveryWindow(EvidenceWindow, Protocol):
    """What the prompt needs of the main window: where journals go, and opening one."""

    settings: Settings


def journal_directory(window: RecoveryWindow) -> Path:
    """Where the window's sessions write their journals."""
    from ..core.journal import default_journal_dir

    return window.settings.journal_dir or default_journal_dir()


def skipped(window: RecoveryWindow) -> list[str]:
    """Journals the user said not to ask about again."""
    if window.prefs is None:
        return []
    value = window.prefs.store.section("evidence").get("recovery_skip", [])
    return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []


def started_text(path: Path) -> str:
    """When the journal's session started, from its name (``session-YYYYmmdd-HHMMSS-pid``)."""
    try:
        stamp = time.strptime(path.name[len("session-") : len("session-") + 15], "%Y%m%d-%H%M%S")
    except ValueError:
        return path.name
    return time.strftime("%Y-%m-%d %H:%M:%S", stamp)


def offer_recovery(window: RecoveryWindow) -> QMessageBox | None:
    """Ask (non-blocking) whether to open the newest interrupted journal (None: there is none)."""
    from ..core.recovery import interrupted_journals

    found = interrupted_journals(journal_directory(window), skip=skipped(window))
    if not found:
        return None
    path = found[0]
    logger.info("offering to open the interrupted session's journal %s", path)
    box = QMessageBox(window.window())
    box.setObjectName("recovery-prompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Recovery", "Interrupted session"))
    box.setText(
        translate(
            "Recovery",
            "The session started {0} did not end: IceScope was closed without closing it "
            "(a crash, or the process was killed). Its journal has every event up to then.",
        ).format(started_text(path))
    )
    box.setInformativeText(
        translate("Recovery", "Open the journal to see the session as it was?\n{0}").format(path)
    )
    opening = box.addButton(translate("Recovery", "&Open"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Recovery", "&Not now"), QMessageBox.ButtonRole.RejectRole)
    never = box.addButton(
        translate("Recovery", "&Don't ask for this one"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(opening)

    def clicked(button: QAbstractButton) -> None:
        if button is opening:
            from .open_evidence import open_path

            open_path(window, path)
        elif button is never:
            forget(window, path)

    box.buttonClicked.connect(clicked)
    box.open()
    return box


def forget(window: RecoveryWindow, path: Path) -> None:
    """Never ask about ``path`` again."""
    if window.prefs is None:
        return
    values = window.prefs.store.section("evidence")
    values["recovery_skip"] = [str(path), *skipped(window)][:MAX_SKIPPED]
    window.prefs.store.set_section("evidence", values)
    window.prefs.save()
