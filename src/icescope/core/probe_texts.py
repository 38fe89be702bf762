"""The probe's human-readable lines in the user's language, without Qt.

``tools/translations.py release`` writes the German of every core text key (the window's
``CoreText`` translations) to ``catalogue_de.json`` next to this module; the probe renders a
:class:`~icescope.core.errors.ConfigError`'s key and arguments with it when the messages
locale is German, and keeps the English otherwise. JSON output never goes through here.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

from .texts import TEXTS, fields, render

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .errors import ConfigError

CATALOGUE_FILE: Final = "catalogue_de.json"
_LOCALE_VARIABLES: Final = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
_DECIMAL: Final = re.compile(r"-?\d+\.\d+")


def language(environ: Mapping[str, str]) -> str:
    """``de`` when the messages locale is German, else ``en``.

    The first of LC_ALL, LC_MESSAGES, LANG and LANGUAGE that is set decides (LANGUAGE may
    list several, ``de:en``).
    """
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


@cache
def german() -> dict[str, str]:
    """Core text key -> German template (empty when the catalogue is missing or unreadable)."""
    try:
        text = resources.files("icescope.core").joinpath(CATALOGUE_FILE).read_text("utf-8")
        data = json.loads(text)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def say(key: str, args: Mapping[str, Any], english: str, lang: str) -> str:
    """The words of ``key`` with ``args`` in ``lang`` (``english`` when it cannot be said)."""
    if lang != "de" or key not in TEXTS or not fields(TEXTS[key]) <= set(args):
        return english or render(key, args)
    catalogue = german()

    def lookup(name: str) -> str:
        template = catalogue.get(name)
        return template if template and fields(template) == fields(TEXTS[name]) else TEXTS[name]

    return render(key, {name: _decimals(value) for name, value in args.items()}, lookup)


def error_line(exc: ConfigError, environ: Mapping[str, str]) -> str:
    """A usage error's words in the locale of ``environ`` (free text stays as it is)."""
    if not exc.key:
        return str(exc)
    return say(exc.key, exc.arguments, str(exc), language(environ))


def _decimals(value: Any) -> Any:
    """``value`` with each decimal number written the German way (``3,5``)."""
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return value.replace(".", ",")
    if isinstance(value, dict) and "key" in value:
        args = value.get("args") or {}
        return {"key": value["key"], "args": {n: _decimals(v) for n, v in args.items()}}
    return value
