"""The wheel, installed away from the checkout, finds its resources; so does a checkout.

The resources live in the top-level ``resources/`` folder and are installed as
``nodeeditor/resources``; ``nodeeditor.resources_dir()`` finds them in both places.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "nodeeditor", "resources")

PROBE = """
import sys
from pathlib import Path

import nodeeditor
from nodeeditor.gui.app import app_icon, application
from nodeeditor.gui.files import example_paths
from nodeeditor.gui.i18n import install_translators
from PySide6.QtCore import QCoreApplication

print(Path(nodeeditor.__file__).parent)
print(nodeeditor.resources_dir())
print(*[p.name for p in example_paths()], sep=",")
app = application()
print(install_translators(app, "ko"), QCoreApplication.translate("MainWindow", "&File"))
print("icon", not app_icon().isNull())
"""


def _setuptools_version() -> tuple[int, ...]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return tuple(int(p) for p in version("setuptools").split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return (0,)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of what the build reads, so building leaves the checkout clean."""
    if _setuptools_version() < (77,):
        pytest.skip("building offline needs setuptools>=77, as in the test extra (pip install -e '.[test]')")
    src = tmp_path_factory.mktemp("build") / "src"
    src.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, src / name)
    return src


@pytest.fixture(scope="module")
def wheel(sources: Path) -> Path:
    """Built offline with the setuptools of the test extra, as pip builds it."""
    work, src = sources.parent, sources
    subprocess.run(
        [*PIP, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(work), str(src)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = work.glob("backprop_studio-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path) -> Path:
    """The wheel installed into a folder of its own (the interpreter's numpy and Qt serve it)."""
    target = wheel.parent.parent / "site"
    subprocess.run(
        [*PIP, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return target


def _run_outside(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, encoding="utf-8", timeout=120
    )


def test_wheel_holds_every_module_and_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "nodeeditor").rglob("*.py")}
    assert modules - names == set(), "a package is missing from [tool.setuptools] packages"
    shipped = {f"nodeeditor/resources/{p.relative_to(RESOURCES).as_posix()}" for p in RESOURCES.rglob("*.*")}
    assert shipped - names == set()
    assert not any(n.startswith("resources/") for n in names)  # nothing at the top of site-packages


def test_wheel_and_sdist_carry_the_license(wheel: Path, sources: Path) -> None:
    license_text = (ROOT / "LICENSE").read_bytes()
    with zipfile.ZipFile(wheel) as z:
        (dist_info,) = {n.split("/")[0] for n in z.namelist() if ".dist-info/" in n}
        assert z.read(f"{dist_info}/licenses/LICENSE") == license_text
        metadata = z.read(f"{dist_info}/METADATA").decode()
    assert "License-Expression: MIT\n" in metadata
    assert "License-File: LICENSE\n" in metadata

    build_sdist = "import sys; from setuptools.build_meta import build_sdist; print(build_sdist(sys.argv[1]))"
    out = sources.parent / "sdist"
    made = subprocess.run(
        [sys.executable, "-c", build_sdist, str(out)], cwd=sources, check=True, capture_output=True, text=True
    )
    sdist = out / made.stdout.split()[-1]
    with tarfile.open(sdist) as tar:
        top = sdist.name.removesuffix(".tar.gz")
        assert tar.extractfile(f"{top}/LICENSE").read() == license_text
        names = set(tar.getnames())
    assert {f"{top}/resources/{p.relative_to(RESOURCES).as_posix()}" for p in RESOURCES.rglob("*.*")} <= names


def test_installed_wheel_finds_examples_translation_and_icon(installed: Path, tmp_path: Path) -> None:
    probe = _run_outside(installed, "-c", PROBE, cwd=tmp_path)
    assert probe.returncode == 0, probe.stderr
    package, resources, examples, korean, icon = probe.stdout.splitlines()
    assert Path(package) == installed / "nodeeditor"  # not the checkout
    assert Path(resources) == installed / "nodeeditor" / "resources"
    assert examples.split(",") == sorted(p.name for p in (RESOURCES / "examples").glob("*.bpgraph"))
    assert korean == "ko 파일(&F)"
    assert icon == "icon True"

    example = next((installed / "nodeeditor" / "resources" / "examples").glob("*buying_apples.bpgraph"))
    ran = _run_outside(installed, "-m", "nodeeditor", "eval", str(example), cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert "220" in ran.stdout


def test_a_checkout_uses_the_top_level_resources_even_with_a_stale_package_folder(tmp_path: Path) -> None:
    """Pulling the move leaves ``nodeeditor/resources/__pycache__`` behind (git keeps ignored files)."""
    checkout = tmp_path / "checkout"
    (checkout / "nodeeditor" / "resources" / "examples" / "__pycache__").mkdir(parents=True)
    shutil.copy2(ROOT / "nodeeditor" / "__init__.py", checkout / "nodeeditor" / "__init__.py")
    shutil.copytree(RESOURCES / "icons", checkout / "resources" / "icons")
    ran = _run_outside(checkout, "-c", "import nodeeditor; print(nodeeditor.resources_dir())", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert Path(ran.stdout.strip()) == checkout / "resources"
