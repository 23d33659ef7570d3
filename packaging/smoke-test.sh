#!/usr/bin/env bash
# Install a built .deb on this machine, use it as a student would, remove it.
#
#   sudo bash packaging/smoke-test.sh dist/backprop-studio_<version>_amd64.deb
#
# Needs root and apt-get (it installs the package, its dependencies and the
# test tools: Xvfb, xdotool, ImageMagick, xdg-utils). Everything runs from an
# empty folder with a plain system PATH, so no project venv, checkout or
# working directory can help the installed app. Checks:
#   1. dpkg -i, then apt-get -f install for the dependencies
#   2. nodeeditor --version               the package's version
#   3. nodeeditor eval --json EXAMPLE      loss 220, input grads 2.2/110/200
#      nodeeditor check EXAMPLE            exit 0;  a bad file: exit 2, one line
#   4. nodeeditor export EXAMPLE -o x.png  offscreen, a real PNG
#   5. desktop entry valid; *.bpgraph is application/x-bpgraph, opened by us
#   6. under Xvfb: xdg-open FILE.bpgraph (the double-click path) shows a
#      window named "Backprop Studio"; screenshot; the app is closed
#   7. apt-get purge leaves nothing in /opt, /usr/bin or the MIME database
#
# Environment: BPS_SMOKE_OUT  where logs and screenshots go (default: a new
# folder under /tmp, printed at the end).
set -euo pipefail

DEB="${1:?usage: smoke-test.sh PATH/TO/backprop-studio_VERSION_amd64.deb}"
DEB="$(readlink -f "$DEB")"
[ -f "$DEB" ] || { echo "error: $DEB: no such file" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "error: run as root (it installs the package)" >&2; exit 2; }

PKG="$(dpkg-deb -f "$DEB" Package)"
VERSION="$(dpkg-deb -f "$DEB" Version)"
OUT="${BPS_SMOKE_OUT:-$(mktemp -d /tmp/bps-smoke.XXXXXX)}"
mkdir -p "$OUT"
OUT="$(readlink -f "$OUT")"
WORK="$(mktemp -d /tmp/bps-smoke-work.XXXXXX)"
export DEBIAN_FRONTEND=noninteractive

