"""The files installers put on the desktop: icon, .desktop entry, AppStream metadata."""

from __future__ import annotations

import configparser
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.sysreq import require_binary

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
DESKTOP = ROOT / "resources" / "linux" / "icescope.desktop"
METAINFO = ROOT / "resources" / "linux" / "io.github.icescope.IceScope.metainfo.xml"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (PNG spec, section 11.2.2)."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_svg_icon_is_square_and_plain() -> None:
    root = ET.parse(ICONS / "icescope.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    # Plain SVG 1.1 so every renderer (librsvg, Qt, ImageMagick) draws the same icon.
    tags = {el.tag.split("}")[1] for el in root.iter()}
    assert not tags & {"use", "linearGradient", "radialGradient", "filter", "image", "text"}


@pytest.mark.parametrize("size", PNG_SIZES)
def test_rendered_png_matches_its_directory(size: int) -> None:
    assert png_size(ICONS / "hicolor" / f"{size}x{size}" / "apps" / "icescope.png") == (size, size)


def test_ico_holds_the_windows_sizes() -> None:
    data = (ICONS / "icescope.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])  # ICONDIR header
    assert (reserved, kind) == (0, 1)
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}  # width byte; 0 means 256
    assert {16, 32, 48, 256} <= sizes


def test_desktop_entry_launches_the_installed_command() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "icescope"
    assert entry["Icon"] == "icescope"
    assert entry["StartupWMClass"] == "icescope"
    assert entry["Terminal"] == "false"


def test_desktop_entry_validates() -> None:
    tool = require_binary("desktop-file-validate", "Debian package desktop-file-utils")
    res = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert res.returncode == 0 and not res.stdout.strip(), res.stdout + res.stderr


def test_metainfo_validates_and_points_at_the_desktop_entry() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "icescope"
    tool = require_binary("appstreamcli", "Debian package appstream")
    res = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0, res.stdout + res.stderr
