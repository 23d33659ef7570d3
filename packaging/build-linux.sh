#!/usr/bin/env bash
# Build dist/backprop-studio_<version>_amd64.deb from this checkout.
#
#   bash packaging/build-linux.sh            # run from anywhere, as root or not
#
# Steps: a fresh build venv (pinned numpy + PySide6-Essentials + PyInstaller),
# PyInstaller with packaging/backprop-studio.spec (one folder, without the
# system libraries), strip Python's own libraries, lay out the package tree
# (/opt/backprop-studio, /usr/bin/nodeeditor, desktop entry, MIME type,
# icons), compute Depends with dpkg-shlibdeps, and dpkg-deb --build.
#
# Environment (all optional):
#   PYTHON           interpreter for the build venv (default: python3; needs a
#                    shared libpython, as pyenv/python.org/Debian builds have)
#   BPS_BUILD_DIR    scratch folder (default: <repo>/build/packaging)
#   BPS_DIST_DIR     where the .deb goes (default: <repo>/dist)
#   BPS_REUSE_VENV=1 keep an existing build venv instead of recreating it
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
BUILD="${BPS_BUILD_DIR:-$REPO/build/packaging}"
DIST="${BPS_DIST_DIR:-$REPO/dist}"
VENV="$BUILD/venv"
APP=backprop-studio
PREFIX=/opt/$APP
ARCH=amd64

log() { printf '\n== %s\n' "$*" >&2; }
t0=$(date +%s)

VERSION="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' "$REPO/nodeeditor/__init__.py")"
[ -n "$VERSION" ] || { echo "error: no __version__ in nodeeditor/__init__.py" >&2; exit 2; }
DEB="$DIST/${APP}_${VERSION}_${ARCH}.deb"

# ------------------------------------------------------------ build tools
need=()
command -v dpkg-deb >/dev/null || need+=(dpkg)
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
command -v objdump >/dev/null && command -v strip >/dev/null || need+=(binutils)
"$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
# dpkg-shlibdeps can only map a library to its package when it is installed:
# the system libraries the frozen Qt links (X11/xcb, Wayland, EGL/GL, fonts).
QT_RUNTIME_PKGS=(libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
    libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
    libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon0
    libxkbcommon-x11-0 libwayland-client0 libwayland-cursor0 libwayland-egl1)
for p in "${QT_RUNTIME_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    log "installing build tools: ${need[*]}"
    if [ "$(id -u)" != 0 ]; then echo "error: need ${need[*]} (run as root, or install them)" >&2; exit 2; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# -------------------------------------------------------------- build venv
if [ "${BPS_REUSE_VENV:-0}" != 1 ] || [ ! -x "$VENV/bin/python" ]; then
    log "build venv: $VENV ($("$PYTHON" --version))"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" -m pip install -q --disable-pip-version-check -U pip
# The app's declared dependencies (pyproject.toml) at the pinned versions.
"$PY" -c 'import tomllib' 2>/dev/null || "$PY" -m pip install -q --disable-pip-version-check tomli  # Python 3.10
deps="$("$PY" "$REPO/packaging/project_deps.py")"
mapfile -t dep_list < <(printf '%s\n' "$deps" | sed '/^$/d')
"$PY" -m pip install -q --disable-pip-version-check \
    -r "$REPO/packaging/requirements-freeze.txt" "${dep_list[@]}" \
    -c "$REPO/packaging/requirements-freeze.txt"

# ------------------------------------------------------------- freeze
log "PyInstaller $VERSION"
rm -rf "$BUILD/pyinstaller"
(
    cd "$REPO"
    BPS_SYSTEM_LIBS=exclude "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$BUILD/pyinstaller/dist" --workpath "$BUILD/pyinstaller/work" \
        packaging/backprop-studio.spec
)
FROZEN="$BUILD/pyinstaller/dist/$APP"
# Python's own libraries come with debug symbols (about 20 MB). The wheels'
# libraries are stripped already, and stripping their patchelf-ed copies
# breaks them, so only these are touched.
find "$FROZEN/_internal" -maxdepth 1 -name 'libpython*.so*' -type f -exec strip --strip-unneeded {} +
find "$FROZEN/_internal" -path '*/lib-dynload/*.so' -type f -exec strip --strip-unneeded {} +
"$FROZEN/nodeeditor" --version

# ------------------------------------------------------------ package tree
log "package tree"
ROOT="$BUILD/deb/root"
rm -rf "$BUILD/deb"
mkdir -p "$ROOT$PREFIX" "$ROOT/usr/bin" "$ROOT/DEBIAN" \
    "$ROOT/usr/share/applications" "$ROOT/usr/share/mime/packages" \
    "$ROOT/usr/share/icons/hicolor/scalable/apps" "$ROOT/usr/share/icons/hicolor/scalable/mimetypes" \
    "$ROOT/usr/share/doc/$APP" "$ROOT/usr/share/metainfo"
cp -a "$FROZEN/." "$ROOT$PREFIX/"
ln -s "$PREFIX/nodeeditor" "$ROOT/usr/bin/nodeeditor"

ICON_SVG="$REPO/resources/icons/$APP.svg"
install -m 644 "$ICON_SVG" "$ROOT/usr/share/icons/hicolor/scalable/apps/$APP.svg"
install -m 644 "$ICON_SVG" "$ROOT/usr/share/icons/hicolor/scalable/mimetypes/application-x-bpgraph.svg"
QT_QPA_PLATFORM=offscreen "$PY" "$REPO/packaging/make_icons.py" "$BUILD/icons" >/dev/null
for n in 16 24 32 48 64 128 256 512; do
    for kind in apps/$APP mimetypes/application-x-bpgraph; do
        install -D -m 644 "$BUILD/icons/$APP-$n.png" "$ROOT/usr/share/icons/hicolor/${n}x${n}/$kind.png"
    done
