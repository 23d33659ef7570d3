#!/bin/sh
# Refresh the Korean catalogue after changing user-visible strings:
#   1. pyside6-lupdate collects every tr()/translate()/QT_TRANSLATE_NOOP (alias _T)
#      from nodeeditor/**/*.py into backprop_studio_ko.ts, keeping the existing
#      translations (changed or new strings come back as type="unfinished");
#   2. translate those in the .ts (Qt Linguist, or any editor);
#   3. run this script again: pyside6-lrelease compiles the .ts into the .qm the
#      app loads. Commit both files; tests/test_translations.py fails on any string
#      left untranslated and on a .qm older than its .ts.
#
# Usage: tools/update_translations.sh     (PYSIDE_BIN=/path/to/venv/bin to choose the tools)
set -eu

cd "$(dirname "$0")/.."
bin="${PYSIDE_BIN:-}"
if [ -z "$bin" ]; then
    if command -v pyside6-lupdate >/dev/null 2>&1; then
        bin="$(dirname "$(command -v pyside6-lupdate)")"
    elif [ -x /work/venv/bin/pyside6-lupdate ]; then
        bin=/work/venv/bin
    else
        echo "pyside6-lupdate not found: activate the venv or set PYSIDE_BIN" >&2
        exit 1
    fi
fi

dir=resources/translations
ts="$dir/backprop_studio_ko.ts"
qm="$dir/backprop_studio_ko.qm"

# Sorted, so the catalogue does not churn with the order the shell lists files in.
sources=$(find nodeeditor -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)

# shellcheck disable=SC2086  # one argument per source file
"$bin/pyside6-lupdate" $sources \
    -tr-function-alias QT_TRANSLATE_NOOP+=_T \
    -locations relative -no-obsolete \
    -source-language en -target-language ko \
    -ts "$ts"
"$bin/pyside6-lrelease" "$ts" -qm "$qm"

unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
if [ "$unfinished" -gt 0 ]; then
    echo "$unfinished message(s) still need a Korean translation in $ts" >&2
    exit 1
fi
