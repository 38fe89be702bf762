"""List what a frozen bundle needs from the system, for the package's dependencies.

Usage: ``python needed_libs.py BUNDLE_DIR [--deb]``

Reads every ELF file's DT_NEEDED entries and GLIBC symbol versions with ``objdump -p``
(binutils, also required by PyInstaller on Linux), drops the sonames the bundle provides
itself, and prints one soname per line - or, with ``--deb``, the Debian packages that provide
them (``dpkg -S``) plus ``libc6 (>= X)`` for the highest glibc symbol version referenced, as a
comma-separated Depends value. Exits 1 if a soname cannot be mapped to a package, because the
installed app would then fail on a clean machine.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
NEEDED = re.compile(r"^\s*NEEDED\s+(\S+)", re.MULTILINE)
GLIBC = re.compile(r"GLIBC_(\d+)\.(\d+)")


def elf_files(root: Path) -> list[Path]:
    """Every regular ELF file below ``root`` (symlinks are followed to the same file)."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def scan(root: Path) -> tuple[set[str], tuple[int, int]]:
    """(external sonames, highest GLIBC_x.y version) for the bundle at ``root``."""
    provided = {p.name for p in root.rglob("*")}
    needed: set[str] = set()
    glibc = (2, 17)
    for path in elf_files(root):
        out = subprocess.run(
            ["objdump", "-p", str(path)], capture_output=True, text=True, check=True
        ).stdout
        needed.update(NEEDED.findall(out))
        for major, minor in GLIBC.findall(out):
            glibc = max(glibc, (int(major), int(minor)))
    return {n for n in needed if n not in provided}, glibc


def soname_paths() -> dict[str, str]:
    """soname -> path from the dynamic linker cache (native architecture entries only)."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        soname = name.split(" ", 1)[0]
        if "x86-64" in name or "AArch64" in name or "64bit" in name:
            paths.setdefault(soname, path)
    return paths


def package_of(path: str) -> str | None:
    """Debian package owning ``path`` (tries the /usr-merged twin too)."""
    candidates = [
        path,
        path.replace("/usr/lib/", "/lib/", 1),
        path.replace("/lib/", "/usr/lib/", 1),
    ]
    for candidate in candidates:
        res = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if res.returncode == 0:
            return res.stdout.split(":", 1)[0].strip()
    return None


def main(argv: list[str]) -> int:
    if not argv or not Path(argv[0]).is_dir():
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    external, glibc = scan(Path(argv[0]))
    if "--deb" not in argv:
        print("\n".join(sorted(external)))
        print(f"GLIBC_{glibc[0]}.{glibc[1]}")
        return 0
    paths = soname_paths()
    packages = {f"libc6 (>= {glibc[0]}.{glibc[1]})"}
    unmapped = []
    for soname in sorted(external):
        package = package_of(paths[soname]) if soname in paths else None
        if package is None:
            unmapped.append(soname)
        elif package != "libc6":
            packages.add(package)
    if unmapped:
        print(
            f"needed_libs: no installed package provides {', '.join(unmapped)}; install them "
            "on the build host so the .deb can depend on them",
            file=sys.stderr,
        )
        return 1
    print(", ".join(sorted(packages)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