done
install -m 644 "$REPO/packaging/linux/$APP.desktop" "$ROOT/usr/share/applications/$APP.desktop"
install -m 644 "$REPO/packaging/linux/$APP-mime.xml" "$ROOT/usr/share/mime/packages/$APP.xml"
sed "s/@VERSION@/$VERSION/g; s/@DATE@/$(date -u +%Y-%m-%d)/g" "$REPO/packaging/linux/$APP.metainfo.xml" \
    >"$ROOT/usr/share/metainfo/org.backpropstudio.BackpropStudio.metainfo.xml"
# Debian's copyright file: our MIT licence, then the components bundled with it.
{ cat "$REPO/LICENSE"; echo; cat "$REPO/packaging/linux/copyright"; } >"$ROOT/usr/share/doc/$APP/copyright"
# Normal permissions whatever the umask of the build machine.
find "$ROOT" -type d -exec chmod 755 {} +
find "$ROOT" -type f ! -perm -u+x -exec chmod 644 {} +
find "$ROOT" -type f -perm -u+x -exec chmod 755 {} +

# --------------------------------------------------------------- Depends
# Every ELF file of the frozen app; dpkg-shlibdeps maps the libraries they
# need from the system to Debian packages (with minimum versions). The app's
# private libraries (Qt, ICU, OpenBLAS, libpython) are found inside the tree.
log "Depends (dpkg-shlibdeps)"
mapfile -t elves < <(find "$ROOT$PREFIX" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c \
    'for f; do head -c4 "$f" | grep -q ELF && echo "$f"; done' sh {} +)
private_dirs=()
while IFS= read -r d; do private_dirs+=("-l$d"); done < <(
    for f in "${elves[@]}"; do case "$f" in *.so*) dirname "$f" ;; esac; done | sort -u)
SHLIB="$BUILD/deb/shlibdeps"
mkdir -p "$SHLIB/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: %s\n' "$APP" "$APP" "$ARCH" >"$SHLIB/debian/control"
shlib_depends="$(cd "$SHLIB" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 \
    "${private_dirs[@]}" "${elves[@]/#/-e}" 2>"$SHLIB/warnings.txt" | sed -n 's/^shlibs:Depends=//p')"
[ -n "$shlib_depends" ] || { cat "$SHLIB/warnings.txt" >&2; echo "error: dpkg-shlibdeps found nothing" >&2; exit 1; }
# Loaded at run time without being linked (dlopen): the xcb cursor library
# (Qt >= 6.5 refuses to start on X11 without it), OpenGL/EGL for the xcb GL
# integrations, and a font for the labels.
extra_depends="libxcb-cursor0, libegl1, libgl1, libxkbcommon-x11-0, fontconfig, fonts-dejavu-core | fonts-liberation2 | fonts-noto-core"
depends="$(printf '%s, %s' "$shlib_depends" "$extra_depends" | tr ',' '\n' | sed 's/^ *//; s/ *$//' \
    | awk 'NF { name = $1; if ($0 ~ /\|/) name = $0; if (!seen[name]++) print }' \
    | paste -sd, - | sed 's/,/, /g')"
installed_kb="$(du -sk --apparent-size "$ROOT" --exclude=DEBIAN | cut -f1)"

cat >"$ROOT/DEBIAN/control" <<EOF
Package: $APP
Version: $VERSION
Architecture: $ARCH
Maintainer: Backprop Studio developers <maintainers@backprop-studio.invalid>
Installed-Size: $installed_kb
Depends: $depends
Recommends: fonts-noto-cjk | fonts-nanum, shared-mime-info, desktop-file-utils, hicolor-icon-theme, xdg-utils
Section: education
Priority: optional
Description: see forward values and gradients flow through a computational graph
 Backprop Studio teaches backpropagation: drag Add, Mul, Square, Exp and
 other nodes onto a canvas, wire them into a computational graph, and see on
 every wire the forward value and the backward gradient, live, while editing.
 .
 Self-contained: it brings its own Python, numpy and Qt in $PREFIX.
 Opens .bpgraph files (a double-click in the file manager) and has a command
 line: nodeeditor eval FILE, nodeeditor check FILE, nodeeditor export FILE.
EOF
# No maintainer scripts: the MIME, desktop and icon caches are refreshed by
# the dpkg triggers of shared-mime-info, desktop-file-utils and the icon theme.

# ----------------------------------------------------------------- build
log "dpkg-deb"
mkdir -p "$DIST"
rm -f "$DEB"
dpkg-deb --build --root-owner-group -Zxz "$ROOT" "$DEB" >/dev/null
deb_bytes=$(stat -c %s "$DEB")
awk -v deb="$DEB" -v b="$deb_bytes" -v k="$installed_kb" -v t="$(($(date +%s) - t0))" 'BEGIN {
    printf "\nbuilt %s\n  .deb size:      %d bytes (%.1f MB)\n", deb, b, b / 1e6
    printf "  installed size: %d KiB (%.1f MB)\n  build time:     %d s\n", k, k * 1024 / 1e6, t }'
printf '  Depends: %s\n' "$depends"
limit=$((60 * 1000 * 1000))
if [ "$deb_bytes" -gt "$limit" ]; then
    echo "error: $DEB is larger than 60 MB" >&2
    exit 1
fi
