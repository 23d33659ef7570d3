"""Entry point of the frozen Backprop Studio (PyInstaller runs this file).

It does exactly what the ``nodeeditor`` console script does, so the frozen app
and ``pip install`` behave the same: ``nodeeditor [FILE]`` opens the editor,
``nodeeditor eval|check|export ...`` runs the command line.
"""

import sys

from nodeeditor.cli import main

if __name__ == "__main__":
    sys.exit(main())
