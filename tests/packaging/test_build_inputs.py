"""Build-side guards: the pinned Qt binding, the ELF scan behind the .deb's Depends, CI YAML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sysreq import require_binary

ROOT = Path(__file__).resolve().parents[2]


def test_pinned_pyside_keeps_none_refcount_flat() -> None:
    # The PySide6 6.12.0 trap (packaging/README.md): a leak of one None reference per Qt call
    # aborts Python 3.11 a few seconds into a live connection.
    res = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "refcount_smoke.py")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert "delta after 500 QLabel.setText calls = 0" in res.stdout


def test_needed_libs_reports_only_what_the_bundle_lacks(tmp_path: Path) -> None:
    require_binary("objdump", "Debian package binutils")
    import _ctypes  # an extension module that links libffi and libc

    ext = Path(_ctypes.__file__)
    shutil.copy(ext, tmp_path / ext.name)
    script = ROOT / "packaging" / "linux" / "needed_libs.py"
    out = subprocess.run(
        [sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "libc.so.6" in out
    assert out[-1].startswith("GLIBC_2.")
    # A library the bundle ships itself is not an external requirement.
    (tmp_path / "libc.so.6").write_bytes(b"not an ELF file")
    out = subprocess.run(
        [sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "libc.so.6" not in out


@pytest.mark.parametrize("name", ["linux.yml", "windows.yml", "macos.yml", "appimage.yml"])
def test_workflow_is_valid_yaml_with_jobs(name: str) -> None:
    yaml = pytest.importorskip("yaml", reason="PyYAML (test extra) parses the CI workflows")
    doc = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    assert doc["jobs"], f"{name} defines no jobs"
    # YAML 1.1 reads the bare key `on` as True: accept either spelling.
    assert doc.get("on", doc.get(True)), f"{name} has no trigger"
    for job in doc["jobs"].values():
        assert job["steps"] and "timeout-minutes" in job
