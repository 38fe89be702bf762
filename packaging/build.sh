#!/usr/bin/env bash
# Build IceScope's Linux artefacts into dist/:
#   ./packaging/build.sh [deb] [rpm] [tar] [bundle]     (default: deb)
# The PyInstaller onedir bundle (dist/icescope/) is built once per call and then wrapped in
# every requested format. Environment:
#   PYTHON=...        interpreter of the venv to build from; icescope and its dependencies must
#                     be installed there. Default: ./.venv (or ICESCOPE_VENV), set up or brought
#                     up to date by `./dev setup` first, so a fresh clone builds on its own.
#   VARIANT=slim|min|plain, STRIP=1|0   passed to packaging/icescope.spec
#   REUSE_BUNDLE=1    wrap an existing dist/icescope/ instead of rebuilding it
#   DEB_COMPRESS=xz   dpkg-deb compressor (xz for releases; gzip with DEB_LEVEL=1 is ~20x faster)
#   DEB_LEVEL=N       dpkg-deb compression level (default 9 for xz, else dpkg's default)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PYINSTALLER_PIN="pyinstaller==6.22.3"
HOOKS_PIN="pyinstaller-hooks-contrib==2026.9"

die() { echo "build.sh: $*" >&2; exit 1; }
step() { echo "== $*"; }

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(deb)
for t in "${targets[@]}"; do
    case "$t" in deb | rpm | tar | bundle) ;; *) die "unknown target '$t' (deb, rpm, tar, bundle)" ;; esac
done

command -v objdump >/dev/null || die "objdump not found: install binutils (PyInstaller needs it on Linux)"
if [ -n "${PYTHON:-}" ]; then
    PY=$PYTHON
    command -v "$PY" >/dev/null || die "no Python at '$PY' (PYTHON=)"
else
    # The app's venv, exactly as `./dev run` makes it (created, or re-installed when
    # pyproject.toml changed; nothing to do when it is current). The test tools are not needed.
    step "venv: ./dev setup"
    PY=$(./dev setup | tail -n 1) || die "./dev setup could not set up the venv (its message is above)"
fi
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "$PY is older than Python 3.11"

# icescope must be installed in that interpreter, and the PySide6 6.12.0 + Python 3.11
# None-refcount crash (packaging/README.md) ships silently if the wrong wheel is in the venv:
# refuse to freeze anything but the pinned pair, and say what was found.
"$PY" - <<'EOF' || die "cannot freeze with $PY (what is wrong is said above)"
import sys
from importlib.metadata import PackageNotFoundError, version


def found(dist):
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


problems = []
if found("icescope") is None:
    problems.append("icescope is not installed (pip install -e . with it, or leave PYTHON unset)")
if sys.version_info < (3, 12):
    for dist in ("PySide6-Essentials", "shiboken6"):
        have = found(dist)
        if have != "6.11.3":
            what = "not installed" if have is None else f"{have} is installed"
            problems.append(f"{dist}: Python 3.11 needs 6.11.3 (the 6.12.0 trap in packaging/README.md); {what}")
elif found("PySide6-Essentials") is None:
    problems.append("PySide6-Essentials is not installed")
for line in problems:
    print(f"build.sh: {sys.executable}: {line}", file=sys.stderr)
sys.exit(1 if problems else 0)
EOF

if ! "$PY" -c 'import PyInstaller, sys; sys.exit(PyInstaller.__version__ != "6.22.3")' 2>/dev/null; then
    step "installing $PYINSTALLER_PIN $HOOKS_PIN into $("$PY" -c 'import sys; print(sys.prefix)')"
    "$PY" -m pip install -q "$PYINSTALLER_PIN" "$HOOKS_PIN"
fi

BUNDLE=dist/icescope
if [ "${REUSE_BUNDLE:-0}" = 1 ] && [ -x "$BUNDLE/icescope" ]; then
    step "reusing $BUNDLE"
