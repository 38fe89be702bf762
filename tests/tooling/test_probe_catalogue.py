"""The probe's German catalogue (core/catalogue_de.json) is what ``release`` writes from the .ts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from icescope.core.error_texts import ERRORS
from icescope.core.texts import TEXTS, fields

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import translations  # noqa: E402


def test_the_shipped_catalogue_is_current_and_has_every_error_in_german() -> None:
    assert not translations.catalogue_stale(), "run tools/translations.py release"
    shipped = json.loads(translations.CORE_JSON.read_text(encoding="utf-8"))
    for code in ERRORS:
        key = f"error:{code}"
        assert key in shipped, key
        assert fields(shipped[key]) == fields(TEXTS[key]), key
    assert set(shipped) <= set(TEXTS)


def test_check_fails_when_the_catalogue_is_stale(tmp_path: Path) -> None:
    ts = tmp_path / "icescope_de.ts"
    text = translations.TS.read_text(encoding="utf-8")
    changed = text.replace("(siehe --help)", "(siehe auch --help)")
    assert changed != text
    ts.write_text(changed, encoding="utf-8")
    assert translations.catalogue_stale(ts)  # the .ts moved on, the JSON did not
    stale = tmp_path / "stale.json"
    translations.write_catalogue(translations.TS, stale)
    assert not translations.catalogue_stale(translations.TS, stale)
    stale.write_text("{}\n", encoding="utf-8")
    assert translations.catalogue_stale(translations.TS, stale)


def test_the_check_names_a_stale_catalogue(tmp_path: Path) -> None:
    stale = tmp_path / "catalogue_de.json"
    stale.write_text("{}\n", encoding="utf-8")
    assert translations.problems(translations.TS, stale) == [
        "catalogue_de.json is stale: run tools/translations.py release"
    ]
    assert translations.problems() == []
