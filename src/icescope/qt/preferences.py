"""WindowPreferences: what the window remembers between runs, read from and written to the store.

The settings file (:class:`~icescope.core.settings_store.SettingsStore`, shared with the probe)
keeps the New session choices, the impair panel's last values, the log's filters and column
widths, the UI options and the recent sessions; Qt's QSettings keeps only the window geometry.
Values that do not fit a widget (hand-edited) are skipped: the widget keeps its default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QByteArray, QSettings

from ..core.errors import IceScopeError
from .i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter

    from ..core.config import Settings
    from ..core.settings_store import SettingsStore
    from .widgets.event_log_view import QtEventLog
    from .widgets.impair_panel import QtImpairPanel
    from .widgets.notice_banner import QtNoticeBanner

GEOMETRY_KEY = "window/geometry"
SPLITTER_KEY = "window/splitter"


class RememberedWindow(Protocol):
    """The parts of the main window whose values are remembered, and its banner."""

    impair_panel: QtImpairPanel
    log_view: QtEventLog
    splitter: QSplitter
    banner: QtNoticeBanner

    def restoreGeometry(self, geometry: QByteArray, /) -> bool:
        """Put the window where ``geometry`` says (Qt's ``QWidget.restoreGeometry``)."""
        ...

    def saveGeometry(self) -> QByteArray:
        """The window's place and size (Qt's ``QWidget.saveGeometry``)."""
        ...


def qsettings() -> QSettings:
    """Qt's own settings (window geometry only), in the user's config directory."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "icescope", "window")


class WindowPreferences:
    """Applies the stored values to ``window``'s widgets and captures them back.

    Args:
        window: the main window whose widgets are remembered.
        store: the settings file.
    """

    def __init__(self, window: RememberedWindow, store: SettingsStore) -> None:
        self.window = window
        self.store = store

    # ------------------------------------------------------------------ options
    def option(self, name: str, default: Any) -> Any:
        """A UI option (``ui`` section), or ``default`` when unset or of another type."""
        value = self.store.section("ui").get(name, default)
        return value if isinstance(value, type(default)) else default

    def set_option(self, name: str, value: Any) -> None:
        """Change a UI option and save."""
        ui = self.store.section("ui")
        ui[name] = value
        self.store.set_section("ui", ui)
        self.save()

    # ------------------------------------------------------------------ apply
    def restore(self) -> None:
        """Apply the stored impair values, log filters and widths, and the window geometry."""
        self._restore_impair(self.store.section("impair"))
        self._restore_log(self.store.section("log"))
        geometry = qsettings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.window.restoreGeometry(geometry)
        splitter = qsettings().value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray):
            self.window.splitter.restoreState(splitter)
        from .core_texts import error_text

        for problem in (*map(error_text, self.store.errors), *self.store.notes):
            self.window.banner.show_notice("warning", problem)

    def _restore_impair(self, values: dict[str, Any]) -> None:
        panel = self.window.impair_panel
        for combo, key in ((panel.peer_combo, "peer"), (panel.direction_combo, "direction")):
            index = combo.findData(str(values.get(key, "")))
            if index >= 0:
                combo.setCurrentIndex(index)
        for box, key in (
            (panel.blackout_seconds, "blackout_seconds"),
            (panel.loss_percent, "loss_percent"),
            (panel.delay_ms, "delay_ms"),
        ):
            value = values.get(key)
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if number and box.minimum() <= value <= box.maximum():  # type: ignore[operator]
                box.setValue(value)  # type: ignore[arg-type]

    def _restore_log(self, values: dict[str, Any]) -> None:
        log = self.window.log_view
        types = values.get("types")
        if isinstance(types, list) and all(isinstance(t, str) for t in types):
            log.set_type_filter(set(types))
        peer = values.get("peer")
        if peer in ("local", "remote", None):
            log.set_peer_filter(peer)
        widths = values.get("widths")
        if isinstance(widths, list):
            header = log.table.horizontalHeader()
            for column, width in enumerate(widths[: header.count()]):
                if isinstance(width, int) and 20 <= width <= 2000:
                    header.resizeSection(column, width)

    # ------------------------------------------------------------------ capture
    def capture(self) -> None:
        """Read the widgets' values into the store, the geometry into QSettings, and save."""
        panel = self.window.impair_panel
        self.store.set_section(
            "impair",
            {
                "peer": panel.peer_combo.currentData(),
                "direction": panel.direction_combo.currentData(),
                "blackout_seconds": panel.blackout_seconds.value(),
                "loss_percent": panel.loss_percent.value(),
                "delay_ms": panel.delay_ms.value(),
            },
        )
        log = self.window.log_view
        header = log.table.horizontalHeader()
        types = log.model.types
        self.store.set_section(
            "log",
            {
                "types": None if types is None else sorted(types),
                "peer": log.model.peer,
                "widths": [header.sectionSize(c) for c in range(header.count() - 1)],
            },
        )
        qt = qsettings()
        qt.setValue(GEOMETRY_KEY, self.window.saveGeometry())
        qt.setValue(SPLITTER_KEY, self.window.splitter.saveState())
        qt.sync()
        self.save()

    def session_chosen(self, settings: Settings) -> None:
        """Remember ``settings`` (the New session dialog's choices) as the defaults.

        TURN passwords go to the system keyring only when the user asked for it in Settings.
        """
        self.store.set_session(settings)
        self.save()
        if not self.option("remember_credentials", False):
            return
        from ..core.credentials import store_credential

        for server in settings.ice_servers:
            if server.credential and any(u.startswith("turn") for u in server.urls):
                problem = store_credential(server.urls[0], server.username or "", server.credential)
                if problem is not None:
                    self.window.banner.show_notice("warning", problem)

    def session_started(self, settings: Settings, journal: str | None) -> None:
        """Add a started session to the recent list."""
        self.store.add_recent(settings, journal)
        self.save()

    def save(self) -> None:
        """Write the settings file; a problem is shown in the banner, never raised."""
        try:
            note = self.store.save()
        except IceScopeError as exc:
            self.window.banner.show_notice(
                "warning", translate("Preferences", "Settings not saved: ") + str(exc)
            )
            return
        if note is not None:
            self.window.banner.show_notice("warning", note)
