"""Pictures of a graph with all its labels, drawn by the same scene as the window."""

from __future__ import annotations

import errno
import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from ..model.errors import Text, Translate
from ..model.ops import QT_TRANSLATE_NOOP
from . import style
from .scene import GraphScene

MARGIN = 30.0
SCALE = 2.0  # PNGs at twice the scene's size, sharp on slides
MAX_PIXELS = 8192  # the longer side of a PNG at most (~256 MB while drawn); a bigger graph is scaled down


class ExportError(OSError):
    """A picture not written: ``str()`` in English (the CLI), ``translated()`` for the window.

    The message names the output path and the reason, on one line."""

    def __init__(self, template: str, **params: object) -> None:
        self.text = Text("export", template, **params)
        super().__init__(str(self.text))

    def translated(self, translate: Translate) -> str:
        return self.text.translated(translate)


def export_scene(scene: GraphScene, path: Path) -> None:
    """Write the whole graph as PNG or SVG (by the file's extension).

    The picture shows the graph, not the moment: no selection, no step-through
    highlight, labels at their own size (the window keeps all three)."""
    _check_target(path)
    with _without_transient_state(scene):
        scene.arrange_labels()
        source = _source_rect(scene)
        svg = path.suffix.lower() == ".svg"
        data = _svg_bytes(scene, source) if svg else _png_bytes(scene, source)
    _write(path, data)


@contextmanager
def _without_transient_state(scene: GraphScene) -> Iterator[None]:
    selected = scene.selectedItems()
    stepping, label_scale, title_scale = scene.stepping, scene.label_scale, scene.title_scale
    scene.clearSelection()
    if stepping is not None:
        scene.set_stepping(None)
    scene.set_label_scale(1.0)  # the labels' own size, not the one that suits the window's zoom
    scene.set_title_scale(1.0)
    try:
        yield
    finally:
        scene.set_label_scale(label_scale)
        scene.set_title_scale(title_scale)
        if stepping is not None:
            scene.set_stepping(stepping)
        for item in selected:
            if item.scene() is scene:
                item.setSelected(True)


def _source_rect(scene: GraphScene) -> QRectF:
    """What to draw: the items, within the range where nodes are drawn (style.COORD_LIMIT)."""
    limit = style.COORD_LIMIT + 1000
    bounds = QRectF(-limit, -limit, 2 * limit, 2 * limit)
    source = scene.itemsBoundingRect().intersected(bounds).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    if source.isEmpty() or not all(map(math.isfinite, source.getCoords())):
        source = QRectF(0, 0, 200, 100)
    return source


def picture_size(source: QRectF) -> QSize:
    """The PNG's size: SCALE times the scene, or less so the longer side is at most MAX_PIXELS."""
    scale = min(SCALE, MAX_PIXELS / max(source.width(), source.height()))
    width = min(MAX_PIXELS, max(1, round(source.width() * scale)))
    height = min(MAX_PIXELS, max(1, round(source.height() * scale)))
    return QSize(width, height)


def _png_bytes(scene: GraphScene, source: QRectF) -> bytes:
    image = QImage(picture_size(source), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return data.data()


def _svg_bytes(scene: GraphScene, source: QRectF) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(picture_size(source) / SCALE)  # its nominal size; the drawing stays vector
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle("Backprop Studio graph")
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    buffer.close()
    return data.data()


def _check_target(path: Path) -> None:
    """Refuse at once, before drawing, what cannot be written: the reason as the OS words it."""
    if path.is_dir():
        _refuse(path, os.strerror(errno.EISDIR))
    folder = path.parent
    if not folder.is_dir():
        blocked = any(p.exists() and not p.is_dir() for p in (folder, *folder.parents))
        _refuse(path, os.strerror(errno.ENOTDIR if blocked else errno.ENOENT))


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        _refuse(path, exc.strerror or exc.__class__.__name__)


def _refuse(path: Path, reason: str) -> None:
    raise ExportError(
        QT_TRANSLATE_NOOP("export", "cannot write the picture {path}: {reason}"), path=path, reason=reason
    )


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
