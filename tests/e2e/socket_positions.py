"""Where the editor's window draws each socket of a graph file, for the end-to-end test.

Run as ``python socket_positions.py FILE WIDTH HEIGHT`` (offscreen): it builds the same
window as ``python -m nodeeditor FILE``, at the size the real window has, frames the graph
as the real one does when shown, and prints JSON: each socket's position in window
coordinates ("node_id:port" for an input, "node_id:out" for the output), the zoom and
the window's size.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint

from nodeeditor.gui.app import application
from nodeeditor.gui.main_window import MainWindow


def main() -> None:
    path, width, height = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    app = application()
    window = MainWindow()
    window.open_path(path)
    window.resize(width, height)
    window.show()
    window.view.frame_when_shown()  # as gui.app.run() does
    for _ in range(10):
        app.processEvents()
    view = window.view
    sockets = {}
    for node_id, item in window.scene.node_items.items():
        named = [(str(p), s) for p, s in enumerate(item.inputs)]
        if item.output is not None:
            named.append(("out", item.output))
        for port, socket in named:
            p: QPoint = view.viewport().mapTo(window, view.mapFromScene(socket.scenePos()))
            sockets[f"{node_id}:{port}"] = [p.x(), p.y()]
    print(json.dumps({"sockets": sockets, "zoom": view.zoom, "size": [window.width(), window.height()]}))
    window.autosave.close()


if __name__ == "__main__":
    main()
