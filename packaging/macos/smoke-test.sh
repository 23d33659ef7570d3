#!/usr/bin/env bash
# Use the macOS disk image as a student would: mount, copy the app to an
# Applications folder, run it, open a .bpgraph with it, remove it.
#
#   bash packaging/macos/smoke-test.sh dist/backprop-studio-X.Y.Z-macos-ARCH.dmg X.Y.Z
set -euo pipefail
DMG="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
VERSION="${2:?usage: smoke-test.sh DMG VERSION}"
OUT="${BPS_SMOKE_OUT:-$PWD/smoke-macos}"
mkdir -p "$OUT"
WORK="$(mktemp -d)"
MNT="$WORK/mnt"
APPS="$HOME/Applications"
APP="$APPS/Backprop Studio.app"
EXE="$APP/Contents/MacOS/nodeeditor"
APP_PID=""
cleanup() {
    if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
    hdiutil detach "$MNT" -quiet 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "not ok - $*"; exit 1; }
ok() { echo "ok - $*"; }
cd "$WORK"

# 1. mount and "drag to Applications"
mkdir -p "$MNT" "$APPS"
hdiutil attach "$DMG" -nobrowse -readonly -mountpoint "$MNT" -quiet
[ -L "$MNT/Applications" ] || fail "no Applications link in the image"
grep -q '^MIT License' "$MNT/LICENSE.txt" || fail "no LICENSE.txt in the image"
rm -rf "$APP"
ditto "$MNT/Backprop Studio.app" "$APP"
hdiutil detach "$MNT" -quiet
plutil -lint "$APP/Contents/Info.plist" >/dev/null || fail "bad Info.plist"
[ "$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$APP/Contents/Info.plist")" = "$VERSION" ] \
    || fail "Info.plist does not carry version $VERSION"
/usr/libexec/PlistBuddy -c 'Print :CFBundleDocumentTypes:0:LSItemContentTypes:0' "$APP/Contents/Info.plist" \
    | grep -q org.backpropstudio.bpgraph || fail "no .bpgraph document type"
icon="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleIconFile' "$APP/Contents/Info.plist")"
[ -f "$APP/Contents/Resources/$icon" ] || [ -f "$APP/Contents/Resources/$icon.icns" ] || fail "no app icon ($icon)"
[ -n "$(find "$APP/Contents" -name LICENSE -print -quit)" ] || fail "no LICENSE inside the app"
ok "installed $APP"

# 2. version, 3. eval, 4. export
got="$("$EXE" --version)"
[ "$got" = "Backprop Studio $VERSION" ] || fail "--version printed '$got'"
ok "$got"
example="$(find "$APP" -name '*buying_apples.bpgraph' -print -quit)"
[ -n "$example" ] || fail "no buying_apples example in the bundle"
[ -n "$(find "$APP" -name backprop_studio_ko.qm -print -quit)" ] || fail "no Korean catalogue in the bundle"
cp "$example" "$WORK/buying apples.bpgraph"
"$EXE" eval --json "$WORK/buying apples.bpgraph" >"$OUT/eval.json"
python3 - "$OUT/eval.json" <<'PY' || fail "wrong numbers (see $OUT/eval.json)"
import json, math, sys
nodes = json.load(open(sys.argv[1]))["nodes"]
for k, g in {"apple": 2.2, "num": 110.0, "tax": 200.0}.items():
    assert math.isclose(float(nodes[k]["grad"]), g, rel_tol=1e-9), (k, nodes[k])
assert any(math.isclose(float(n["value"]), 220.0) for n in nodes.values()), nodes
PY
ok "eval: loss 220, gradients 2.2 / 110 / 200"
QT_QPA_PLATFORM=offscreen "$EXE" export "$WORK/buying apples.bpgraph" -o "$OUT/export.png"
file "$OUT/export.png" | grep -q 'PNG image data' || fail "export did not write a PNG"
ok "export.png"

# 5. the document type is bound to the app (what a double-click asks)
LSREGISTER=/System/Library/Frameworks/CoreServices.framework/Frameworks/LaunchServices.framework/Support/lsregister
"$LSREGISTER" -f "$APP"
handler="$(osascript -l JavaScript -e '
  ObjC.import("AppKit");
  function run(argv) {
    var u = $.NSWorkspace.sharedWorkspace.URLForApplicationToOpenURL($.NSURL.fileURLWithPath(argv[0]));
    return u.isNil() ? "" : u.path.js;
  }' "$WORK/buying apples.bpgraph")"
[ "$handler" = "$APP" ] || fail ".bpgraph opens with '$handler', expected $APP"
ok ".bpgraph -> $handler"

# 6. the GUI, opened the way Finder opens a double-clicked document
open -a "$APP" "$WORK/buying apples.bpgraph"
for _ in $(seq 60); do
    APP_PID="$(pgrep -f "$EXE" | head -1 || true)"
    [ -n "$APP_PID" ] && break
    sleep 0.5
done
[ -n "$APP_PID" ] || fail "the app did not start"
sleep 8
kill -0 "$APP_PID" 2>/dev/null || fail "the app quit by itself"
screencapture -x "$OUT/gui.png" || echo "(no screenshot)"
ok "app running (pid $APP_PID)"
kill "$APP_PID"
APP_PID=""

# 7. remove
rm -rf "$APP"
"$LSREGISTER" -u "$APP" 2>/dev/null || true
[ ! -e "$APP" ] || fail "could not remove $APP"
ok "removed"
echo "macOS smoke test passed"