else
    step "PyInstaller bundle (VARIANT=${VARIANT:-slim} STRIP=${STRIP:-1})"
    start=$(date +%s)
    "$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
        --workpath build/pyinstaller packaging/icescope.spec
    echo "bundle: $(du -sm "$BUNDLE" | cut -f1) MB, $(find "$BUNDLE" -type f | wc -l) files," \
        "$(($(date +%s) - start)) s"
fi

# The version comes from the package metadata frozen into the bundle, which also proves the
# bundle starts; it must agree with pyproject.toml.
VERSION=$("$BUNDLE/icescope" --version | awk '{print $2}')
PYPROJECT_VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
[ "$VERSION" = "$PYPROJECT_VERSION" ] ||
    die "bundle reports version '$VERSION' but pyproject.toml says '$PYPROJECT_VERSION' (stale install?)"
echo "version: $VERSION"

# The files every Linux package installs besides the bundle, laid out under $1.
stage_tree() {
    local root=$1
    rm -rf "$root"
    mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
        "$root/usr/share/metainfo" "$root/usr/share/doc/icescope"
    cp -a "$BUNDLE" "$root/opt/icescope"
    # The bootloader resolves the symlink to find _internal/ next to the real executable.
    ln -s /opt/icescope/icescope "$root/usr/bin/icescope"
    install -m 644 resources/linux/icescope.desktop "$root/usr/share/applications/"
    install -m 644 resources/linux/io.github.icescope.IceScope.metainfo.xml "$root/usr/share/metainfo/"
    for png in resources/icons/hicolor/*/apps/icescope.png; do
        local size
        size=$(basename "$(dirname "$(dirname "$png")")")
        install -D -m 644 "$png" "$root/usr/share/icons/hicolor/$size/apps/icescope.png"
    done
    install -D -m 644 resources/icons/icescope.svg "$root/usr/share/icons/hicolor/scalable/apps/icescope.svg"
    install -m 644 packaging/linux/copyright "$root/usr/share/doc/icescope/copyright"
    # Only the bootloader is executed; libraries and data are 644 like Debian's own
    # (lintian shared-library-is-executable, executable-not-elf-or-script). av's wheel ships a
    # __pycache__ inside its dist-info, which is build debris.
    find "$root/opt/icescope/_internal" -type f -exec chmod 644 {} +
    find "$root/opt/icescope" -type d -name __pycache__ -prune -exec rm -rf {} +
    find "$root" -type d -exec chmod 755 {} +
}

build_deb() {
    local arch root deb depends extra
    command -v dpkg-deb >/dev/null || die "dpkg-deb not found (apt-get install dpkg-dev)"
    arch=$(dpkg --print-architecture)
    root=build/deb-root
    deb=dist/icescope_${VERSION}_${arch}.deb
    step "deb: $deb"
    stage_tree "$root"
    mkdir -p "$root/usr/share/lintian/overrides" "$root/DEBIAN"
    install -m 644 packaging/linux/lintian-overrides "$root/usr/share/lintian/overrides/icescope"
    printf 'icescope (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- IceScope developers <icescope@users.noreply.github.com>  %s\n' \
        "$VERSION" "$VERSION" "$(date -R -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")" |
        gzip -9n >"$root/usr/share/doc/icescope/changelog.gz"
    chmod 644 "$root/usr/share/doc/icescope/changelog.gz"
    # Depends = every system library the bundle links to (ELF scan -> dpkg -S, glibc floor from
    # symbol versions) plus Qt's X11/Wayland requirements (deb-depends.txt).
    depends=$("$PY" packaging/linux/needed_libs.py "$BUNDLE" --deb)
    extra=$(grep -v -e '^#' -e '^$' packaging/linux/deb-depends.txt | paste -sd, | sed 's/,/, /g')
    depends=$(printf '%s, %s' "$depends" "$extra" | tr ',' '\n' | sed 's/^ *//' | sort -u | paste -sd, | sed 's/,/, /g')
    cat >"$root/DEBIAN/control" <<EOF
Package: icescope
Version: $VERSION
Architecture: $arch
Maintainer: IceScope developers <icescope@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Recommends: fonts-dejavu-core
Section: net
Priority: optional
Homepage: https://github.com/icescope/icescope
Description: monitor a WebRTC connection's ICE state live
 IceScope hosts a real WebRTC peer and shows its ICE connection state (all
 seven W3C values) live, with an event log of every state change, controls
 to restart ICE, close, impair the network and start a new session, and a
 headless probe mode that prints the events as JSON lines.
 .
 This package is a self-contained bundle under /opt/icescope (Python, Qt 6,
 FFmpeg and OpenSSL included).
EOF
    local start
    start=$(date +%s)
    # xz -9 by default: 55 MiB instead of 57 MiB at -6, for ~2 min more on 2 cores (its 64 MiB
    # dictionary leaves one block, so one thread). Releases only; the install test uses gzip -1.
    local compress=${DEB_COMPRESS:-xz} level=${DEB_LEVEL:-}
    [ "$compress" = xz ] && [ -z "$level" ] && level=9
    dpkg-deb --root-owner-group "-Z$compress" ${level:+"-z$level"} --threads-max="$(nproc)" \
        --build "$root" "$deb" >/dev/null
    echo "deb: $(du -m "$deb" | cut -f1) MB, $(($(date +%s) - start)) s"
}

