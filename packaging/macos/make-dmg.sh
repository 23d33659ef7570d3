#!/usr/bin/env bash
# Pack "Backprop Studio.app" into a drag-to-Applications disk image.
#
#   bash packaging/macos/make-dmg.sh APP_PATH OUT.dmg
#
# The image holds the app, a link to /Applications and the licence; the student
# opens the .dmg and drags the app onto the link. Runs on macOS (hdiutil).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APP="${1:?usage: make-dmg.sh PATH/TO/Backprop\ Studio.app OUT.dmg}"
OUT="${2:?usage: make-dmg.sh PATH/TO/Backprop\ Studio.app OUT.dmg}"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
ditto "$APP" "$STAGE/$(basename "$APP")"
ln -s /Applications "$STAGE/Applications"
cp "$REPO/LICENSE" "$STAGE/LICENSE.txt"
mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
hdiutil create -volname "Backprop Studio" -srcfolder "$STAGE" -fs HFS+ -format UDZO -imagekey zlib-level=9 -ov "$OUT"
hdiutil verify "$OUT"
ls -l "$OUT"
