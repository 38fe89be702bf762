"""The settings file: plain JSON under the user's config directory, shared by window and probe.

Sections: ``session`` (the New session dialog's choices, see :mod:`.settings_codec`), ``impair``
(the impair panel's last values), ``log`` (the event log's filters and column widths), ``ui``
(language, quit confirmation, whether to remember TURN passwords), ``evidence`` (files opened,
the last export folder, interrupted journals not to ask about again) and ``recent`` (the last
sessions started). Window geometry is not here: it belongs to Qt's QSettings.

A file that cannot be read, is not JSON, or has a bad section gives a clear message and the
defaults for what is wrong, never a traceback; and it is never overwritten silently: the first
save afterwards keeps the old file next to it as ``settings.json.bak`` (``.bak2``… if taken) and
says so.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import platformdirs

from .config import Settings
from .errors import ConfigError, IceScopeError
from .settings_codec import session_from_dict, session_to_dict

if TYPE_CHECKING:
    from collections.abc import Callable

FILE_NAME: Final = "settings.json"
VERSION: Final = 1
MAX_BYTES: Final = 1 << 20
"""A settings file larger than 1 MiB is not read (it is not one of ours)."""
MAX_RECENT: Final = 10
VIEW_SECTIONS: Final = ("impair", "log", "ui", "evidence")
"""Sections owned by the window; the store checks only that they hold plain values."""
SECTIONS: Final = ("session", *VIEW_SECTIONS, "recent")
MAX_BACKUPS: Final = 20


class SettingsFileError(IceScopeError):
    """The settings file could not be written; the message says where and why."""


def default_path() -> Path:
    """``settings.json`` in the per-user config directory (platformdirs)."""
    return Path(platformdirs.user_config_dir("icescope", appauthor=False)) / FILE_NAME


@dataclass(frozen=True, slots=True)
class RecentSession:
    """One entry of the recent-sessions list."""

    when: float
    """Unix time the session started."""
    session: dict[str, Any]
    """Its stored settings (as in the ``session`` section)."""
    journal: str | None
    """Where its journal was written, if anywhere."""


class SettingsStore:
    """The settings file's contents, loaded once; views read and change sections, then save.

    Args:
        path: the file; default :func:`default_path`.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = default_path() if path is None else path
        self.errors: list[ConfigError] = []
        """What was wrong with the file when it was read (empty when fine or absent)."""
        self.damaged = False
        """The file exists but was not read in full; the next save keeps a backup first."""
        self.notes: list[str] = []
        """What :meth:`session` last left out (TURN servers whose password is not stored)."""
        self._data: dict[str, Any] = {}
        self._load()

    # ------------------------------------------------------------------ reading
    def _load(self) -> None:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        except OSError as exc:
            self._broken(_why("error:settings.unreadable", error=str(exc.strerror or exc)))
            return
        if size > MAX_BYTES:
            self._broken(_why("error:settings.large", size=str(size)))
            return
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = str(getattr(exc, "strerror", None) or exc)
            self._broken(_why("error:settings.unreadable", error=reason))
            return
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            self._broken(
                _why(
                    "error:settings.json-at",
                    line=str(exc.lineno),
                    column=str(exc.colno),
                    error=exc.msg,
                )
                if isinstance(exc, json.JSONDecodeError)
                else _why("error:settings.json")
            )
            return
        if not isinstance(data, dict):
            self._broken(_why("error:settings.not-object"))
            return
        version = data.get("version", VERSION)
        if version != VERSION:
            self._broken(
                _why("error:settings.version", version=repr(version), expected=str(VERSION))
            )
            return
        for name in SECTIONS:
            if name in data:
                problem = _check_section(name, data[name])
                if problem is None:
                    self._data[name] = data[name]
                else:
                    self._broken(problem, section=name)
        unknown = sorted(set(data) - {*SECTIONS, "version"})
        if unknown:
            sections = ", ".join(map(repr, unknown))
            self._broken(_why("error:settings.unknown-sections", sections=sections))

    @property
    def problems(self) -> list[str]:
        """:attr:`errors` in English (the window says them in its language)."""
        return [str(e) for e in self.errors]

    def _broken(self, why: Any, section: str | None = None) -> None:
        self.damaged = True
        if section:
            error = ConfigError.of(
                "error:settings-broken.section", section=repr(section), path=str(self.path), why=why
            )
        else:
            error = ConfigError.of("error:settings-broken", path=str(self.path), why=why)
        self.errors.append(error)

    # ------------------------------------------------------------------ sections
    def session(
        self, base: Settings, credential_of: Callable[[str, str], str | None] | None = None
    ) -> tuple[Settings, list[str]]:
        """``base`` with the stored session choices applied, and notes on what was left out."""
        if "session" not in self._data:
            return base, []
        if credential_of is None:
            settings, self.notes = session_from_dict(self._data["session"], base)
        else:
            settings, self.notes = session_from_dict(self._data["session"], base, credential_of)
        return settings, self.notes

    def stored_session(self) -> dict[str, Any]:
        """The stored ``session`` section as written (empty when none)."""
        return dict(self._data.get("session", {}))

    def set_session(self, settings: Settings) -> None:
        """Remember ``settings`` as the default for new sessions."""
        self._data["session"] = session_to_dict(settings)

    def section(self, name: str) -> dict[str, Any]:
        """A copy of the view-owned section ``name`` (empty when none)."""
        if name not in VIEW_SECTIONS:
            raise KeyError(name)
        return dict(self._data.get(name, {}))

    def set_section(self, name: str, values: dict[str, Any]) -> None:
        """Replace the view-owned section ``name``.

        Raises:
            ConfigError: a value is not a plain JSON value.
        """
        problem = _check_section(name, values)
        if problem is not None:
            raise ConfigError.from_said(problem)
        self._data[name] = dict(values)

    def recent(self) -> list[RecentSession]:
        """The last sessions started, newest first."""
        return [
            RecentSession(float(e["when"]), dict(e["session"]), e.get("journal"))
            for e in self._data.get("recent", [])
        ]

    def add_recent(
        self, settings: Settings, journal: str | None, when: float | None = None
    ) -> None:
        """Put a started session at the top of the recent list (at most :data:`MAX_RECENT`)."""
        entry = {
            "when": time.time() if when is None else when,
            "session": session_to_dict(settings),
            "journal": journal,
        }
        rest = [e for e in self._data.get("recent", []) if e["session"] != entry["session"]]
        self._data["recent"] = [entry, *rest][:MAX_RECENT]

    # ------------------------------------------------------------------ writing
    def save(self) -> str | None:
        """Write the file (atomically); returns a note when a damaged file was kept as a backup.

        Raises:
            SettingsFileError: the directory or file cannot be written.
        """
        note = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.damaged and self.path.exists():
                backup = _free_backup(self.path)
                os.replace(self.path, backup)
                note = f"Settings: the unreadable settings file was kept as {backup}"
            text = json.dumps({"version": VERSION, **self._data}, indent=2, ensure_ascii=False)
            temporary = self.path.with_name(self.path.name + ".tmp")
            # Owner-only: a hand-written file for ``probe --config`` may carry a listener's URL.
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.fchmod(descriptor, 0o600)
            with open(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            os.replace(temporary, self.path)
        except OSError as exc:
            raise SettingsFileError(
                f"cannot save settings to {self.path}: {exc.strerror or exc}"
            ) from None
        self.damaged = False
        return note


def _free_backup(path: Path) -> Path:
    for index in range(1, MAX_BACKUPS + 1):
        candidate = path.with_name(f"{path.name}.bak{index if index > 1 else ''}")
        if not candidate.exists():
            return candidate
    raise OSError(f"{MAX_BACKUPS} backups of {path.name} exist already; remove some")


_PLAIN: Final = (str, int, float, bool, type(None))


def _plain(value: object, depth: int = 0) -> bool:
    if isinstance(value, _PLAIN):
        return True
    if depth >= 3:
        return False
    if isinstance(value, list):
        return len(value) <= 256 and all(_plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return len(value) <= 256 and all(
            isinstance(k, str) and _plain(v, depth + 1) for k, v in value.items()
        )
    return False


def _why(key: str, **args: Any) -> dict[str, Any]:
    """A reason the file was not used, as a nested phrase."""
    return {"key": key, "args": args}


def _check_section(name: str, value: object) -> Any:
    """Why section ``name`` cannot be used (a nested phrase, or an error's words), or None."""
    if name == "session":
        try:
            # a stand-in password: only the shape of the section is checked here
            session_from_dict(value, Settings(), lambda _url, _user: "checked-elsewhere")
        except ConfigError as exc:
            return exc.said()
        return None
    if name == "recent":
        ok = isinstance(value, list) and all(
            isinstance(e, dict)
            and isinstance(e.get("when"), int | float)
            and isinstance(e.get("session"), dict)
            and isinstance(e.get("journal"), str | type(None))
            and _check_section("session", e["session"]) is None
            for e in value
        )
        return None if ok else _why("error:settings.recent")
    if not isinstance(value, dict) or not _plain(value):
        return _why("error:settings.plain", name=name)
    return None