build_rpm() {
    local arch root top
    command -v rpmbuild >/dev/null || die "rpmbuild not found (apt-get install rpm, or dnf install rpm-build)"
    arch=$(uname -m)
    root=$ROOT/build/rpm-root
    top=$ROOT/build/rpm
    step "rpm: dist/icescope-$VERSION-1.$arch.rpm"
    stage_tree "$root"
    rm -rf "$top" && mkdir -p "$top"
    local start
    start=$(date +%s)
    # The glibc floor is that of the build runner (an RHEL 9-class runner gives 2.34).
    rpmbuild -bb --quiet \
        --define "_topdir $top" \
        --define "stage_root $root" \
        --define "icescope_version $VERSION" \
        --define "glibc_floor $("$PY" packaging/linux/needed_libs.py "$BUNDLE" | sed -n 's/^GLIBC_//p')" \
        packaging/linux/icescope.rpm.spec
    mv "$top"/RPMS/*/icescope-"$VERSION"-1.*.rpm dist/
    echo "rpm: $(du -m dist/icescope-"$VERSION"-1.*.rpm | cut -f1) MB, $(($(date +%s) - start)) s"
}

build_tar() {
    local name tarball stage
    name=icescope-$VERSION-linux-$(uname -m)
    tarball=dist/$name.tar.xz
    stage=build/tar/$name
    step "tar: $tarball"
    rm -rf build/tar && mkdir -p "$stage/share/applications" "$stage/share/icons"
    cp -a "$BUNDLE" "$stage/icescope"
    install -m 644 resources/linux/icescope.desktop "$stage/share/applications/"
    install -m 644 resources/icons/icescope.svg resources/icons/hicolor/256x256/apps/icescope.png \
        "$stage/share/icons/"
    install -m 644 packaging/linux/copyright "$stage/COPYRIGHT"
    install -m 644 packaging/linux/README.tarball "$stage/README"
    local start
    start=$(date +%s)
    tar -C build/tar --owner=0 --group=0 --numeric-owner -cf - "$name" | xz -T0 -6 >"$tarball"
    echo "tar: $(du -m "$tarball" | cut -f1) MB, $(($(date +%s) - start)) s"
}

for t in "${targets[@]}"; do
    case "$t" in
        deb) build_deb ;;
        rpm) build_rpm ;;
        tar) build_tar ;;
        bundle) ;;
    esac
done
