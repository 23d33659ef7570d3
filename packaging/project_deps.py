"""Print the app's runtime dependencies from pyproject.toml, one per line.

The build scripts install them (at the versions pinned in
requirements-freeze.txt) into the freezing environment, so a dependency added
to pyproject.toml reaches the installers without editing the recipes.
"""

import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10 (the build scripts install tomli there)
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
FALLBACK = ["numpy", "PySide6-Essentials"]  # before pyproject.toml exists

try:
    with PYPROJECT.open("rb") as f:
        deps = tomllib.load(f)["project"].get("dependencies", [])
except FileNotFoundError:
    deps = FALLBACK
sys.stdout.write("".join(f"{d}\n" for d in deps))
