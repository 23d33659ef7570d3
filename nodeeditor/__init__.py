"""Backprop Studio: computational graphs with live forward values and gradients."""

from pathlib import Path

__version__ = "0.1.0"


def resources_dir() -> Path:
    """The folder of examples, translations and icons. Installed (wheel, installers) it is
    ``nodeeditor/resources``; in a checkout or an editable install it is the top-level
    ``resources/``. The icon marks the real one: a checkout may keep an empty
    ``nodeeditor/resources/__pycache__`` from before the folder moved."""
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if (installed / "icons" / "backprop-studio.svg").is_file():
        return installed
    return package.parent / "resources"