step=0
pass() { printf 'ok %s - %s\n' "$step" "$*"; }
fail() { printf 'not ok %s - %s\n' "$step" "$*"; echo "smoke test FAILED (logs in $OUT)" >&2; exit 1; }
next() { step=$((step + 1)); printf '\n# %s. %s\n' "$step" "$*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

XVFB_PID=""
APP_PID=""
cleanup() {
    if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# The installed app must work with nothing of the developer's around it.
clean_env() {
    env -i HOME="$WORK/home" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 XDG_RUNTIME_DIR="$WORK/run" "$@"
}
mkdir -p "$WORK/home" "$WORK/run"
chmod 700 "$WORK/run"
cd "$WORK"

# ------------------------------------------------------------------ tools
next "test tools"
# libfile-mimeinfo-perl: xdg-mime then reads the shared-mime-info database, as
# desktops do (without it, it asks file(1), which only sees JSON).
tools=(xvfb xdotool imagemagick x11-utils xdg-utils desktop-file-utils shared-mime-info
    libfile-mimeinfo-perl file)
missing=()
for p in "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$OUT/apt-tools.log" 2>&1 \
        || { cat "$OUT/apt-tools.log"; fail "apt-get install ${missing[*]}"; }
fi
pass "${tools[*]}"

# ---------------------------------------------------------------- install
next "install $(basename "$DEB")"
if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q 'ok installed'; then
    apt-get purge -y -qq "$PKG" >/dev/null
fi
t=$(now)
if ! dpkg -i "$DEB" >"$OUT/install.log" 2>&1; then
    # Missing dependencies: dpkg leaves the package unconfigured; apt fixes it.
    apt-get update -qq
    apt-get -f install -y -qq >>"$OUT/install.log" 2>&1 || { cat "$OUT/install.log"; fail "apt-get -f install"; }
fi
dpkg-query -W -f='${Status}' "$PKG" | grep -q 'ok installed' || fail "$PKG is not installed"
[ "$(clean_env sh -c 'command -v nodeeditor')" = /usr/bin/nodeeditor ] || fail "nodeeditor is not /usr/bin/nodeeditor"
pass "installed in $(since "$t") s; $(du -sh /opt/backprop-studio | cut -f1) in /opt/backprop-studio"
grep -q '^MIT License' "/usr/share/doc/$PKG/copyright" || fail "/usr/share/doc/$PKG/copyright lacks the MIT licence"

# --------------------------------------------------------------- version
next "nodeeditor --version"
got="$(clean_env nodeeditor --version)"
[ "$got" = "Backprop Studio $VERSION" ] || fail "--version printed '$got', expected 'Backprop Studio $VERSION'"
pass "$got"

# ------------------------------------------------------------------ eval
next "nodeeditor eval on the shipped example"
example="$(find /opt/backprop-studio -name '*buying_apples.bpgraph' -print -quit)"
[ -n "$example" ] || fail "no buying_apples example inside the package"
[ -n "$(find /opt/backprop-studio -name backprop_studio_ko.qm -print -quit)" ] || fail "no Korean catalogue inside the package"
cp "$example" "$WORK/buying apples.bpgraph"   # a space, as in real file names
t=$(now)
clean_env nodeeditor eval --json "$WORK/buying apples.bpgraph" >"$OUT/eval.json" 2>"$OUT/eval.err" \
    || { cat "$OUT/eval.err"; fail "eval exited non-zero"; }
eval_s=$(since "$t")
# The numbers of the textbook's apple example: L = 100*2*1.1 = 220,
# dL/d(apple price) = 2.2, dL/d(apples) = 110, dL/d(tax) = 200.
python3 - "$OUT/eval.json" <<'EOF' || fail "wrong numbers (see $OUT/eval.json)"
import json, math, sys
doc = json.load(open(sys.argv[1]))
nodes = doc["nodes"]
def close(a, b): return math.isclose(float(a), b, rel_tol=1e-9)
want = {"apple": 2.2, "num": 110.0, "tax": 200.0}
bad = [k for k, g in want.items() if not close(nodes[k]["grad"], g)]
out = [n for n in nodes.values() if close(n["value"], 220.0)]
assert not bad, f"wrong gradients for {bad}: {nodes}"
assert out, f"no node has the value 220: {nodes}"
print("  loss 220; dL/d(apple)=2.2, dL/d(num)=110, dL/d(tax)=200")
EOF
clean_env nodeeditor eval "$WORK/buying apples.bpgraph" >"$OUT/eval.txt"
grep -q '220' "$OUT/eval.txt" || fail "plain eval does not show the loss 220"
clean_env nodeeditor check "$WORK/buying apples.bpgraph" >"$OUT/check.txt" || fail "check exited non-zero"
printf '{"format": "nodeeditor-graph", "version": 1, "nodes": [{"id": "a", "type": "Squre"}], "edges": []}' >"$WORK/bad.bpgraph"
set +e
clean_env nodeeditor eval "$WORK/bad.bpgraph" >/dev/null 2>"$OUT/bad.err"
rc=$?
set -e
if [ "$rc" != 2 ] || [ "$(wc -l <"$OUT/bad.err")" != 1 ] || ! grep -q '^error: ' "$OUT/bad.err"; then
    cat "$OUT/bad.err"
    fail "bad file: exit $rc, expected 2 and one error line"
fi
pass "eval ${eval_s} s; check agrees; bad file -> exit 2: $(cat "$OUT/bad.err")"

# ---------------------------------------------------------------- export
next "nodeeditor export -o PNG (offscreen)"
t=$(now)
clean_env env QT_QPA_PLATFORM=offscreen nodeeditor export "$WORK/buying apples.bpgraph" -o "$WORK/export.png" \
    >"$OUT/export.log" 2>&1 || { cat "$OUT/export.log"; fail "export exited non-zero"; }
export_s=$(since "$t")
file "$WORK/export.png" | grep -q 'PNG image data' || fail "export did not write a PNG"
cp "$WORK/export.png" "$OUT/export.png"
dims="$(identify -format '%wx%h' "$WORK/export.png")"
colors="$(identify -format '%k' "$WORK/export.png")"
[ "$colors" -gt 8 ] || fail "exported PNG is blank ($colors colours)"
pass "export.png ${dims}, ${colors} colours, ${export_s} s"

# ------------------------------------------------------ desktop integration
next "desktop entry, MIME type, icon"
desktop=/usr/share/applications/backprop-studio.desktop
desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
[ -f /usr/share/icons/hicolor/scalable/apps/backprop-studio.svg ] || fail "no scalable app icon"
[ -f /usr/share/icons/hicolor/48x48/apps/backprop-studio.png ] || fail "no 48x48 app icon"
# The dpkg triggers of shared-mime-info and desktop-file-utils have run.
ftype="$(clean_env xdg-mime query filetype "$WORK/buying apples.bpgraph")"
[ "$ftype" = application/x-bpgraph ] || fail "*.bpgraph is '$ftype', expected application/x-bpgraph"
handler="$(clean_env xdg-mime query default application/x-bpgraph)"
[ "$handler" = backprop-studio.desktop ] || fail "application/x-bpgraph opens with '$handler'"
grep -q 'application/x-bpgraph=.*backprop-studio.desktop' /usr/share/applications/mimeinfo.cache \
    || fail "mimeinfo.cache does not bind application/x-bpgraph"
pass "$ftype -> $handler"

# -------------------------------------------------------------------- GUI
next "GUI under Xvfb, opened the way a double-click opens it (xdg-open)"
disp=""
for n in $(seq 91 120); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }; done
[ -n "$disp" ] || fail "no free X display number"
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do clean_env env DISPLAY="$disp" xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
clean_env env DISPLAY="$disp" xdpyinfo >/dev/null 2>&1 || fail "Xvfb did not start"
t=$(now)
clean_env env DISPLAY="$disp" xdg-open "$WORK/buying apples.bpgraph" >"$OUT/gui.log" 2>&1 &
OPENER_PID=$!   # xdg-open without a desktop runs the app in the foreground
win=""
for _ in $(seq 300); do
    kill -0 "$OPENER_PID" 2>/dev/null || { sleep 0.5; cat "$OUT/gui.log"; fail "the app exited before showing a window"; }
    win="$(clean_env env DISPLAY="$disp" xdotool search --onlyvisible --name 'Backprop Studio' 2>/dev/null | head -1 || true)"
    [ -n "$win" ] && break
    sleep 0.1
done
[ -n "$win" ] || { cat "$OUT/gui.log"; clean_env env DISPLAY="$disp" import -window root "$OUT/gui-fail.png" || true; fail "no 'Backprop Studio' window within 30 s"; }
window_s=$(since "$t")
APP_PID="$(clean_env env DISPLAY="$disp" xdotool getwindowpid "$win")"
title="$(clean_env env DISPLAY="$disp" xdotool getwindowname "$win")"
[ "$(readlink -f "/proc/$APP_PID/exe")" = /opt/backprop-studio/nodeeditor ] \
    || fail "the window belongs to $(readlink -f "/proc/$APP_PID/exe"), not the installed app"
# The window icon comes from nodeeditor/resources/icons inside the frozen app (resources/ in the checkout):
# proof that resources are found through the package, not the working folder.
clean_env env DISPLAY="$disp" xprop -id "$win" _NET_WM_ICON >"$OUT/wm-icon.txt" 2>&1 || true
grep -q '_NET_WM_ICON(CARDINAL) = ' "$OUT/wm-icon.txt" || fail "the window has no icon (resources not found?)"
sleep 2   # let the first evaluation paint the labels
kill -0 "$APP_PID" 2>/dev/null || { cat "$OUT/gui.log"; fail "the app died after showing its window"; }
clean_env env DISPLAY="$disp" import -window root "$OUT/gui.png"
geometry="$(clean_env env DISPLAY="$disp" xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p')"
colors="$(identify -format '%k' "$OUT/gui.png")"
[ "$colors" -gt 16 ] || fail "the screenshot is blank ($colors colours)"
kill "$APP_PID"
for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$APP_PID" 2>/dev/null; then kill -9 "$APP_PID"; fi
APP_PID=""
if grep -qiE 'Traceback|Fatal Python error|could not load the Qt platform plugin' "$OUT/gui.log"; then
    cat "$OUT/gui.log"
    fail "the app wrote an error"
fi
pass "window '$title' ${geometry} after ${window_s} s; screenshot $OUT/gui.png"

# ----------------------------------------------------------------- remove
next "purge"
apt-get purge -y -qq "$PKG" >"$OUT/remove.log" 2>&1 || { cat "$OUT/remove.log"; fail "apt-get purge"; }
left=()
for f in /opt/backprop-studio /usr/bin/nodeeditor /usr/share/applications/backprop-studio.desktop \
    /usr/share/mime/packages/backprop-studio.xml /usr/share/icons/hicolor/scalable/apps/backprop-studio.svg; do
    [ -e "$f" ] || [ -L "$f" ] && left+=("$f")
done
[ ${#left[@]} = 0 ] || fail "left behind: ${left[*]}"
! grep -q 'backprop-studio' /usr/share/applications/mimeinfo.cache 2>/dev/null || fail "mimeinfo.cache still names the app"
[ "$(clean_env xdg-mime query filetype "$WORK/buying apples.bpgraph")" != application/x-bpgraph ] \
    || fail "the MIME type is still registered"
pass "nothing left behind"

printf '\nsmoke test passed: %s %s (logs and screenshots in %s)\n' "$PKG" "$VERSION" "$OUT"
