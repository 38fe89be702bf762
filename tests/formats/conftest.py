"""Fixtures: real Chromium dumps (committed, made by tests/formats/chromium_dumps.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def internals_gz() -> Path:
    """chrome://webrtc-internals download, compression ticked (Chromium 156, see DATA)."""
    return DATA / "webrtc_internals_dump.gz"


@pytest.fixture
def internals_txt(tmp_path: Path) -> Path:
    """The same dump as Chromium writes it with compression unticked (the gz's content)."""
    path = tmp_path / "webrtc_internals_dump.txt"
    path.write_bytes(gzip.decompress((DATA / "webrtc_internals_dump.gz").read_bytes()))
    return path


@pytest.fixture
def rtcstats_gz() -> Path:
    """The internals page's rtcstats export of the same session (always gzipped)."""
    return DATA / "rtcstats_dump.gz"
