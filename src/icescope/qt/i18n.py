"""German and English: Qt translators for IceScope's own catalogue and Qt's standard dialogs.

Every user-visible string in the Qt layer goes through ``translate("Context", "text")`` (the
form ``pyside6-lupdate`` extracts; fixed contexts, because ``self.tr()`` takes its context from
the instance's class and misses strings of base classes). The core stays language-neutral: it
emits stable codes and values, and the views translate what they show. Source catalogue:
``resources/i18n/icescope_de.ts``; ``tools/translations.py`` updates it (lupdate) and compiles it
(lrelease) into ``translations/icescope_de.qm`` here, which is committed: a wheel or an
editable install then needs no Qt tools, and a test checks that it matches the source.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

translate = QCoreApplication.translate
"""``translate(context, text[, disambiguation, n])``: the one call lupdate looks for."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and return it unchanged (for tables)."""
    return text


CATALOGUE_DIR: Final = Path(__file__).resolve().parent / "translations"
"""Compiled catalogues (``icescope_de.qm``), committed so that every install has them."""
LANGUAGES: Final = ("en", "de")
"""Languages IceScope speaks; English is the source language (no catalogue)."""


LANGUAGE_PROPERTY: Final = "icescope-language"
"""Application property holding the language :func:`install_translators` installed."""


def current_language() -> str:
    """The language the application speaks (``en`` when none was installed)."""
    app = QCoreApplication.instance()
    value = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return value if value in LANGUAGES else "en"


def pick_language(choice: str, system: QLocale | None = None) -> str:
    """The language to use: ``choice`` (``en``/``de``) or, for ``system``, the system's if known.

    Args:
        choice: the Settings option: ``system``, ``en`` or ``de``.
        system: the system locale (default: ``QLocale.system()``).
    """
    if choice in LANGUAGES:
        return choice
    locale = system or QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install IceScope's and Qt's catalogues for ``language``; returns those installed.

    English installs none. A missing catalogue is skipped (the UI stays English for it) and
    logged, never fatal.
    """
    installed: list[QTranslator] = []
    app.setProperty(LANGUAGE_PROPERTY, language)
    # Numbers in spin boxes and Qt's own formatting follow the language too (5,00 s; 5.00 s).
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return installed
    qt_dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(CATALOGUE_DIR)]
    catalogues = ((f"icescope_{language}", [str(CATALOGUE_DIR)]), (f"qtbase_{language}", qt_dirs))
    for name, directories in catalogues:
        translator = QTranslator(app)
        if any(translator.load(name, directory) for directory in directories):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            import logging

            logging.getLogger(__name__).warning("no %s catalogue found in %s", name, directories)
    return installed
