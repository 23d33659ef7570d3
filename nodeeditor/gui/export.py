"""Pictures of a graph with all its labels, drawn by the same scene as the window."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from ..model.errors import Text, Translate
from ..model.ops import QT_TRANSLATE_NOOP
from .scene import GraphScene

MARGIN = 30.0
SCALE = 2.0  # PNGs at twice the scene's size, sharp on slides


class ExportError(OSError):
    """A picture not written: ``str()`` in English (the CLI), ``translated()`` for the window."""

    def __init__(self, template: str, **params: object) -> None:
        self.text = Text("export", template, **params)
        super().__init__(str(self.text))

    def translated(self, translate: Translate) -> str:
        return self.text.translated(translate)


def export_scene(scene: GraphScene, path: Path) -> None:
    """Write the whole graph as PNG or SVG (by the file's extension)."""
    scene.clearSelection()
    scene.arrange_labels()
    source = scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    if source.isEmpty():
        source = QRectF(0, 0, 200, 100)
    if path.suffix.lower() == ".svg":
        _export_svg(scene, source, path)
    else:
        _export_png(scene, source, path)


def _export_png(scene: GraphScene, source: QRectF, path: Path) -> None:
    size = QSize(int(source.width() * SCALE), int(source.height() * SCALE))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    if not image.save(str(path)):
        raise ExportError(QT_TRANSLATE_NOOP("export", "cannot write the picture {path}"), path=path)


def _export_svg(scene: GraphScene, source: QRectF, path: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle("Backprop Studio graph")
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(QT_TRANSLATE_NOOP("export", "cannot write the drawing {path}"), path=path)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    if not path.exists():
        raise ExportError(QT_TRANSLATE_NOOP("export", "cannot write the drawing {path}"), path=path)


def export_file(graph_path: str, out_path: str) -> None:
    """``nodeeditor export``: headless, with no window and no display needed."""
    from ..model import load

    out = Path(out_path)
    if out.suffix.lower() not in (".png", ".svg"):
        raise ValueError(f"{out_path}: the picture must end in .png or .svg")
    graph = load(graph_path)  # errors name the file before Qt starts
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from .app import application
    from .document import Document

    application()
    scene = GraphScene(Document(graph))
    export_scene(scene, out)
