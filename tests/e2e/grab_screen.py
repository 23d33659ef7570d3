"""Save the whole X screen as a PNG: ``python grab_screen.py OUT.png`` with DISPLAY set.

A separate Qt client on the display (xcb) grabs the root window, so the end-to-end
test needs neither ImageMagick nor xwd.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    pixmap = app.primaryScreen().grabWindow(0)
    return 0 if not pixmap.isNull() and pixmap.save(sys.argv[1], "PNG") else 1


if __name__ == "__main__":
    sys.exit(main())
