"""The graph drawn in a few bulk calls, for zoom levels where items are specks.

Below ``OVERVIEW_ZOOM`` the view paints this instead of asking every item to
paint itself (one Python call per item is what makes 10,000 nodes slow):
wires as a few big paths, nodes as plain rectangles (no text, sockets or
rounded corners), selection and the step-through highlight on top. The items
stay in the scene, so hit tests, rubber-band selection and export work as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from . import style
from .edge_item import EdgeItem
from .node_item import NodeItem

if TYPE_CHECKING:
    from .scene import GraphScene

OVERVIEW_ZOOM = 0.3  # the grid goes at the same zoom
CELL = 3000.0  # scene units per tile: only tiles in the exposed rect are drawn


class _Tile:
    def __init__(self) -> None:
        self.wires = QPainterPath()
        self.arrows = QPainterPath()
        self.bodies: list[QRectF] = []
        self.titles: dict[str, list[QRectF]] = {}
        self.wire_bounds = QRectF()
        self.node_bounds = QRectF()


class Overview:
    def __init__(self, scene: GraphScene) -> None:
        self.scene = scene
        self._key: object = None
        self._tiles: list[_Tile] = []

    def _build(self) -> None:
        scene = self.scene
        tiles: dict[tuple[int, int], _Tile] = {}

        def tile(x: float, y: float) -> _Tile:
            k = (int(x // CELL), int(y // CELL))
            t = tiles.get(k)
            if t is None:
                t = tiles[k] = _Tile()
            return t

        for edge in scene.edge_items.values():
            if not edge.isVisible() or edge.path.isEmpty():  # elementAt(0) of an empty path crashes
                continue
            start = edge.path.elementAt(0)
            t = tile(start.x, start.y)
            t.wires.addPath(edge.path)
            t.arrows.addPolygon(edge.arrow)
        for item in scene.node_items.values():
            x, y = item.x(), item.y()
            t = tile(x, y)
            t.bodies.append(QRectF(x, y, style.NODE_WIDTH, item.height))
            color = style.category_color(item.node.type).name()
            t.titles.setdefault(color, []).append(QRectF(x, y, style.NODE_WIDTH, style.TITLE_HEIGHT))
        for t in tiles.values():
            t.wire_bounds = t.wires.controlPointRect().adjusted(-2, -2, 2, 2)
            r = QRectF()
            for b in t.bodies:
                r = r.united(b)
            t.node_bounds = r.adjusted(-2, -2, 2, 2)
        self._tiles = list(tiles.values())

    def key(self) -> object:
        """Changes whenever the bulk picture would."""
        scene = self.scene
        drag = scene._drag
        return (scene.geometry_version, len(scene.node_items), len(scene.edge_items),
                id(drag.picked_up) if drag is not None else None)  # fmt: skip

    def paint_bulk(self, painter: QPainter, exposed: QRectF) -> None:
        """Wires and nodes: what the view keeps in its overview pixmap."""
        key = self.key()
        if key != self._key:
            self._build()
            self._key = key
        painter.setPen(QPen(style.WIRE_COLOR, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        shown = [t for t in self._tiles if t.wire_bounds.intersects(exposed)]
        for t in shown:
            painter.drawPath(t.wires)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.WIRE_COLOR)
        for t in shown:
            painter.drawPath(t.arrows)
        shown = [t for t in self._tiles if t.node_bounds.intersects(exposed)]
        painter.setPen(QPen(style.NODE_BORDER, 1.2))
        painter.setBrush(style.NODE_FILL)
        for t in shown:
            painter.drawRects(t.bodies)
        painter.setPen(Qt.PenStyle.NoPen)
        for t in shown:
            for color, rects in t.titles.items():
                painter.setBrush(QColor(color))
                painter.drawRects(rects)

    def paint_marks(self, painter: QPainter) -> None:
        """Wires on the paths to the loss, selected wires and nodes, the step-through node, a
        wire being dragged."""
        scene = self.scene
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pen = QPen(style.PATH_COLOR, 3)
        pen.setCosmetic(True)  # pixels on screen, however far out: the paths stay in sight
        painter.setPen(pen)
        for key in scene.modes.highlight:
            item = scene.edge_items.get(key)
            if item is not None:
                painter.drawPath(item.path)
        selected = scene.selectedItems()
        painter.setPen(QPen(style.WIRE_SELECTED, 3))
        for item in selected:
            if isinstance(item, EdgeItem):
                painter.drawPath(item.path)
        painter.setPen(QPen(style.NODE_SELECTED, 2.5))
        for item in selected:
            if isinstance(item, NodeItem):
                painter.drawRect(QRectF(item.x(), item.y(), style.NODE_WIDTH, item.height))
        step = scene.stepping.current if scene.stepping else None
        if step in scene.node_items:
            item = scene.node_items[step]
            painter.setPen(QPen(style.STEP_CURRENT, 4))
            painter.drawRect(QRectF(item.x(), item.y(), style.NODE_WIDTH, item.height))
        if scene._drag is not None:
            painter.setPen(scene._drag.item.pen())
            painter.drawPath(scene._drag.item.path())
