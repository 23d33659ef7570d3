"""Cheap checks of the installer recipes; the real build and smoke test run in packaging/ci.sh."""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"


def test_app_icon_is_a_valid_svg_inside_the_package() -> None:
    icon = RESOURCES / "icons" / "backprop-studio.svg"
    root = ET.parse(icon).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


def test_desktop_entry_opens_bpgraph_files_with_the_command() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / "linux" / "backprop-studio.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application"
    assert d["Name"] == "Backprop Studio"
    assert d["Exec"] == "nodeeditor %f"
    assert d["Icon"] == "backprop-studio"
    assert d["Terminal"] == "false"
    assert "application/x-bpgraph" in d["MimeType"].split(";")


def test_mime_type_globs_bpgraph_and_is_json() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(PACKAGING / "linux" / "backprop-studio-mime.xml").getroot()
    mime = root.find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == "application/x-bpgraph"
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.bpgraph"]
    assert mime.find("m:sub-class-of", ns).get("type") == "application/json"


def test_windows_installer_is_per_user_and_associates_bpgraph() -> None:
    iss = (PACKAGING / "windows" / "backprop-studio.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss
    assert "ChangesAssociations=yes" in iss
    assert 'Subkey: "Software\\Classes\\.bpgraph"' in iss
    assert '"""{app}\\{#AppExe}"" ""%1"""' in iss  # the open command passes the file
    assert "{autoprograms}" in iss  # Start menu


def test_spec_ships_every_resource_and_the_gui() -> None:
    """The spec collects resources/ wholesale into nodeeditor/resources and names every submodule."""
    spec = (PACKAGING / "backprop-studio.spec").read_text(encoding="utf-8")
    assert 'RESOURCES = ROOT / "resources"' in spec
    assert 'RESOURCES.rglob("*")' in spec
    assert 'Path("nodeeditor", "resources", f.parent.relative_to(RESOURCES))' in spec
    assert 'collect_submodules("nodeeditor")' in spec
    for module in ("QtCore", "QtGui", "QtWidgets", "QtSvg"):
        assert f'"PySide6.{module}"' in spec
    assert "console=False" in spec  # windowed
    assert "exclude_binaries=True" in spec  # one folder


def test_qt_exclusions_keep_what_the_app_needs() -> None:
    """The Qt file filter of the spec, applied to names from the Linux and Windows wheels."""
    spec = (PACKAGING / "backprop-studio.spec").read_text(encoding="utf-8")
    block = spec[spec.index("EXCLUDED_QT = [") : spec.index("]\n_excluded")] + "]"
    namespace: dict = {}
    exec(block, namespace)  # a list of regex literals only
    excluded = re.compile("|".join(f"(?:{p})" for p in namespace["EXCLUDED_QT"]))
    kept = [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/translations/qtbase_ko.qm",
        "PySide6/Qt/translations/qt_ko.qm",
        "PySide6/Qt6Widgets.dll",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets",
        "nodeeditor/resources/icons/backprop-studio.svg",
        "nodeeditor/resources/translations/backprop_studio_ko.qm",  # ours, not one of Qt's
        "nodeeditor/resources/examples/04_buying_apples.bpgraph",
    ]
    dropped = [
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/assistant_ko.qm",
        "PySide6/Qt6Quick.dll",
        "PySide6/opengl32sw.dll",
        "PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml",
    ]
    assert [f for f in kept if excluded.search("/" + f)] == []
    assert [f for f in dropped if not excluded.search("/" + f)] == []


def test_freeze_pins_satisfy_the_project_dependencies() -> None:
    pins = {}
    for line in (PACKAGING / "requirements-freeze.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.lower()] = version
    assert int(pins["pyside6-essentials"].split(".")[1]) < 12, "PySide6 6.12.0 crashes on Python <= 3.11"
    assert pins["pyside6-essentials"] == pins["shiboken6"]
    deps = subprocess.run(
        [sys.executable, str(PACKAGING / "project_deps.py")], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    names = {re.split(r"[<>=!;~ ]", d, maxsplit=1)[0].lower() for d in deps}
    assert names <= set(pins), f"pin {names - set(pins)} in packaging/requirements-freeze.txt"


def test_make_icons_renders_every_size(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtSvg")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, str(PACKAGING / "make_icons.py"), str(tmp_path)],
        check=True,
        env=env,
        capture_output=True,
        timeout=120,
    )
    for n in (16, 48, 256, 1024):
        png = (tmp_path / f"backprop-studio-{n}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(png[16:20], "big") == n  # IHDR width


# -- the MIT licence reaches every artefact ---------------------------------------------------


def _pyproject() -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_license_is_mit_as_an_spdx_expression_with_its_file() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) ")
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text
    project = _pyproject()["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # PEP 639: the expression only
    # setuptools understands the SPDX string and license-files from 77 on (PEP 639).
    (setuptools,) = [r for r in _pyproject()["build-system"]["requires"] if r.startswith("setuptools")]
    assert re.fullmatch(r"setuptools>=(7[7-9]|[89]\d)(\.\d+)*", setuptools), setuptools


def test_deb_copyright_starts_with_the_license_then_the_bundled_parts(tmp_path: Path) -> None:
    """Runs the line of build-linux.sh that writes /usr/share/doc/backprop-studio/copyright."""
    script = (PACKAGING / "build-linux.sh").read_text(encoding="utf-8")
    (line,) = [s for s in script.splitlines() if s.rstrip().endswith('"$ROOT/usr/share/doc/$APP/copyright"')]
    (tmp_path / "usr/share/doc/backprop-studio").mkdir(parents=True)
    env = {**os.environ, "REPO": str(ROOT), "ROOT": str(tmp_path), "APP": "backprop-studio"}
    subprocess.run(["bash", "-euo", "pipefail", "-c", line], env=env, check=True, timeout=30)
    copyright = (tmp_path / "usr/share/doc/backprop-studio/copyright").read_text(encoding="utf-8")
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert copyright.startswith(license_text)
    assert "Qt 6 for Python" in copyright[len(license_text) :]


def test_windows_and_macos_recipes_ship_the_license() -> None:
    iss = (PACKAGING / "windows" / "backprop-studio.iss").read_text(encoding="utf-8")
    default = re.search(r'#define LicenseFile "([^"]+)"', iss).group(1)
    assert (PACKAGING / "windows" / default.replace("\\", "/")).resolve() == ROOT / "LICENSE"
    assert 'Source: "{#LicenseFile}"; DestDir: "{app}"; DestName: "LICENSE.txt"' in iss
    dmg = (PACKAGING / "macos" / "make-dmg.sh").read_text(encoding="utf-8")
    assert 'REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"' in dmg
    assert 'cp "$REPO/LICENSE" "$STAGE/LICENSE.txt"' in dmg
    spec = (PACKAGING / "backprop-studio.spec").read_text(encoding="utf-8")
    assert 'datas.append((str(ROOT / "LICENSE"), "."))' in spec  # inside the frozen app on every system
