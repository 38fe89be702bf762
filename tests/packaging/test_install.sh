#!/usr/bin/env bash
# Prove the .deb a QA tester installs: build it, install it with apt, run the installed app
# offscreen and on a real X server (Xvfb, xcb plugin, screenshot), run the headless probe,
# remove it and check nothing is left. Also guards the PySide6 6.12.0 None-refcount trap.
#
#   sudo bash tests/packaging/test_install.sh       (CI: .ci/run calls it as root)
#
# Environment: PYTHON (build venv interpreter, default ./.venv/bin/python), DEB_COMPRESS and
# DEB_LEVEL (default gzip -1: xz, the release compression, takes ~2.5 min on 2 cores and changes
# nothing that gets installed; lintian rejects zstd), REUSE_BUNDLE=1 (wrap an existing
# dist/icescope), SKIP_LINTIAN=1, ARTIFACTS (default ./artifacts). Exits non-zero with a message on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
T0=$(date +%s)
ARTIFACTS=${ARTIFACTS:-$ROOT/artifacts}
mkdir -p "$ARTIFACTS"
WORK=$(mktemp -d /tmp/icescope-install-test.XXXXXX)
chmod 755 "$WORK"
XVFB_PID=""
APP_PID=""
INSTALLED_BY_US=0

step() { printf '== [%3ss] %s\n' "$(($(date +%s) - T0))" "$*"; }
fail() {
    echo "test_install.sh: FAIL: $*" >&2
    exit 1
}
cleanup() {
    local rc=$?
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    if [ "$INSTALLED_BY_US" = 1 ] && dpkg -s icescope >/dev/null 2>&1; then
        apt-get remove --purge -y -qq icescope >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
    if [ $rc -eq 0 ]; then
        echo "test_install.sh: PASS in $(($(date +%s) - T0)) s"
    fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- preconditions
[ "$(id -u)" = 0 ] || fail "must run as root (it installs and removes a package with apt-get)"
for tool in apt-get dpkg-deb objdump Xvfb xwininfo import identify timeout runuser; do
    command -v "$tool" >/dev/null ||
        fail "'$tool' not found; install: dpkg-dev binutils xvfb x11-utils imagemagick util-linux"
done
if [ -n "${PYTHON:-}" ]; then PY=$PYTHON; elif [ -x .venv/bin/python ]; then PY=$ROOT/.venv/bin/python; else PY=python3; fi
export PYTHON=$PY

# ---------------------------------------------------------------- PySide6 6.12.0 trap
# PySide6 6.12.0 drops a reference to None per void call; on Python 3.11 the interpreter aborts
# a few seconds into a live connection (packaging/README.md). Checked on the very wheels that
# get frozen.
step "None refcount smoke test (build venv: $PY)"
QT_QPA_PLATFORM=offscreen "$PY" packaging/refcount_smoke.py ||
    fail "refcount(None) changed across Qt calls: the PySide6 6.12.0 trap (pin 6.11.3 and shiboken6 6.11.3)"

# ---------------------------------------------------------------- build
export DEB_COMPRESS=${DEB_COMPRESS:-gzip} DEB_LEVEL=${DEB_LEVEL-1}
step "build the .deb (DEB_COMPRESS=$DEB_COMPRESS DEB_LEVEL=$DEB_LEVEL)"
rm -f dist/icescope_*.deb
./packaging/build.sh deb || fail "packaging/build.sh deb failed"
# shellcheck disable=SC2206 # one file, glob expanded on purpose
debs=(dist/icescope_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected exactly one dist/icescope_*.deb, found: ${debs[*]}"
DEB=${debs[0]}
VERSION=$(dpkg-deb -f "$DEB" Version)

# The frozen bundle must carry the pinned Qt binding too (its dist-info is collected on purpose).
# (dist-info folder names are normalised differently by pip versions: compare case-insensitively)
for dist in pyside6_essentials-6.11.3.dist-info shiboken6-6.11.3.dist-info; do
    find dist/icescope/_internal -maxdepth 1 -iname "$dist" | grep -q . ||
        fail "bundle lacks $dist: not the pinned PySide6 6.11.3 (see the 6.12.0 trap)"
done

if [ "${SKIP_LINTIAN:-0}" != 1 ] && command -v lintian >/dev/null; then
    step "lintian"
    lintian --tag-display-limit 0 "$DEB" >"$WORK/lintian.txt" 2>&1 || true
    if grep -E '^[EW]: ' "$WORK/lintian.txt"; then
        fail "lintian errors/warnings above (exceptions belong in packaging/linux/lintian-overrides)"
    fi
fi

# ---------------------------------------------------------------- install
step "apt-get install ./$DEB"
if dpkg -s icescope >/dev/null 2>&1; then
    apt-get remove --purge -y -qq icescope >/dev/null
fi
INSTALLED_BY_US=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$DEB" \
    >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log" >&2; fail "apt-get install ./$DEB failed"; }

# Everything a package removal must take away again, checked after the purge below.
PAYLOAD=(/opt/icescope /usr/bin/icescope /usr/share/applications/icescope.desktop
    /usr/share/metainfo/io.github.icescope.IceScope.metainfo.xml
    /usr/share/icons/hicolor/256x256/apps/icescope.png
    /usr/share/icons/hicolor/scalable/apps/icescope.svg
    /usr/share/doc/icescope /usr/share/lintian/overrides/icescope)
for path in "${PAYLOAD[@]}"; do
    [ -e "$path" ] || fail "installed package lacks $path"
done
# The offline user guide (Help → User guide, F1) and the German catalogue travel as package data.
for data in qt/guide/en.html qt/guide/de.html qt/translations/icescope_de.qm; do
    [ -s "/opt/icescope/_internal/icescope/$data" ] || fail "installed bundle lacks icescope/$data"
done
# The Scenario menu's shipped examples (sys.prefix/share/icescope/scenarios in the bundle).
ls /opt/icescope/_internal/share/icescope/scenarios/*.toml >/dev/null 2>&1 \
    || fail "installed bundle lacks the example scenarios (share/icescope/scenarios/*.toml)"
[ "$(readlink /usr/bin/icescope)" = /opt/icescope/icescope ] || fail "/usr/bin/icescope is not the symlink into /opt"
got=$(/usr/bin/icescope --version) || fail "icescope --version failed"
[ "$got" = "icescope $VERSION" ] || fail "icescope --version says '$got', package is $VERSION"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/icescope.desktop || fail "desktop-file-validate"
fi

# ---------------------------------------------------------------- offscreen self-test
step "icescope --self-test (offscreen, root)"
QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/icescope --self-test >"$WORK/self-offscreen.txt" 2>&1 ||
    { cat "$WORK/self-offscreen.txt" >&2; fail "offscreen --self-test exited non-zero"; }
grep -q "self-test passed" "$WORK/self-offscreen.txt" || fail "offscreen --self-test did not report a pass"
grep -q "frozen=True" "$WORK/self-offscreen.txt" || fail "the installed app is not the frozen bundle"
grep -q "crc32c=c" "$WORK/self-offscreen.txt" || fail "google-crc32c fell back to pure Python in the bundle"
cp "$WORK/self-offscreen.txt" "$ARTIFACTS/installed-self-test-offscreen.txt"

# An ordinary user: nothing under /opt may need to be writable.
step "icescope --self-test (offscreen, user nobody)"
mkdir -p "$WORK/home" && chown nobody "$WORK/home"
runuser -u nobody -- env HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/home" QT_QPA_PLATFORM=offscreen \
    timeout 60 /usr/bin/icescope --self-test >"$WORK/self-nobody.txt" 2>&1 ||
    { cat "$WORK/self-nobody.txt" >&2; fail "--self-test as user nobody exited non-zero"; }

# ---------------------------------------------------------------- real X server (xcb)
step "Xvfb: --self-test and a screenshot of the window on the xcb plugin"
for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
export DISPLAY=":$n"
Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do
    [ -e "/tmp/.X11-unix/X$n" ] && break
    sleep 0.1
done
[ -e "/tmp/.X11-unix/X$n" ] || { cat "$WORK/xvfb.log" >&2; fail "Xvfb did not start on $DISPLAY"; }

QT_QPA_PLATFORM=xcb timeout 60 /usr/bin/icescope --self-test >"$WORK/self-xcb.txt" 2>&1 ||
    { cat "$WORK/self-xcb.txt" >&2; fail "--self-test on xcb exited non-zero (QT_DEBUG_PLUGINS=1 names a missing library)"; }
grep -q "self-test passed" "$WORK/self-xcb.txt" || fail "xcb --self-test did not report a pass"
cp "$WORK/self-xcb.txt" "$ARTIFACTS/installed-self-test-xcb.txt"

# The plain app, as a tester starts it: wait for its window, let the loopback session connect,
# take the screenshot, then close it with SIGINT (the app's clean-shutdown path).
QT_QPA_PLATFORM=xcb HOME="$WORK/home" /usr/bin/icescope --no-journal >"$WORK/gui.txt" 2>&1 &
APP_PID=$!
shown=0
for _ in $(seq 150); do
    if xwininfo -root -tree 2>/dev/null | grep -q '"IceScope'; then
        shown=1
        break
    fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
done
[ $shown = 1 ] || { cat "$WORK/gui.txt" >&2; fail "no IceScope window appeared on $DISPLAY within 15 s"; }
sleep 2 # the loopback session connects in well under a second; give the log time to fill
SHOT=$ARTIFACTS/installed-xcb-window.png
import -window root "$SHOT" || fail "screenshot (import -window root) failed"
kill -INT "$APP_PID"
app_rc=0
timeout 15 tail --pid="$APP_PID" -f /dev/null || fail "the app did not exit within 15 s of SIGINT"
wait "$APP_PID" || app_rc=$?
APP_PID=""
[ $app_rc = 0 ] || { cat "$WORK/gui.txt" >&2; fail "the app exited with $app_rc after SIGINT"; }
# A real window, not a blank screen: Xvfb's root is one colour until something draws.
colours=$(identify -format '%k' "$SHOT")
[ "$colours" -gt 16 ] || fail "screenshot $SHOT has only $colours colours: nothing was drawn"
kill "$XVFB_PID" && wait "$XVFB_PID" 2>/dev/null || true
XVFB_PID=""
unset DISPLAY

# ---------------------------------------------------------------- headless probe
step "icescope probe --duration 3 --restart-at 1"
probe_rc=0
timeout 60 /usr/bin/icescope probe --duration 3 --restart-at 1 --no-journal >"$WORK/probe.jsonl" 2>"$WORK/probe.err" || probe_rc=$?
[ $probe_rc = 0 ] || { cat "$WORK/probe.err" >&2; fail "icescope probe exited $probe_rc"; }
"$PY" - "$WORK/probe.jsonl" <<'EOF' || fail "probe output is not the expected JSON lines"
import json
import sys

lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
events = [json.loads(line) for line in lines]  # every line must be one JSON object
assert len(events) >= 5, f"only {len(events)} lines"
assert all(isinstance(e, dict) and "type" in e for e in events), "a line without 'type'"
summary = events[-1]
assert summary["type"] == "summary", f"last line is {summary['type']!r}, not the summary"
states = {e.get("state") for e in events if e["type"] == "iceconnectionstatechange"}
assert states & {"connected", "completed"}, f"ICE never connected: {sorted(map(str, states))}"
# The frozen app must run IceScope's ICE engine, not the degraded stock-aiortc fallback that
# icescope.core.ice.compat picks when the pinned aiortc/aioice metadata is missing.
codes = {e.get("code") for e in events if e["type"] == "notice"}
assert "degraded-ice" not in codes, "the ICE engine runs degraded in the bundle"
restarts = [e for e in events if e["type"] == "icerestart" and e.get("phase") == "complete"]
assert restarts, "the ICE restart at 1 s never completed"
print(f"probe: {len(events)} JSON lines, ICE states {sorted(map(str, states))}, "
      f"{len(restarts)} restart(s) completed")
EOF
cp "$WORK/probe.jsonl" "$ARTIFACTS/installed-probe.jsonl"

# ---------------------------------------------------------------- removal
step "apt-get remove --purge icescope"
apt-get remove --purge -y -qq icescope >"$WORK/remove.log" 2>&1 || { cat "$WORK/remove.log" >&2; fail "apt-get remove --purge failed"; }
INSTALLED_BY_US=0
dpkg -s icescope >/dev/null 2>&1 && fail "dpkg still knows icescope after purge"
left=()
for path in "${PAYLOAD[@]}"; do
    if [ -e "$path" ] || [ -L "$path" ]; then left+=("$path"); fi
done
while IFS= read -r path; do left+=("$path"); done < <(find /usr/share/icons/hicolor -name 'icescope.*' 2>/dev/null)
[ ${#left[@]} -eq 0 ] || fail "left behind after purge: ${left[*]}"
step "done: $DEB installed, self-tested (offscreen, nobody, xcb), probed and purged"
